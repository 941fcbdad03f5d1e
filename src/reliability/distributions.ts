import { stdlibBetainc as betainc, stdlibFQuantile as fQuantileStdlib } from "./stdlibF.js";

/**
 * Quantile of the F distribution with `df1`, `df2` degrees of freedom (R's
 * `qf(p, df1, df2)`); non-integer degrees of freedom allowed.
 *
 * Library: `@stdlib/stats-base-dists-f-quantile` (inverse regularised
 * incomplete beta, a port of Boost's `ibeta_inv`). jstat's `centralF.inv` was
 * measured against R's `qf` at the df psych::ICC uses and is only good to
 * ~4e-8 relative (its incomplete-beta continued fraction stops at a 3e-7 step
 * change); stdlib agrees with R to ~1e-14 (test/reliability/distributions.test.ts).
 */
export function fQuantile(p: number, df1: number, df2: number): number {
  return fQuantileStdlib(p, df1, df2);
}

/**
 * Upper tail P(F > f) of the F distribution (R's `pf(f, df1, df2,
 * lower.tail = FALSE)`, which psych::ICC computes as `-expm1(pf(..., log.p =
 * TRUE))`). Computed as the regularised incomplete beta
 * I_{df2 / (df2 + df1 f)}(df2 / 2, df1 / 2) (`@stdlib/math-base-special-betainc`),
 * so p-values far below 1e-16 keep full relative precision (1 − cdf would not).
 */
export function fUpperTail(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f)) return NaN;
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  return betainc(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
}
