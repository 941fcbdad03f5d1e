import type { Prediction } from "../../core/prediction.js";
import type { OutcomeKind, Response } from "../../core/response.js";

/** One scalar performance index of a metric set. */
export interface MetricDefinition {
  /** Key in results ("auc", "c", "brier", "auc:>=F2"). */
  readonly name: string;
  /** How the report names it ("Harrell's C", "AUC ≥F2 (significant fibrosis)"). */
  readonly label: string;
  /** "higher" / "lower" is better; "one": ideal value 1 (calibration slope); "zero": ideal 0 (calibration intercept). */
  readonly ideal: "higher" | "lower" | "one" | "zero";
}

/** Values of a metric set's indexes (null where undefined: one class, no events, a degenerate fit). */
export type MetricValues = Readonly<Record<string, number | null>>;

/**
 * A metric set (yardstick's `metric_set`): the scalar indexes the resampling
 * procedures compute for one outcome kind. The optimism bootstrap, CV and
 * external validation ask the set for its values and apply the same
 * arithmetic to each (apparent − optimism, mean over folds); adding a metric
 * is adding it to a set, not editing the engine.
 */
export interface MetricSet {
  readonly kind: OutcomeKind;
  readonly metrics: readonly MetricDefinition[];
  /**
   * The indexes of `prediction` for `response` (same rows, same order).
   * `role` "test" is the bootstrap's test evaluation (the binary set then
   * reports R² after recalibration, as rms::validate does). Never throws for
   * degenerate data: undefined indexes are null.
   */
  compute(response: Response, prediction: Prediction, role?: "apparent" | "test"): MetricValues;
}

/** `f()` or null when it throws or is not finite (a degenerate split must not abort a run). */
export function orNull(f: () => number | null | undefined): number | null {
  try {
    const v = f();
    return v === null || v === undefined || !Number.isFinite(v) ? null : v;
  } catch {
    return null;
  }
}
