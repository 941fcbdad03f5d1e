import { rPretty } from "./pretty.js";

/**
 * Axis values rms::nomogram draws for a numeric predictor, from its
 * datadist: the sorted distinct values when there are at most 10 of them,
 * otherwise `pretty(range(x), nint)` (R's pretty, so the ends may lie
 * outside the data). NaN values are ignored. O(n log n).
 */
export function nomogramAxisValues(x: ArrayLike<number>, nint = 10): number[] {
  const distinct = new Set<number>();
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (Number.isNaN(v)) continue;
    if (distinct.size <= 10) distinct.add(v);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (distinct.size <= 10) return [...distinct].sort((a, b) => a - b);
  return rPretty(lo, hi, nint);
}
