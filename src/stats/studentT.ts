import { betaQuantile, regularizedBeta } from "./beta.js";

/**
 * Student t distribution with `df` degrees of freedom (df may be
 * fractional, as Welch–Satterthwaite degrees of freedom are): both tails at t,
 * `[P(T ≤ t), P(T > t)]`, from the incomplete beta identity
 * P(T ≤ −|t|) = ½ I_{ν/(ν+t²)}(ν/2, ½) (Abramowitz & Stegun 26.7.1), with
 * 1 − x = t²/(ν + t²) passed exactly. Agrees with R's `pt` to ~1e-14 relative.
 */
export function studentTCdfBoth(t: number, df: number): [lower: number, upper: number] {
  if (!(df > 0) || Number.isNaN(t)) return [NaN, NaN];
  if (t === Infinity) return [1, 0];
  if (t === -Infinity) return [0, 1];
  const t2 = t * t;
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  const [ib] = regularizedBeta(x, df / 2, 0.5, y);
  const tail = 0.5 * ib;
  return t < 0 ? [tail, 1 - tail] : [1 - tail, tail];
}

/** Student t CDF P(T ≤ t) (R: `pt(t, df)`). */
export function studentTCdf(t: number, df: number): number {
  return studentTCdfBoth(t, df)[0];
}

/** Two-sided t p-value 2·P(T > |t|) (R: `2 * pt(-abs(t), df)`). */
export function studentTTwoSidedP(t: number, df: number): number {
  return 2 * studentTCdfBoth(-Math.abs(t), df)[0];
}

/**
 * Quantile of Student's t with `df` degrees of freedom (R's `qt(p, df)`), from
 * the beta quantile: for p > ½, t = √(df (1 − x) / x) with
 * x = qbeta(2(1 − p), df/2, ½) (Abramowitz & Stegun 26.7.1; symmetric for p < ½).
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  if (p === 0.5) return 0;
  const upper = p > 0.5 ? 1 - p : p;
  const x = betaQuantile(2 * upper, df / 2, 0.5);
  const t = Math.sqrt((df * (1 - x)) / x);
  return p > 0.5 ? t : -t;
}
