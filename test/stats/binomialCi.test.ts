import { describe, expect, it } from "vitest";
import { clopperPearsonCi, proportionCi, wilsonCi } from "../../src/stats/binomialCi.js";
import { loadFixture, radvalErrorOf } from "../helpers.js";

// Reference: R 4.2.2 prop.test(correct = FALSE) and binom.test on the aSAH s100b confusion counts,
// test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json (threshold_metrics).
const ref = loadFixture("metrics_extra.json").threshold_metrics;

describe("binomial proportion intervals", () => {
  it.each(["sensitivity", "specificity", "ppv", "npv", "accuracy"])("Wilson and Clopper–Pearson match R for %s", (name) => {
    const r = ref[name];
    const w = wilsonCi(r.x, r.n);
    const cp = clopperPearsonCi(r.x, r.n);
    // tolerance: 1e-14 absolute (Wilson: same closed form); 1e-12 absolute (Clopper–Pearson: beta quantiles)
    expect(Math.abs(w.lower - r.wilson[0])).toBeLessThan(1e-14);
    expect(Math.abs(w.upper - r.wilson[1])).toBeLessThan(1e-14);
    expect(Math.abs(cp.lower - r.clopper_pearson[0])).toBeLessThan(1e-12);
    expect(Math.abs(cp.upper - r.clopper_pearson[1])).toBeLessThan(1e-12);
  });

  it("x = 0 and x = n give the closed bounds", () => {
    expect(wilsonCi(0, 10).lower).toBe(0);
    expect(wilsonCi(10, 10).upper).toBe(1);
    expect(clopperPearsonCi(0, 10).lower).toBe(0);
    expect(clopperPearsonCi(10, 10).upper).toBe(1);
    // Clopper–Pearson upper bound at x = 0 is 1 − (α/2)^(1/n): tolerance 1e-13 absolute
    expect(Math.abs(clopperPearsonCi(0, 10).upper - (1 - Math.pow(0.025, 1 / 10)))).toBeLessThan(1e-13);
  });

  it("rejects impossible counts and unknown methods", () => {
    expect(radvalErrorOf(() => wilsonCi(5, 3)).code).toBe("INVALID_ARGUMENT");
    expect(radvalErrorOf(() => wilsonCi(1, 0)).code).toBe("INVALID_ARGUMENT");
    expect(radvalErrorOf(() => proportionCi(1, 3, "exact" as never)).code).toBe("INVALID_OPTION");
  });
});
