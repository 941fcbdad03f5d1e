import { describe, expect, it } from "vitest";
import { condensedGet, condensedIndex, condensedLength } from "../../src/cluster/condensed.js";
import { correlationMatrix } from "../../src/cluster/correlation.js";
import { averageRanks } from "../../src/cluster/ranks.js";
import { columnMatrix, getColumn, matrixFromColumns } from "../../src/core/matrix.js";
import { createRng } from "../../src/core/rng.js";
import { loadExample } from "../../src/io/examples.js";
import { radvalErrorOf } from "../helpers.js";

/** Textbook two-pass Pearson correlation of two arrays (independent of the X'X kernel). */
function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]! / n;
    mb += b[i]! / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe("condensed storage", () => {
  it("uses R's dist order: (0,1), (0,2), …, (1,2), …", () => {
    const p = 5;
    const seen: number[] = [];
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) seen.push(condensedIndex(p, i, j));
    expect(seen).toEqual(Array.from({ length: condensedLength(p) }, (_, t) => t));
    expect(condensedIndex(p, 3, 1)).toBe(condensedIndex(p, 1, 3));
  });
});

describe("correlationMatrix", () => {
  it("equals the textbook Pearson formula on every WDBC pair (1e-13 abs), in every position of the 4-wide kernel", () => {
    const wdbc = loadExample("wdbc");
    const r = correlationMatrix(wdbc.x, "pearson");
    for (let i = 0; i < 30; i++) {
      for (let j = i + 1; j < 30; j++) {
        // tolerance 1e-13 abs: two summation orders of the same quantity
        expect(Math.abs(condensedGet(r, i, j) - pearson(getColumn(wdbc.x, i), getColumn(wdbc.x, j)))).toBeLessThan(1e-13);
      }
    }
  });

  it("Spearman = Pearson on average ranks; ranks average ties like R's rank()", () => {
    expect(Array.from(averageRanks([10, 20, 20, 5, 20]))).toEqual([2, 4, 4, 1, 4]);
    const a = [1, 2, 2, 3, 10];
    const b = [5, 4, 4, 1, 0];
    const r = correlationMatrix(matrixFromColumns([a, b]), "spearman");
    // tolerance 1e-15 abs; R: cor(c(1,2,2,3,10), c(5,4,4,1,0), method = "spearman") = -1
    expect(Math.abs(condensedGet(r, 0, 1) + 1)).toBeLessThan(1e-15);
    const monotone = correlationMatrix(matrixFromColumns([[1, 2, 3, 4], [1, 8, 27, 64]]), "spearman");
    expect(condensedGet(monotone, 0, 1)).toBeCloseTo(1, 15); // 1e-15: ranks identical
  });

  it("is invariant to shifting and positive scaling of a column and flips sign with negation", () => {
    const rng = createRng(5);
    const a = Array.from({ length: 50 }, () => rng.normal());
    const b = a.map((v) => v + rng.normal(0, 0.5));
    const base = condensedGet(correlationMatrix(matrixFromColumns([a, b])), 0, 1);
    const moved = condensedGet(correlationMatrix(matrixFromColumns([a.map((v) => 1e6 + 3 * v), b])), 0, 1);
    const negated = condensedGet(correlationMatrix(matrixFromColumns([a.map((v) => -v), b])), 0, 1);
    expect(Math.abs(moved - base)).toBeLessThan(1e-9); // 1e-9 abs: centring 1e6-offset data
    expect(negated).toBeCloseTo(-base, 14); // 1e-14: same sums, sign flipped
  });

  it("stores 0 for a constant column and lists it", () => {
    const r = correlationMatrix(matrixFromColumns([[1, 2, 3, 4], [7, 7, 7, 7], [2, 1, 4, 3]]));
    expect(r.constantColumns).toEqual([1]);
    expect(condensedGet(r, 0, 1)).toBe(0);
    expect(condensedGet(r, 1, 2)).toBe(0);
  });

  it("rejects missing values (naming the feature and row) and fewer than 3 rows", () => {
    const e = radvalErrorOf(() => correlationMatrix(matrixFromColumns([[1, 2, 3], [1, NaN, 2]]), "pearson", ["a", "b"]));
    expect(e.code).toBe("MISSING_VALUES");
    expect(e.message).toContain('feature "b"');
    expect(e.message).toContain("row 2");
    expect(radvalErrorOf(() => correlationMatrix(columnMatrix(2, 2, Float64Array.of(1, 2, 3, 4)))).code).toBe("TOO_FEW_CASES");
  });
});
