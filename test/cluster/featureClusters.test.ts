import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clusterFeatures } from "../../src/cluster/featureClusters.js";
import { columnMatrix, getColumn, matrixFromColumns } from "../../src/core/matrix.js";
import { createRng } from "../../src/core/rng.js";
import { loadExample } from "../../src/io/examples.js";
import { radvalErrorOf } from "../helpers.js";

// Reference: R stats::hclust + cutree, ../shared/fixtures/fx_hclust_ccc.R → test/fixtures/hclust_wdbc.json
const ref = JSON.parse(readFileSync(new URL("../fixtures/hclust_wdbc.json", import.meta.url), "utf8"));

describe("clusterFeatures on WDBC", () => {
  const wdbc = loadExample("wdbc");
  const refCase = (correlation: string, linkage: string) => ref.cases.find((c: { correlation: string; linkage: string }) => c.correlation === correlation && c.linkage === linkage);

  it.each([
    ["pearson", "average"],
    ["pearson", "complete"],
    ["spearman", "average"],
    ["spearman", "single"],
  ] as const)("%s / %s at 0.9: R's cutree(h = 0.1) memberships, merges with sizes, R's order", (correlation, linkage) => {
    const result = clusterFeatures(wdbc.x, wdbc.featureNames, { correlation, linkage, threshold: 0.9 });
    const want = refCase(correlation, linkage);
    expect(result.membership).toEqual(want.cuts.find((c: { r: number }) => c.r === 0.9).membership);
    expect(result.merges.map((m) => [m.left, m.right])).toEqual(want.merge);
    expect(result.merges.at(-1)!.size).toBe(30);
    expect(result.order).toEqual(want.order);
    expect(result.clusters.flatMap((c) => c.members).sort()).toEqual([...wdbc.featureNames].sort());
  });

  it("meanAbsR is the mean |r| over member pairs; singletons have null", () => {
    const result = clusterFeatures(wdbc.x, wdbc.featureNames);
    const big = result.clusters.find((c) => c.members.length > 2)!;
    const idx = big.members.map((m) => wdbc.featureNames.indexOf(m));
    let s = 0;
    let k = 0;
    for (let a = 0; a < idx.length; a++) {
      for (let b = a + 1; b < idx.length; b++) {
        const ca = getColumn(wdbc.x, idx[a]!);
        const cb = getColumn(wdbc.x, idx[b]!);
        const n = ca.length;
        const ma = ca.reduce((u, v) => u + v, 0) / n;
        const mb = cb.reduce((u, v) => u + v, 0) / n;
        let sab = 0;
        let saa = 0;
        let sbb = 0;
        for (let i = 0; i < n; i++) {
          sab += (ca[i]! - ma) * (cb[i]! - mb);
          saa += (ca[i]! - ma) ** 2;
          sbb += (cb[i]! - mb) ** 2;
        }
        s += Math.abs(sab / Math.sqrt(saa * sbb));
        k++;
      }
    }
    expect(big.meanAbsR!).toBeCloseTo(s / k, 13); // 1e-13
    // every member pair of a cluster cut at 0.9 by average linkage has mean |r| ≥ 0.9
    for (const c of result.clusters) if (c.members.length > 1) expect(c.meanAbsR!).toBeGreaterThanOrEqual(0.9);
    expect(result.clusters.filter((c) => c.members.length === 1).every((c) => c.meanAbsR === null)).toBe(true);
  });

  it("threshold 1 keeps every feature alone unless perfectly correlated; a lower threshold gives fewer clusters", () => {
    const n1 = clusterFeatures(wdbc.x, wdbc.featureNames, { threshold: 1 }).clusters.length;
    const n9 = clusterFeatures(wdbc.x, wdbc.featureNames, { threshold: 0.9 }).clusters.length;
    const n7 = clusterFeatures(wdbc.x, wdbc.featureNames, { threshold: 0.7 }).clusters.length;
    expect(n1).toBe(30);
    expect(n9).toBe(21); // R: 21 clusters at r = 0.9 (fixture n_clusters)
    expect(n7).toBeLessThan(n9);
  });
});

describe("clusterFeatures edge cases", () => {
  it("p = 1: one singleton cluster, no merges, a TOO_FEW_FEATURES warning", () => {
    const result = clusterFeatures(matrixFromColumns([[1, 2, 3, 5]]), ["only"]);
    expect(result.clusters).toEqual([expect.objectContaining({ representative: "only", members: ["only"], meanAbsR: null })]);
    expect(result.merges).toEqual([]);
    expect(result.order).toEqual([1]);
    expect(result.warnings.map((w) => w.code)).toEqual(["TOO_FEW_FEATURES"]);
  });

  it("a constant feature stays a singleton with a warning", () => {
    const rng = createRng(3);
    const a = Array.from({ length: 20 }, () => rng.normal());
    const result = clusterFeatures(matrixFromColumns([a, a.map((v) => 2 * v + 0.01 * rng.normal()), new Array(20).fill(4)]), ["a", "b", "flat"]);
    expect(result.constantFeatures).toEqual(["flat"]);
    expect(result.clusters.map((c) => c.members)).toEqual([["a", "b"], ["flat"]]);
    expect(result.warnings.map((w) => w.code)).toContain("CONSTANT_FEATURE");
  });

  it("p = 5,000 works (condensed storage): correlated pairs end up together", () => {
    const n = 20;
    const p = 5000;
    const rng = createRng(11);
    const data = new Float64Array(n * p);
    for (let j = 0; j < p; j += 2) {
      for (let i = 0; i < n; i++) {
        const v = rng.normal();
        data[j * n + i] = v;
        data[(j + 1) * n + i] = v + 1e-3 * rng.normal();
      }
    }
    const names = Array.from({ length: p }, (_, j) => `f${j}`);
    const result = clusterFeatures(columnMatrix(n, p, data), names, { threshold: 0.99 });
    expect(result.merges.length).toBe(p - 1);
    for (let j = 0; j < p; j += 2) expect(result.membership[j]).toBe(result.membership[j + 1]);
    expect(result.clusters.length).toBe(p / 2);
  });

  it("rejects no features, mismatched names or outcome, and bad options naming the option", () => {
    expect(radvalErrorOf(() => clusterFeatures(columnMatrix(3, 0, new Float64Array(0)), [])).code).toBe("NO_FEATURES");
    expect(radvalErrorOf(() => clusterFeatures(matrixFromColumns([[1, 2, 3]]), ["a", "b"])).code).toBe("DIMENSION_MISMATCH");
    expect(radvalErrorOf(() => clusterFeatures(matrixFromColumns([[1, 2, 3]]), ["a"], { y: [0, 1] })).code).toBe("DIMENSION_MISMATCH");
    const e = radvalErrorOf(() => clusterFeatures(matrixFromColumns([[1, 2, 3]]), ["a"], { threshold: 1.5 }));
    expect(e.code).toBe("INVALID_OPTION");
    expect(e.message).toContain("--threshold");
  });
});
