import { RadvalError } from "../../core/errors.js";
import { checkBinaryScores, checkProbabilities } from "../inputs.js";
import { calibrationInTheLarge, logisticRecalibration } from "./logistic.js";

function checked(truth: ArrayLike<number>, prob: ArrayLike<number>, open = false): void {
  const n = truth.length;
  if (prob.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `truth has ${n} values but prob has ${prob.length}`);
  if (n === 0) throw new RadvalError("INVALID_ARGUMENT", "no cases");
  for (let i = 0; i < n; i++) {
    const t = truth[i]!;
    if (t !== 0 && t !== 1) throw new RadvalError("INVALID_ARGUMENT", `the outcome must be 0/1, got ${t} at position ${i + 1}`);
  }
  checkProbabilities(prob, { open });
}

/** Observed event rate and the sum of predictions. */
function sums(truth: ArrayLike<number>, prob: ArrayLike<number>): { events: number; expected: number } {
  let events = 0;
  let expected = 0;
  for (let i = 0; i < truth.length; i++) {
    events += truth[i]!;
    expected += prob[i]!;
  }
  return { events, expected };
}

/**
 * Brier score mean((p − y)²) (Brier 1950, Mon Weather Rev 78:1): the mean
 * squared error of the predicted probabilities; 0 is perfect. Defined with a
 * single class too. O(n).
 */
export function brierScore(truth: ArrayLike<number>, prob: ArrayLike<number>): number {
  checked(truth, prob);
  let s = 0;
  for (let i = 0; i < truth.length; i++) s += (prob[i]! - truth[i]!) * (prob[i]! - truth[i]!);
  return s / truth.length;
}

/**
 * Scaled Brier score 1 − Brier/Brier_max with Brier_max = ȳ(1 − ȳ), the
 * Brier score of predicting the observed prevalence for everyone (Steyerberg
 * et al. 2010, Epidemiology 21:128). 1 is perfect, 0 no better than the
 * prevalence, negative worse. Throws SINGLE_CLASS when ȳ is 0 or 1. O(n).
 */
export function scaledBrier(truth: ArrayLike<number>, prob: ArrayLike<number>): number {
  const b = brierScore(truth, prob);
  const { events } = sums(truth, prob);
  const ybar = events / truth.length;
  if (events === 0 || events === truth.length) {
    throw new RadvalError("SINGLE_CLASS", "the scaled Brier score needs both events and non-events (Brier_max = 0)");
  }
  return 1 - b / (ybar * (1 - ybar));
}

/**
 * E/O ratio Σp / Σy: expected over observed events (calibration-in-the-large
 * as a ratio; Debray et al. 2017, BMJ 356:i6460 use O/E = its inverse). 1 is
 * ideal, > 1 over-prediction. Throws SINGLE_CLASS when there are no events. O(n).
 */
export function eoRatio(truth: ArrayLike<number>, prob: ArrayLike<number>): number {
  checked(truth, prob);
  const { events, expected } = sums(truth, prob);
  if (events === 0) throw new RadvalError("SINGLE_CLASS", "the E/O ratio needs at least one event");
  return expected / events;
}

/** Logistic calibration of predicted probabilities. */
export interface CalibrationSlopeIntercept {
  /** Slope b of logit P(y = 1) = a + b·logit(p); 1 is ideal, < 1 means predictions too extreme. */
  readonly slope: number | null;
  /** Intercept a of that model (rms::val.prob's "Intercept"). */
  readonly intercept: number | null;
  /** Calibration-in-the-large: a in logit P(y = 1) = a + logit(p) (slope fixed at 1); 0 is ideal, < 0 means over-prediction. */
  readonly calibrationInTheLarge: number | null;
  readonly reason?: string;
}

/**
 * Calibration slope and intercept (Cox 1958; `glm(y ~ qlogis(p), binomial)`)
 * and calibration-in-the-large (`glm(y ~ 1, offset = qlogis(p), binomial)`)
 * in one call, the fast helper the validation engine calls per split: two
 * small Newton fits, no sorting. Probabilities of exactly 0 or 1 throw
 * `PROBABILITY_ZERO_ONE` (infinite logit). O(n) per Newton iteration.
 */
export function calibrationSlopeIntercept(truth: ArrayLike<number>, prob: ArrayLike<number>): CalibrationSlopeIntercept {
  checked(truth, prob, true);
  const n = truth.length;
  const lp = new Float64Array(n);
  for (let i = 0; i < n; i++) lp[i] = Math.log(prob[i]! / (1 - prob[i]!));
  const { events } = sums(truth, prob);
  if (events === 0 || events === n) {
    return { slope: null, intercept: null, calibrationInTheLarge: null, reason: "all outcomes are equal: calibration intercepts are infinite" };
  }
  const recal = logisticRecalibration(truth, lp);
  const citl = calibrationInTheLarge(truth, lp);
  const reason = recal.reason ?? citl.reason;
  return { slope: recal.slope, intercept: recal.intercept, calibrationInTheLarge: citl.intercept, ...(reason ? { reason } : {}) };
}

/** Everything about calibration that needs no smoother, in one pass over the data. */
export interface CalibrationSummary extends CalibrationSlopeIntercept {
  readonly n: number;
  readonly events: number;
  /** Mean prediction and observed event rate. */
  readonly meanPredicted: number;
  readonly observedRate: number;
  readonly eoRatio: number | null;
  readonly brier: number;
  readonly scaledBrier: number | null;
}

/**
 * Calibration summary: Brier, scaled Brier, E/O, calibration-in-the-large,
 * slope and intercept (see the single functions for definitions). Undefined
 * entries are null with a reason. O(n).
 */
export function calibrationSummary(truth: ArrayLike<number>, prob: ArrayLike<number>): CalibrationSummary {
  checkBinaryScores(truth, prob, { name: "prob" });
  const si = calibrationSlopeIntercept(truth, prob);
  const { events, expected } = sums(truth, prob);
  const n = truth.length;
  return {
    ...si,
    n,
    events,
    meanPredicted: expected / n,
    observedRate: events / n,
    eoRatio: expected / events,
    brier: brierScore(truth, prob),
    scaledBrier: scaledBrier(truth, prob),
  };
}
