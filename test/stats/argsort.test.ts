import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { argsortFloat64, sortFloat64, sortedRuns } from "../../src/stats/argsort.js";

describe("argsortFloat64 / sortedRuns", () => {
  it("sorts stably, with negatives, infinities, −0 and values differing only in the lowest bits", () => {
    const rng = createRng(5);
    const values: number[] = [];
    for (let i = 0; i < 3000; i++) values.push(rng.normal() * 100);
    values.push(0, -0, Infinity, -Infinity, 1, 1 + 2 ** -52, 1 + 2 ** -51, 1, -3.5, -3.5);
    for (let i = 0; i < 500; i++) values.push(Math.round(rng.normal())); // heavy ties
    const order = argsortFloat64(values);
    const expected = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
    expect(Array.from(order)).toEqual(expected);
  });

  it("marks the start of every run of equal values (−0 equal to +0)", () => {
    const values = [3, -0, 1, 0, 3, 1 + 2 ** -52, 1];
    const { order, newValue } = sortedRuns(values);
    const sorted = Array.from(order, (i) => values[i]!);
    for (let k = 0; k < sorted.length; k++) expect(newValue[k]).toBe(k === 0 || sorted[k] !== sorted[k - 1] ? 1 : 0);
  });

  it("negate sorts descending, still stable", () => {
    expect(Array.from(argsortFloat64([1, 3, 2, 3], true))).toEqual([1, 3, 2, 0]);
  });
});

describe("sortFloat64", () => {
  it("sorts like Float64Array.prototype.sort (−0 as +0), without touching the input", () => {
    const rng = createRng(12);
    const values = Float64Array.from({ length: 5000 }, () => rng.normal() * 1e3);
    values[7] = Infinity;
    values[8] = -Infinity;
    values[9] = -0;
    values[10] = 5e-324;
    values[11] = -5e-324;
    const copy = values.slice();
    const sorted = sortFloat64(values);
    expect(Array.from(values)).toEqual(Array.from(copy));
    const expected = copy.slice().sort();
    for (let k = 0; k < sorted.length; k++) expect(sorted[k] === expected[k]).toBe(true);
    expect(Object.is(sorted[Array.from(sorted).indexOf(0)], -0)).toBe(false);
  });
});
