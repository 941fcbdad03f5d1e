import { RadvalError } from "../../core/errors.js";

/**
 * glmnet's default `lambda.min.ratio`: 0.01 when there are fewer observations
 * than features (n < p), else 1e-4. O(1).
 */
export function defaultLambdaMinRatio(n: number, p: number): number {
  return n < p ? 0.01 : 1e-4;
}

/**
 * Ratio between consecutive λ values of the default grid: glmnet's
 * alf = max(eps, ratio)^(1 / (nlambda − 1)), so the grid runs geometrically
 * from λ_max to λ_max · ratio. O(1).
 */
export function lambdaStepFactor(lambdaMinRatio: number, nlambda: number, eps: number): number {
  if (nlambda <= 1) return 1;
  return Math.pow(Math.max(eps, lambdaMinRatio), 1 / (nlambda - 1));
}

/**
 * λ_max: the smallest λ at which every penalised coefficient is 0,
 * max_j |Σ_i w_i (y_i − ȳ) x̃_ij| / vp_j over usable penalised features (x̃
 * standardised, Σ w = 1), divided by α — with glmnet's rule that α below 1e-3
 * counts as 1e-3, so the ridge path (α = 0) starts at 1000 × the lasso λ_max
 * rather than at infinity. `absGrad` is |gradient| at the null model. O(p).
 */
export function lambdaMax(absGrad: Float64Array, usable: Uint8Array, penalty: Float64Array, alpha: number): number {
  let m = 0;
  for (let j = 0; j < absGrad.length; j++) {
    if (!usable[j] || penalty[j]! <= 0) continue;
    const v = absGrad[j]! / penalty[j]!;
    if (v > m) m = v;
  }
  return m / Math.max(alpha, 1e-3);
}

/**
 * glmnet's `fix.lam`: the first grid point is fitted at an "infinite" λ and
 * reported as λ_1 = exp(2 log λ_2 − log λ_3), the geometric continuation of
 * the grid. Returns a new array. O(L).
 */
export function fixFirstLambda(lambda: ArrayLike<number>): number[] {
  const out = Array.from(lambda);
  if (out.length > 2) out[0] = Math.exp(2 * Math.log(out[1]!) - Math.log(out[2]!));
  return out;
}

/**
 * Checks a user λ sequence (finite, ≥ 0, not empty) and sorts it into
 * decreasing order as glmnet does (`rev(sort(lambda))`). O(L log L).
 */
export function userLambdaSequence(lambda: ArrayLike<number>): Float64Array {
  if (lambda.length === 0) {
    throw new RadvalError("INVALID_ARGUMENT", "the λ sequence is empty", { where: { key: "lambda" }, hint: "Give at least one λ ≥ 0, or leave lambda out for the default grid." });
  }
  const out = new Float64Array(lambda.length);
  for (let l = 0; l < lambda.length; l++) {
    const v = lambda[l]!;
    if (!Number.isFinite(v) || v < 0) {
      throw new RadvalError("INVALID_ARGUMENT", `λ value ${l + 1} is ${v}; λ must be finite and ≥ 0`, { where: { key: "lambda" }, hint: "Give non-negative λ values." });
    }
    out[l] = v;
  }
  out.sort();
  out.reverse();
  return out;
}
