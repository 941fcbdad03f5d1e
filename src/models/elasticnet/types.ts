import type { RadvalWarning } from "../../core/errors.js";
import type { Rng } from "../../core/rng.js";
import type { GlmnetControl } from "./control.js";
import type { UpdateMode } from "./solverSettings.js";

/**
 * Options of {@link elasticNetPath}; names follow glmnet's arguments
 * (`alpha`, `nlambda`, `lambda.min.ratio`, `lambda`, `weights`,
 * `penalty.factor`, `standardize`, `intercept`, `thresh`, `maxit`, `dfmax`,
 * `pmax`) and the defaults are glmnet 4.1-6's.
 */
export interface ElasticNetOptions {
  /** Mixture α ∈ [0, 1]: 1 = lasso, 0 = ridge. Default 1. */
  readonly alpha?: number;
  /** Number of λ values of the default grid. Default 100. */
  readonly nlambda?: number;
  /** λ_min / λ_max of the default grid. Default 1e-4 when n ≥ p, else 0.01 (glmnet: nobs < nvars). */
  readonly lambdaMinRatio?: number;
  /** A user λ sequence (sorted into decreasing order; no early stop of the path). */
  readonly lambda?: ArrayLike<number>;
  /** Observation weights (≥ 0; rows with weight 0 are dropped, as glmnet does). Default all 1. */
  readonly weights?: ArrayLike<number>;
  /** Penalty factor per feature: 0 = never penalised (always in the model), Infinity = excluded. Rescaled to sum to p, as glmnet does. Default all 1. */
  readonly penaltyFactor?: ArrayLike<number>;
  /** glmnet's `standardize`: scale features to unit weighted population SD internally; coefficients are still reported on the original scale. Default true. */
  readonly standardize?: boolean;
  /** Fit an intercept. Default true. */
  readonly intercept?: boolean;
  /** Convergence threshold: coordinate descent stops when max_j xv_j Δb_j² < thresh × null deviance. Default 1e-7 (glmnet's). */
  readonly thresh?: number;
  /** Most coordinate-descent passes over the whole path. Default 100000. */
  readonly maxit?: number;
  /** Stop the path when more than this many coefficients are non-zero. Default p + 1. */
  readonly dfmax?: number;
  /** Most variables ever active. Default min(2 dfmax + 20, p). */
  readonly pmax?: number;
  /** Feature names, for messages and the result (default x1, x2, …). */
  readonly featureNames?: readonly string[];
  /** Coordinate updates inside each IRLS step (see BinomialPointSolver). Default "auto". */
  readonly updates?: UpdateMode;
  /** Vector kernels: "simd" = WebAssembly SIMD when the runtime has it (default), "js" = plain JavaScript. Same results up to rounding. */
  readonly kernels?: "simd" | "js";
  /** glmnet.control() constants (fdev, devmax, eps, big, mnlam, pmin). */
  readonly control?: Partial<GlmnetControl>;
}

/**
 * A fitted elastic-net logistic path: frozen plain data, glmnet's `lognet`
 * object. `beta[j][l]` is the coefficient of feature j at λ = `lambda[l]` on
 * the original feature scale; `a0[l]` the intercept.
 */
export interface ElasticNetPath {
  readonly family: "binomial";
  readonly alpha: number;
  readonly featureNames: readonly string[];
  readonly nObservations: number;
  /** The λ sequence actually fitted (decreasing; may be shorter than asked when the path stops early). */
  readonly lambda: readonly number[];
  readonly a0: readonly number[];
  /** p × L coefficients on the original feature scale (row = feature). */
  readonly beta: readonly (readonly number[])[];
  /** Fraction of null deviance explained at each λ. */
  readonly devRatio: readonly number[];
  /** Number of non-zero coefficients at each λ. */
  readonly df: readonly number[];
  /** Null deviance 2 Σ w_i (y_i log ȳ + …) of the intercept-only model (weights as given). */
  readonly nulldev: number;
  /** Total coordinate-descent passes (glmnet's `npasses`). */
  readonly npasses: number;
  /** glmnet's error flag: 0, or < 0 when the path was truncated (maxit / pmax reached). */
  readonly jerr: number;
  /** True when λ came from the user (no early stop). */
  readonly userLambda: boolean;
  /** Weighted means (0 without an intercept) and weighted population SDs of the features (0 for a constant feature). */
  readonly xMean: readonly number[];
  readonly xScale: readonly number[];
  /** The settings used (for the report and for refitting the folds the same way). */
  readonly settings: Readonly<{
    nlambda: number;
    lambdaMinRatio: number;
    standardize: boolean;
    intercept: boolean;
    thresh: number;
    maxit: number;
    penaltyFactor: readonly number[];
  }>;
  readonly warnings: readonly RadvalWarning[];
}

/** Loss measured on the held-out fold (cv.glmnet's `type.measure` for the binomial family). */
export type CvMeasure = "deviance" | "auc" | "class" | "brier" | "mse";

/** Options of {@link cvElasticNet}: the path options plus how to fold. */
export interface CvElasticNetOptions extends ElasticNetOptions {
  /** Fold of each row (any whole numbers; folds are their distinct values in ascending order). */
  readonly foldId?: ArrayLike<number>;
  /** Number of folds when drawn (stratified by the outcome). Default 10. */
  readonly nFolds?: number;
  /** Generator for the stratified fold draw (required unless foldId is given). */
  readonly rng?: Rng;
  /** Default "deviance". */
  readonly measure?: CvMeasure;
}

/** Result of {@link cvElasticNet}: cv.glmnet's object as frozen plain data. */
export interface CvElasticNetResult {
  readonly alpha: number;
  readonly measure: CvMeasure;
  /** cv.glmnet's `name` ("Binomial Deviance", "AUC", "Misclassification Error", …). */
  readonly measureName: string;
  /** The full-data λ sequence the CV curve is on. */
  readonly lambda: readonly number[];
  readonly cvm: readonly number[];
  readonly cvsd: readonly number[];
  readonly cvup: readonly number[];
  readonly cvlo: readonly number[];
  /** Non-zero coefficients of the full-data fit at each λ. */
  readonly nzero: readonly number[];
  readonly lambdaMin: number;
  readonly lambda1se: number;
  /** 0-based positions of lambdaMin and lambda1se in `lambda`. */
  readonly indexMin: number;
  readonly index1se: number;
  /** Fold (1..K) of each row, as used. */
  readonly foldId: readonly number[];
  /** Per-fold measure at each λ (K × L): cv.glmnet's `cvraw` after `cvcompute`. */
  readonly foldRaw: readonly (readonly number[])[];
  /** Per-fold weights (sum of observation weights in the fold). */
  readonly foldWeights: readonly number[];
  /** Each fold's own path: its training size, λ count and glmnet error flag. */
  readonly folds: readonly { readonly fold: number; readonly nTrain: number; readonly nLambda: number; readonly jerr: number }[];
  /** The full-data path. */
  readonly fit: ElasticNetPath;
  readonly warnings: readonly import("../../core/errors.js").RadvalWarning[];
}
