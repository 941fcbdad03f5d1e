import type { RadvalWarning } from "../core/errors.js";
import type { ColumnMatrix } from "../core/matrix.js";
import type { Rng } from "../core/rng.js";

/**
 * The non-feature columns of a frame's rows (site, clinical covariates), for
 * steps that need them (ComBat). Never gives the outcome: `column` returns
 * undefined for it, and `outcomeColumn` names it so steps can refuse it.
 */
export interface RowContext {
  /** Name of the dataset's site column, when it has one. */
  readonly siteColumn: string | null;
  /** Name of the outcome column (not readable here). */
  readonly outcomeColumn: string | null;
  /** The values of column `name` for these rows, in frame row order: numbers for features (NaN = missing), text otherwise; undefined when there is no such column (or it is the outcome). */
  column(name: string): Float64Array | readonly string[] | undefined;
}

/** Feature columns with their names: what recipe steps consume and produce. */
export interface FeatureFrame {
  readonly names: readonly string[];
  /** n × p, column-major, NaN = missing. */
  readonly x: ColumnMatrix;
  /** The rows' non-feature columns (set by `frameOfRows`; kept by the recipe from step to step). */
  readonly context?: RowContext;
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
 * A fitted step as plain data: a column selection (reliability, redundancy
 * and univariate filters: `step` names which), per-feature fill values for
 * missing cells, per-feature centring and scaling z = (x − center) / scale,
 * or a frozen ComBat fit (which reads each row's site and covariates).
 */
export type SerializedStep =
  | { readonly type: "select"; readonly step: string; readonly keep: readonly string[] }
  | { readonly type: "impute"; readonly method: string; readonly names: readonly string[]; readonly values: readonly number[] }
  | { readonly type: "standardize"; readonly names: readonly string[]; readonly center: readonly number[]; readonly scale: readonly number[] }
  | {
      readonly type: "combat";
      readonly names: readonly string[];
      /** The column holding each row's site, and the covariates ComBat preserves (read from the row context). */
      readonly batchColumn: string;
      readonly covariates: readonly { readonly name: string; readonly kind: "numeric" | "categorical" }[];
      readonly unseen: "refuse" | "reference" | "self";
      /** The frozen ComBat estimates (harmonize/combat's CombatFit as plain data). */
      readonly fit: Readonly<Record<string, unknown>>;
    };
