import { describe, expect, it } from "vitest";
import { cutoffCalibration } from "../../src/ordinal/cutoffCalibration.js";
import { parseCutoffs } from "../../src/ordinal/cutoffs.js";
import { loadFixture } from "../helpers.js";

// Reference: test/fixtures/fx_ordinal_calibration.R → test/fixtures/ordinal_calibration.json (R 4.2.2 glm on the
// exact-MLE fitted class probabilities of ordinal_pbc.json).
const fx = loadFixture("ordinal_pbc.json");
const ref = loadFixture("ordinal_calibration.json");
const codes = Int32Array.from(fx.y, (y: number) => y - 1);

describe("per-cut-off calibration of cumulative probabilities", () => {
  it("Brier, calibration slope/intercept and calibration-in-the-large match R's glm", () => {
    const r = cutoffCalibration(codes, fx.mle.fitted_probabilities, parseCutoffs(">=2,>=3,==4", ["1", "2", "3", "4"]));
    r.forEach((c, k) => {
      const e = ref.cutoffs[k];
      expect(c.cutoff).toBe(e.cutoff);
      expect(Math.abs(c.brier - e.brier)).toBeLessThan(1e-12); // tolerance 1e-12 (R wrote 15 significant digits)
      expect(Math.abs(c.slope! - e.slope)).toBeLessThan(1e-9); // tolerance 1e-9
      expect(Math.abs(c.intercept! - e.intercept)).toBeLessThan(1e-9); // tolerance 1e-9
      expect(Math.abs(c.calibrationInTheLarge! - e.citl)).toBeLessThan(1e-9); // tolerance 1e-9
    });
  });

  it("a probability of exactly 0 or 1 leaves the logistic statistics null with a reason", () => {
    const r = cutoffCalibration([0, 1, 1, 0], [[1, 0], [0.3, 0.7], [0.2, 0.8], [0.6, 0.4]], parseCutoffs(">=2", ["1", "2"]));
    expect(r[0]!.slope).toBeNull();
    expect(r[0]!.reason).toBeTruthy();
    expect(r[0]!.brier).toBeCloseTo((0 + 0.09 + 0.04 + 0.16) / 4, 15);
  });
});
