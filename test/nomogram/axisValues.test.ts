// rms datadist rule for nomogram axes (fixtures README, nomogram_pbc.json: "numeric with <= 10 distinct values -> those
// values; otherwise pretty(c(min, max), n = 10)"); the pretty() values themselves are checked in pretty.test.ts against R.
import { describe, expect, it } from "vitest";
import { nomogramAxisValues } from "../../src/nomogram/axisValues.js";
import { loadFixture } from "../helpers.js";

const fx = loadFixture("nomogram_pbc.json").logistic;

describe("nomogramAxisValues", () => {
  it("uses the sorted distinct values when there are at most 10", () => {
    expect(nomogramAxisValues([3, 1, 1, 2, Number.NaN, 10, 7, 5, 4, 6, 8, 9])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(nomogramAxisValues([0, 1, 1, 0])).toEqual([0, 1]);
  });

  it("uses pretty(range, 10) with 11 or more distinct values (rms's albumin axis on 1.96..4.64)", () => {
    const x = [1.96, 4.64, 2.5, 2.7, 3, 3.1, 3.3, 3.5, 3.6, 3.9, 4.1];
    expect(nomogramAxisValues(x)).toEqual(fx.predictors.albumin.values); // exact
  });
});
