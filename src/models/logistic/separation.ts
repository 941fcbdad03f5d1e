/** How a single feature splits the outcome classes. */
export interface SeparatingFeature {
  readonly feature: string;
  /** "complete": a threshold puts every event on one side and every non-event on the other; "quasi": the same with ties at the threshold. */
  readonly kind: "complete" | "quasi";
}

/**
 * Features that on their own separate the outcome classes (among rows with
 * positive weight): max of one class ≤ min of the other, in either direction
 * (Albert & Anderson 1984; the usual cause of glm's "fitted probabilities
 * numerically 0 or 1 occurred"). Strict inequality = complete separation,
 * equality = quasi-complete. `x` column-major n × p. O(n p).
 */
export function separatingFeatures(
  x: Float64Array,
  n: number,
  p: number,
  y: ArrayLike<number>,
  w: ArrayLike<number>,
  names: readonly string[],
): SeparatingFeature[] {
  const out: SeparatingFeature[] = [];
  for (let j = 0; j < p; j++) {
    let min0 = Infinity;
    let max0 = -Infinity;
    let min1 = Infinity;
    let max1 = -Infinity;
    const off = j * n;
    for (let i = 0; i < n; i++) {
      if (!(w[i]! > 0)) continue;
      const v = x[off + i]!;
      if (y[i] === 1) {
        if (v < min1) min1 = v;
        if (v > max1) max1 = v;
      } else {
        if (v < min0) min0 = v;
        if (v > max0) max0 = v;
      }
    }
    if (max0 === min0 && max1 === min1 && max0 === max1) continue; // constant: no information
    if (max0 < min1 || max1 < min0) out.push({ feature: names[j]!, kind: "complete" });
    else if (max0 === min1 || max1 === min0) out.push({ feature: names[j]!, kind: "quasi" });
  }
  return out;
}
