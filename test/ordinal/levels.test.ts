import { describe, expect, it } from "vitest";
import { codeOrdinalOutcome, naturalLevelOrder } from "../../src/ordinal/levels.js";
import { cutoffIndicator, parseCutoff, parseCutoffs } from "../../src/ordinal/cutoffs.js";
import { radvalErrorOf } from "../helpers.js";

describe("ordinal levels", () => {
  it("orders numbers numerically and prefixed labels by their number", () => {
    expect(naturalLevelOrder(["10", "2", "1"])).toEqual(["1", "2", "10"]);
    expect(naturalLevelOrder(["F3", "F0", "F12", "F1"])).toEqual(["F0", "F1", "F3", "F12"]);
    expect(naturalLevelOrder(["mild", "severe"])).toBeNull();
    expect(naturalLevelOrder(["F1", "S2"])).toBeNull();
  });

  it("codes labels 0..K−1 in the given or natural order; numbers match numerically", () => {
    const c = codeOrdinalOutcome(["F2", "F0", "F1", "F2"]);
    expect(c.levels).toEqual(["F0", "F1", "F2"]);
    expect(Array.from(c.codes)).toEqual([2, 0, 1, 2]);
    expect(Array.from(c.counts)).toEqual([1, 1, 2]);
    const d = codeOrdinalOutcome(["severe", "mild", "moderate"], { levels: ["mild", "moderate", "severe"] });
    expect(Array.from(d.codes)).toEqual([2, 0, 1]);
    expect(Array.from(codeOrdinalOutcome(["2.0", "1", "3"]).codes)).toEqual([1, 0, 2]);
  });

  it("errors: unordered labels, unknown label, empty level, missing outcome, one level, duplicate level", () => {
    expect(radvalErrorOf(() => codeOrdinalOutcome(["mild", "severe"])).code).toBe("UNORDERED_LEVELS");
    expect(radvalErrorOf(() => codeOrdinalOutcome(["F0", "F5"], { levels: ["F0", "F1"] })).code).toBe("UNKNOWN_LEVEL");
    const empty = radvalErrorOf(() => codeOrdinalOutcome(["F0", "F2"], { levels: ["F0", "F1", "F2"] }));
    expect(empty.code).toBe("EMPTY_LEVEL");
    expect(empty.message).toContain('"F1"');
    expect(codeOrdinalOutcome(["F0", "F2"], { levels: ["F0", "F1", "F2"], requireAllLevels: false }).counts[1]).toBe(0);
    expect(radvalErrorOf(() => codeOrdinalOutcome(["1", ""])).code).toBe("OUTCOME_MISSING");
    expect(radvalErrorOf(() => codeOrdinalOutcome(["1", "1"])).code).toBe("OUTCOME_ONE_LEVEL");
    expect(radvalErrorOf(() => codeOrdinalOutcome(["1", "2"], { levels: ["1", "1.0", "2"] })).code).toBe("DUPLICATE_LEVEL");
  });
});

describe("cut-offs", () => {
  const levels = ["F0", "F1", "F2", "F3", "F4"];
  it("parses >=, >, ==, <=, < against the level order", () => {
    expect(Array.from(parseCutoff(">=F2", levels).caseLevels)).toEqual([0, 0, 1, 1, 1]);
    expect(Array.from(parseCutoff("==F4", levels).caseLevels)).toEqual([0, 0, 0, 0, 1]);
    expect(Array.from(parseCutoff("> F3", levels).caseLevels)).toEqual([0, 0, 0, 0, 1]);
    expect(Array.from(parseCutoff("<=F1", levels).caseLevels)).toEqual([1, 1, 0, 0, 0]);
    expect(Array.from(parseCutoff(">=2", ["1", "2", "3"]).caseLevels)).toEqual([0, 1, 1]);
    expect(parseCutoffs(undefined, ["1", "2", "3"]).map((c) => c.label)).toEqual([">=2", ">=3"]);
    expect(parseCutoffs(">=2, ==3", ["1", "2", "3"]).map((c) => c.label)).toEqual([">=2", "==3"]);
  });

  it("errors: unknown level, one side empty (by levels and in the data), bad syntax, duplicates", () => {
    expect(radvalErrorOf(() => parseCutoff(">=F7", levels)).code).toBe("UNKNOWN_LEVEL");
    expect(radvalErrorOf(() => parseCutoff(">=F0", levels)).code).toBe("EMPTY_CUTOFF_SIDE");
    expect(radvalErrorOf(() => parseCutoff(">F4", levels)).code).toBe("EMPTY_CUTOFF_SIDE");
    expect(radvalErrorOf(() => parseCutoff("F2+", levels)).code).toBe("INVALID_CUTOFF");
    expect(radvalErrorOf(() => parseCutoffs(">=F2,>=F2", levels)).code).toBe("INVALID_CUTOFF");
    const c = parseCutoff("==F4", levels);
    expect(Array.from(cutoffIndicator([0, 4, 2], c))).toEqual([0, 1, 0]);
    expect(radvalErrorOf(() => cutoffIndicator([0, 1, 2], c)).code).toBe("EMPTY_CUTOFF_SIDE");
  });
});
