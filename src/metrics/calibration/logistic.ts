/**
 * Small logistic fits used by calibration: the recalibration model
 * logit P(y = 1) = a + b·lp and the offset model logit P(y = 1) = a + lp.
 * @module
 */

/** log(1 + e^η) without overflow or cancellation. */
export function softplus(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

/** Logistic function 1/(1 + e^−η), stable for large |η|. */
export function expit(eta: number): number {
  if (eta >= 0) return 1 / (1 + Math.exp(-eta));
  const e = Math.exp(eta);
  return e / (1 + e);
}

/** Binomial deviance −2 Σ [yη − log(1 + e^η)] of linear predictors η. O(n). */
export function binomialDeviance(y: ArrayLike<number>, eta: ArrayLike<number>): number {
  let ll = 0;
  for (let i = 0; i < y.length; i++) ll += y[i]! * eta[i]! - softplus(eta[i]!);
  return -2 * ll;
}

/** Deviance of the intercept-only model at the observed event rate (the null deviance L0). */
export function nullDeviance(y: ArrayLike<number>): number {
  const n = y.length;
  let events = 0;
  for (let i = 0; i < n; i++) events += y[i]!;
  if (events === 0 || events === n) return 0;
  const p = events / n;
  return -2 * (events * Math.log(p) + (n - events) * Math.log1p(-p));
}

/** A fitted recalibration model. */
export interface LogisticFit {
  readonly intercept: number | null;
  readonly slope: number | null;
  /** Residual deviance at the fit (finite even when the coefficients are not). */
  readonly deviance: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly reason?: string;
}

const MAX_ITER = 100;

/**
 * Logistic recalibration: maximum-likelihood fit of logit P(y = 1) = a + b·lp
 * by Newton–Raphson from (0, 1) (Cox 1958, Biometrika 45:562; the
 * "Intercept"/"Slope" of rms::val.prob = `glm(y ~ lp, binomial)`), to
 * relative change < 1e-13. Returns nulls with a reason when the lp is
 * constant (slope not identifiable) or the outcome is separated by lp
 * (the MLE does not exist). O(n) per iteration, typically 4–8 iterations.
 */
export function logisticRecalibration(y: ArrayLike<number>, lp: ArrayLike<number>): LogisticFit {
  const n = y.length;
  let lpMin = Infinity;
  let lpMax = -Infinity;
  for (let i = 0; i < n; i++) {
    if (lp[i]! < lpMin) lpMin = lp[i]!;
    if (lp[i]! > lpMax) lpMax = lp[i]!;
  }
  if (!(lpMax > lpMin)) {
    return { intercept: null, slope: null, deviance: nullDeviance(y), iterations: 0, converged: false, reason: "all predictions are equal: the calibration slope is not identifiable" };
  }
  let a = 0;
  let b = 1;
  let dev = Infinity;
  for (let iter = 1; iter <= MAX_ITER; iter++) {
    // Gradient and Fisher information of the log-likelihood.
    let g0 = 0;
    let g1 = 0;
    let h00 = 0;
    let h01 = 0;
    let h11 = 0;
    for (let i = 0; i < n; i++) {
      const x = lp[i]!;
      const p = expit(a + b * x);
      const r = y[i]! - p;
      const w = p * (1 - p);
      g0 += r;
      g1 += r * x;
      h00 += w;
      h01 += w * x;
      h11 += w * x * x;
    }
    const det = h00 * h11 - h01 * h01;
    if (!(det > 0) || !Number.isFinite(det)) break;
    let da = (h11 * g0 - h01 * g1) / det;
    let db = (h00 * g1 - h01 * g0) / det;
    // Step halving keeps the deviance non-increasing.
    let newDev = Infinity;
    const devianceAt = (aa: number, bb: number): number => {
      let ll = 0;
      for (let i = 0; i < n; i++) {
        const e = aa + bb * lp[i]!;
        ll += y[i]! * e - softplus(e);
      }
      return -2 * ll;
    };
    for (let half = 0; half < 30; half++) {
      newDev = devianceAt(a + da, b + db);
      if (newDev <= dev * (1 + 1e-15) || !Number.isFinite(dev)) break;
      da /= 2;
      db /= 2;
    }
    a += da;
    b += db;
    const change = Math.abs(da) / (1 + Math.abs(a)) + Math.abs(db) / (1 + Math.abs(b));
    const devPrev = dev;
    dev = newDev;
    if (Math.abs(b) > 1e6) break;
    if (change < 1e-13 || (Number.isFinite(devPrev) && Math.abs(devPrev - dev) <= 1e-15 * (1 + Math.abs(dev)) && change < 1e-9)) {
      return { intercept: a, slope: b, deviance: dev, iterations: iter, converged: true };
    }
  }
  return {
    intercept: null,
    slope: null,
    deviance: Number.isFinite(dev) ? dev : binomialDeviance(y, lp),
    iterations: MAX_ITER,
    converged: false,
    reason: "the recalibration model did not converge (the outcome is (quasi-)separated by the predictions): no finite calibration slope",
  };
}

/** Calibration-in-the-large: the intercept of the offset model. */
export interface InterceptFit {
  readonly intercept: number | null;
  readonly deviance: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly reason?: string;
}

/**
 * Calibration-in-the-large (calibration intercept with the slope fixed at
 * 1): maximum-likelihood a in logit P(y = 1) = a + lp, i.e. R's
 * `glm(y ~ 1, offset = lp, family = binomial)` (Van Calster et al. 2016,
 * J Clin Epidemiol 74:167; Steyerberg 2019 ch. 15). Newton–Raphson from 0.
 * Null with a reason when all outcomes are 0 or all 1 (a → ∓∞). O(n) per iteration.
 */
export function calibrationInTheLarge(y: ArrayLike<number>, lp: ArrayLike<number>): InterceptFit {
  const n = y.length;
  let events = 0;
  for (let i = 0; i < n; i++) events += y[i]!;
  if (events === 0 || events === n) {
    return { intercept: null, deviance: binomialDeviance(y, lp), iterations: 0, converged: false, reason: "all outcomes are equal: the calibration-in-the-large intercept is infinite" };
  }
  let a = 0;
  for (let iter = 1; iter <= MAX_ITER; iter++) {
    let g = 0;
    let h = 0;
    for (let i = 0; i < n; i++) {
      const p = expit(a + lp[i]!);
      g += y[i]! - p;
      h += p * (1 - p);
    }
    if (!(h > 0)) break;
    const step = g / h;
    a += step;
    if (Math.abs(step) < 1e-14 * (1 + Math.abs(a))) {
      const eta = new Float64Array(n);
      for (let i = 0; i < n; i++) eta[i] = a + lp[i]!;
      return { intercept: a, deviance: binomialDeviance(y, eta), iterations: iter, converged: true };
    }
  }
  return { intercept: null, deviance: binomialDeviance(y, lp), iterations: MAX_ITER, converged: false, reason: "the offset model did not converge" };
}
