/**
 * R's `approx(x, y, xout, ties = mean)$y` with rule 1: sorts by x, averages
 * y over tied x, interpolates linearly, NaN outside [min x, max x]. rms::nomogram
 * places function-axis ticks this way. O((n + m) log n).
 */
export function approxLinear(x: ArrayLike<number>, y: ArrayLike<number>, xout: readonly number[]): number[] {
  const order = Array.from({ length: x.length }, (_, i) => i)
    .filter((i) => !Number.isNaN(x[i]!) && !Number.isNaN(y[i]!))
    .sort((a, b) => x[a]! - x[b]!);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < order.length; ) {
    let m = k;
    let s = 0;
    while (m < order.length && x[order[m]!] === x[order[k]!]) s += y[order[m++]!]!;
    xs.push(x[order[k]!]!);
    ys.push(s / (m - k));
    k = m;
  }
  const n = xs.length;
  return xout.map((v) => {
    if (n === 0 || Number.isNaN(v) || v < xs[0]! || v > xs[n - 1]!) return NaN;
    let i = 0;
    let j = n - 1;
    while (i < j - 1) {
      const ij = (i + j) >> 1;
      if (v < xs[ij]!) j = ij;
      else i = ij;
    }
    if (v === xs[j]) return ys[j]!;
    if (v === xs[i]) return ys[i]!;
    return ys[i]! + (ys[j]! - ys[i]!) * ((v - xs[i]!) / (xs[j]! - xs[i]!));
  });
}

/** R's `seq(from, to, length.out = m)` for m > 2: from, from + k·(to − from)/(m − 1), …, to. */
export function seqLengthOut(from: number, to: number, m: number): Float64Array {
  const out = new Float64Array(m);
  const by = (to - from) / (m - 1);
  out[0] = from;
  for (let k = 1; k < m - 1; k++) out[k] = from + k * by;
  out[m - 1] = to;
  return out;
}
