import { calibrationBand, calibrationCurve } from "../metrics/calibration/curve.js";
import { decisionCurve } from "../metrics/decisionCurve.js";
import { rocCurve } from "../metrics/roc.js";
import type { Rng } from "../core/rng.js";
import { delongAuc } from "../metrics/delong.js";
import { rocBand } from "../metrics/rocBand.js";
import type { CalibrationCurve, DecisionCurveRow, Estimate, RocCurve } from "../report/results.js";

/** Replicates of the ROC confidence band (pROC's ci.se default is 2000; 500 keep reports quick with percentile limits stable to ~0.01). */
export const ROC_BAND_REPLICATES = 500;

/**
 * The ROC curve of predictions as the report wants it (pROC's coords, every
 * distinct threshold; ±Inf thresholds as null), the AUC of exactly these
 * predictions with its DeLong CI (the legend's number), and, given `rng`, a
 * stratified-bootstrap confidence band of sensitivity at fixed specificity
 * ({@link rocBand}). Null with a single class.
 */
export function rocPoints(y: ArrayLike<number>, prob: ArrayLike<number>, options: { rng?: Rng } = {}): RocCurve | null {
  let events = 0;
  for (let i = 0; i < y.length; i++) events += y[i]!;
  if (events === 0 || events === y.length) return null;
  const roc = rocCurve(y, prob);
  const points = Array.from(roc.thresholds, (t, k) => ({
    fpr: 1 - roc.specificity[k]!,
    tpr: roc.sensitivity[k]!,
    threshold: Number.isFinite(t) ? t : null,
  }));
  const d = delongAuc(y, prob);
  const auc: Estimate = { estimate: d.auc, lower: d.ci?.[0] ?? null, upper: d.ci?.[1] ?? null, level: 0.95, method: "DeLong" };
  if (!options.rng) return { points, band: null, bandMethod: null, auc };
  const b = rocBand(y, prob, options.rng, { replicates: ROC_BAND_REPLICATES });
  const band = Array.from(b.specificity, (sp, g) => ({ fpr: 1 - sp, tprLower: b.lower[g]!, tprUpper: b.upper[g]! }));
  return { points, band, bandMethod: `stratified bootstrap (${b.replicates} replicates), sensitivity at fixed specificity, percentile 95% limits (as pROC ci.se)`, auc };
}

/** Replicates of the calibration curve's bootstrap band. */
export const CALIBRATION_BAND_REPLICATES = 200;

/**
 * Flexible calibration curve (R's loess, span 0.75), decile bins with Wilson
 * CIs and a 20-bin risk histogram split by outcome; given `rng`, a pointwise
 * 95% bootstrap band of the smoothed curve ({@link calibrationBand}). Null
 * when the smoother cannot be fit (too few distinct predictions or one class).
 */
export function calibrationPoints(y: ArrayLike<number>, prob: ArrayLike<number>, options: { rng?: Rng } = {}): CalibrationCurve | null {
  let events = 0;
  for (let i = 0; i < y.length; i++) events += y[i]!;
  if (events === 0 || events === y.length) return null;
  const bins = 20;
  const histogram = Array.from({ length: bins }, (_, k) => ({ start: k / bins, end: (k + 1) / bins, events: 0, nonEvents: 0 }));
  for (let i = 0; i < y.length; i++) {
    const k = Math.min(bins - 1, Math.floor(prob[i]! * bins));
    if (y[i] === 1) histogram[k]!.events++;
    else histogram[k]!.nonEvents++;
  }
  try {
    const curve = calibrationCurve(y, prob, { clip: true });
    const band = options.rng ? calibrationBand(y, prob, curve.curve.predicted, options.rng, { clip: true, replicates: CALIBRATION_BAND_REPLICATES }) : null;
    const limit = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? null : v);
    return {
      method: `${curve.smoother} (span ${curve.span}, degree ${curve.degree})${band ? `; shaded: pointwise 95% bootstrap band (${band.replicates} resamples)` : ""}`,
      smooth: Array.from(curve.curve.predicted, (p, k) => ({ predicted: p, observed: Math.min(1, Math.max(0, curve.curve.observed[k]!)), lower: limit(band?.lower[k]), upper: limit(band?.upper[k]) })),
      bins: curve.bins.map((b) => ({ predicted: b.meanPredicted, observed: b.observed, lower: b.observedLower, upper: b.observedUpper, n: b.n, events: b.events })),
      riskHistogram: histogram,
    };
  } catch {
    return { method: null, smooth: [], bins: [], riskHistogram: histogram };
  }
}

/** Decision-curve rows at thresholds (default 0.01 … 0.99 by 0.01, computed as k/100). */
export function decisionCurveRows(y: ArrayLike<number>, prob: ArrayLike<number>, thresholds?: ArrayLike<number>): DecisionCurveRow[] {
  let events = 0;
  for (let i = 0; i < y.length; i++) events += y[i]!;
  if (events === 0 || events === y.length) return []; // one class: net benefit is not informative (not estimable)
  const curve = decisionCurve(y, prob, thresholds ? { thresholds } : {});
  return curve.points.map((p) => ({
    threshold: p.threshold,
    netBenefit: p.netBenefit,
    treatAll: p.treatAll,
    treatNone: 0,
    interventionsAvoided: Number.isFinite(p.interventionsAvoided) ? p.interventionsAvoided : null,
  }));
}
