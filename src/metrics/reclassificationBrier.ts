import { normalTwoSidedP } from "../stats/normal.js";
import { checkBinaryScores, checkProbabilities } from "./inputs.js";

/** Change in Brier score from a comparator to a new model on the same cases. */
export interface BrierDifference {
  readonly brierComparator: number;
  readonly brierModel: number;
  /** Brier(new) − Brier(comparator): negative = the new model's probabilities are closer to the outcomes. */
  readonly difference: number;
  /** Paired SE sd(d)/√n of d_i = (p_new − y)² − (p_comp − y)²; null when n < 2. */
  readonly se: number | null;
  readonly z: number | null;
  readonly p: number | null;
}

/**
 * ΔBrier of a new model over its comparator, Brier(new) − Brier(comparator)
 * (Brier = mean((p − y)²)), with the paired large-sample test on the per-case
 * differences of squared errors d_i: SE = sd(d)/√n, z = mean(d)/SE, two-sided
 * normal p (the paired-difference test of Redelmeier, Bloch & Hickam 1991,
 * J Clin Epidemiol 44:1141, without its rank form). O(n).
 */
export function brierDifference(truth: ArrayLike<number>, probComparator: ArrayLike<number>, probModel: ArrayLike<number>): BrierDifference {
  checkBinaryScores(truth, probComparator, { name: "comparator's prob" });
  checkBinaryScores(truth, probModel, { name: "new model's prob" });
  checkProbabilities(probComparator, { name: "comparator's prob" });
  checkProbabilities(probModel, { name: "new model's prob" });
  const n = truth.length;
  let sA = 0;
  let sB = 0;
  for (let i = 0; i < n; i++) {
    sA += (probComparator[i]! - truth[i]!) ** 2;
    sB += (probModel[i]! - truth[i]!) ** 2;
  }
  const difference = (sB - sA) / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (probModel[i]! - truth[i]!) ** 2 - (probComparator[i]! - truth[i]!) ** 2;
    ss += (d - difference) * (d - difference);
  }
  const se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : null;
  const z = se !== null && se > 0 ? difference / se : null;
  return { brierComparator: sA / n, brierModel: sB / n, difference, se, z, p: z === null ? null : normalTwoSidedP(z) };
}
