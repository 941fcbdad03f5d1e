import type { RadvalWarning } from "../core/errors.js";
import type { ColumnMatrix } from "../core/matrix.js";
import type { Rng } from "../core/rng.js";

/** Feature columns with their names: what recipe steps consume and produce. */
export interface FeatureFrame {
  readonly names: readonly string[];
  /** n × p, column-major, NaN = missing. */
  readonly x: ColumnMatrix;
}

/**
 * A recipe step specification: frozen plain data (`type` plus parameters), no
 * fitted state (recipes' step_*; scikit-learn transformers before fit).
 */
export interface StepSpec {
  readonly type: string;
  readonly [param: string]: unknown;
}

/** What a step's fit may use besides the analysis-row features. */
export interface StepFitContext {
  /** Outcome of the analysis rows (0/1), for supervised steps (e.g. representative by AUC). */
  readonly y?: Float64Array;
  readonly rng: Rng;
  /** Analysis row indices into the full dataset (for logging/leakage checks only). */
  readonly rows?: Int32Array;
}

/** What a fitted step tells the report (what was kept, dropped and why). */
export interface StepLog {
  readonly type: string;
  readonly inputFeatures: number;
  readonly outputFeatures: number;
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * A step fitted on analysis rows only: frozen; `transform` applies the same
 * learnt operation to any rows (assessment rows included) without refitting.
 */
export interface FittedStep {
  readonly type: string;
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  transform(frame: FeatureFrame): FeatureFrame;
  describe(): StepLog;
  /**
   * Every constant the step applies, as plain data: what `model.json` stores
   * and `restoreStep` applies again. Every built-in step has it; a custom
   * step without it cannot be exported.
   */
  toJSON?(): SerializedStep;
  readonly warnings: readonly RadvalWarning[];
}

/**
 * A fitted step as plain data, in one of three forms every current step
 * reduces to: a column selection (reliability, redundancy and univariate
 * filters: `step` names which), per-feature fill values for missing cells,
 * and per-feature centring and scaling z = (x − center) / scale.
 */
export type SerializedStep =
  | { readonly type: "select"; readonly step: string; readonly keep: readonly string[] }
  | { readonly type: "impute"; readonly method: string; readonly names: readonly string[]; readonly values: readonly number[] }
  | { readonly type: "standardize"; readonly names: readonly string[]; readonly center: readonly number[]; readonly scale: readonly number[] };
