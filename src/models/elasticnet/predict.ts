import { RadvalError } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import type { ElasticNetPath } from "./types.js";

/** Where a λ falls on a path: the bracketing path positions and the weight of the left one. */
export interface LambdaInterpolation {
  /** 0-based positions in the path's λ sequence. */
  readonly left: number;
  readonly right: number;
  /** Coefficients at s = frac × coef[left] + (1 − frac) × coef[right]. */
  readonly frac: number;
}

/**
 * R's `approx(x, y, v)` for strictly increasing x and y = 1..L (bisection as
 * in R's `approx1`): the fractional 1-based position of v. O(log L).
 */
function approxPosition(x: Float64Array, v: number): number {
  let i = 0;
  let j = x.length - 1;
  while (i < j - 1) {
    const ij = (i + j) >> 1;
    if (v < x[ij]!) j = ij;
    else i = ij;
  }
  if (v === x[j]) return j + 1;
  if (v === x[i]) return i + 1;
  return i + 1 + (v - x[i]!) / (x[j]! - x[i]!);
}

/**
 * glmnet's `lambda.interp`: locates s on the decreasing λ sequence by linear
 * interpolation in λ (on the scale (λ_1 − λ)/(λ_1 − λ_L)); s outside the path
 * is clamped to its first or last λ. With a single λ every s maps to it.
 * Used by `predict.glmnet(…, s)` / `coef(…, s)` with `exact = FALSE`, and by
 * cv.glmnet to predict each fold's path at the full-data λ values. O(log L).
 */
export function lambdaInterp(lambda: ArrayLike<number>, s: number): LambdaInterpolation {
  const k = lambda.length;
  if (k === 0) throw new RadvalError("INVALID_ARGUMENT", "empty λ sequence");
  if (k === 1) return { left: 0, right: 0, frac: 1 };
  const first = lambda[0]!;
  const last = lambda[k - 1]!;
  const range = first - last;
  const norm = new Float64Array(k);
  for (let l = 0; l < k; l++) norm[l] = (first - lambda[l]!) / range;
  let sfrac = (first - s) / range;
  if (sfrac < norm[0]!) sfrac = norm[0]!;
  if (sfrac > norm[k - 1]!) sfrac = norm[k - 1]!;
  const coord = approxPosition(norm, sfrac);
  const left = Math.floor(coord) - 1;
  const right = Math.ceil(coord) - 1;
  let frac = (sfrac - norm[right]!) / (norm[left]! - norm[right]!);
  if (left === right) frac = 1;
  if (Math.abs(norm[left]! - norm[right]!) < Number.EPSILON) frac = 1;
  return { left, right, frac };
}

/** Intercept and coefficients (original scale) at one λ. */
export interface Coefficients {
  readonly lambda: number;
  readonly intercept: number;
  readonly beta: readonly number[];
}

function checkS(s: number): void {
  if (!Number.isFinite(s) || s < 0) {
    throw new RadvalError("INVALID_ARGUMENT", `λ must be finite and ≥ 0, got ${s}`, { where: { key: "s" } });
  }
}

/**
 * `coef(fit, s)` of glmnet (exact = FALSE): intercept and coefficients at
 * λ = s, linearly interpolated between the two path solutions that bracket s
 * (exactly the path solution when s is on the grid; the first/last solution
 * when s is outside it). O(p + log L).
 */
export function elasticNetCoef(path: ElasticNetPath, s: number): Coefficients {
  checkS(s);
  const { left, right, frac } = lambdaInterp(path.lambda, s);
  const p = path.featureNames.length;
  const beta = new Array<number>(p);
  for (let j = 0; j < p; j++) {
    const row = path.beta[j]!;
    beta[j] = frac * row[left]! + (1 - frac) * row[right]!;
  }
  const intercept = frac * path.a0[left]! + (1 - frac) * path.a0[right]!;
  return Object.freeze({ lambda: s, intercept, beta: Object.freeze(beta) });
}

/** Linear predictor a0 + X β for each row of x (original feature scale). O(n p). */
export function linearPredictor(x: ColumnMatrix, intercept: number, beta: ArrayLike<number>): Float64Array {
  if (x.nCols !== beta.length) {
    throw new RadvalError("DIMENSION_MISMATCH", `the new data has ${x.nCols} feature columns, the model ${beta.length}`, {
      hint: "Give the new rows the same features, in the same order, as the training data.",
    });
  }
  const n = x.nRows;
  const eta = new Float64Array(n).fill(intercept);
  for (let j = 0; j < beta.length; j++) {
    const b = beta[j]!;
    if (b === 0) continue;
    const off = j * n;
    for (let i = 0; i < n; i++) eta[i] = eta[i]! + b * x.data[off + i]!;
  }
  return eta;
}

/** Logistic function 1 / (1 + e^−η), elementwise into a new array. O(n). */
export function logistic(eta: Float64Array): Float64Array {
  const out = new Float64Array(eta.length);
  for (let i = 0; i < eta.length; i++) out[i] = 1 / (1 + Math.exp(-eta[i]!));
  return out;
}

/**
 * `predict(fit, newx, s, type)` of glmnet (exact = FALSE): for type "link" the
 * linear predictor, for "response" the probability of class 1, at λ = s
 * (interpolated as in {@link elasticNetCoef}). O(n p).
 */
export function elasticNetPredict(path: ElasticNetPath, x: ColumnMatrix, s: number, type: "link" | "response" = "response"): Float64Array {
  const coef = elasticNetCoef(path, s);
  const eta = linearPredictor(x, coef.intercept, coef.beta);
  return type === "link" ? eta : logistic(eta);
}

/** The coefficient path as plain data for plots: one series per feature. */
export interface PathPlotData {
  readonly lambda: readonly number[];
  readonly logLambda: readonly number[];
  readonly df: readonly number[];
  readonly devRatio: readonly number[];
  /** "original" = as fitted; "standardized" = coefficient × feature SD (what glmnet's plot compares across features). */
  readonly scale: "original" | "standardized";
  readonly series: readonly { readonly feature: string; readonly coefficient: readonly number[] }[];
}

/**
 * The path as plain data for plotting (glmnet's `plot(fit, xvar = "lambda")`):
 * λ, log λ, df, deviance ratio, and each feature's coefficient along the path,
 * on the original or the standardised scale. O(p L).
 */
export function pathPlotData(path: ElasticNetPath, scale: "original" | "standardized" = "standardized"): PathPlotData {
  const series = path.featureNames.map((feature, j) => {
    const sd = scale === "standardized" ? path.xScale[j]! : 1;
    return Object.freeze({ feature, coefficient: Object.freeze(path.beta[j]!.map((b) => b * sd)) });
  });
  return Object.freeze({
    lambda: path.lambda,
    logLambda: Object.freeze(path.lambda.map((l) => Math.log(l))),
    df: path.df,
    devRatio: path.devRatio,
    scale,
    series: Object.freeze(series),
  });
}
