import type { RadvalWarning } from "../../core/errors.js";

/** Options of the Cox elastic-net path (glmnet(family = "cox") argument names in camelCase). */
export interface CoxnetOptions {
  /** Mixture: 1 = lasso, 0 = ridge (default 1). */
  readonly alpha?: number;
  /** Number of λ values of the default grid (default 100). */
  readonly nlambda?: number;
  /** Smallest λ / λ_max (default 1e-4, or 0.01 when n < p). */
  readonly lambdaMinRatio?: number;
  /** A user λ sequence (sorted decreasing; disables the early stop, as glmnet). */
  readonly lambda?: ArrayLike<number>;
  /** Convergence threshold on max_j v_j Δβ_j², relative to the null deviance (default 1e-7, glmnet's). */
  readonly thresh?: number;
  /** Most coordinate-descent passes over the whole path (default 100000). */
  readonly maxit?: number;
  /** Standardise features internally (default true); coefficients are returned on the original scale. */
  readonly standardize?: boolean;
  readonly featureNames?: readonly string[];
}

/** A fitted Cox elastic-net path: one coefficient vector per λ (no intercept). */
export interface CoxnetPath {
  readonly featureNames: readonly string[];
  readonly lambda: number[];
  /** beta[j][l]: coefficient of feature j at λ_l on the original scale. */
  readonly beta: number[][];
  /** Fraction of the null deviance explained at each λ. */
  readonly devRatio: number[];
  /** Number of non-zero coefficients at each λ. */
  readonly df: number[];
  /** Null deviance 2(ℓ_sat − ℓ(0)) (Breslow partial likelihood). */
  readonly nulldev: number;
  readonly alpha: number;
  readonly nObservations: number;
  readonly nEvents: number;
  /** Coordinate-descent passes used. */
  readonly passes: number;
  readonly warnings: RadvalWarning[];
}

/** Cross-validation measure of the Cox elastic net: partial-likelihood deviance (grouped, V&VH) or Harrell's C. */
export type CoxnetMeasure = "deviance" | "C";

/** Result of {@link cvCoxnet}: the cv.glmnet(family = "cox") curve and its λ choices. */
export interface CvCoxnetResult {
  readonly fit: CoxnetPath;
  readonly measure: CoxnetMeasure;
  readonly lambda: number[];
  readonly cvm: number[];
  readonly cvsd: number[];
  readonly cvup: number[];
  readonly cvlo: number[];
  readonly nzero: number[];
  readonly lambdaMin: number;
  readonly lambda1se: number;
  readonly indexMin: number;
  readonly index1se: number;
  readonly foldId: Int32Array;
  readonly nFolds: number;
}
