/**
 * R's `pretty(c(lo, hi), n)` (base R 4.2, `pretty.default` with its defaults
 * min.n = n %/% 3, shrink.sml = 0.75, high.u.bias = 1.5, u5.bias = 0.5 +
 * 1.5·high.u.bias): about n + 1 equally spaced "round" values (steps of 1, 2,
 * 5 or 10 × a power of 10) covering [lo, hi]. Reproduced to the bit: the
 * bounds are ns·unit and nu·unit, the values `seq.int(l, u, length.out)`
 * (from + i·by, the last exactly u) and values below 1e-14 × the step are
 * zeroed. Used by rms::nomogram for predictor, points and function axes. O(n).
 */
export function rPretty(lo: number, hi: number, n = 10): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (lo > hi) [lo, hi] = [hi, lo];
  const minN = Math.floor(n / 3);
  const shrink = 0.75;
  const h = 1.5;
  const h5 = 0.5 + 1.5 * h;
  const dx = hi - lo;
  let cell: number;
  let small: boolean;
  if (dx === 0 && hi === 0) {
    cell = 1;
    small = true;
  } else {
    cell = Math.max(Math.abs(lo), Math.abs(hi));
    const U = 1 + (h5 >= 1.5 * h + 0.5 ? 1 / (1 + h) : 1.5 / (1 + h5));
    small = dx < cell * U * Math.max(1, n) * Number.EPSILON;
  }
  if (small) {
    if (cell > 10) cell = 9 + cell / 10;
    cell *= shrink;
    if (minN > 1) cell /= minN;
  } else {
    cell = dx;
    if (n > 1) cell /= n;
  }
  const DBL_MIN = 2.2250738585072014e-308;
  if (cell < 20 * DBL_MIN) cell = 20 * DBL_MIN;
  else if (cell * 10 > Number.MAX_VALUE) cell = 0.1 * Number.MAX_VALUE;
  // 10^e as C's pow(10., e) (correctly rounded); JS's 10 ** -4 is 0.00009999999999999999
  const base = Number(`1e${Math.floor(Math.log10(cell))}`);
  let unit = base;
  let U: number;
  if ((U = 2 * base) - cell < h * (cell - unit)) {
    unit = U;
    if ((U = 5 * base) - cell < h5 * (cell - unit)) {
      unit = U;
      if ((U = 10 * base) - cell < h * (cell - unit)) unit = U;
    }
  }
  const eps = 1e-10;
  let ns = Math.floor(lo / unit + eps);
  let nu = Math.ceil(hi / unit - eps);
  while (ns * unit > lo + eps * unit) ns--;
  while (nu * unit < hi - eps * unit) nu++;
  let k = Math.floor(0.5 + nu - ns);
  if (k < minN) {
    k = minN - k;
    if (ns >= 0) {
      nu += Math.floor(k / 2);
      ns -= Math.floor(k / 2) + (k % 2);
    } else {
      ns -= Math.floor(k / 2);
      nu += Math.floor(k / 2) + (k % 2);
    }
    k = minN;
  }
  let l = ns * unit;
  let u = nu * unit;
  if (l > lo) l = lo;
  if (u < hi) u = hi;
  return seqLength(l, u, k + 1, k > 0 ? Math.abs(u - l) / k : 0);
}

/** R's `seq.int(from, to, length.out = m)` followed by pretty's zeroing of values below 1e-14 × delta. */
function seqLength(from: number, to: number, m: number, delta: number): number[] {
  const out = new Array<number>(m);
  out[0] = from;
  if (m > 1) out[m - 1] = to;
  if (m > 2) {
    const by = (to - from) / (m - 1);
    for (let i = 1; i < m - 1; i++) out[i] = from + i * by;
  }
  if (delta > 0) for (let i = 0; i < m; i++) if (Math.abs(out[i]!) < 1e-14 * delta) out[i] = 0;
  return out;
}
