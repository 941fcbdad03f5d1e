import { RadvalError, type RadvalWarning } from "../core/errors.js";
import type { ColumnMatrix } from "../core/matrix.js";
import { cholesky, choleskyInverse, choleskySolve } from "../stats/cholesky.js";
import { checkCodes } from "./levels.js";

/** Options of {@link proportionalOdds}. */
export interface ProportionalOddsOptions {
  /** Level labels, lowest first (default "1", "2", …); they name the cut-points "L1|L2". */
  readonly levels?: readonly string[];
  /** Feature names (default x1, x2, …). */
  readonly featureNames?: readonly string[];
  /** Case weights (≥ 0; default 1). */
  readonly weights?: ArrayLike<number>;
  /** Most Newton iterations (default 100). */
  readonly maxit?: number;
  /** Convergence: stop when max |gradient of the log-likelihood| < gradTol (default 1e-10). */
  readonly gradTol?: number;
}

/** A fitted proportional-odds (cumulative logit) model at the exact MLE: frozen plain data. */
export interface ProportionalOddsFit {
  readonly levels: readonly string[];
  readonly featureNames: readonly string[];
  /** β per feature (higher linear predictor = higher level). */
  readonly coefficients: readonly number[];
  /** Cut-points ζ_1 < … < ζ_{K−1}, named `cutpointNames` ("1|2", …). */
  readonly zeta: readonly number[];
  readonly cutpointNames: readonly string[];
  /** Standard errors in the order `parameterNames` (features, then cut-points). */
  readonly stdErrors: readonly number[];
  readonly parameterNames: readonly string[];
  /** Inverse of the observed information (analytic Hessian), order `parameterNames`. */
  readonly vcov: readonly (readonly number[])[];
  readonly loglik: number;
  readonly deviance: number;
  /** −2 logLik + 2 (p + K − 1). */
  readonly aic: number;
  readonly iterations: number;
  readonly maxAbsGradient: number;
  readonly nObservations: number;
  /** Linear predictor x'β of each training case. */
  readonly lp: Float64Array;
  /** Fitted class probabilities (n × K). */
  readonly fittedProbabilities: readonly Float64Array[];
  readonly warnings: readonly RadvalWarning[];
}

/** Class probabilities of new cases: linear predictor, cumulative P(Y ≤ k) and P(Y = k). */
export interface ProportionalOddsPrediction {
  readonly lp: Float64Array;
  /** n × (K − 1): P(Y ≤ level k), k = 1..K−1. */
  readonly cumulative: readonly Float64Array[];
  /** n × K class probabilities. */
  readonly probabilities: readonly Float64Array[];
}

function plogis(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** P(lower < latent ≤ upper) of the logistic latent variable, computed in the tail where it is accurate. */
function intervalProb(upper: number, lower: number): number {
  if (lower > 0) return plogis(-lower) - plogis(-upper);
  return plogis(upper) - plogis(lower);
}

/** Log-likelihood, gradient and Hessian of the cumulative-logit model at θ = (β, ζ) (internal). */
function derivatives(
  x: ColumnMatrix,
  codes: ArrayLike<number>,
  w: Float64Array,
  theta: Float64Array,
  p: number,
  K: number,
  needHessian: boolean,
): { ll: number; grad: Float64Array; hess: Float64Array } {
  const n = x.nRows;
  const m = p + K - 1;
  const grad = new Float64Array(m);
  const hess = new Float64Array(needHessian ? m * m : 0);
  const xi = new Float64Array(p);
  let ll = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i]!;
    if (wi === 0) continue;
    let lp = 0;
    for (let j = 0; j < p; j++) {
      xi[j] = x.data[j * n + i]!;
      lp += xi[j]! * theta[j]!;
    }
    const y = codes[i]!;
    const hasU = y < K - 1;
    const hasL = y > 0;
    const a = hasU ? theta[p + y]! - lp : Infinity;
    const b = hasL ? theta[p + y - 1]! - lp : -Infinity;
    const pr = intervalProb(a, b);
    if (!(pr > 0)) return { ll: -Infinity, grad, hess };
    ll += wi * Math.log(pr);
    const F1 = hasU ? plogis(a) : 1;
    const F0 = hasL ? plogis(b) : 0;
    const f1 = hasU ? F1 * (1 - F1) : 0;
    const f0 = hasL ? F0 * (1 - F0) : 0;
    const ga = f1 / pr;
    const gb = -f0 / pr;
    for (let j = 0; j < p; j++) grad[j] = grad[j]! - wi * xi[j]! * (ga + gb);
    if (hasU) grad[p + y] = grad[p + y]! + wi * ga;
    if (hasL) grad[p + y - 1] = grad[p + y - 1]! + wi * gb;
    if (!needHessian) continue;
    const haa = (f1 * (1 - 2 * F1)) / pr - ga * ga;
    const hbb = (-f0 * (1 - 2 * F0)) / pr - gb * gb;
    const hab = -ga * gb;
    const hxx = wi * (haa + hbb + 2 * hab);
    for (let j = 0; j < p; j++) {
      for (let k = 0; k <= j; k++) hess[j * m + k] = hess[j * m + k]! + hxx * xi[j]! * xi[k]!;
    }
    const u = p + y;
    const l = p + y - 1;
    for (let j = 0; j < p; j++) {
      if (hasU) hess[u * m + j] = hess[u * m + j]! - wi * xi[j]! * (haa + hab);
      if (hasL) hess[l * m + j] = hess[l * m + j]! - wi * xi[j]! * (hbb + hab);
    }
    if (hasU) hess[u * m + u] = hess[u * m + u]! + wi * haa;
    if (hasL) hess[l * m + l] = hess[l * m + l]! + wi * hbb;
    if (hasU && hasL) hess[u * m + l] = hess[u * m + l]! + wi * hab;
  }
  if (needHessian) for (let r = 0; r < m; r++) for (let c = r + 1; c < m; c++) hess[r * m + c] = hess[c * m + r]!;
  return { ll, grad, hess };
}

function nObsOf(w: Float64Array): number {
  let c = 0;
  for (const v of w) if (v > 0) c++;
  return c;
}

/**
 * Proportional-odds (cumulative logit) regression at the exact maximum
 * likelihood: logit P(Y ≤ k | x) = ζ_k − x'β, k = 1..K−1 (no intercept;
 * higher x'β = higher level) — `ordinal::clm(y ~ x, link = "logit")` and
 * `MASS::polr(method = "logistic")` at convergence (polr's BFGS stops early:
 * fixtures' README). Newton–Raphson with the analytic Hessian and step
 * halving, from β = 0 and ζ_k = logit of the cumulative proportions, until
 * max |gradient| < gradTol; standard errors from the inverse of the observed
 * information (analytic, as clm). `codes` are levels 0..K−1; every level
 * needs cases (`EMPTY_LEVEL`); missing features are `NON_FINITE`; no
 * convergence or perfect separation is `NOT_CONVERGED`. O(iterations × n (p + K)²).
 */
export function proportionalOdds(x: ColumnMatrix, codes: ArrayLike<number>, options: ProportionalOddsOptions = {}): ProportionalOddsFit {
  const n = x.nRows;
  const p = x.nCols;
  if (codes.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `the outcome has ${codes.length} values but the feature matrix has ${n} rows`);
  let K = 0;
  for (let i = 0; i < n; i++) K = Math.max(K, (codes[i]! | 0) + 1);
  if (options.levels !== undefined) K = options.levels.length;
  const levels = options.levels ?? Array.from({ length: K }, (_, k) => String(k + 1));
  const featureNames = options.featureNames ?? Array.from({ length: p }, (_, j) => `x${j + 1}`);
  if (featureNames.length !== p) throw new RadvalError("DIMENSION_MISMATCH", `${featureNames.length} feature names for ${p} features`);
  if (K < 2) throw new RadvalError("OUTCOME_ONE_LEVEL", "the ordinal outcome has one level only", { hint: "A proportional-odds model needs at least two levels." });
  const w = new Float64Array(n).fill(1);
  if (options.weights !== undefined) {
    if (options.weights.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `${options.weights.length} weights for ${n} rows`, { where: { key: "weights" } });
    for (let i = 0; i < n; i++) {
      const v = options.weights[i]!;
      if (!(v >= 0) || !Number.isFinite(v)) throw new RadvalError("INVALID_ARGUMENT", `weight ${i + 1} is ${v}; weights must be finite and ≥ 0`, { where: { key: "weights" } });
      w[i] = v;
    }
  }
  checkCodes(codes, K);
  const wCount = new Float64Array(K);
  for (let i = 0; i < n; i++) wCount[codes[i]!] = wCount[codes[i]!]! + w[i]!;
  const empty = levels.filter((_, k) => !(wCount[k]! > 0));
  if (empty.length > 0) {
    throw new RadvalError("EMPTY_LEVEL", `level${empty.length > 1 ? "s" : ""} ${empty.map((l) => `"${l}"`).join(", ")} ha${empty.length > 1 ? "ve" : "s"} no cases`, {
      hint: "Every level needs cases to estimate its cut-point: merge the empty level with a neighbour or drop it from the levels.",
    });
  }
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(x.data[j * n + i]!)) {
        throw new RadvalError("NON_FINITE", `feature "${featureNames[j]}" is missing or not finite at row ${i + 1}`, { where: { row: i + 1, feature: featureNames[j]! }, hint: "Impute or drop missing values first." });
      }
    }
  }
  const m = p + K - 1;
  const theta = new Float64Array(m);
  let total = 0;
  for (let k = 0; k < K; k++) total += wCount[k]!;
  let cum = 0;
  for (let k = 0; k < K - 1; k++) {
    cum += wCount[k]!;
    const q = cum / total;
    theta[p + k] = Math.log(q / (1 - q));
  }
  const maxit = options.maxit ?? 100;
  const gradTol = options.gradTol ?? 1e-10;
  let cur = derivatives(x, codes, w, theta, p, K, true);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxit; iterations++) {
    let gmax = 0;
    for (const g of cur.grad) gmax = Math.max(gmax, Math.abs(g));
    if (gmax < gradTol) {
      converged = true;
      break;
    }
    const info = new Float64Array(m * m);
    for (let r = 0; r < m * m; r++) info[r] = -cur.hess[r]!;
    const l = cholesky(info, m);
    if (!l) break;
    const step = choleskySolve(l, m, cur.grad);
    let t = 1;
    let next = theta;
    let trial = cur;
    for (let half = 0; half < 30; half++, t /= 2) {
      next = Float64Array.from(theta, (v, r) => v + t * step[r]!);
      trial = derivatives(x, codes, w, next, p, K, true);
      if (trial.ll >= cur.ll - 1e-12 * Math.abs(cur.ll)) break;
    }
    let smax = 0;
    for (let r = 0; r < m; r++) smax = Math.max(smax, Math.abs(next[r]! - theta[r]!) / (1 + Math.abs(theta[r]!)));
    theta.set(next);
    cur = trial;
    if (smax < 1e-15) {
      converged = true;
      iterations++;
      break;
    }
  }
  let maxAbsGradient = 0;
  for (const g of cur.grad) maxAbsGradient = Math.max(maxAbsGradient, Math.abs(g));
  const info = Float64Array.from(cur.hess, (v) => -v);
  const chol = cholesky(info, m);
  if (!converged || !chol || !Number.isFinite(cur.ll)) {
    throw new RadvalError("NOT_CONVERGED", `the proportional-odds fit did not converge in ${iterations} Newton iterations (max |gradient| ${maxAbsGradient.toExponential(2)})`, {
      hint: "Check for a feature that separates the levels perfectly, a constant feature, or features on wildly different scales.",
    });
  }
  if (cur.ll > -1e-6 * Math.max(1, nObsOf(w))) {
    throw new RadvalError("NOT_CONVERGED", "the features separate the levels perfectly (log-likelihood → 0), so the maximum-likelihood estimates are infinite", {
      hint: "Use fewer features, merge sparse levels, or a penalised model (radval glmnet --family multinomial).",
    });
  }
  const inv = choleskyInverse(chol, m);
  const vcov: number[][] = Array.from({ length: m }, (_, r) => Array.from(inv.subarray(r * m, (r + 1) * m)));
  const coefficients = Array.from(theta.subarray(0, p));
  const zeta = Array.from(theta.subarray(p));
  const cutpointNames = levels.slice(0, K - 1).map((l, k) => `${l}|${levels[k + 1]}`);
  const warnings: RadvalWarning[] = [];
  for (let k = 1; k < zeta.length; k++) {
    if (!(zeta[k]! > zeta[k - 1]!)) warnings.push({ code: "CUTPOINTS_NOT_ORDERED", message: `cut-points ${cutpointNames[k - 1]} and ${cutpointNames[k]} are not increasing` });
  }
  const fitPart = { levels: Object.freeze([...levels]), featureNames: Object.freeze([...featureNames]), coefficients, zeta };
  const pred = predictProportionalOdds(fitPart, x);
  const nObs = nObsOf(w);
  return Object.freeze({
    ...fitPart,
    coefficients: Object.freeze(coefficients),
    zeta: Object.freeze(zeta),
    cutpointNames: Object.freeze(cutpointNames),
    stdErrors: Object.freeze(vcov.map((row, r) => Math.sqrt(row[r]!))),
    parameterNames: Object.freeze([...featureNames, ...cutpointNames]),
    vcov: Object.freeze(vcov),
    loglik: cur.ll,
    deviance: -2 * cur.ll,
    aic: -2 * cur.ll + 2 * m,
    iterations,
    maxAbsGradient,
    nObservations: nObs,
    lp: pred.lp,
    fittedProbabilities: pred.probabilities,
    warnings: Object.freeze(warnings),
  });
}

/**
 * Predictions of a proportional-odds fit for new cases (columns of `x` in the
 * fit's feature order): lp = x'β, P(Y ≤ k) = logistic(ζ_k − lp), P(Y = k) =
 * P(Y ≤ k) − P(Y ≤ k − 1) (`predict(clm, type = "prob")`). O(n (p + K)).
 */
export function predictProportionalOdds(
  fit: Pick<ProportionalOddsFit, "coefficients" | "zeta" | "featureNames">,
  x: ColumnMatrix,
): ProportionalOddsPrediction {
  const n = x.nRows;
  const p = fit.coefficients.length;
  if (x.nCols !== p) {
    throw new RadvalError("DIMENSION_MISMATCH", `the model has ${p} features (${fit.featureNames.join(", ")}) but ${x.nCols} columns were given`, { hint: "Pass the features in the fit's order." });
  }
  const K = fit.zeta.length + 1;
  const lp = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    const b = fit.coefficients[j]!;
    for (let i = 0; i < n; i++) lp[i] = lp[i]! + b * x.data[j * n + i]!;
  }
  const cumulative: Float64Array[] = [];
  const probabilities: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const c = new Float64Array(K - 1);
    const pr = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      const upper = k < K - 1 ? fit.zeta[k]! - lp[i]! : Infinity;
      const lower = k > 0 ? fit.zeta[k - 1]! - lp[i]! : -Infinity;
      if (k < K - 1) c[k] = plogis(upper);
      pr[k] = intervalProb(upper, lower);
    }
    cumulative.push(c);
    probabilities.push(pr);
  }
  return { lp, cumulative, probabilities };
}
