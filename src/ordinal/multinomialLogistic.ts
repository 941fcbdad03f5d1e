import { RadvalError } from "../core/errors.js";
import type { ColumnMatrix } from "../core/matrix.js";
import { cholesky, choleskyInverse, choleskySolve } from "../stats/cholesky.js";
import { checkCodes } from "./levels.js";

/** Options of {@link multinomialLogistic}. */
export interface MultinomialLogisticOptions {
  /** Class labels, reference (first) class first (default "1", "2", …). */
  readonly classes?: readonly string[];
  readonly featureNames?: readonly string[];
  /** Most Newton iterations (default 100). */
  readonly maxit?: number;
  /** Stop when max |gradient of the log-likelihood| < gradTol (default 1e-9). */
  readonly gradTol?: number;
}

/** An unpenalised multinomial logistic regression at the exact MLE: frozen plain data. */
export interface MultinomialLogisticFit {
  readonly classes: readonly string[];
  /** "(Intercept)" then the features. */
  readonly columns: readonly string[];
  /** (K − 1) × (p + 1): log(P(Y = k)/P(Y = first class)) = row k's intercept + x'β_k, rows = classes 2..K. */
  readonly coefficients: readonly (readonly number[])[];
  readonly stdErrors: readonly (readonly number[])[];
  /** Inverse observed information, parameters ordered class by class (class 2's columns, class 3's, …). */
  readonly vcov: readonly (readonly number[])[];
  readonly loglik: number;
  readonly deviance: number;
  /** Deviance + 2 (K − 1)(p + 1). */
  readonly aic: number;
  readonly iterations: number;
  readonly maxAbsGradient: number;
  /** n × K fitted class probabilities. */
  readonly fittedProbabilities: readonly Float64Array[];
}

function softmaxRow(x: ColumnMatrix, i: number, B: Float64Array, K: number, P: number, out: Float64Array): void {
  const n = x.nRows;
  let m = 0;
  out[0] = 0;
  for (let k = 1; k < K; k++) {
    let e = B[(k - 1) * P]!;
    for (let j = 1; j < P; j++) e += B[(k - 1) * P + j]! * x.data[(j - 1) * n + i]!;
    out[k] = e;
    if (e > m) m = e;
  }
  let s = 0;
  for (let k = 0; k < K; k++) {
    out[k] = Math.exp(out[k]! - m);
    s += out[k]!;
  }
  for (let k = 0; k < K; k++) out[k] = out[k]! / s;
}

function derivatives(x: ColumnMatrix, codes: ArrayLike<number>, B: Float64Array, K: number, P: number) {
  const n = x.nRows;
  const m = (K - 1) * P;
  const grad = new Float64Array(m);
  const hess = new Float64Array(m * m);
  const pr = new Float64Array(K);
  const xi = new Float64Array(P);
  let ll = 0;
  for (let i = 0; i < n; i++) {
    softmaxRow(x, i, B, K, P, pr);
    const y = codes[i]!;
    ll += Math.log(pr[y]!);
    xi[0] = 1;
    for (let j = 1; j < P; j++) xi[j] = x.data[(j - 1) * n + i]!;
    for (let a = 1; a < K; a++) {
      const ra = (y === a ? 1 : 0) - pr[a]!;
      for (let j = 0; j < P; j++) grad[(a - 1) * P + j] = grad[(a - 1) * P + j]! + xi[j]! * ra;
      for (let b = 1; b <= a; b++) {
        const wab = pr[a]! * ((a === b ? 1 : 0) - pr[b]!);
        for (let j = 0; j < P; j++) {
          const row = ((a - 1) * P + j) * m + (b - 1) * P;
          const xw = xi[j]! * wab;
          for (let l = 0; l < P; l++) hess[row + l] = hess[row + l]! + xw * xi[l]!;
        }
      }
    }
  }
  // hess holds the information (−Hessian) in its lower block triangle; mirror it.
  for (let r = 0; r < m; r++) for (let c = r + 1; c < m; c++) hess[r * m + c] = hess[c * m + r]!;
  return { ll, grad, info: hess };
}

/**
 * Unpenalised multinomial (baseline-category) logistic regression at the exact
 * maximum likelihood: log(P(Y = k)/P(Y = 1)) = b_k0 + x'b_k, k = 2..K —
 * `nnet::multinom(y ~ x)` refined to convergence (its default stops at reltol
 * 1e-8, ~1e-3 away; fixtures' README). Newton–Raphson with the analytic
 * Hessian and step halving from 0; SEs from the inverse observed information.
 * `codes` are classes 0..K−1 (every class needs cases). A separated design
 * (log-likelihood → 0) or no convergence is `NOT_CONVERGED`.
 * O(iterations × n (K p)²).
 */
export function multinomialLogistic(x: ColumnMatrix, codes: ArrayLike<number>, options: MultinomialLogisticOptions = {}): MultinomialLogisticFit {
  const n = x.nRows;
  const p = x.nCols;
  if (codes.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `the outcome has ${codes.length} values but the feature matrix has ${n} rows`);
  let K = options.classes?.length ?? 0;
  if (options.classes === undefined) for (let i = 0; i < n; i++) K = Math.max(K, (codes[i]! | 0) + 1);
  if (K < 2) throw new RadvalError("OUTCOME_ONE_LEVEL", "the outcome has one class only", { hint: "A multinomial model needs at least two classes." });
  const classes = options.classes ?? Array.from({ length: K }, (_, k) => String(k + 1));
  const featureNames = options.featureNames ?? Array.from({ length: p }, (_, j) => `x${j + 1}`);
  const counts = checkCodes(codes, K);
  const empty = classes.filter((_, k) => counts[k] === 0);
  if (empty.length > 0) throw new RadvalError("EMPTY_LEVEL", `class ${empty.map((c) => `"${c}"`).join(", ")} has no cases`, { hint: "Drop the empty class or merge it with a neighbour." });
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(x.data[j * n + i]!)) {
        throw new RadvalError("NON_FINITE", `feature "${featureNames[j]}" is missing or not finite at row ${i + 1}`, { where: { row: i + 1, feature: featureNames[j]! }, hint: "Impute or drop missing values first." });
      }
    }
  }
  const P = p + 1;
  const m = (K - 1) * P;
  const B = new Float64Array(m);
  for (let k = 1; k < K; k++) B[(k - 1) * P] = Math.log(counts[k]! / counts[0]!);
  const maxit = options.maxit ?? 100;
  const gradTol = options.gradTol ?? 1e-9;
  let cur = derivatives(x, codes, B, K, P);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxit; iterations++) {
    let gmax = 0;
    for (const g of cur.grad) gmax = Math.max(gmax, Math.abs(g));
    if (gmax < gradTol) {
      converged = true;
      break;
    }
    const l = cholesky(cur.info, m);
    if (!l) break;
    const step = choleskySolve(l, m, cur.grad);
    let t = 1;
    let next = B;
    let trial = cur;
    for (let half = 0; half < 30; half++, t /= 2) {
      next = Float64Array.from(B, (v, r) => v + t * step[r]!);
      trial = derivatives(x, codes, next, K, P);
      if (trial.ll >= cur.ll - 1e-12 * Math.abs(cur.ll)) break;
    }
    let smax = 0;
    for (let r = 0; r < m; r++) smax = Math.max(smax, Math.abs(next[r]! - B[r]!) / (1 + Math.abs(B[r]!)));
    B.set(next);
    cur = trial;
    if (smax < 1e-15) {
      converged = true;
      iterations++;
      break;
    }
  }
  let maxAbsGradient = 0;
  for (const g of cur.grad) maxAbsGradient = Math.max(maxAbsGradient, Math.abs(g));
  const chol = cholesky(cur.info, m);
  if (!converged || !chol || cur.ll > -1e-6 * n) {
    throw new RadvalError("NOT_CONVERGED", `the multinomial logistic fit did not converge (max |gradient| ${maxAbsGradient.toExponential(2)}) or the classes are perfectly separated`, {
      hint: "Use fewer features, merge sparse classes, or the penalised model (radval glmnet --family multinomial).",
    });
  }
  const inv = choleskyInverse(chol, m);
  const vcov = Array.from({ length: m }, (_, r) => Array.from(inv.subarray(r * m, (r + 1) * m)));
  const coefficients = Array.from({ length: K - 1 }, (_, k) => Object.freeze(Array.from(B.subarray(k * P, (k + 1) * P))));
  const stdErrors = Array.from({ length: K - 1 }, (_, k) => Object.freeze(Array.from({ length: P }, (_, j) => Math.sqrt(inv[(k * P + j) * m + k * P + j]!))));
  const fitted: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const pr = new Float64Array(K);
    softmaxRow(x, i, B, K, P, pr);
    fitted.push(pr);
  }
  return Object.freeze({
    classes: Object.freeze([...classes]),
    columns: Object.freeze(["(Intercept)", ...featureNames]),
    coefficients: Object.freeze(coefficients),
    stdErrors: Object.freeze(stdErrors),
    vcov: Object.freeze(vcov),
    loglik: cur.ll,
    deviance: -2 * cur.ll,
    aic: -2 * cur.ll + 2 * m,
    iterations,
    maxAbsGradient,
    fittedProbabilities: fitted,
  });
}
