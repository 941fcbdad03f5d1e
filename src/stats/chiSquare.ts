import { regularizedGamma } from "./gamma.js";

/**
 * Chi-square CDF P(X ≤ x) with `df` degrees of freedom: P(df/2, x/2), the
 * regularized lower incomplete gamma (R: `pchisq(x, df)`). O(√df) iterations.
 */
export function chiSquareCdf(x: number, df: number): number {
  if (!(df > 0) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  return regularizedGamma(df / 2, x / 2)[0];
}

/**
 * Chi-square upper tail P(X > x) = Q(df/2, x/2), computed without the
 * cancellation of `1 - pchisq` (R: `pchisq(x, df, lower.tail = FALSE)`), so
 * tiny p-values keep their relative accuracy.
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(df > 0) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  return regularizedGamma(df / 2, x / 2)[1];
}
