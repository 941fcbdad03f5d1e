import { survivalCalibration, type SurvivalCalibration } from "./calibration.js";
import { concordance } from "./concordance.js";
import { survivalDecisionCurve } from "./decisionCurve.js";
import { medianFollowUp } from "./kaplanMeier.js";
import { riskGroupSurvival } from "./riskGroups.js";
import { type EstimateWithCi, nullSurvivalBrierScore, survivalBrierScore, timeDependentAuc } from "./timeDependent.js";

/** An estimate with its standard error and Wald interval. */
export interface EstimateSe {
  readonly estimate: number;
  readonly se: number;
  readonly lower: number;
  readonly upper: number;
}

/** Performance at the prediction horizon (riskRegression::Score's AUC and Brier with IPCW). */
export interface HorizonEvaluation {
  readonly time: number;
  readonly auc: EstimateSe;
  /** With predicted probabilities only. */
  readonly brier?: EstimateSe;
  readonly brierNull: EstimateSe;
  /** Index of prediction accuracy 1 − Brier/Brier(null) (Kattan & Gerds 2018). */
  readonly ipa?: number;
  readonly calibration?: SurvivalCalibration;
  readonly decisionCurve?: ReadonlyArray<{ threshold: number; netBenefit: number; treatAll: number; treatNone: number }>;
}

/** Everything `radval evaluate --time --event --risk` reports (its JSON contract), for one set of predictions. */
export interface SurvivalEvaluation {
  readonly n: number;
  readonly events: number;
  readonly medianFollowUp: number | null;
  readonly concordance: { readonly harrell: { readonly c: number; readonly se: number }; readonly uno: { readonly c: number; readonly se: number } };
  readonly horizon?: HorizonEvaluation;
  readonly riskGroups: {
    readonly cutpoints: readonly number[];
    readonly groups: ReadonlyArray<{ group: number; n: number; events: number }>;
    readonly logRank: { chisq: number; df: number; p: number };
    readonly hazardRatios: ReturnType<typeof riskGroupSurvival>["hazardRatios"];
  };
}

/** Options of {@link evaluateSurvival}. */
export interface SurvivalEvaluationOptions {
  /** Predicted probability of the event by the horizon (enables Brier, calibration, decision curve). */
  readonly prob?: ArrayLike<number>;
  readonly horizon?: number;
  /** Confidence level (default 0.95). */
  readonly level?: number;
  /** Risk groups for Kaplan–Meier curves and the log-rank test (default 3). */
  readonly riskGroups?: number;
  /** Groups of the calibration table at the horizon (default 10). */
  readonly calibrationGroups?: number;
  /** Net-benefit thresholds of the decision curve. */
  readonly thresholds?: ArrayLike<number>;
}

const withSe = (e: EstimateWithCi): EstimateSe => ({ estimate: e.estimate, se: e.se, lower: e.lower, upper: e.upper });

/**
 * The validation of a time-to-event model's predictions on one cohort:
 * Harrell's and Uno's C with infinitesimal-jackknife SEs
 * (`survival::concordance`, timewt "n" and "n/G2"), median follow-up by
 * reverse Kaplan–Meier; at the horizon the cumulative/dynamic AUC and the
 * Brier score with IPCW and the null model's Brier (`riskRegression::Score`),
 * calibration by risk group with the slope of the linear predictor, and the
 * decision curve; Kaplan–Meier risk groups with the log-rank test and hazard
 * ratios. `risk`: higher = higher risk (e.g. the Cox linear predictor).
 * `horizon` must lie within follow-up (checked by the caller). O(n log n) per statistic.
 */
export function evaluateSurvival(time: ArrayLike<number>, event: ArrayLike<number>, risk: ArrayLike<number>, options: SurvivalEvaluationOptions = {}): SurvivalEvaluation {
  const level = options.level ?? 0.95;
  const harrell = concordance(time, event, risk);
  const uno = concordance(time, event, risk, { timeWeight: "n/G2" });
  const groups = riskGroupSurvival(time, event, risk, { groups: options.riskGroups ?? 3, level });
  let events = 0;
  for (let i = 0; i < event.length; i++) events += event[i]!;
  let horizon: HorizonEvaluation | undefined;
  const t = options.horizon;
  if (t !== undefined) {
    const prob = options.prob;
    const brierNull = withSe(nullSurvivalBrierScore(time, event, t, { level }));
    if (prob) {
      const brier = withSe(survivalBrierScore(time, event, prob, t, { level }));
      horizon = {
        time: t,
        auc: withSe(timeDependentAuc(time, event, prob, t, { level })),
        brier,
        brierNull,
        ipa: 1 - brier.estimate / brierNull.estimate,
        calibration: survivalCalibration(time, event, prob, t, { groups: options.calibrationGroups ?? 10, lp: risk }),
        ...(options.thresholds ? { decisionCurve: survivalDecisionCurve(time, event, prob, t, options.thresholds).map((r) => ({ threshold: r.threshold, netBenefit: r.netBenefit, treatAll: r.treatAll, treatNone: r.treatNone })) } : {}),
      };
    } else {
      horizon = { time: t, auc: withSe(timeDependentAuc(time, event, risk, t, { level })), brierNull };
    }
  }
  return {
    n: time.length,
    events,
    medianFollowUp: medianFollowUp(time, event),
    concordance: { harrell: { c: harrell.c, se: harrell.se }, uno: { c: uno.c, se: uno.se } },
    ...(horizon ? { horizon } : {}),
    riskGroups: {
      cutpoints: groups.cutpoints,
      groups: groups.groups.map((g) => ({ group: g.group, n: g.n, events: g.events })),
      logRank: { chisq: groups.logRank.chisq, df: groups.logRank.df, p: groups.logRank.p },
      hazardRatios: groups.hazardRatios,
    },
  };
}
