import { describe, expect, it } from "vitest";
import { logRankTest } from "../../src/survival/logRank.js";
import { loadFixture, maxAbsDiff, relDiff } from "../helpers.js";

// Reference: test/fixtures/scripts/fx_survival_extra.R (survdiff on lp tertiles, survival 3.5-3).
const fx = loadFixture("survival_extra.json");

describe("logRankTest (survival::survdiff)", () => {
  it("three risk groups: observed, expected, chi-square, p", () => {
    const r = logRankTest(fx.dev.time, fx.dev.event, fx.logrank.group);
    expect(Array.from(r.n)).toEqual(fx.logrank.n);
    expect(Array.from(r.observed)).toEqual(fx.logrank.observed);
    expect(maxAbsDiff(r.expected, fx.logrank.expected)).toBeLessThan(1e-10); // tolerance 1e-10 abs
    expect(relDiff(r.chisq, fx.logrank.chisq)).toBeLessThan(1e-10); // tolerance 1e-10
    expect(r.df).toBe(fx.logrank.df);
    expect(relDiff(r.p, fx.logrank.p)).toBeLessThan(1e-8); // tolerance 1e-8
  });
});
