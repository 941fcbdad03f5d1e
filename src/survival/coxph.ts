import { RadvalError } from "../core/errors.js";
import type { ColumnMatrix } from "../core/matrix.js";
import { normalTwoSidedP } from "../stats/normal.js";
import { cholesky, choleskyInverse, choleskySolve } from "../stats/cholesky.js";
import { checkSurvival } from "./validate.js";

/** Handling of tied event times in the Cox partial likelihood. */
export type CoxTies = "efron" | "breslow";

/** Options of {@link coxph}. */
export interface CoxphOptions {
  /** Tie handling: "efron" (survival::coxph's default) or "breslow". */
  readonly ties?: CoxTies;
  /** Newton–Raphson iterations (coxph.control iter.max, default 20). */
  readonly maxIter?: number;
  /** Relative change of the log partial likelihood that stops the iterations (coxph.control eps, default 1e-9). */
  readonly eps?: number;
  readonly featureNames?: readonly string[];
}

/** A fitted Cox proportional-hazards model (survival::coxph). */
export interface CoxphFit {
  readonly terms: readonly string[];
  readonly ties: CoxTies;
  readonly coefficients: Float64Array;
  readonly stdErrors: Float64Array;
  readonly z: Float64Array;
  readonly p: Float64Array;
  /** Variance–covariance matrix (inverse information), row-major p × p. */
  readonly variance: Float64Array;
  /** Log partial likelihood at β = 0 and at the estimate (coxph's `loglik`). */
  readonly loglik: readonly [number, number];
  readonly scoreTest: number;
  readonly waldTest: number;
  readonly likelihoodRatioTest: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly nObservations: number;
  readonly nEvents: number;
  /** Column means of the covariates (coxph's `means`). */
  readonly means: Float64Array;
  /** Baseline cumulative hazard at x = 0 at each distinct time (basehaz(fit, centered = FALSE)). */
  readonly baseline: { readonly time: Float64Array; readonly cumhaz: Float64Array };
}

interface Sorted {
  readonly n: number;
  readonly p: number;
  /** centred covariates, column-major */
  readonly x: Float64Array;
  readonly time: Float64Array;
  readonly event: Uint8Array;
  /** subject indices in descending time */
  readonly order: Int32Array;
}

/** Log partial likelihood, score and information at β (Efron or Breslow), one pass from the longest time. O(n p²). */
function coxDerivatives(s: Sorted, beta: Float64Array, ties: CoxTies): { loglik: number; u: Float64Array; imat: Float64Array } {
  const { n, p, x, time, event, order } = s;
  const eta = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    const b = beta[j]!;
    if (b === 0) continue;
    for (let i = 0; i < n; i++) eta[i]! += b * x[j * n + i]!;
  }
  const u = new Float64Array(p);
  const imat = new Float64Array(p * p);
  const s1 = new Float64Array(p), s2 = new Float64Array(p * p);
  const d1 = new Float64Array(p), d2 = new Float64Array(p * p);
  const m1 = new Float64Array(p);
  let s0 = 0, loglik = 0;
  for (let a = 0; a < n; ) {
    const tt = time[order[a]!]!;
    let b = a;
    let nd = 0, d0 = 0;
    d1.fill(0);
    d2.fill(0);
    while (b < n && time[order[b]!] === tt) {
      const i = order[b++]!;
      const r = Math.exp(eta[i]!);
      s0 += r;
      for (let j = 0; j < p; j++) {
        const xj = x[j * n + i]!;
        s1[j]! += r * xj;
        for (let k = 0; k <= j; k++) s2[j * p + k]! += r * xj * x[k * n + i]!;
      }
      if (event[i] === 1) {
        nd++;
        d0 += r;
        loglik += eta[i]!;
        for (let j = 0; j < p; j++) {
          const xj = x[j * n + i]!;
          u[j]! += xj;
          d1[j]! += r * xj;
          for (let k = 0; k <= j; k++) d2[j * p + k]! += r * xj * x[k * n + i]!;
        }
      }
    }
    a = b;
    if (nd === 0) continue;
    const terms = ties === "efron" ? nd : 1;
    const weight = ties === "efron" ? 1 : nd;
    for (let k = 0; k < terms; k++) {
      const f = ties === "efron" ? k / nd : 0;
      const den = s0 - f * d0;
      loglik -= weight * Math.log(den);
      for (let j = 0; j < p; j++) m1[j] = (s1[j]! - f * d1[j]!) / den;
      for (let j = 0; j < p; j++) {
        u[j]! -= weight * m1[j]!;
        for (let l = 0; l <= j; l++) imat[j * p + l]! += weight * ((s2[j * p + l]! - f * d2[j * p + l]!) / den - m1[j]! * m1[l]!);
      }
    }
  }
  for (let j = 0; j < p; j++) for (let l = 0; l < j; l++) imat[l * p + j] = imat[j * p + l]!;
  return { loglik, u, imat };
}

function prepare(x: ColumnMatrix, time: ArrayLike<number>, event: ArrayLike<number>): Sorted & { means: Float64Array } {
  const { time: t, event: d } = checkSurvival(time, event);
  const n = x.nRows, p = x.nCols;
  if (t.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `${n} rows of covariates but ${t.length} times`);
  const xc = new Float64Array(n * p);
  const means = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = x.data[j * n + i]!;
      if (!Number.isFinite(v)) throw new RadvalError("NON_FINITE", "missing or non-finite covariate value", { where: { row: i + 1, column: `column ${j + 1}` }, hint: "Impute or drop missing values before fitting the Cox model." });
      m += v;
    }
    m /= n;
    means[j] = m;
    for (let i = 0; i < n; i++) xc[j * n + i] = x.data[j * n + i]! - m;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => t[b]! - t[a]! || a - b);
  return { n, p, x: xc, time: t, event: d, order, means };
}

/**
 * Cox proportional-hazards regression by Newton–Raphson with step halving, step for step as survival::coxph
 * (coxfit6: β₀ = 0, stop when |1 − ℓ_old/ℓ_new| ≤ eps without halving, iter.max 20), with Efron (default) or Breslow
 * ties; variance = inverse information at the estimate; Wald z and two-sided normal p; score, Wald and likelihood-ratio
 * tests; the Breslow/Efron baseline cumulative hazard at x = 0 (basehaz(fit, centered = FALSE)).
 * Reference: Therneau & Grambsch (2000) Modeling Survival Data, ch. 3; Efron (1977) JASA 72:557. O(iter · n p²).
 */
export function coxph(x: ColumnMatrix, time: ArrayLike<number>, event: ArrayLike<number>, options: CoxphOptions = {}): CoxphFit {
  const ties = options.ties ?? "efron";
  const maxIter = options.maxIter ?? 20;
  const eps = options.eps ?? 1e-9;
  const s = prepare(x, time, event);
  const p = s.p;
  const terms = options.featureNames ?? Array.from({ length: p }, (_, j) => `x${j + 1}`);
  let beta = new Float64Array(p);
  let cur = coxDerivatives(s, beta, ties);
  const ll0 = cur.loglik;
  let chol = cholesky(cur.imat, p);
  if (!chol) throw new RadvalError("NOT_CONVERGED", "the Cox information matrix is singular at β = 0", { hint: "Remove constant or collinear covariates." });
  const step0 = choleskySolve(chol, p, cur.u);
  let scoreTest = 0;
  for (let j = 0; j < p; j++) scoreTest += step0[j]! * cur.u[j]!;
  let newBeta = Float64Array.from(beta, (b, j) => b + step0[j]!);
  let llOld = ll0;
  let halving = 0;
  let iter = 0;
  let converged = false;
  let last = cur;
  for (iter = 1; iter <= maxIter; iter++) {
    const next = coxDerivatives(s, newBeta, ties);
    const finite = Number.isFinite(next.loglik);
    if (finite && Math.abs(1 - llOld / next.loglik) <= eps && halving === 0) {
      beta = newBeta;
      last = next;
      converged = true;
      break;
    }
    if (iter === maxIter) {
      last = next;
      beta = newBeta;
      break;
    }
    if (!finite || next.loglik < llOld) {
      halving++;
      newBeta = Float64Array.from(newBeta, (nb, j) => (nb + halving * beta[j]!) / (halving + 1));
    } else {
      halving = 0;
      llOld = next.loglik;
      cur = next;
      chol = cholesky(next.imat, p);
      if (!chol) throw new RadvalError("NOT_CONVERGED", "the Cox information matrix became singular", { hint: "Remove collinear covariates or covariates that separate events perfectly." });
      const step = choleskySolve(chol, p, next.u);
      beta = newBeta;
      newBeta = Float64Array.from(beta, (b, j) => b + step[j]!);
    }
  }
  const cholF = cholesky(last.imat, p);
  if (!cholF) throw new RadvalError("NOT_CONVERGED", "the Cox information matrix is singular at the estimate", { hint: "Remove collinear covariates." });
  const variance = choleskyInverse(cholF, p);
  const stdErrors = Float64Array.from({ length: p }, (_, j) => Math.sqrt(variance[j * p + j]!));
  const z = Float64Array.from(beta, (b, j) => b / stdErrors[j]!);
  let waldTest = 0;
  for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) waldTest += beta[j]! * last.imat[j * p + k]! * beta[k]!;
  let nEvents = 0;
  for (let i = 0; i < s.n; i++) nEvents += s.event[i]!;
  return {
    terms,
    ties,
    coefficients: beta,
    stdErrors,
    z,
    p: Float64Array.from(z, (v) => normalTwoSidedP(v)),
    variance,
    loglik: [ll0, last.loglik],
    scoreTest,
    waldTest,
    likelihoodRatioTest: 2 * (last.loglik - ll0),
    iterations: iter,
    converged,
    nObservations: s.n,
    nEvents,
    means: s.means,
    baseline: baselineCumhaz(s, beta, ties),
  };
}

/** Baseline cumulative hazard at x = 0 (uncentred) at every distinct time, ascending (Breslow or Efron increments). */
function baselineCumhaz(s: Sorted & { means: Float64Array }, beta: Float64Array, ties: CoxTies): { time: Float64Array; cumhaz: Float64Array } {
  const { n, p, x, time, event, order, means } = s;
  let off = 0;
  for (let j = 0; j < p; j++) off += beta[j]! * means[j]!;
  const times: number[] = [], inc: number[] = [];
  let s0 = 0;
  for (let a = 0; a < n; ) {
    const tt = time[order[a]!]!;
    let b = a, nd = 0, d0 = 0;
    while (b < n && time[order[b]!] === tt) {
      const i = order[b++]!;
      let e = off;
      for (let j = 0; j < p; j++) e += beta[j]! * x[j * n + i]!;
      const r = Math.exp(e);
      s0 += r;
      if (event[i] === 1) {
        nd++;
        d0 += r;
      }
    }
    a = b;
    let h = 0;
    if (nd > 0) {
      if (ties === "breslow") h = nd / s0;
      else for (let k = 0; k < nd; k++) h += 1 / (s0 - (k / nd) * d0);
    }
    times.push(tt);
    inc.push(h);
  }
  times.reverse();
  inc.reverse();
  const cumhaz = new Float64Array(inc.length);
  let c = 0;
  for (let k = 0; k < inc.length; k++) cumhaz[k] = c += inc[k]!;
  return { time: Float64Array.from(times), cumhaz };
}

/** Linear predictor x'β (uncentred, reference x = 0) for each row of `x` (columns in the fit's term order). */
export function coxLinearPredictor(fit: Pick<CoxphFit, "coefficients">, x: ColumnMatrix): Float64Array {
  const n = x.nRows;
  const lp = new Float64Array(n);
  fit.coefficients.forEach((b, j) => {
    for (let i = 0; i < n; i++) lp[i]! += b * x.data[j * n + i]!;
  });
  return lp;
}

/** Baseline cumulative hazard H₀(t) of a step function given at ascending times (0 before the first). */
export function cumhazAt(baseline: { time: ArrayLike<number>; cumhaz: ArrayLike<number> }, t: number): number {
  let lo = 0, hi = baseline.time.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (baseline.time[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : baseline.cumhaz[lo - 1]!;
}

/**
 * Predicted survival S(t | x) = exp(−H₀(t) · exp(lp)) from the baseline cumulative hazard (Breslow/Efron estimator,
 * as survfit(coxph) with ctype matching the ties); the predicted risk by t is 1 − S(t | x).
 */
export function coxPredictSurvival(fit: Pick<CoxphFit, "baseline">, lp: ArrayLike<number>, t: number): Float64Array {
  const h0 = cumhazAt(fit.baseline, t);
  return Float64Array.from({ length: lp.length }, (_, i) => Math.exp(-h0 * Math.exp(lp[i]!)));
}

/**
 * Baseline cumulative hazard at lp = 0 of a Cox model given only its linear
 * predictor on the fitting rows (e.g. a penalised fit): the Breslow (or
 * Efron) estimator with the coefficients fixed, as `survival::basehaz` of a
 * coxph fit with those coefficients (glmnet's `survfit.coxnet` uses Breslow).
 * O(n log n).
 */
export function baselineCumhazOfLp(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  lp: ArrayLike<number>,
  ties: CoxTies = "breslow",
): { time: Float64Array; cumhaz: Float64Array } {
  const s = prepare({ nRows: lp.length, nCols: 1, data: Float64Array.from(lp) }, time, event);
  return baselineCumhaz(s, Float64Array.of(1), ties);
}
