import { RadvalError } from "../core/errors.js";
import type { Rng } from "../core/rng.js";
import { quantileSorted } from "../stats/quantile.js";

/** A confidence band of the ROC curve: sensitivity limits at fixed specificities. */
export interface RocBand {
  /** Specificities the band is evaluated at, descending from 1 to 0. */
  readonly specificity: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly replicates: number;
  readonly level: number;
}

/**
 * Bootstrap confidence band of an ROC curve as pROC's `ci.se` computes it:
 * stratified bootstrap (cases and controls resampled separately, so every
 * replicate keeps both classes), in each replicate the sensitivity at each
 * fixed specificity (the highest sensitivity at that specificity, else
 * linearly interpolated between the neighbouring ROC points, as pROC's
 * `coords(input = "specificity")`), then percentile limits
 * (R's quantile type 7) over the replicates. Higher score = event.
 * Each replicate is O(n) on the once-sorted scores: O(n log n + B (n + g))
 * for g grid points. Robin et al. (2011), BMC Bioinformatics 12:77.
 */
export function rocBand(
  truth: ArrayLike<number>,
  score: ArrayLike<number>,
  rng: Rng,
  options: { replicates?: number; level?: number; gridSize?: number } = {},
): RocBand {
  const replicates = options.replicates ?? 500;
  const level = options.level ?? 0.95;
  const gridSize = options.gridSize ?? 101;
  const n = truth.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b]! - score[a]!);
  const cases: number[] = [];
  const controls: number[] = [];
  order.forEach((i, k) => (truth[i] === 1 ? cases : controls).push(k));
  if (cases.length === 0 || controls.length === 0) {
    throw new RadvalError("SINGLE_CLASS", "an ROC band needs cases and controls");
  }
  // Groups of tied scores, as [start, end) positions in `order`.
  const groupEnd = new Int32Array(n);
  for (let k = n - 1; k >= 0; k--) groupEnd[k] = k + 1 < n && score[order[k + 1]!] === score[order[k]!] ? groupEnd[k + 1]! : k + 1;
  const specificity = Float64Array.from({ length: gridSize }, (_, g) => 1 - g / (gridSize - 1));
  const sens = Array.from({ length: gridSize }, () => new Float64Array(replicates));
  const caseWeight = new Float64Array(n);
  const controlWeight = new Float64Array(n);
  for (let b = 0; b < replicates; b++) {
    caseWeight.fill(0);
    controlWeight.fill(0);
    for (let k = 0; k < cases.length; k++) caseWeight[cases[rng.integer(cases.length)]!]! += 1;
    for (let k = 0; k < controls.length; k++) controlWeight[controls[rng.integer(controls.length)]!]! += 1;
    let tp = 0;
    let fp = 0;
    let g = 0;
    let sensitivity = 0; // at the start point (threshold above every score): specificity 1
    let pos = 0;
    while (g < gridSize) {
      // Advance over the next group of tied scores while its specificity stays ≥ the grid value.
      if (pos < n) {
        const end = groupEnd[pos]!;
        let dtp = 0;
        let dfp = 0;
        for (let k = pos; k < end; k++) {
          dtp += caseWeight[k]!;
          dfp += controlWeight[k]!;
        }
        const spec = 1 - (fp + dfp) / controls.length;
        if (spec >= specificity[g]! - 1e-12) {
          tp += dtp;
          fp += dfp;
          sensitivity = tp / cases.length;
          pos = end;
          continue;
        }
        // The grid value lies between the current point and the next: linear interpolation, as pROC's coords().
        const current = 1 - fp / controls.length;
        const next = (tp + dtp) / cases.length;
        sens[g]![b] = current > specificity[g]! + 1e-12 ? sensitivity + ((next - sensitivity) * (current - specificity[g]!)) / (current - spec) : sensitivity;
        g++;
        continue;
      }
      sens[g]![b] = sensitivity;
      g++;
    }
  }
  const alpha = (1 - level) / 2;
  const lower = new Float64Array(gridSize);
  const upper = new Float64Array(gridSize);
  for (let g = 0; g < gridSize; g++) {
    const sorted = sens[g]!.sort();
    lower[g] = quantileSorted(sorted, alpha);
    upper[g] = quantileSorted(sorted, 1 - alpha);
  }
  return { specificity, lower, upper, replicates, level };
}
