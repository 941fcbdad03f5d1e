import { RadvalError } from "../core/errors.js";

/** Which way the score points: "<" = higher score means positive (pROC's `direction = "<"`), ">" the reverse. */
export type Direction = "<" | ">";

/**
 * Area under the ROC curve by the Mann–Whitney statistic: the probability
 * that a random positive scores higher than a random negative, ties counted
 * ½ (Hanley & McNeil 1982; pROC's `auc`). `truth` is 0/1. With direction ">"
 * lower scores mean positive. O(n log n) (one sort, mid-ranks for ties).
 * Never flips the direction automatically: a reversed model gives AUC < 0.5.
 */
export function aucMannWhitney(truth: ArrayLike<number>, score: ArrayLike<number>, direction: Direction = "<"): number {
  const n = truth.length;
  if (score.length !== n) {
    throw new RadvalError("DIMENSION_MISMATCH", `truth has ${n} values but score has ${score.length}`);
  }
  let nPos = 0;
  for (let i = 0; i < n; i++) {
    const t = truth[i]!;
    if (t !== 0 && t !== 1) throw new RadvalError("INVALID_ARGUMENT", `truth must be 0/1, got ${t} at position ${i + 1}`);
    if (Number.isNaN(score[i]!)) throw new RadvalError("NON_FINITE", `score is NaN at position ${i + 1}`, { hint: "Remove cases without a score first." });
    nPos += t;
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) {
    throw new RadvalError("SINGLE_CLASS", `AUC needs both classes, got ${nPos} positives and ${nNeg} negatives`);
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => score[a]! - score[b]!);
  // Sum of mid-ranks of the positives.
  let rankSumPos = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    const v = score[order[start]!]!;
    while (end < n && score[order[end]!]! === v) end++;
    const midRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) if (truth[order[k]!] === 1) rankSumPos += midRank;
    start = end;
  }
  const u = rankSumPos - (nPos * (nPos + 1)) / 2;
  const auc = u / (nPos * nNeg);
  return direction === "<" ? auc : 1 - auc;
}
