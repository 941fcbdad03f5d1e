/**
 * What the validation engine and the report need to know about a metric:
 * its name, whether larger is better, its range and where it comes from
 * (yardstick's metric metadata; scikit-learn's `*_score` vs `*_loss`).
 */
export interface MetricInfo {
  /** Stable key, e.g. "auc", "brier". */
  readonly name: string;
  /** Human label, e.g. "AUC (c-statistic)". */
  readonly label: string;
  /** "maximize" when larger is better, "minimize" when smaller is better, "target" when a value (e.g. slope 1) is ideal. */
  readonly direction: "maximize" | "minimize" | "target";
  /** Range of possible values ([-Infinity, Infinity] when unbounded). */
  readonly range: readonly [number, number];
  /** The ideal value when direction is "target" (slope 1, intercept 0, E/O 1). */
  readonly target?: number;
  /** Paper or R function that defines it. */
  readonly reference: string;
}

/**
 * A scalar metric `(truth, prob) → number` with its metadata attached; what
 * the validation engine calls for every split and bootstrap replicate.
 */
export interface ScalarMetric {
  (truth: ArrayLike<number>, prob: ArrayLike<number>): number;
  readonly info: MetricInfo;
}

/** Attaches `info` to a metric function (returns a new function object; the input is not modified). */
export function defineMetric(fn: (truth: ArrayLike<number>, prob: ArrayLike<number>) => number, info: MetricInfo): ScalarMetric {
  const metric = (truth: ArrayLike<number>, prob: ArrayLike<number>): number => fn(truth, prob);
  return Object.assign(metric, { info: Object.freeze({ ...info }) });
}

/** Freezes a {@link MetricInfo} (and its range). */
export function metricInfo(info: MetricInfo): MetricInfo {
  Object.freeze(info.range);
  return Object.freeze({ ...info });
}
