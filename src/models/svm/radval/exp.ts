/**
 * Constants of the exponential used for RBF kernel rows: fdlibm's `e_exp.c`
 * method (Sun Microsystems 1993; the algorithm of V8's `Math.exp`):
 * x = k ln2 + r with ln2 split into ln2_hi (exact multiples) and ln2_lo,
 * e^r = 1 − ((lo − r c/(2 − c)) − hi) with c = r − r²(P1 + … + P5 r⁸), error
 * below 1 ulp. Here k = round-half-even(x / ln2) is taken with the
 * 1.5·2⁵² shifter (pure IEEE additions, identical in SIMD and JavaScript) and
 * x is floored at −110: e^−110 ≈ 1.7e−48 already rounds to 0 in single
 * precision, where the kernel rows are stored.
 */
export const EXP = Object.freeze({
  floor: -110,
  shift: 6755399441055744, // 1.5 · 2^52
  invLn2: 1.44269504088896338700e0,
  ln2Hi: 6.93147180369123816490e-1,
  ln2Lo: 1.90821492927058770002e-10,
  p1: 1.66666666666666019037e-1,
  p2: -2.77777777770155933842e-3,
  p3: 6.61375632143793436117e-5,
  p4: -1.65339022054652515390e-6,
  p5: 4.13813679705723846039e-8,
});

/** 2^k for k = −1022 … 1023 (exact), indexed by k + 1022. */
const POW2 = (() => {
  const out = new Float64Array(2046);
  out[1022] = 1;
  for (let k = 1; k <= 1023; k++) out[1022 + k] = out[1021 + k]! * 2;
  for (let k = 1; k <= 1022; k++) out[1022 - k] = out[1023 - k]! / 2;
  return out;
})();

/**
 * e^x for x ≤ 709 by {@link EXP} (x below −110 gives e^−110): the scalar
 * twin of the SIMD `rbfRow` kernel, operation for operation. Relative error
 * below 1 ulp. O(1).
 */
export function expKernel(x: number): number {
  const arg = x > EXP.floor ? x : EXP.floor;
  const kd = arg * EXP.invLn2 + EXP.shift;
  const k = kd - EXP.shift;
  const hi = arg - k * EXP.ln2Hi;
  const lo = k * EXP.ln2Lo;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (EXP.p1 + t * (EXP.p2 + t * (EXP.p3 + t * (EXP.p4 + t * EXP.p5))));
  const e = 1 - ((lo - (r * c) / (2 - c)) - hi);
  return e * POW2[k + 1022]!;
}
