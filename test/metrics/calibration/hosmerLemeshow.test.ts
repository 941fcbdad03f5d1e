import { describe, expect, it } from "vitest";
import { cutIndex, hosmerLemeshow, quantileBreaks } from "../../../src/metrics/calibration/hosmerLemeshow.js";
import { loadFixture, maxAbsDiff, radvalErrorOf, relDiff } from "../../helpers.js";

// Reference: own R code as documented in the fixture README (type-7 decile breaks, cut(include.lowest, right)),
// ../shared/fixtures/fx_logistic_pbc.R → test/fixtures/logistic_pbc.json (development and external hosmer_lemeshow).
const lp = loadFixture("logistic_pbc.json");

describe("hosmerLemeshow", () => {
  it.each(["development", "external"])("reproduces the %s table, statistic and both p-values", (part) => {
    const d = lp[part];
    const R = d.hosmer_lemeshow;
    const r = hosmerLemeshow(d.y, d.p);
    expect(r.groups).toBe(R.n_groups);
    // tolerance: breaks exact (same type-7 arithmetic); expected counts 1e-12 absolute
    expect(Array.from(quantileBreaks(d.p, 10))).toEqual(R.breaks);
    expect(Array.from(r.group, (g) => g + 1)).toEqual(R.group);
    expect(r.table.map((t) => t.n)).toEqual(R.n);
    expect(r.table.map((t) => t.observed)).toEqual(R.observed);
    expect(maxAbsDiff(r.table.map((t) => t.expected), R.expected)).toBeLessThan(1e-12);
    // tolerance: statistic 1e-9 relative (fixture README: "HL 1e-9 given p"); p-values 1e-9 relative
    expect(relDiff(r.statistic!, R.statistic)).toBeLessThan(1e-9);
    expect(relDiff(r.pDevelopment!, R.p_value_df_G_minus_2)).toBeLessThan(1e-9);
    expect(relDiff(r.pValidation!, R.p_value_df_G)).toBeLessThan(1e-9);
    expect(r.dfDevelopment).toBe(R.df_development);
    expect(r.dfValidation).toBe(R.df_validation);
    expect(r.df).toBe(R.df_development);
    expect(hosmerLemeshow(d.y, d.p, { df: "validation" }).p).toBe(r.pValidation);
  });

  it("merges tied breaks (fewer groups) and puts a value on a break into the lower group", () => {
    const breaks = Float64Array.from([0.1, 0.2, 0.5]);
    expect(cutIndex(breaks, 0.1)).toBe(0);
    expect(cutIndex(breaks, 0.2)).toBe(0);
    expect(cutIndex(breaks, 0.21)).toBe(1);
    const p = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 0.4, 0.5, 0.6];
    const r = hosmerLemeshow([0, 0, 1, 0, 0, 0, 1, 0, 1, 1], p);
    expect(r.groups).toBeLessThan(10);
    expect(r.table.reduce((s, t) => s + t.n, 0)).toBe(10);
  });

  it("a group with expected count 0 gives a null statistic with a reason, not NaN", () => {
    const r = hosmerLemeshow([0, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1], [0, 0, 0, 0.4, 0.5, 0.2, 0.6, 0.3, 0.7, 0.8, 0.1, 0.9]);
    expect(r.statistic).toBeNull();
    expect(r.p).toBeNull();
    expect(r.reason).toMatch(/expected events 0/);
  });

  it("rejects bad options and probabilities", () => {
    expect(radvalErrorOf(() => hosmerLemeshow([0, 1], [0.1, 0.2], { groups: 1 })).code).toBe("INVALID_OPTION");
    expect(radvalErrorOf(() => hosmerLemeshow([0, 1], [0.1, 2])).code).toBe("PROBABILITY_OUT_OF_RANGE");
  });
});
