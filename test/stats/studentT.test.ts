import { describe, expect, it } from "vitest";
import { studentTCdf, studentTQuantile, studentTTwoSidedP } from "../../src/stats/studentT.js";
import { loadFixture, relDiff } from "../helpers.js";

// Reference: R 4.2.2 pt, test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json (distributions).
const ref = loadFixture("metrics_extra.json").distributions;

describe("Student t distribution", () => {
  it("matches R's pt to 1e-12 relative, fractional df included", () => {
    ref.t_t.forEach((t: number, k: number) => {
      // tolerance: 1e-12 relative
      expect(relDiff(studentTCdf(t, ref.t_df[k]), ref.pt[k])).toBeLessThan(1e-12);
    });
  });

  it("two-sided p is symmetric and 1 at t = 0", () => {
    expect(studentTTwoSidedP(0, 7)).toBe(1);
    expect(studentTTwoSidedP(2.5, 7)).toBe(studentTTwoSidedP(-2.5, 7));
    // Cauchy (df = 1): P(T ≤ −1) = 1/4 exactly; tolerance 1e-15 absolute
    expect(Math.abs(studentTCdf(-1, 1) - 0.25)).toBeLessThan(1e-15);
  });
});

describe("studentTQuantile", () => {
  it.each([
    // R: sprintf("%.17g", qt(p, df))
    [0.975, 3, 3.1824463052837078],
    [0.975, 1, 12.706204736174694],
    [0.025, 10, -2.2281388519862744],
    [0.999, 2.5, 13.822193110865999],
    [0.6, 100, 0.25402218245822766],
  ])("qt(%f, %f) to 1e-12 relative", (p, df, expected) => {
    expect(Math.abs(studentTQuantile(p, df) - expected) / Math.abs(expected)).toBeLessThan(1e-12);
  });
});
