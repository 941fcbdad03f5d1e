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

/** The final model fitted on all development data (TRIPOD+AI item 22). */
export interface FinalModel {
  readonly nObservations: number;
  readonly nEvents: number;
  readonly featureNames: readonly string[];
  /** Intercept on the original feature scale (linear models). */
  readonly intercept: number | null;
  /** Coefficients on the original feature scale (linear models; zeros included). */
  readonly coefficients: readonly NamedValue[] | null;
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
