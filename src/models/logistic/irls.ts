import { type PivotedQr, pivotedQr, qrCoefficients } from "./qr.js";

/** R's logit-link thresholds (`family.c`): beyond ±30 the link is held at the machine limits. */
const THRESH = 30;
const MTHRESH = -30;
const DBL_EPSILON = 2.220446049250313e-16;
const INVEPS = 1 / DBL_EPSILON;

/** Inverse logit as R's `C_logit_linkinv`: e^η/(1 + e^η) with η clamped to [−30, 30]. */
export function logitLinkinv(eta: number): number {
  const t = eta < MTHRESH ? DBL_EPSILON : eta > THRESH ? INVEPS : Math.exp(eta);
  return t / (1 + t);
}

/** dμ/dη as R's `C_logit_mu_eta`: e^η/(1 + e^η)², DBL_EPSILON beyond ±30. */
function logitMuEta(eta: number): number {
  const opexp = 1 + Math.exp(eta);
  return eta > THRESH || eta < MTHRESH ? DBL_EPSILON : Math.exp(eta) / (opexp * opexp);
}

/** y log(y/μ) with 0 log 0 = 0 (R's `y_log_y`). */
function yLogY(y: number, mu: number): number {
  return y !== 0 ? y * Math.log(y / mu) : 0;
}

/** Binomial deviance Σ 2 w [y log(y/μ) + (1 − y) log((1 − y)/(1 − μ))] (R's `binomial()$dev.resids`, summed). O(n). */
export function binomialDeviance(y: ArrayLike<number>, mu: ArrayLike<number>, w: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += 2 * w[i]! * (yLogY(y[i]!, mu[i]!) + yLogY(1 - y[i]!, 1 - mu[i]!));
  return s;
}

/** What {@link glmFitLogit} returns (internal): coefficients in the original column order, 0 for aliased columns. */
export interface GlmFit {
  readonly coefficients: Float64Array;
  readonly aliased: Uint8Array;
  readonly rank: number;
  /** QR of the last weighted least-squares step (for the covariance, as summary.glm uses). */
  readonly qr: PivotedQr;
  readonly eta: Float64Array;
  readonly mu: Float64Array;
  readonly deviance: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Iteratively reweighted least squares for the binomial/logit GLM, step for
 * step as R's `glm.fit` (R 4.2): start μ = (w y + ½)/(w + 1); each iteration
 * solves the weighted least-squares problem of the working response
 * z = η + (y − μ)/μ' with weights w μ'²/(μ(1 − μ)) by pivoted QR
 * (tolerance min(1e-7, ε/1000)); stop when |dev − dev_old|/(|dev| + 0.1) < ε
 * (default 1e-8) or after `maxit` (25) iterations. Rows with weight 0 do not
 * enter the fit. `x` is the n × q design (intercept column included),
 * column-major. O(iterations × n q²).
 */
export function glmFitLogit(
  x: Float64Array,
  n: number,
  q: number,
  y: ArrayLike<number>,
  w: ArrayLike<number>,
  options: { maxit: number; epsilon: number },
): GlmFit {
  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m0 = (w[i]! * y[i]! + 0.5) / (w[i]! + 1);
    eta[i] = Math.log(m0 / (1 - m0));
    mu[i] = logitLinkinv(eta[i]!);
  }
  let devold = binomialDeviance(y, mu, w);
  const good: number[] = [];
  for (let i = 0; i < n; i++) if (w[i]! > 0) good.push(i);
  const ng = good.length;
  const xw = new Float64Array(ng * q);
  const zw = new Float64Array(ng);
  const start = new Float64Array(q);
  let qr: PivotedQr | null = null;
  let converged = false;
  let iter = 0;
  let dev = devold;
  const tol = Math.min(1e-7, options.epsilon / 1000);
  for (iter = 1; iter <= options.maxit; iter++) {
    for (let g = 0; g < ng; g++) {
      const i = good[g]!;
      const me = logitMuEta(eta[i]!);
      const variance = mu[i]! * (1 - mu[i]!);
      const z = eta[i]! + (y[i]! - mu[i]!) / me;
      const ww = Math.sqrt((w[i]! * me * me) / variance);
      zw[g] = z * ww;
      for (let j = 0; j < q; j++) xw[j * ng + g] = x[j * n + i]! * ww;
    }
    qr = pivotedQr(xw, ng, q, tol);
    const coef = qrCoefficients(qr, zw);
    let finite = true;
    for (let j = 0; j < q; j++) if (!Number.isFinite(coef[j]!)) finite = false;
    if (!finite) break;
    for (let j = 0; j < q; j++) start[qr.pivot[j]!] = coef[j]!;
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let j = 0; j < q; j++) e += x[j * n + i]! * start[j]!;
      eta[i] = e;
      mu[i] = logitLinkinv(e);
    }
    dev = binomialDeviance(y, mu, w);
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < options.epsilon) {
      converged = true;
      break;
    }
    devold = dev;
  }
  if (iter > options.maxit) iter = options.maxit;
  const f = qr!;
  const aliased = new Uint8Array(q);
  for (let j = f.rank; j < q; j++) aliased[f.pivot[j]!] = 1;
  return { coefficients: start, aliased, rank: f.rank, qr: f, eta, mu, deviance: dev, iterations: iter, converged };
}
