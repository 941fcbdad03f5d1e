import { type DecisionCurveOptions, decisionCurve } from "./decisionCurve.js";

/** Net benefit of the new model and its comparator at one threshold. */
export interface NetBenefitChange {
  readonly threshold: number;
  readonly netBenefitComparator: number;
  readonly netBenefitModel: number;
  /** NB(new) − NB(comparator): positive = the new model does more good at this threshold. */
  readonly difference: number;
}

/**
 * Net-benefit difference from a comparator to a new model at each threshold
 * probability p_t (treat when p ≥ p_t; NB = TP/n − FP/n · p_t/(1 − p_t),
 * Vickers & Elkin 2006, Med Decis Making 26:565): NB(new) − NB(comparator),
 * the point estimates of {@link netBenefitDifference} without its bootstrap.
 * O(n log n + T log n).
 */
export function netBenefitChange(truth: ArrayLike<number>, probComparator: ArrayLike<number>, probModel: ArrayLike<number>, options: DecisionCurveOptions = {}): NetBenefitChange[] {
  const a = decisionCurve(truth, probComparator, options).points;
  const b = decisionCurve(truth, probModel, options).points;
  return b.map((p, k) => ({ threshold: p.threshold, netBenefitComparator: a[k]!.netBenefit, netBenefitModel: p.netBenefit, difference: p.netBenefit - a[k]!.netBenefit }));
}
