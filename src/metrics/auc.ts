import { type Direction, checkBinaryScores, checkDirection, sortedClassScores } from "./inputs.js";
import { type MetricInfo, metricInfo } from "./metricInfo.js";

export type { Direction } from "./inputs.js";

/**
 * Twice the Mann–Whitney U statistic of positives over negatives, from the
 * two classes' scores sorted ascending: 2U = Σ over positives of
 * (2·#{negatives below} + #{negatives tied}). Exact in double arithmetic while
 * 2·n₁·n₀ < 2⁵³. O(n₁ + n₀) (one merge).
 */
export function twiceMannWhitneyU(positives: Float64Array, negatives: Float64Array): number {
  const n1 = positives.length;
  const n0 = negatives.length;
  let twiceU = 0;
  let i = 0;
  let j = 0;
  while (i < n1) {
    const v = positives[i]!;
    let iEnd = i + 1;
    while (iEnd < n1 && positives[iEnd] === v) iEnd++;
    while (j < n0 && negatives[j]! < v) j++;
    let jEnd = j;
    while (jEnd < n0 && negatives[jEnd] === v) jEnd++;
    twiceU += (iEnd - i) * (2 * j + (jEnd - j));
    i = iEnd;
  }
  return twiceU;
}

/**
 * Area under the ROC curve by the Mann–Whitney statistic: the probability
 * that a random positive scores higher than a random negative, ties counted
 * ½ (Hanley & McNeil 1982; equals pROC's `auc` to rounding — computed here
 * from an exact integer U, so with one rounding). `truth` is 0/1. With
 * direction ">" lower scores mean positive. O(n log n): the two classes are
 * sorted separately with the native numeric sort and merged.
 * Never flips the direction automatically: a reversed model gives AUC < 0.5.
 * Throws on mismatched lengths, non-0/1 truth, NaN scores or a single class.
 */
export function aucMannWhitney(truth: ArrayLike<number>, score: ArrayLike<number>, direction: Direction = "<"): number {
  checkDirection(direction);
  const counts = checkBinaryScores(truth, score);
  const { positives, negatives } = sortedClassScores(truth, score, counts, direction);
  return twiceMannWhitneyU(positives, negatives) / (2 * counts.nPositive * counts.nNegative);
}

/** Metadata of the AUC (c-statistic) for the validation engine and reports. */
export const AUC_INFO: MetricInfo = metricInfo({
  name: "auc",
  label: "AUC (c-statistic)",
  direction: "maximize",
  range: [0, 1],
  reference: "Hanley & McNeil 1982; pROC::auc",
});
