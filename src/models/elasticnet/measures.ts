import type { CvMeasure } from "./types.js";

/** cv.glmnet's `name` of each measure (its `type.measure` label for the binomial family). */
export const CV_MEASURE_NAMES: Readonly<Record<CvMeasure, string>> = Object.freeze({
  deviance: "Binomial Deviance",
  auc: "AUC",
  class: "Misclassification Error",
  brier: "Brier Score",
  mse: "Mean-Squared Error",
});

/** True when larger values of the measure are better (only AUC). */
export function higherIsBetter(measure: CvMeasure): boolean {
  return measure === "auc";
}

const PROB_MIN = 1e-5;

/**
 * One held-out observation's loss for cv.glmnet's binomial measures, at
 * fitted probability `p` of class 1 and outcome y ∈ {0, 1}:
 * deviance −2[y log p + (1 − y) log(1 − p)] with p clipped to [1e-5, 1 − 1e-5]
 * (cv.lognet's `prob_min`); class 1(y = 0 and p > 0.5 or y = 1 and p ≤ 0.5);
 * mse cv.glmnet's two-column squared error 2 (y − p)²; brier (y − p)². O(1).
 */
export function observationLoss(measure: Exclude<CvMeasure, "auc">, y: number, p: number): number {
  switch (measure) {
    case "deviance": {
      const pc = Math.min(Math.max(p, PROB_MIN), 1 - PROB_MIN);
      return -2 * (y === 1 ? Math.log(pc) : y === 0 ? Math.log(1 - pc) : y * Math.log(pc) + (1 - y) * Math.log(1 - pc));
    }
    case "class":
      return y === 1 ? (p <= 0.5 ? 1 : 0) : p > 0.5 ? 1 : 0;
    case "mse":
      return 2 * (y - p) * (y - p);
    case "brier":
      return (y - p) * (y - p);
  }
}

/**
 * Weighted area under the ROC curve: Σ_{i: y=1} Σ_{j: y=0} w_i w_j [1(s_i > s_j)
 * + ½ 1(s_i = s_j)] / (Σ_{y=1} w × Σ_{y=0} w) — the concordance of
 * `survival::concordance(y ~ s, weights = w)` that glmnet's `auc.mat` uses;
 * with unit weights the Mann–Whitney AUC. NaN when a class is absent.
 * `index` selects the observations (positions into y, score, w). O(m log m).
 */
export function weightedAuc(y: ArrayLike<number>, score: ArrayLike<number>, w: ArrayLike<number>, index: ArrayLike<number>): number {
  const m = index.length;
  const order = Array.from(index);
  order.sort((a, b) => score[a]! - score[b]!);
  let wNegBelow = 0;
  let concordant = 0;
  let wPos = 0;
  let wNeg = 0;
  for (let start = 0; start < m; ) {
    const s = score[order[start]!]!;
    let end = start;
    let gPos = 0;
    let gNeg = 0;
    while (end < m && score[order[end]!]! === s) {
      const i = order[end]!;
      if (y[i] === 1) gPos += w[i]!;
      else gNeg += w[i]!;
      end++;
    }
    concordant += gPos * wNegBelow + 0.5 * gPos * gNeg;
    wNegBelow += gNeg;
    wPos += gPos;
    wNeg += gNeg;
    start = end;
  }
  return wPos > 0 && wNeg > 0 ? concordant / (wPos * wNeg) : NaN;
}

/**
 * glmnet's `getOptcv.glmnet`: λ_min = the largest λ attaining the best cvm
 * (minimum; maximum for AUC), λ_1se = the largest λ whose cvm is within one
 * standard error of it (cvm ≤ cvm_min + cvsd_min, signs flipped for AUC).
 * Returns 0-based positions. O(L).
 */
export function chooseLambda(
  lambda: readonly number[],
  cvm: readonly number[],
  cvsd: readonly number[],
  higherBetter: boolean,
): { indexMin: number; index1se: number } {
  const sign = higherBetter ? -1 : 1;
  let best = Infinity;
  for (let l = 0; l < cvm.length; l++) if (sign * cvm[l]! < best) best = sign * cvm[l]!;
  let indexMin = -1;
  for (let l = 0; l < cvm.length; l++) {
    if (sign * cvm[l]! <= best && (indexMin < 0 || lambda[l]! > lambda[indexMin]!)) indexMin = l;
  }
  const limit = sign * cvm[indexMin]! + cvsd[indexMin]!;
  let index1se = -1;
  for (let l = 0; l < cvm.length; l++) {
    if (sign * cvm[l]! <= limit && (index1se < 0 || lambda[l]! > lambda[index1se]!)) index1se = l;
  }
  return { indexMin, index1se };
}
