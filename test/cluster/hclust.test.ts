import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { absCorrelationDistance, correlationMatrix } from "../../src/cluster/correlation.js";
import { cutreeHeight } from "../../src/cluster/cutree.js";
import { type Linkage, hclust } from "../../src/cluster/hclust.js";
import { matrixFromRows } from "../../src/core/matrix.js";
import { loadExample } from "../../src/io/examples.js";
import { radvalErrorOf } from "../helpers.js";

// References: R 4.2.2 stats::hclust / cutree
//   ../shared/fixtures/fx_hclust_ccc.R → test/fixtures/hclust_wdbc.json (30 WDBC features; 15 significant digits)
//   test/fixtures/fx_reliability_extra.R → test/fixtures/hclust_extra.json (tied integer dist; simulated 60 × 80 matrix)
const load = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));
const wdbcRef = load("hclust_wdbc.json");
const extra = load("hclust_extra.json");

/** Same partition (cluster ids may differ). */
function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  const ab = new Map<number, number>();
  const ba = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    if ((ab.get(a[i]!) ?? b[i]) !== b[i] || (ba.get(b[i]!) ?? a[i]) !== a[i]) return false;
    ab.set(a[i]!, b[i]!);
    ba.set(b[i]!, a[i]!);
  }
  return true;
}

function pairs(merge: Int32Array): number[][] {
  const out: number[][] = [];
  for (let s = 0; s < merge.length / 2; s++) out.push([merge[2 * s]!, merge[2 * s + 1]!]);
  return out;
}

describe("hclust on 1 − |cor| of the 30 WDBC features, against R", () => {
  const wdbc = loadExample("wdbc");
  for (const c of wdbcRef.cases as Array<{ correlation: "pearson" | "spearman"; linkage: Linkage; merge: number[][]; height: number[]; order: number[]; cuts: Array<{ r: number; membership: number[]; n_clusters: number }> }>) {
    it(`${c.correlation} / ${c.linkage}: R's merge table and order exactly, heights to 1e-10, identical memberships at |r| = 0.95, 0.9, 0.8, 0.7`, () => {
      const r = correlationMatrix(wdbc.x, c.correlation);
      const tree = hclust(absCorrelationDistance(r), 30, c.linkage);
      expect(pairs(tree.merge)).toEqual(c.merge);
      expect(Array.from(tree.order)).toEqual(c.order);
      // tolerance 1e-10 abs on heights (the issue's; measured ~2e-15)
      c.height.forEach((h, s) => expect(Math.abs(tree.height[s]! - h)).toBeLessThan(1e-10));
      for (const cut of c.cuts) {
        const membership = cutreeHeight(tree, 1 - cut.r);
        expect(samePartition(membership, cut.membership)).toBe(true);
        // R numbers clusters by first appearance, and so do we: the ids are identical too
        expect(Array.from(membership)).toEqual(cut.membership);
      }
    });
  }
});

describe("hclust with exact ties (8 objects, integer dissimilarities), against R", () => {
  for (const c of extra.tied.cases as Array<{ method: Linkage; merge: number[][]; height: number[]; order: number[]; cuts: Array<{ h: number; membership: number[] }> }>) {
    it(`${c.method}: same heights (exact) and partitions at every height; R's tie order reproduced on this example`, () => {
      const tree = hclust(Float64Array.from(extra.tied.dist), 8, c.method);
      expect(Array.from(tree.height)).toEqual(c.height);
      for (const cut of c.cuts) expect(samePartition(cutreeHeight(tree, cut.h), cut.membership)).toBe(true);
      // R's tie-break (smallest label pair first) is mimicked; the docs only promise partitions under ties
      expect(pairs(tree.merge)).toEqual(c.merge);
      expect(Array.from(tree.order)).toEqual(c.order);
    });
  }
});

describe("hclust on a simulated 60 × 80 block-correlated matrix, against R", () => {
  const x = matrixFromRows(extra.simulated.X);
  const r = correlationMatrix(x);
  for (const c of extra.simulated.cases as Array<{ method: Linkage; merge: number[][]; height: number[]; order: number[]; cuts: Array<{ h: number; membership: number[] }> }>) {
    it(`${c.method}: merge table and order identical, heights to 1e-10, partitions identical between every pair of heights`, () => {
      const tree = hclust(absCorrelationDistance(r), 80, c.method);
      expect(pairs(tree.merge)).toEqual(c.merge);
      expect(Array.from(tree.order)).toEqual(c.order);
      c.height.forEach((h, s) => expect(Math.abs(tree.height[s]! - h)).toBeLessThan(1e-10)); // 1e-10 abs
      // Cutting exactly at a merge height is ill-conditioned (heights agree to ~1e-15, not bit for bit):
      // compare R's cut at height h with ours midway between h and the next distinct height.
      c.cuts.forEach((cut, t) => {
        const next = c.cuts[t + 1]?.h ?? cut.h + 1;
        expect(samePartition(cutreeHeight(tree, (cut.h + next) / 2), cut.membership)).toBe(true);
      });
    });
  }
});

describe("hclust properties and errors", () => {
  it("heights are non-decreasing and every object appears once in order", () => {
    const tree = hclust(Float64Array.from(extra.tied.dist), 8, "average");
    for (let s = 1; s < tree.height.length; s++) expect(tree.height[s]!).toBeGreaterThanOrEqual(tree.height[s - 1]!);
    expect([...tree.order].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("leaves its input alone with copy: true and uses it as scratch otherwise", () => {
    const d = Float64Array.from(extra.tied.dist);
    hclust(d, 8, "average", { copy: true });
    expect(Array.from(d)).toEqual(extra.tied.dist);
    hclust(d, 8, "average");
    expect(Array.from(d)).not.toEqual(extra.tied.dist);
  });

  it("two objects: one merge (−1, −2) at their distance", () => {
    const tree = hclust(Float64Array.of(0.3), 2, "complete");
    expect(pairs(tree.merge)).toEqual([[-1, -2]]);
    expect(Array.from(tree.height)).toEqual([0.3]);
  });

  it("rejects fewer than 2 objects, a wrong length, a NaN and an unknown linkage", () => {
    expect(radvalErrorOf(() => hclust(new Float64Array(0), 1)).code).toBe("TOO_FEW_FEATURES");
    expect(radvalErrorOf(() => hclust(new Float64Array(2), 3)).code).toBe("DIMENSION_MISMATCH");
    expect(radvalErrorOf(() => hclust(Float64Array.of(NaN), 2)).code).toBe("NON_FINITE");
    expect(radvalErrorOf(() => hclust(Float64Array.of(1), 2, "ward" as Linkage)).code).toBe("INVALID_OPTION");
  });
});
