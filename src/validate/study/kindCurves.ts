import { type Prediction, classRows } from "../../core/prediction.js";
import type { Response } from "../../core/response.js";
import { thresholdMetrics, youden } from "../../metrics/thresholdMetrics.js";
import { cutoffIndicator } from "../../ordinal/cutoffs.js";
import { cutoffProbability } from "../../ordinal/dichotomisedAuc.js";
import type { KindCurves, KindProportion } from "../../report/results.js";
import type { KaplanMeier } from "../../survival/kaplanMeier.js";
import { riskGroupSurvival } from "../../survival/riskGroups.js";
import { timeDependentRoc } from "../../survival/timeDependent.js";
import { rocPoints } from "../curves.js";

/** The threshold of each cut-off's P(case side) chosen once per model, and where it was chosen. */
export interface CutoffThresholds {
  readonly chosenOn: string;
  /** By cut-off label; null when the cut-off has an empty side in the choosing rows. */
  readonly thresholds: Readonly<Record<string, number | null>>;
}

/**
 * The compact chart form of a Kaplan–Meier curve: (0, 1), then (t, S(t)) at
 * each event time, then the last follow-up time with its S (the step function
 * is right-continuous, so these points drawn as "step-after" are the curve).
 */
export function kmStepPoints(km: KaplanMeier): Array<{ time: number; surv: number }> {
  const points = [{ time: 0, surv: 1 }];
  const last = km.time.length - 1;
  for (let k = 0; k <= last; k++) {
    if (km.nEvent[k]! > 0 || k === last) points.push({ time: km.time[k]!, surv: km.surv[k]! });
  }
  return points;
}

/**
 * Youden-optimal threshold (pROC `coords(best.method = "youden")`, {@link youden})
 * of each cut-off's cumulative probability P(case side) on the given
 * predictions: the study passes the cross-validated pooled development
 * predictions when CV ran, else the apparent ones, and applies the thresholds
 * unchanged in every cohort.
 */
export function cutoffThresholds(response: Response, prediction: Prediction, chosenOn: string): CutoffThresholds | null {
  if ((response.kind !== "ordinal" && response.kind !== "nominal") || (prediction.kind !== "ordinal" && prediction.kind !== "nominal")) return null;
  const probs = classRows(prediction);
  const thresholds: Record<string, number | null> = {};
  for (const c of response.cutoffs) {
    const truth = cutoffIndicator(response.codes, c, false);
    const cases = truth.reduce((a, b) => a + b, 0);
    thresholds[c.label] = cases === 0 || cases === truth.length ? null : youden(truth, cutoffProbability(probs, c)).threshold;
  }
  return { chosenOn, thresholds };
}

/**
 * Drops the points a drawn ROC curve does not need: repeats, and interior
 * points of a vertical or horizontal run (the first and last point of each run
 * stay). The polyline, and so its trapezoidal area, is unchanged.
 */
export function thinRocPoints<P extends { readonly fpr: number; readonly tpr: number }>(points: readonly P[]): P[] {
  const out: P[] = [];
  for (const q of points) {
    const last = out[out.length - 1];
    if (last && last.fpr === q.fpr && last.tpr === q.tpr) continue;
    const prev = out[out.length - 2];
    if (last && prev && ((prev.fpr === last.fpr && last.fpr === q.fpr) || (prev.tpr === last.tpr && last.tpr === q.tpr))) out.pop();
    out.push(q);
  }
  return out;
}

const proportion = (p: { estimate: number | null; lower: number | null; upper: number | null; x: number; n: number }): KindProportion => ({ estimate: p.estimate, lower: p.lower, upper: p.upper, x: p.x, n: p.n });

/**
 * The chart data of one cohort's predictions. Survival: Kaplan–Meier step
 * points of the tertile risk groups of the linear predictor (the groups of
 * {@link riskGroupSurvival}, as the risk-group table) and the time-dependent
 * ROC curve of the predicted risk at the horizon ({@link timeDependentRoc}).
 * Ordinal / nominal: per cut-off the ROC curve of P(case side) with its
 * DeLong AUC ({@link rocPoints}, points thinned by {@link thinRocPoints}) and sensitivity / specificity (Wilson CIs)
 * at the model's chosen threshold. Throws as the evaluation does (the caller
 * turns RadvalErrors into "not estimable").
 */
export function cohortCurves(response: Response, prediction: Prediction, chosen: CutoffThresholds | null): KindCurves {
  if (response.kind === "survival" && prediction.kind === "survival") {
    const groups = riskGroupSurvival(response.time, response.event, prediction.lp, { groups: 3 });
    return {
      riskGroupKm: groups.groups.map((g) => ({ group: g.group, n: g.n, events: g.events, points: kmStepPoints(g.km) })),
      timeRoc: timeDependentRoc(response.time, response.event, prediction.risk, response.horizon),
    };
  }
  if ((response.kind === "ordinal" || response.kind === "nominal") && (prediction.kind === "ordinal" || prediction.kind === "nominal")) {
    const probs = classRows(prediction);
    const cutoffRoc = response.cutoffs.flatMap((c) => {
      const truth = cutoffIndicator(response.codes, c, false);
      const score = cutoffProbability(probs, c);
      const full = rocPoints(truth, score);
      if (!full) return [];
      const roc = { ...full, points: thinRocPoints(full.points) };
      const threshold = chosen?.thresholds[c.label] ?? null;
      const operating =
        threshold === null || threshold === undefined || !Number.isFinite(threshold)
          ? null
          : (() => {
              const m = thresholdMetrics(truth, score, threshold);
              return { threshold, chosenOn: chosen!.chosenOn, sensitivity: proportion(m.sensitivity), specificity: proportion(m.specificity) };
            })();
      return [{ cutoff: c.label, roc, operating }];
    });
    return { cutoffRoc };
  }
  return {};
}
