import { kaplanMeier, survivalAt } from "./kaplanMeier.js";
import { checkHorizon, checkSurvival } from "./validate.js";

/** Net benefit of the model, treat-all and treat-none at one threshold probability. */
export interface SurvivalNetBenefit {
  readonly threshold: number;
  /** Fraction of subjects with predicted risk ≥ threshold. */
  readonly positiveRate: number;
  readonly netBenefit: number;
  readonly treatAll: number;
  readonly treatNone: number;
}

/**
 * Decision curve at horizon t for survival data (Vickers et al. 2008, BMC Med Inform Decis Mak 8:53, as dca's stdca
 * with KM): at threshold p_t, among the subjects with predicted risk ≥ p_t (fraction π), the event risk by t is
 * 1 − KM(t) of that subgroup, so TP = π(1 − S₊(t)), FP = π S₊(t), net benefit = TP − FP·p_t/(1 − p_t); treat-all
 * uses the KM of everyone. O(T · n log n).
 */
export function survivalDecisionCurve(time: ArrayLike<number>, event: ArrayLike<number>, risk: ArrayLike<number>, horizon: number, thresholds: ArrayLike<number>): SurvivalNetBenefit[] {
  const { time: t, event: d } = checkSurvival(time, event);
  checkHorizon(horizon, t);
  const n = t.length;
  const sAll = survivalAt(kaplanMeier(t, d), horizon);
  const out: SurvivalNetBenefit[] = [];
  for (let k = 0; k < thresholds.length; k++) {
    const pt = thresholds[k]!;
    const odds = pt / (1 - pt);
    const tt: number[] = [], dd: number[] = [];
    for (let i = 0; i < n; i++) {
      if (risk[i]! >= pt) {
        tt.push(t[i]!);
        dd.push(d[i]!);
      }
    }
    const pi = tt.length / n;
    let nb = 0;
    if (tt.length > 0) {
      const s = survivalAt(kaplanMeier(tt, dd, { allowNoEvents: true }), horizon);
      nb = pi * (1 - s) - pi * s * odds;
    }
    out.push({ threshold: pt, positiveRate: pi, netBenefit: nb, treatAll: 1 - sAll - sAll * odds, treatNone: 0 });
  }
  return out;
}
