import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/rng.js";
import { calibrationBand, calibrationCurve } from "../../../src/metrics/calibration/curve.js";

// The calibration curve's pointwise bootstrap band (issue 13, item 5). A Monte-Carlo quantity: tested by its invariants on the
// PBC external-cohort predictions of test/fixtures/logistic_pbc.json (91 patients, R glm).
const ref = JSON.parse(readFileSync(new URL("../../fixtures/logistic_pbc.json", import.meta.url), "utf8"));
const y: number[] = ref.external.y;
const p: number[] = ref.external.p;

describe("calibrationBand", () => {
  const curve = calibrationCurve(y, p, { clip: true });
  const band = calibrationBand(y, p, curve.curve.predicted, createRng(3), { clip: true, replicates: 300 });

  it("is ordered, inside [0, 1], and contains the fitted curve at most grid points", () => {
    let inside = 0;
    let defined = 0;
    curve.curve.predicted.forEach((_, g) => {
      if (Number.isNaN(band.lower[g]!)) return;
      defined++;
      expect(band.lower[g]!).toBeLessThanOrEqual(band.upper[g]!);
      expect(band.lower[g]!).toBeGreaterThanOrEqual(0);
      expect(band.upper[g]!).toBeLessThanOrEqual(1);
      const o = Math.min(1, Math.max(0, curve.curve.observed[g]!));
      if (o >= band.lower[g]! - 1e-12 && o <= band.upper[g]! + 1e-12) inside++;
    });
    expect(defined).toBeGreaterThan(50);
    expect(inside / defined).toBeGreaterThan(0.9);
  });

  it("is the same for the same seed, and narrower with four times the patients", () => {
    const again = calibrationBand(y, p, curve.curve.predicted, createRng(3), { clip: true, replicates: 300 });
    expect(Array.from(again.upper)).toEqual(Array.from(band.upper));
    const y4 = [...y, ...y, ...y, ...y];
    const p4 = [...p, ...p, ...p, ...p];
    const wide = calibrationBand(y4, p4, curve.curve.predicted, createRng(3), { clip: true, replicates: 300 });
    const width = (b: typeof band) => {
      let s = 0;
      let k = 0;
      b.lower.forEach((lo, g) => {
        if (!Number.isNaN(lo) && !Number.isNaN(b.upper[g]!)) {
          s += b.upper[g]! - lo;
          k++;
        }
      });
      return s / k;
    };
    expect(width(wide)).toBeLessThan(0.75 * width(band));
  });
});
