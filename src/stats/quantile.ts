/**
 * Sample quantile of type 7 (Hyndman & Fan 1996; R's default
 * `quantile(x, p, type = 7)`): with h = 1 + (n − 1)p, lo = ⌊h⌋, the value
 * (1 − (h − lo))·x₍lo₎ + (h − lo)·x₍lo+1₎, in R's arithmetic so results
 * agree bit for bit. `sorted` must be ascending without NaN. O(1).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || Number.isNaN(p)) return NaN;
  const prob = Math.max(0, Math.min(1, p));
  const index = 1 + Math.max(n - 1, 0) * prob;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qs = sorted[lo - 1]!;
  const xhi = sorted[hi - 1]!;
  if (index > lo && xhi !== qs) {
    const h = index - lo;
    return (1 - h) * qs + h * xhi;
  }
  return qs;
}

/** Type-7 quantiles of unsorted data (a sorted copy is made; input untouched). O(n log n). */
export function quantiles(values: ArrayLike<number>, probs: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return probs.map((p) => quantileSorted(sorted, p));
}
