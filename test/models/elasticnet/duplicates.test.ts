import { describe, expect, it } from "vitest";
import { gatherRows, gatherVector } from "../../../src/core/matrix.js";
import { hashRows, mergeDuplicateRows } from "../../../src/models/elasticnet/duplicates.js";
import { elasticNetPath } from "../../../src/models/elasticnet/path.js";
import { wdbc } from "./helpers.js";

const { x, y } = wdbc();

describe("mergeDuplicateRows", () => {
  it("groups bit-identical (x, y) rows in order of first occurrence and sums their weights", () => {
    const xs = { nRows: 5, nCols: 2, data: Float64Array.from([1, 2, 1, 1, 2, /* col 2 */ 3, 4, 3, 3, 4]) };
    const yy = Float64Array.from([0, 1, 0, 1, 1]);
    const w = Float64Array.from([1, 2, 3, 4, 5]);
    const m = mergeDuplicateRows(xs, null, yy, w)!;
    expect(Array.from(m.rows)).toEqual([0, 1, 3]); // row 3 has the x of row 0 but another y
    expect(Array.from(m.y)).toEqual([0, 1, 1]);
    expect(Array.from(m.w)).toEqual([4, 7, 4]);
    // A row subset: indices into x, y and w indexed like the subset.
    const sub = mergeDuplicateRows(xs, Int32Array.from([4, 1, 2]), Float64Array.from([1, 1, 0]), Float64Array.from([1, 1, 1]))!;
    expect(Array.from(sub.rows)).toEqual([4, 2]);
    expect(Array.from(sub.w)).toEqual([2, 1]);
    expect(mergeDuplicateRows(xs, Int32Array.from([0, 1]), Float64Array.from([0, 1]), Float64Array.from([1, 1]))).toBeNull();
    // 0 and −0 differ in bits: not merged (harmless, only less saving).
    const z = { nRows: 2, nCols: 1, data: Float64Array.from([0, -0]) };
    expect(mergeDuplicateRows(z, null, Float64Array.from([1, 1]), Float64Array.from([1, 1]))).toBeNull();
  });

  it("hashRows: null when the first columns already tell every row apart; rows equal on them are hashed in full", () => {
    expect(hashRows({ nRows: 3, nCols: 6, data: Float64Array.from({ length: 18 }, (_, k) => k) })).toBeNull();
    // Rows 0 and 1 agree on the first 5 columns and differ in the 6th; rows 0 and 2 are equal.
    const cols = [[1, 1, 1], [2, 2, 2], [3, 3, 3], [4, 4, 4], [5, 5, 5], [6, 7, 6]];
    const x = { nRows: 3, nCols: 6, data: Float64Array.from(cols.flat()) };
    const h = hashRows(x)!;
    expect(h[0]).toBe(h[2]);
    expect(h[0]).not.toBe(h[1]);
    const m = mergeDuplicateRows(x, null, Float64Array.from([1, 1, 1]), Float64Array.from([1, 1, 1]), h)!;
    expect(Array.from(m.rows)).toEqual([0, 1]);
    expect(Array.from(m.w)).toEqual([2, 1]);
  });

  it("a path on a sample with repeated rows equals the path on its distinct rows weighted by their counts", () => {
    const n = x.nRows;
    const idx = Int32Array.from({ length: n }, (_, i) => (i * 7919 + (i % 13) * 31) % n); // repeats some rows, drops others
    const xb = gatherRows(x, idx);
    const yb = gatherVector(y, idx);
    const counts = new Map<number, number>();
    for (const i of idx) counts.set(i, (counts.get(i) ?? 0) + 1);
    expect(counts.size).toBeLessThan(n);
    const distinct = Int32Array.from([...counts.keys()]);
    const weights = Array.from(distinct, (i) => counts.get(i)!);
    const a = elasticNetPath(xb, yb, { alpha: 0.8, thresh: 1e-12 });
    const b = elasticNetPath(gatherRows(x, distinct), gatherVector(y, distinct), { alpha: 0.8, thresh: 1e-12, weights });
    expect(a.nObservations).toBe(n);
    expect(a.npasses).toBe(b.npasses);
    expect(a.lambda.length).toBe(b.lambda.length);
    let d = 0;
    for (let l = 0; l < a.lambda.length; l++) {
      d = Math.max(d, Math.abs(a.lambda[l]! - b.lambda[l]!) / b.lambda[l]!, Math.abs(a.devRatio[l]! - b.devRatio[l]!));
      for (let j = 0; j < x.nCols; j++) d = Math.max(d, Math.abs(a.beta[j]![l]! - b.beta[j]![l]!) * a.xScale[j]!);
    }
    expect(d).toBeLessThan(1e-9); // rounding only
    expect(a.nulldev).toBeCloseTo(b.nulldev, 9);
  });
});
