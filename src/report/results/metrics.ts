// Performance estimates and curves of the results contract (see ../results.ts).

/** A hyperparameter or setting value (plain JSON). */
export type ResultValue = number | string | boolean | null | readonly number[] | readonly string[];

/** A point estimate with its confidence interval (bounds null when not computed). */
export interface Estimate {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Confidence level of [lower, upper], default 0.95. */
  readonly level: number | null;
  /** How the interval was computed, e.g. "DeLong", "bootstrap percentile", "profile likelihood". */
  readonly method: string | null;
}

/**
 * Performance of one model on one set of predictions. Definitions follow rms
 * `val.prob` / pROC: `auc` = C statistic (Mann–Whitney); `brier` = mean
 * squared error of the probabilities; `calibrationIntercept` = intercept of
 * logit(y) on the linear predictor with slope fixed at 1 (calibration-in-the-
 * large); `calibrationSlope` = slope of logistic recalibration;
 * `eavg`/`e90`/`emax` = mean / 90th percentile / max absolute difference
 * between the flexible (loess) calibration curve and the diagonal (Austin &
 * Steyerberg 2019); `r2Nagelkerke`, `r2CoxSnell` = likelihood-based R².
 */
export interface PerformanceMetrics {
  readonly auc: Estimate | null;
  readonly brier: Estimate | null;
  readonly calibrationIntercept: Estimate | null;
  readonly calibrationSlope: Estimate | null;
  readonly eavg: Estimate | null;
  readonly e90: Estimate | null;
  readonly emax: Estimate | null;
  readonly r2Nagelkerke: Estimate | null;
  readonly r2CoxSnell: Estimate | null;
}

/** Names of the metrics in {@link PerformanceMetrics}. */
export type MetricName = keyof PerformanceMetrics;

/** One point of an empirical ROC curve (pROC `coords(roc, "all")`). */
export interface RocPoint {
  /** 1 − specificity. */
  readonly fpr: number;
  /** Sensitivity. */
  readonly tpr: number;
  /** Cases with score ≥ threshold are called positive; null for ±Inf. */
  readonly threshold: number | null;
}

/** A confidence band of sensitivity at fixed 1 − specificity (pROC `ci.se`). */
export interface RocBandPoint {
  readonly fpr: number;
  readonly tprLower: number;
  readonly tprUpper: number;
}

/** An ROC curve with an optional confidence band. */
export interface RocCurve {
  readonly points: readonly RocPoint[];
  readonly band: readonly RocBandPoint[] | null;
  /** How the band was computed, e.g. "bootstrap (2000), pROC ci.se". */
  readonly bandMethod: string | null;
  /** The AUC of exactly the predictions drawn (DeLong 95% CI): what the curve's legend shows. */
  readonly auc?: Estimate | null;
}

/** One point of a flexible calibration curve, with optional pointwise CI. */
export interface CalibrationSmoothPoint {
  readonly predicted: number;
  readonly observed: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** A group of cases binned by predicted risk: mean predicted vs observed proportion with its CI. */
export interface CalibrationBin {
  /** Mean predicted probability in the bin. */
  readonly predicted: number;
  /** Observed event proportion in the bin. */
  readonly observed: number;
  /** CI of the observed proportion (e.g. Wilson). */
  readonly lower: number | null;
  readonly upper: number | null;
  readonly n: number;
  readonly events: number;
}

/** One bar of the predicted-risk histogram, split by outcome. */
export interface RiskHistogramBin {
  /** Bin start and end on the probability scale, [start, end). */
  readonly start: number;
  readonly end: number;
  readonly events: number;
  readonly nonEvents: number;
}

/** A calibration curve: flexible curve, binned points and the risk distribution. */
export interface CalibrationCurve {
  /** Smoother used, e.g. "loess (span 0.75)" as in rms val.prob. */
  readonly method: string | null;
  readonly smooth: readonly CalibrationSmoothPoint[];
  readonly bins: readonly CalibrationBin[];
  readonly riskHistogram: readonly RiskHistogramBin[];
}

/**
 * One row of a decision curve (Vickers & Elkin 2006): net benefit of the
 * model, of treating all and of treating none at a threshold probability, and
 * net interventions avoided per 100 patients.
 */
export interface DecisionCurveRow {
  readonly threshold: number;
  readonly netBenefit: number;
  readonly treatAll: number;
  /** Always 0 by definition; kept so every row is self-describing. */
  readonly treatNone: number;
  readonly interventionsAvoided: number | null;
}
