import { aucMannWhitney } from "../metrics/auc.js";
import { integratedCalibrationIndex } from "../metrics/calibration/curve.js";
import { binomialDeviance, calibrationInTheLarge, nullDeviance } from "../metrics/calibration/logistic.js";
import { logisticRegression } from "../models/logistic/logisticRegression.js";
import { delongAuc } from "../metrics/delong.js";
import type { Estimate, PerformanceMetrics } from "../report/results.js";
import { normalQuantile } from "../stats/normal.js";

/**
 * Predicted probabilities of exactly 0 or 1 (forests, isotonic calibration)
 * are moved to ε = 1e-7 from the boundary before any logit-scale statistic
 * (calibration intercept and slope, R²), so that such models can be assessed;
 * rms::val.prob would drop those cases instead. Every other probability is
 * used as it is, and models with a linear predictor pass it directly (see
 * {@link performanceIndexes}). AUC and Brier use the raw probabilities.
 */
export const PROBABILITY_CLIP = 1e-7;

/**
 * Logit of p, computed as log(p) − log1p(−p) (exact to rounding for every p
 * in (0, 1)); p = 0 and p = 1 become logit(ε) and logit(1 − ε) (see
 * {@link PROBABILITY_CLIP}).
 */
export function clippedLogit(prob: ArrayLike<number>): Float64Array {
  const out = new Float64Array(prob.length);
  for (let i = 0; i < prob.length; i++) {
    const raw = prob[i]!;
    const p = raw > 0 && raw < 1 ? raw : Math.min(1 - PROBABILITY_CLIP, Math.max(PROBABILITY_CLIP, raw));
    out[i] = Math.log(p) - Math.log1p(-p);
  }
  return out;
}

/**
 * The scalar performance indexes the resampling procedures compute for every
 * split (Harrell's `validate` set, without the smoother): C (AUC), Somers'
 * Dxy = 2C − 1, Brier score, calibration intercept and slope of
 * `glm(y ~ lp)`, calibration-in-the-large `glm(y ~ 1, offset = lp)`, and
 * Nagelkerke and Cox–Snell R² of the predictions as given and after logistic
 * recalibration (rms::validate's "test" R²).
 */
export interface PerformanceIndexes {
  readonly n: number;
  readonly events: number;
  readonly auc: number | null;
  readonly dxy: number | null;
  readonly brier: number;
  readonly intercept: number | null;
  readonly slope: number | null;
  /** Wald standard errors of the recalibration intercept and slope (summary.glm). */
  readonly interceptSe: number | null;
  readonly slopeSe: number | null;
  readonly citl: number | null;
  readonly r2Nagelkerke: number | null;
  readonly r2CoxSnell: number | null;
  readonly r2NagelkerkeRecalibrated: number | null;
  /** Misclassification rate at the 0.5 threshold (for .632+). */
  readonly errorRate: number;
  /** Why the logit-scale statistics (intercept, slope, R²) are null, e.g. "1 event in 40 rows" (null when estimated). */
  readonly notEstimable: string | null;
}

/**
 * Why a logistic recalibration of `events` events in `n` rows cannot be fit
 * (fewer than 2 events or 2 non-events), else null. Such a split, site or
 * cohort is reported with these statistics as not estimable instead of
 * aborting the run.
 */
export function notEstimableReason(events: number, n: number): string | null {
  const nonEvents = n - events;
  if (events >= 2 && nonEvents >= 2) return null;
  if (events === 0 || nonEvents === 0) return `${events === 0 ? "no events" : "no non-events"} in ${n} rows: AUC, calibration and net benefit are undefined`;
  const part = events < 2 ? `${events} event${events === 1 ? "" : "s"}` : `${nonEvents} non-event${nonEvents === 1 ? "" : "s"}`;
  return `${part} in ${n} rows: calibration slope, intercept and R² need at least 2 events and 2 non-events`;
}

/**
 * Logistic recalibration `glm(y ~ lp, family = binomial)` with R's glm.fit
 * semantics (start, IRLS, convergence |Δdev|/(|dev| + 0.1) < 1e-8), so slopes
 * agree with R's glm to its own precision. Null coefficients when the fit
 * does not exist (constant lp, separation).
 */
function recalibrationGlm(y: ArrayLike<number>, lp: Float64Array): { intercept: number | null; slope: number | null; interceptSe: number | null; slopeSe: number | null; deviance: number } {
  const none = { intercept: null, slope: null, interceptSe: null, slopeSe: null, deviance: NaN };
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < lp.length; i++) {
    lo = Math.min(lo, lp[i]!);
    hi = Math.max(hi, lp[i]!);
  }
  if (!(hi > lo)) return none;
  const fit = logisticRegression({ nRows: lp.length, nCols: 1, data: lp }, y, { featureNames: ["lp"] });
  if (fit.separation.length > 0 || !fit.converged) return { ...none, deviance: fit.deviance };
  return { intercept: fit.coefficients[0] ?? null, slope: fit.coefficients[1] ?? null, interceptSe: fit.stdErrors[0] ?? null, slopeSe: fit.stdErrors[1] ?? null, deviance: fit.deviance };
}

/** R² from the null and model deviances: Cox–Snell 1 − exp(−LR/n), Nagelkerke divided by its maximum 1 − exp(−L0/n). */
function r2FromDeviances(l0: number, l: number, n: number): { nagelkerke: number; coxSnell: number } {
  const coxSnell = 1 - Math.exp(-(l0 - l) / n);
  return { coxSnell, nagelkerke: coxSnell / (1 - Math.exp(-l0 / n)) };
}

/**
 * Computes {@link PerformanceIndexes} of predictions `prob` for outcomes `y`
 * (0/1). `logit`, when the model has one, is its exact linear predictor
 * (prob = expit(logit)): the logit-scale statistics use it, so that they
 * agree with R's `glm(y ~ lp)` on the model's own lp; otherwise
 * {@link clippedLogit} of `prob`. Statistics that are undefined (one class,
 * constant predictions, separation) are null. O(n log n) (one sort for the
 * AUC; Newton fits O(n)).
 */
export function performanceIndexes(y: ArrayLike<number>, prob: ArrayLike<number>, logit?: ArrayLike<number> | null): PerformanceIndexes {
  const n = y.length;
  let events = 0;
  let brier = 0;
  let errors = 0;
  for (let i = 0; i < n; i++) {
    events += y[i]!;
    brier += (prob[i]! - y[i]!) ** 2;
    if ((prob[i]! >= 0.5 ? 1 : 0) !== y[i]) errors++;
  }
  brier /= n;
  const bothClasses = events > 0 && events < n;
  const auc = bothClasses ? aucMannWhitney(y, prob) : null;
  const notEstimable = notEstimableReason(events, n);
  if (notEstimable !== null) {
    const dxy = auc === null ? null : 2 * auc - 1;
    return { n, events, auc, dxy, brier, intercept: null, slope: null, interceptSe: null, slopeSe: null, citl: null, r2Nagelkerke: null, r2CoxSnell: null, r2NagelkerkeRecalibrated: null, errorRate: errors / n, notEstimable };
  }
  const lp = logit ? Float64Array.from(logit) : clippedLogit(prob);
  const recal = recalibrationGlm(y, lp);
  const citl = calibrationInTheLarge(y, lp);
  const l0 = nullDeviance(y);
  const asGiven = r2FromDeviances(l0, binomialDeviance(y, lp), n);
  const recalibrated = recal.slope === null ? null : r2FromDeviances(l0, recal.deviance, n).nagelkerke;
  return {
    n,
    events,
    auc,
    dxy: auc === null ? null : 2 * auc - 1,
    brier,
    intercept: recal.intercept,
    slope: recal.slope,
    interceptSe: recal.interceptSe,
    slopeSe: recal.slopeSe,
    citl: citl.intercept,
    r2Nagelkerke: asGiven.nagelkerke,
    r2CoxSnell: asGiven.coxSnell,
    r2NagelkerkeRecalibrated: recalibrated,
    errorRate: errors / n,
    notEstimable: null,
  };
}

/** Wald standard errors of the logistic recalibration (a, b) and of calibration-in-the-large, from the observed information. */
export function calibrationStandardErrors(
  y: ArrayLike<number>,
  lp: ArrayLike<number>,
  fit: { intercept: number | null; slope: number | null; citl: number | null },
): { slopeSe: number | null; interceptSe: number | null; citlSe: number | null } {
  let slopeSe: number | null = null;
  let interceptSe: number | null = null;
  if (fit.intercept !== null && fit.slope !== null) {
    let i00 = 0;
    let i01 = 0;
    let i11 = 0;
    for (let i = 0; i < y.length; i++) {
      const p = 1 / (1 + Math.exp(-(fit.intercept + fit.slope * lp[i]!)));
      const w = p * (1 - p);
      i00 += w;
      i01 += w * lp[i]!;
      i11 += w * lp[i]! * lp[i]!;
    }
    const det = i00 * i11 - i01 * i01;
    if (det > 0) {
      slopeSe = Math.sqrt(i00 / det);
      interceptSe = Math.sqrt(i11 / det);
    }
  }
  let citlSe: number | null = null;
  if (fit.citl !== null) {
    let info = 0;
    for (let i = 0; i < y.length; i++) {
      const p = 1 / (1 + Math.exp(-(fit.citl + lp[i]!)));
      info += p * (1 - p);
    }
    if (info > 0) citlSe = 1 / Math.sqrt(info);
  }
  return { slopeSe, interceptSe, citlSe };
}

/** An Estimate without an interval. */
export function pointEstimate(value: number | null): Estimate | null {
  return value === null || !Number.isFinite(value) ? null : { estimate: value, lower: null, upper: null, level: null, method: null };
}

/** An Estimate with a Wald interval value ± z·se. */
export function waldEstimate(value: number | null, se: number | null, level = 0.95): Estimate | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (se === null || !Number.isFinite(se)) return pointEstimate(value);
  const z = normalQuantile(1 - (1 - level) / 2);
  return { estimate: value, lower: value - z * se, upper: value + z * se, level, method: "Wald" };
}

/**
 * The report's PerformanceMetrics of one set of predictions, with intervals
 * where they are standard: AUC with the DeLong CI (pROC), calibration slope
 * and calibration-in-the-large with Wald CIs from the logistic fits, Brier,
 * Nagelkerke and Cox–Snell R² as point values, and the loess-based
 * calibration errors (Eavg = ICI, E90, Emax; Austin & Steyerberg 2019), with
 * the smoothed curve clipped to [0, 1] (a probability).
 * O(n log n) plus the loess fit.
 */
export function performanceMetrics(y: ArrayLike<number>, prob: ArrayLike<number>, level = 0.95, logit?: ArrayLike<number> | null): PerformanceMetrics {
  const idx = performanceIndexes(y, prob, logit);
  const both = idx.events > 0 && idx.events < idx.n;
  const lp = logit ? Float64Array.from(logit) : clippedLogit(prob);
  const se = both ? { ...calibrationStandardErrors(y, lp, idx), slopeSe: idx.slopeSe } : { slopeSe: null, interceptSe: null, citlSe: null };
  let auc: Estimate | null = null;
  if (both) {
    const d = delongAuc(y, prob, { level });
    auc = { estimate: d.auc, lower: d.ci?.[0] ?? null, upper: d.ci?.[1] ?? null, level, method: "DeLong" };
  }
  let errors: { ici: number; e90: number; emax: number } | null = null;
  if (both) {
    try {
      errors = integratedCalibrationIndex(y, prob, { clip: true });
    } catch {
      errors = null; // e.g. too few distinct predictions for the loess fit
    }
  }
  return {
    auc,
    brier: pointEstimate(idx.brier),
    calibrationIntercept: waldEstimate(idx.citl, se.citlSe, level),
    calibrationSlope: waldEstimate(idx.slope, se.slopeSe, level),
    eavg: pointEstimate(errors?.ici ?? null),
    e90: pointEstimate(errors?.e90 ?? null),
    emax: pointEstimate(errors?.emax ?? null),
    r2Nagelkerke: pointEstimate(idx.r2Nagelkerke),
    r2CoxSnell: pointEstimate(idx.r2CoxSnell),
  };
}
