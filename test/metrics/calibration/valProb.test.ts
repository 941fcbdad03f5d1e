import { describe, expect, it } from "vitest";
import { valProb } from "../../../src/metrics/calibration/valProb.js";
import { loadFixture, radvalErrorOf, relDiff } from "../../helpers.js";

// References: rms 6.5.0 val.prob(p, y, pl = FALSE) on the external PBC predictions,
//  ../shared/fixtures/fx_logistic_pbc.R → test/fixtures/logistic_pbc.json (external.val_prob, val_prob_recomputed);
//  predictions with exact 0/1 and 3,000 simulated predictions: test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json
//  (val_prob_extremes, val_prob_binned).
const lp = loadFixture("logistic_pbc.json");
const extra = loadFixture("metrics_extra.json");
const e = lp.external;
const NAMES: Record<string, string> = {
  Dxy: "Dxy", C: "C (ROC)", R2: "R2", D: "D", Dchisq: "D:Chi-sq", U: "U", Uchisq: "U:Chi-sq", Up: "U:p", Q: "Q",
  Brier: "Brier", Intercept: "Intercept", Slope: "Slope", Emax: "Emax", E90: "E90", Eavg: "Eavg", Sz: "S:z", Sp: "S:p",
};

describe("valProb (rms::val.prob 6.5.0)", () => {
  const r = valProb(e.y, e.p) as unknown as Record<string, number>;

  it.each(Object.keys(NAMES))("%s matches val.prob to 1e-6", (key) => {
    // tolerance: 1e-6 relative (the fixture's recommendation; Intercept/Slope differ from lrm.fit's convergence by ~4e-9)
    expect(relDiff(r[key]!, e.val_prob[NAMES[key]!])).toBeLessThan(1e-6);
  });

  it("everything but the recalibration coefficients matches to 1e-12; those match glm to 1e-10", () => {
    for (const key of Object.keys(NAMES)) {
      if (key === "Intercept" || key === "Slope") {
        // tolerance: 1e-10 relative against glm (val_prob_recomputed), both converged to ~machine precision
        expect(relDiff(r[key]!, e.val_prob_recomputed[NAMES[key]!])).toBeLessThan(1e-10);
      } else {
        // tolerance: 1e-12 relative (same formulas; U:p and U differ from rms at ~1e-14 by summation order)
        expect(relDiff(r[key]!, e.val_prob[NAMES[key]!])).toBeLessThan(1e-12);
      }
    }
  });

  it("reports D:p, which rms 6.5.0 returns as NA", () => {
    expect(e.val_prob["D:p"]).toBeNull();
    // tolerance: 1e-10 relative against 1 − pchisq(LR, 1)
    expect(relDiff(r["Dp"]!, e.val_prob_recomputed["D:p"])).toBeLessThan(1e-10);
  });

  it("C and Dxy come from probabilities binned to 0.0002 as rms's lrm.fit counts them (3,000 simulated predictions)", () => {
    const b = extra.val_prob_binned;
    const v = valProb(b.y, b.p, { smooth: false });
    // tolerance: 1e-12 absolute (same bins and ties; the exact AUC differs from rms by ~7e-7 here, which must show)
    expect(Math.abs(v.C! - b.C)).toBeLessThan(1e-12);
    expect(Math.abs(v.Dxy! - b.Dxy)).toBeLessThan(1e-12);
    expect(Math.abs(b.exact_C - b.C)).toBeGreaterThan(1e-7);
  });

  it("smooth: false skips the lowess statistics (the fast path) and says so", () => {
    const fast = valProb(e.y, e.p, { smooth: false });
    expect(fast.Emax).toBeNull();
    expect(fast.reasons["Emax"]).toMatch(/smooth: false/);
    expect(fast.Slope).toBe(r["Slope"]);
  });

  it("probabilities of exactly 0 or 1 are an error by default", () => {
    const x = extra.val_prob_extremes;
    const err = radvalErrorOf(() => valProb(x.y, x.p));
    expect(err.code).toBe("PROBABILITY_ZERO_ONE");
    expect(err.hint).toMatch(/exclude/);
  });

  it('extremes: "exclude" reproduces rms (0/1 left out of the logistic parts, kept in Brier, E* and S)', () => {
    const x = extra.val_prob_extremes;
    const v = valProb(x.y, x.p, { extremes: "exclude" }) as unknown as Record<string, number>;
    expect(v["excluded"]).toBe(4);
    expect(v["n"]).toBe(x.y.length - 4);
    for (const key of Object.keys(NAMES)) {
      // tolerance: 1e-6 relative (as above)
      expect(relDiff(v[key]!, x.val_prob[NAMES[key]!])).toBeLessThan(1e-6);
    }
  });

  it("a confidently wrong extreme (event with p = 0) makes U null with a reason (rms: U = Inf)", () => {
    const x = extra.val_prob_extremes;
    const v = valProb(x.y, x.p_wrong, { extremes: "exclude" });
    expect(x.val_prob_wrong["U"]).toBe(Infinity);
    expect(v.U).toBeNull();
    expect(v.Q).toBeNull();
    expect(v.reasons["U"]).toMatch(/infinite/);
    // the rest still agrees with rms: tolerance 1e-6 relative
    expect(relDiff(v.D!, x.val_prob_wrong["D"])).toBeLessThan(1e-6);
    expect(relDiff(v.Slope!, x.val_prob_wrong["Slope"])).toBeLessThan(1e-6);
    expect(relDiff(v.Emax!, x.val_prob_wrong["Emax"])).toBeLessThan(1e-12);
  });

  it("all predictions equal: no discrimination, slope and intercept null (not identifiable)", () => {
    const y = [0, 1, 0, 0, 1, 0, 1, 0];
    const v = valProb(y, new Array(8).fill(0.3));
    expect(v.C).toBe(0.5);
    expect(v.Dxy).toBe(0);
    expect(v.Slope).toBeNull();
    expect(v.reasons["Slope"]).toMatch(/not identifiable/);
    // lowess of y on a constant x is mean(y): E* = |0.3 − 3/8|; tolerance 1e-15 absolute
    expect(Math.abs(v.Eavg! - 0.075)).toBeLessThan(1e-15);
    expect(Math.abs(v.Brier - y.reduce((s, t) => s + (0.3 - t) ** 2, 0) / 8)).toBeLessThan(1e-15);
  });

  it("perfect separation: slope null with a reason instead of a huge number", () => {
    const v = valProb([0, 0, 0, 1, 1, 1], [0.1, 0.2, 0.3, 0.6, 0.7, 0.8]);
    expect(v.C).toBe(1);
    expect(v.Slope).toBeNull();
    expect(v.reasons["Slope"]).toMatch(/separated/);
  });

  it("rejects probabilities outside [0, 1], NaN, a single class and mismatched lengths", () => {
    expect(radvalErrorOf(() => valProb([0, 1], [0.2, 1.2])).code).toBe("PROBABILITY_OUT_OF_RANGE");
    expect(radvalErrorOf(() => valProb([0, 1], [-0.1, 0.5])).code).toBe("PROBABILITY_OUT_OF_RANGE");
    expect(radvalErrorOf(() => valProb([0, 1], [0.2, NaN])).code).toBe("NON_FINITE");
    expect(radvalErrorOf(() => valProb([1, 1], [0.2, 0.3])).code).toBe("SINGLE_CLASS");
    expect(radvalErrorOf(() => valProb([0, 1, 1], [0.2, 0.3])).code).toBe("DIMENSION_MISMATCH");
    expect(radvalErrorOf(() => valProb([0, 1], [0.2, 0.3], { extremes: "clip" as never })).code).toBe("INVALID_OPTION");
  });
});
