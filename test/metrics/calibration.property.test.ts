import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { calibrationSlopeIntercept, eoRatio } from "../../src/metrics/calibration/summary.js";
import { expit } from "../../src/metrics/calibration/logistic.js";

const RUNS = { seed: 31337, numRuns: 12 };

describe("calibration properties (fast-check)", () => {
  it("for large samples drawn from the predicted probabilities, slope → 1, intercept → 0, CITL → 0, E/O → 1", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.double({ min: -2, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        (seed, mean, sd) => {
          const rng = createRng(seed);
          const n = 20000;
          const truth = new Float64Array(n);
          const prob = new Float64Array(n);
          for (let i = 0; i < n; i++) {
            prob[i] = Math.min(1 - 1e-12, Math.max(1e-12, expit(mean + sd * rng.normal())));
            truth[i] = rng.uniform() < prob[i]! ? 1 : 0;
          }
          const r = calibrationSlopeIntercept(truth, prob);
          // tolerance: 0.12 on the slope and 0.12 on the intercepts (> 5 standard errors at n = 20000 for these logit
          // distributions); a mis-specified fit (e.g. a slope of 0.8 or an intercept of 0.2) would fail.
          expect(Math.abs(r.slope! - 1)).toBeLessThan(0.12);
          expect(Math.abs(r.intercept!)).toBeLessThan(0.12);
          expect(Math.abs(r.calibrationInTheLarge!)).toBeLessThan(0.12);
          // E/O: tolerance 0.1 (relative error of a mean of ≥ ~2000 events)
          expect(Math.abs(eoRatio(truth, prob) - 1)).toBeLessThan(0.1);
        },
      ),
      RUNS,
    );
  });

  it("predictions made too extreme (logit × 2) give slope ≈ 1/2: the property can fail", () => {
    const rng = createRng(8);
    const n = 20000;
    const truth = new Float64Array(n);
    const prob = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const lp = rng.normal();
      truth[i] = rng.uniform() < expit(lp) ? 1 : 0;
      prob[i] = expit(2 * lp);
    }
    // tolerance: 0.05 absolute (about 4 SE)
    expect(Math.abs(calibrationSlopeIntercept(truth, prob).slope! - 0.5)).toBeLessThan(0.05);
  });
});
