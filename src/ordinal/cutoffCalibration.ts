import { isRadvalError } from "../core/errors.js";
import { brierScore, calibrationSlopeIntercept } from "../metrics/calibration/summary.js";
import { type Cutoff, cutoffIndicator } from "./cutoffs.js";
import { cutoffProbability } from "./dichotomisedAuc.js";

/** Calibration of one cut-off's predicted probability. */
export interface CutoffCalibration {
  readonly cutoff: string;
  /** Brier score of P(case side) against the case indicator. */
  readonly brier: number;
  /** Calibration slope and intercept (glm(case ~ qlogis(p), binomial)); null with `reason` when undefined. */
  readonly slope: number | null;
  readonly intercept: number | null;
  /** Calibration-in-the-large (glm(case ~ 1, offset = qlogis(p), binomial)). */
  readonly calibrationInTheLarge: number | null;
  readonly reason?: string;
}

/**
 * Per-cut-off calibration of class probabilities (n × K): for each cut-off,
 * p = P(Y in the case side) (the cumulative probability for "≥ k"), its Brier
 * score, calibration slope and intercept and calibration-in-the-large against
 * the case indicator ({@link calibrationSlopeIntercept}, `glm` in R). A
 * probability of exactly 0 or 1 makes the logistic statistics undefined: they
 * are null with a reason. O(C n K).
 */
export function cutoffCalibration(codes: ArrayLike<number>, probs: ReadonlyArray<ArrayLike<number>>, cutoffs: readonly Cutoff[]): CutoffCalibration[] {
  return cutoffs.map((c) => {
    const truth = cutoffIndicator(codes, c);
    const p = cutoffProbability(probs, c);
    const brier = brierScore(truth, p);
    try {
      const r = calibrationSlopeIntercept(truth, p);
      return Object.freeze({ cutoff: c.label, brier, slope: r.slope, intercept: r.intercept, calibrationInTheLarge: r.calibrationInTheLarge, ...(r.reason ? { reason: r.reason } : {}) });
    } catch (e) {
      if (!isRadvalError(e)) throw e;
      return Object.freeze({ cutoff: c.label, brier, slope: null, intercept: null, calibrationInTheLarge: null, reason: e.detail });
    }
  });
}
