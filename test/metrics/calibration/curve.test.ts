import { describe, expect, it } from "vitest";
import { calibrationCurve, integratedCalibrationIndex } from "../../../src/metrics/calibration/curve.js";
import { loadFixture, radvalErrorOf } from "../../helpers.js";

// Reference: Austin & Steyerberg 2019 ICI computed in R from its default loess(y ~ p) (span 0.75, degree 2,
// surface = "interpolate") and from surface = "direct", test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json
// (calibration: ici_interpolate, e50_interpolate, …; ici, e50, … for "direct").
const c = loadFixture("metrics_extra.json").calibration;
const e = loadFixture("logistic_pbc.json").external;

describe("integratedCalibrationIndex", () => {
  it("ICI, E50, E90 and Emax match R with its default loess (interpolated surface)", () => {
    const r = integratedCalibrationIndex(e.y, e.p);
    // tolerance: 1e-12 absolute
    expect(Math.abs(r.ici - c.ici_interpolate)).toBeLessThan(1e-12);
    expect(Math.abs(r.e50 - c.e50_interpolate)).toBeLessThan(1e-12);
    expect(Math.abs(r.e90 - c.e90_interpolate)).toBeLessThan(1e-12);
    expect(Math.abs(r.emax - c.emax_interpolate)).toBeLessThan(1e-12);
  });

  it("and with surface = 'direct'", () => {
    const r = integratedCalibrationIndex(e.y, e.p, { surface: "direct" });
    // tolerance: 1e-12 absolute
    expect(Math.abs(r.ici - c.ici)).toBeLessThan(1e-12);
    expect(Math.abs(r.e50 - c.e50)).toBeLessThan(1e-12);
    expect(Math.abs(r.e90 - c.e90)).toBeLessThan(1e-12);
    expect(Math.abs(r.emax - c.emax)).toBeLessThan(1e-12);
  });
});

describe("calibrationCurve", () => {
  it("gives a grid curve, decile bins with Wilson intervals and the same ICI", () => {
    const r = calibrationCurve(e.y, e.p);
    expect(r.curve.predicted.length).toBe(101);
    expect(r.curve.predicted[0]).toBe(Math.min(...e.p));
    expect(r.curve.predicted[100]).toBe(Math.max(...e.p));
    expect(r.bins.length).toBe(10);
    expect(r.bins.reduce((s, b) => s + b.n, 0)).toBe(91);
    for (const b of r.bins) {
      expect(b.observedLower).toBeLessThanOrEqual(b.observed);
      expect(b.observedUpper).toBeGreaterThanOrEqual(b.observed);
      expect(b.meanPredicted).toBeGreaterThanOrEqual(b.lower);
      expect(b.meanPredicted).toBeLessThanOrEqual(b.upper);
    }
    // the bins are the Hosmer–Lemeshow deciles: observed counts as in the fixture's external HL table
    expect(r.bins.map((b) => b.events)).toEqual(loadFixture("logistic_pbc.json").external.hosmer_lemeshow.observed);
    // tolerance: 1e-12 absolute
    expect(Math.abs(r.ici - c.ici_interpolate)).toBeLessThan(1e-12);
  });

  it("the lowess smoother is available (val.prob's nonparametric curve)", () => {
    const r = calibrationCurve(e.y, e.p, { smoother: "lowess", gridPoints: 11 });
    expect(r.smoother).toBe("lowess");
    expect(r.curve.observed.length).toBe(11);
  });

  it("rejects bad options and probabilities outside [0, 1]", () => {
    expect(radvalErrorOf(() => calibrationCurve(e.y, e.p, { gridPoints: 1 })).code).toBe("INVALID_OPTION");
    expect(radvalErrorOf(() => calibrationCurve([0, 1, 0], [0.1, 1.5, 0.2])).code).toBe("PROBABILITY_OUT_OF_RANGE");
  });
});

describe("calibration curve edge cases", () => {
  it("all predictions tied: the smoothed rate is the observed rate, ICI = |p − ȳ|, never NaN", () => {
    const y = [0, 1, 0, 0, 1, 0, 1, 0];
    const r = calibrationCurve(y, new Array(8).fill(0.3));
    // tolerance: 1e-15 absolute (|0.3 − 3/8|)
    expect(Math.abs(r.ici - 0.075)).toBeLessThan(1e-15);
    expect(Array.from(r.curve.observed).every((v) => v === 0.375)).toBe(true);
    expect(r.bins.length).toBe(1);
  });
});
