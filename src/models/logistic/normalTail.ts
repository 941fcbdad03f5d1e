/**
 * Chebyshev coefficients of erfc on [0, ∞) (Press et al., Numerical Recipes,
 * 3rd ed. 2007, §6.2.2, `Erf::erfccheb`; jStat's `erf` uses the same series).
 */
const COF = [
  -1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3, -9.46595344482036e-4,
  3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8,
  -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12,
  -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17,
];

/**
 * Complementary error function erfc(z) for z ≥ 0, computed directly (not as
 * 1 − erf), so tiny tail probabilities keep full relative precision
 * (~1e-15). O(1).
 */
export function erfcNonNegative(z: number): number {
  const t = 2 / (2 + z);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = COF.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + COF[j]!;
    dd = tmp;
  }
  return t * Math.exp(-z * z + 0.5 * (COF[0]! + ty * d) - dd);
}

/**
 * Two-sided p-value of a standard-normal statistic: 2 Φ(−|z|) = erfc(|z| / √2)
 * (R: `2 * pnorm(-abs(z))`, as `summary.glm` reports for binomial models).
 * NaN for NaN input. O(1).
 */
export function twoSidedNormalP(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return erfcNonNegative(Math.abs(z) / Math.SQRT2);
}
