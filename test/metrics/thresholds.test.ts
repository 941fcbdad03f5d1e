import { describe, expect, it } from "vitest";
import { confusionAt, thresholdCounts } from "../../src/metrics/thresholds.js";
import { radvalErrorOf } from "../helpers.js";

/** Brute-force confusion counts: called positive when score ≥ t ("<") or ≤ t (">"). */
function brute(truth: number[], score: number[], t: number, direction: "<" | ">") {
  let tp = 0;
  let fp = 0;
  truth.forEach((y, i) => {
    const called = direction === "<" ? score[i]! >= t : score[i]! <= t;
    if (called && y === 1) tp++;
    if (called && y === 0) fp++;
  });
  return { tp, fp, tn: truth.filter((v) => v === 0).length - fp, fn: truth.filter((v) => v === 1).length - tp };
}

describe("thresholdCounts (the one thresholds primitive)", () => {
  const truth = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0];
  const score = [0.9, 0.4, 0.4, 0.7, 0.2, 0.7, 0.1, 0.05, 0.7, 0.4];

  it("lists distinct values most-positive first with cumulative counts; ties stay together", () => {
    const c = thresholdCounts(truth, score);
    expect(Array.from(c.values)).toEqual([0.9, 0.7, 0.4, 0.2, 0.1, 0.05]);
    expect(Array.from(c.tp)).toEqual([1, 3, 4, 4, 5, 5]);
    expect(Array.from(c.fp)).toEqual([0, 1, 3, 4, 4, 5]);
    expect(c.nPositive).toBe(5);
    expect(c.nNegative).toBe(5);
  });

  it("direction '>' orders ascending and calls low scores positive", () => {
    const c = thresholdCounts(truth, score, { direction: ">" });
    expect(Array.from(c.values)).toEqual([0.05, 0.1, 0.2, 0.4, 0.7, 0.9]);
    expect(Array.from(c.tp)).toEqual([0, 1, 1, 2, 4, 5]);
  });

  it.each(["<", ">"] as const)("confusionAt equals brute force at every threshold, between values and beyond the range (%s)", (direction) => {
    const c = thresholdCounts(truth, score, { direction });
    for (const t of [-1, 0.05, 0.07, 0.1, 0.2, 0.3, 0.4, 0.55, 0.7, 0.9, 2, -Infinity, Infinity]) {
      expect(confusionAt(c, t)).toEqual(brute(truth, score, t, direction));
    }
  });

  it("rejects bad input", () => {
    expect(radvalErrorOf(() => thresholdCounts([1, 1], [0.1, 0.2])).code).toBe("SINGLE_CLASS");
    expect(radvalErrorOf(() => thresholdCounts([1, 0], [0.1, NaN])).code).toBe("NON_FINITE");
  });
});
