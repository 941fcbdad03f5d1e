// Models of the results contract (see ../results.ts).
import type { ResultValue } from "./metrics.js";

/** Hyperparameter tuning of one model. */
export interface Tuning {
  /** E.g. "grid search", "cv.glmnet". */
  readonly method: string;
  /** Resampling used for tuning, e.g. "10-fold CV inside each training set". */
  readonly scheme: string;
  /** Metric optimised, e.g. "deviance", "auc". */
  readonly metric: string;
  /** Number of candidate settings. */
  readonly candidates: number | null;
  /** The values chosen on the full development data. */
  readonly selected: Readonly<Record<string, ResultValue>>;
  /** True when tuning was repeated inside every validation split (nested). */
  readonly nested: boolean;
}

/** A named coefficient or importance value. */
export interface NamedValue {
  readonly feature: string;
  readonly value: number;
}

/** One fitted recipe step's constants: kept features, fill values, or centring and scaling per feature. */
export interface RecipeConstants {
  /** "select", "impute" or "standardize". */
  readonly type: string;
  /** For selections: the step that selected ("reliabilityFilter", "redundancy", "univariateFilter"). */
  readonly step: string | null;
  readonly features: readonly string[];
  /** impute: fill value per feature; standardize: centre per feature. */
  readonly values: readonly number[] | null;
  /** standardize: divisor per feature. */
  readonly scale: readonly number[] | null;
}

/** The final model fitted on all development data (TRIPOD+AI item 22). */
export interface FinalModel {
  readonly nObservations: number;
  readonly nEvents: number;
  readonly featureNames: readonly string[];
  /** Intercept on the scale the model sees, after the recipe (standardised features when the recipe scales) (linear models). */
  readonly intercept: number | null;
  /** Coefficients on the scale the model sees, after the recipe (linear models; zeros included). */
  readonly coefficients: readonly NamedValue[] | null;
  /** Wald standard errors of `coefficients` (unpenalised Cox regression; absent otherwise). */
  readonly stdErrors?: readonly NamedValue[] | null;
  /** What `intercept` and `coefficients` are relative to, in words. */
  readonly coefficientScale: string | null;
  /**
   * The same model on the raw feature scale (the recipe's centring and
   * scaling folded in): logit P(event) = intercept + Σ coefficient × raw
   * value, missing values replaced by `imputation` first. Linear models only.
   */
  readonly rawScale: {
    /** "log-odds" (logistic; absent in older files) or "log-hazard" (Cox: the linear predictor). */
    readonly scale?: "log-odds" | "log-hazard";
    /** Cox: baseline survival S₀(horizon) at lp = 0 (risk = 1 − S₀^exp(lp)) and the horizon. */
    readonly baselineSurvival?: number | null;
    readonly horizon?: number | null;
    readonly intercept: number;
    readonly coefficients: readonly NamedValue[];
    readonly imputation: readonly NamedValue[] | null;
  } | null;
  /**
   * What the nomogram and risk calculator of `rawScale` need from the
   * development data (rms datadist): each raw-scale predictor's range
   * (observed values), the distinct values of predictors with at most 10 of
   * them, and the range of the development linear predictor. Linear models
   * only; absent in results written before it.
   */
  readonly nomogramBasis?: {
    readonly ranges: readonly { readonly feature: string; readonly min: number; readonly max: number }[];
    readonly discrete: readonly { readonly feature: string; readonly values: readonly number[] }[];
    readonly linearPredictorRange: readonly [number, number];
  } | null;
  /** Every constant the recipe applies, step by step (what model.json stores). */
  readonly recipe: readonly RecipeConstants[];
  /** Every hyperparameter in force (defaults merged). */
  readonly hyperparameters: Readonly<Record<string, ResultValue>>;
  /** SVM: number of support vectors. */
  readonly supportVectors: number | null;
  /** Forests and other non-linear models: variable importances (e.g. permutation). */
  readonly importances: readonly NamedValue[] | null;
  /** How importances were computed. */
  readonly importanceMethod: string | null;
  /** File holding the serialised model (`radval-model` JSON), when written. */
  readonly modelFile: string | null;
}

/** Cross-validation error at one λ (cv.glmnet `cvm`, `cvsd`). */
export interface CvPoint {
  readonly lambda: number;
  readonly mean: number;
  readonly se: number;
  readonly nonzero: number;
}

/** An elastic-net coefficient path with its CV curve (glmnet / cv.glmnet). */
export interface CoefficientPath {
  /** Decreasing λ sequence. */
  readonly lambda: readonly number[];
  readonly features: readonly string[];
  /** features × λ: coefficients[j][k] = coefficient of features[j] at lambda[k] (standardised scale). */
  readonly coefficients: ReadonlyArray<readonly number[]>;
  readonly cv: readonly CvPoint[];
  /** CV measure, e.g. "deviance", "auc". */
  readonly measure: string;
  readonly lambdaMin: number | null;
  readonly lambda1se: number | null;
  readonly chosenLambda: number;
  /** "lambda.min", "lambda.1se" or "fixed". */
  readonly chosenRule: string;
}

/** One model: its spec, tuning and full specification. */
export interface ModelResult {
  /** Unique id, used by every per-model block. */
  readonly id: string;
  /** Human label, e.g. "Elastic net (α = 0.5)". */
  readonly label: string;
  /** Model family: "elasticNet", "logistic", "svm", "randomForest". */
  readonly model: string;
  readonly engine: string;
  /** Hyperparameters of the spec (before tuning). */
  readonly params: Readonly<Record<string, ResultValue>>;
  readonly tuning: Tuning | null;
  readonly final: FinalModel;
  readonly path: CoefficientPath | null;
}
