import type { RadvalWarning } from "../core/errors.js";
import type { ColumnMatrix } from "../core/matrix.js";
import type { Prediction } from "../core/prediction.js";
import type { OutcomeKind, Response } from "../core/response.js";
import type { Rng } from "../core/rng.js";

/**
 * A hyperparameter value in a spec (plain JSON data). The record form holds
 * per-class values such as explicit class weights `{"0": 1, "1": 3}`.
 */
export type ParamValue = number | string | boolean | null | readonly number[] | Readonly<Record<string, number>>;

/**
 * A model specification: frozen plain data, no fitted state (parsnip's model
 * spec; scikit-learn's unfitted estimator). Standard hyperparameter names:
 * `penalty`/`mixture` (elastic net), `cost`/`kernel`/`gamma`/`degree` (SVM),
 * `trees`/`mtry`/`minNodeSize`/`maxDepth`/`sampleFraction` (forests),
 * `classWeight` ("balanced" or explicit weights) everywhere.
 */
export interface ModelSpec {
  /** Model family: "elasticNet", "logistic", "svm", "randomForest". */
  readonly model: string;
  /** Engine that fits it (e.g. "radval", "libsvm", "ml-svm", "ml-random-forest"). */
  readonly engine: string;
  readonly params: Readonly<Record<string, ParamValue>>;
}

/** Options of a fit: the generator for any random draw, and observation weights. */
export interface FitOptions {
  /** Every random draw of the fit comes from here (never Math.random). */
  readonly rng: Rng;
  /** Observation weights (length n), default all 1. */
  readonly weights?: Float64Array;
  /** Feature names (length p), for describe() and error messages. */
  readonly featureNames?: readonly string[];
}

/** What TRIPOD item 22 ("full model specification") needs about a fitted model. */
export interface ModelDescription {
  readonly model: string;
  readonly engine: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly nObservations: number;
  readonly nFeatures: number;
  readonly featureNames: readonly string[];
  /** Intercept and coefficients on the original feature scale (linear models). */
  readonly intercept?: number;
  readonly coefficients?: Readonly<Record<string, number>>;
  /** Anything else model-specific (support-vector count, tree count, importances…). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** A fitted model serialised with `toJSON()`: restorable by `restoreModel`. */
export interface SerializedModel {
  readonly format: "radval-model";
  /** radval version that wrote it. */
  readonly radvalVersion: string;
  /** Serialisation schema version of this engine's state. */
  readonly schema: number;
  readonly spec: ModelSpec;
  readonly featureNames: readonly string[];
  readonly state: unknown;
  /** Outcome kind the model predicts; absent = binary (files written before outcome kinds). */
  readonly kind?: OutcomeKind;
}

/** A penalised model's coefficient path with its cross-validation curve (glmnet's plot(fit) and plot(cv.fit)). */
export interface CoefficientPathData {
  /** Decreasing λ sequence. */
  readonly lambda: readonly number[];
  readonly features: readonly string[];
  /** coefficients[j][k]: feature j at lambda[k], on the standardised scale (coefficient × feature SD). */
  readonly coefficients: ReadonlyArray<readonly number[]>;
  /** The CV curve (cv.glmnet cvm, cvsd, nzero) when λ was chosen by cross-validation. */
  readonly cv: {
    readonly measure: string;
    readonly cvm: readonly number[];
    readonly cvsd: readonly number[];
    readonly nzero: readonly number[];
    readonly lambdaMin: number;
    readonly lambda1se: number;
  } | null;
  readonly chosenLambda: number;
  /** "lambda.min", "lambda.1se" or "fixed". */
  readonly chosenRule: string;
}

/**
 * A fitted model: frozen, with predictions of P(y = 1) for new rows. Fitting
 * never mutates its inputs; predicting a subset of rows gives the subset of
 * the predictions.
 */
export interface FittedModel {
  readonly spec: ModelSpec;
  readonly nFeatures: number;
  readonly featureNames: readonly string[];
  /** Predicted probabilities of the positive class (length = x.nRows). */
  predictProba(x: ColumnMatrix): Float64Array;
  /** The model's own score on the link scale (linear predictor or decision value), monotone in the probability when defined. */
  predictScore?(x: ColumnMatrix): Float64Array;
  /**
   * The exact log-odds of `predictProba` (logistic and elastic-net models: the
   * linear predictor), absent when the probability is not expit of a score
   * the model computes (forests, Platt-scaled SVMs, recalibrated models).
   * Calibration statistics use it instead of re-deriving logits from rounded
   * probabilities.
   */
  predictLogit?(x: ColumnMatrix): Float64Array;
  describe(): ModelDescription;
  toJSON(): SerializedModel;
  /** Penalised models: the coefficient path and CV curve behind the chosen λ (plain data, computed on demand). */
  coefficientPath?(): CoefficientPathData;
  /** Non-fatal findings of the fit (separation, non-convergence…). */
  readonly warnings: readonly RadvalWarning[];
}

/**
 * An engine: how one model family is fit by one implementation, and how a
 * serialised fit is restored.
 */
export interface ModelEngine {
  readonly model: string;
  readonly engine: string;
  /** Default hyperparameters (merged under the spec's params). */
  readonly defaults: Readonly<Record<string, ParamValue>>;
  fit(spec: ModelSpec, x: ColumnMatrix, y: Float64Array, options: FitOptions): FittedModel;
  restore(serialized: SerializedModel): FittedModel;
  /**
   * Loads what `fit` needs (e.g. a WebAssembly solver) when the engine has an
   * asynchronous dependency; absent when `fit` is always ready. Idempotent.
   */
  prepare?(): Promise<void>;
}

/**
 * A fitted model of an ordinal, nominal or time-to-event outcome: frozen,
 * predicting the kind's {@link Prediction} (class probabilities; risk score
 * and risk at the horizon). Binary models are {@link FittedModel}s.
 */
export interface OutcomeModel {
  readonly kind: Exclude<OutcomeKind, "binary">;
  readonly spec: ModelSpec;
  readonly nFeatures: number;
  readonly featureNames: readonly string[];
  predict(x: ColumnMatrix): Prediction;
  describe(): ModelDescription;
  toJSON(): SerializedModel;
  readonly warnings: readonly RadvalWarning[];
}

/**
 * An engine for the non-binary outcome kinds: which kinds it fits (the
 * registry dispatches on them), how it fits a {@link Response} and restores
 * a saved fit.
 */
export interface OutcomeEngine {
  readonly model: string;
  readonly engine: string;
  readonly kinds: readonly Exclude<OutcomeKind, "binary">[];
  readonly defaults: Readonly<Record<string, ParamValue>>;
  fit(spec: ModelSpec, x: ColumnMatrix, response: Response, options: FitOptions): OutcomeModel;
  restore(serialized: SerializedModel): OutcomeModel;
}

/** A fitted model of any kind. */
export type AnyFittedModel = FittedModel | OutcomeModel;

/** True for models of the non-binary kinds. */
export function isOutcomeModel(model: AnyFittedModel): model is OutcomeModel {
  return "kind" in model && typeof (model as OutcomeModel).predict === "function";
}
