/**
 * Percentile of ascending data with numpy's default method 'linear'
 * (`numpy.percentile(x, q)`, Hyndman & Fan type 7): h = (m − 1)·q/100,
 * result = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]), evaluated as numpy's
 * `_lerp` does (from the upper end, b − (b − a)(1 − t), when t ≥ 0.5) so
 * results agree to the last bit. NaN for empty data. O(1).
 */
export function percentileLinear(sorted: ArrayLike<number>, q: number): number {
  const m = sorted.length;
  if (m === 0) return NaN;
  const h = (m - 1) * (q / 100);
  const lo = Math.floor(h);
  if (lo >= m - 1) return sorted[m - 1]!;
  if (lo < 0) return sorted[0]!;
  const t = h - lo;
  const a = sorted[lo]!;
  const b = sorted[lo + 1]!;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
