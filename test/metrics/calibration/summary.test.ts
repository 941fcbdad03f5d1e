import { describe, expect, it } from "vitest";
import { brierScore, calibrationSlopeIntercept, calibrationSummary, eoRatio, scaledBrier } from "../../../src/metrics/calibration/summary.js";
import { loadFixture, radvalErrorOf, relDiff } from "../../helpers.js";

// Reference: R 4.2.2 on the external PBC predictions, test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json
// (calibration: glm(y ~ 1, offset = qlogis(p)), glm(y ~ qlogis(p)) with epsilon 1e-14, E/O, Brier, scaled Brier).
const c = loadFixture("metrics_extra.json").calibration;
const e = loadFixture("logistic_pbc.json").external;

describe("calibration summary helpers", () => {
  it("calibration-in-the-large, slope and intercept match glm to 1e-10", () => {
    const r = calibrationSlopeIntercept(e.y, e.p);
    // tolerance: 1e-10 relative
    expect(relDiff(r.calibrationInTheLarge!, c.citl)).toBeLessThan(1e-10);
    expect(relDiff(r.slope!, c.recal_slope)).toBeLessThan(1e-10);
    expect(relDiff(r.intercept!, c.recal_intercept)).toBeLessThan(1e-10);
  });

  it("Brier, scaled Brier and E/O match R", () => {
    // tolerance: 1e-14 relative
    expect(relDiff(brierScore(e.y, e.p), c.brier)).toBeLessThan(1e-14);
    expect(relDiff(scaledBrier(e.y, e.p), c.scaled_brier)).toBeLessThan(1e-14);
    expect(relDiff(eoRatio(e.y, e.p), c.eo)).toBeLessThan(1e-14);
    const s = calibrationSummary(e.y, e.p);
    expect(s.n).toBe(91);
    expect(s.events).toBe(32);
    expect(relDiff(s.eoRatio!, c.eo)).toBeLessThan(1e-14);
  });

  it("undefined cases: single class, exact 0/1 and constant predictions", () => {
    expect(brierScore([1, 1], [0.5, 0.75])).toBe(0.15625);
    expect(radvalErrorOf(() => scaledBrier([1, 1], [0.5, 0.7])).code).toBe("SINGLE_CLASS");
    expect(radvalErrorOf(() => eoRatio([0, 0], [0.5, 0.7])).code).toBe("SINGLE_CLASS");
    expect(radvalErrorOf(() => calibrationSlopeIntercept([0, 1], [0, 0.7])).code).toBe("PROBABILITY_ZERO_ONE");
    expect(radvalErrorOf(() => brierScore([0, 1], [0.5, 1.01])).code).toBe("PROBABILITY_OUT_OF_RANGE");
    const flat = calibrationSlopeIntercept([0, 1, 0, 1], [0.4, 0.4, 0.4, 0.4]);
    expect(flat.slope).toBeNull();
    expect(flat.reason).toMatch(/not identifiable/);
    // calibration-in-the-large is still defined: logit(1/2) − logit(0.4); tolerance 1e-12 absolute
    expect(Math.abs(flat.calibrationInTheLarge! - (0 - Math.log(0.4 / 0.6)))).toBeLessThan(1e-12);
  });
});
