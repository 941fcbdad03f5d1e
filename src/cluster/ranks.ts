/**
 * Ranks of `values` with ties given their average rank (R's `rank(x)`,
 * `ties.method = "average"`), written into `out` (1-based ranks).
 * O(n log n). Values must not be NaN.
 */
export function averageRanks(values: ArrayLike<number>, out: Float64Array = new Float64Array(values.length)): Float64Array {
  const n = values.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a]! - values[b]!);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    const v = values[order[start]!]!;
    while (end < n && values[order[end]!]! === v) end++;
    const rank = (start + 1 + end) / 2;
    for (let t = start; t < end; t++) out[order[t]!] = rank;
    start = end;
  }
  return out;
}
