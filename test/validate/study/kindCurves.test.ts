import { describe, expect, it } from "vitest";
import type { Prediction } from "../../../src/core/prediction.js";
import type { Response } from "../../../src/core/response.js";
import { youden } from "../../../src/metrics/thresholdMetrics.js";
import { cutoffIndicator, parseCutoffs } from "../../../src/ordinal/cutoffs.js";
import { cutoffProbability, dichotomisedAuc } from "../../../src/ordinal/dichotomisedAuc.js";
import { kaplanMeier, survivalAt } from "../../../src/survival/kaplanMeier.js";
import { riskGroupSurvival } from "../../../src/survival/riskGroups.js";
import { timeDependentAuc } from "../../../src/survival/timeDependent.js";
import { cohortCurves, cutoffThresholds, kmStepPoints } from "../../../src/validate/study/kindCurves.js";
import { loadFixture } from "../../helpers.js";

// References: test/fixtures/scripts/fx_survival_extra.R and fx_survival_pbc.R (PBC external cohort: times, events,
// Cox lp and 5-year risks), test/fixtures/scripts/fx_ordinal_pbc.R (ordinal_pbc.json: MASS::polr fitted
// probabilities, pROC DeLong AUC per cut-off of the linear predictor). Tolerances at each assertion.
const fx = loadFixture("survival_extra.json");
const pbc = loadFixture("survival_pbc.json");
const ord = loadFixture("ordinal_pbc.json");

/** S at t of drawn step points read as "step-after" (the value of the last point at or before t). */
const stepAt = (points: ReadonlyArray<{ time: number; surv: number }>, t: number) => points.filter((p) => p.time <= t).at(-1)!.surv;

describe("kind curves: survival", () => {
  const response: Response = { kind: "survival", time: Float64Array.from(fx.ext.time), event: Float64Array.from(fx.ext.event), horizon: pbc.external_5y.time };
  const lp = Float64Array.from(fx.breslow.ext_lp as number[]);
  const prediction: Prediction = { kind: "survival", lp, risk: Float64Array.from(pbc.external_5y.risk as number[]) };
  const curves = cohortCurves(response, prediction, null);

  it("each risk group's drawn curve equals kaplanMeier of the group at every time of the group", () => {
    const groups = riskGroupSurvival(response.time, (response as { event: Float64Array }).event, lp).group;
    expect(curves.riskGroupKm!.map((g) => g.group)).toEqual([1, 2, 3]);
    for (const g of curves.riskGroupKm!) {
      const rows = Array.from(groups.keys()).filter((i) => groups[i] === g.group);
      const km = kaplanMeier(rows.map((i) => fx.ext.time[i]), rows.map((i) => fx.ext.event[i]), { allowNoEvents: true });
      expect(g.n).toBe(rows.length);
      for (const t of [0, ...km.time, ...km.time.map((x) => x - 0.5)]) {
        expect(Math.abs(stepAt(g.points, t) - survivalAt(km, t))).toBeLessThan(1e-15); // tolerance: exact (same numbers)
      }
      expect(g.points.at(-1)!.time).toBe(Math.max(...km.time));
    }
  });

  it("kmStepPoints keeps (0, 1), the event times and the last time only", () => {
    const km = kaplanMeier([1, 2, 2, 3, 5, 8], [1, 0, 1, 0, 1, 0]);
    expect(kmStepPoints(km)).toEqual([{ time: 0, surv: 1 }, { time: 1, surv: km.surv[0] }, { time: 2, surv: km.surv[1] }, { time: 5, surv: km.surv[3] }, { time: 8, surv: km.surv[4] }]);
  });

  it("the time ROC's area is AUC(t) of the predicted risk", () => {
    const auc = timeDependentAuc(response.time, fx.ext.event, prediction.risk, response.horizon).estimate;
    expect(Math.abs(curves.timeRoc!.auc - auc)).toBeLessThan(1e-9); // tolerance 1e-9
  });
});

describe("kind curves: ordinal cut-offs", () => {
  const levels = (ord.levels as number[]).map(String);
  const codes = Float64Array.from(ord.y as number[], (y) => y - 1);
  const cutoffs = parseCutoffs([">=2", ">=3", "==4"], levels);
  const response: Response = { kind: "ordinal", codes, levels, cutoffs };
  const probs = (ord.polr.fitted_probabilities as number[][]).flat();
  const prediction: Prediction = { kind: "ordinal", nLevels: 4, probs: Float64Array.from(probs) };
  const chosen = cutoffThresholds(response, prediction, "Youden, apparent development predictions")!;
  const curves = cohortCurves(response, prediction, chosen);

  it("one ROC per cut-off whose DeLong AUC and CI are the cut-off table's (dichotomisedAuc, tested against pROC)", () => {
    const rows = Array.from({ length: codes.length }, (_, i) => Float64Array.from(probs.slice(4 * i, 4 * i + 4)));
    const table = dichotomisedAuc(codes, (c) => cutoffProbability(rows, c), cutoffs);
    expect(curves.cutoffRoc!.map((c) => c.cutoff)).toEqual([">=2", ">=3", "==4"]);
    curves.cutoffRoc!.forEach((c, k) => {
      expect(Math.abs(c.roc.auc!.estimate! - table[k]!.auc)).toBeLessThan(1e-12); // tolerance 1e-12 (same predictions)
      expect(Math.abs(c.roc.auc!.lower! - table[k]!.ci![0])).toBeLessThan(1e-12); // tolerance 1e-12
      expect(Math.abs(c.roc.auc!.upper! - table[k]!.ci![1])).toBeLessThan(1e-12); // tolerance 1e-12
    });
    // P(case side) is monotone in the polr linear predictor, so each AUC is pROC's of polr's own lp.
    (["ge2", "ge3", "eq4"] as const).forEach((key, k) => {
      expect(Math.abs(curves.cutoffRoc![k]!.roc.auc!.estimate! - ord.dichotomised_auc.lp_polr_default[key].auc)).toBeLessThan(1e-9); // tolerance 1e-9
    });
  });

  it("the operating point is the Youden threshold's sensitivity and specificity", () => {
    curves.cutoffRoc!.forEach((c, k) => {
      const cut = cutoffs[k]!;
      const truth = cutoffIndicator(codes, cut);
      const rows = Array.from({ length: codes.length }, (_, i) => Float64Array.from(probs.slice(4 * i, 4 * i + 4)));
      const y = youden(truth, cutoffProbability(rows, cut));
      expect(c.operating!.threshold).toBe(y.threshold);
      expect(c.operating!.chosenOn).toBe("Youden, apparent development predictions");
      expect(Math.abs(c.operating!.sensitivity.estimate! - y.sensitivity)).toBeLessThan(1e-12); // tolerance 1e-12
      expect(Math.abs(c.operating!.specificity.estimate! - y.specificity)).toBeLessThan(1e-12); // tolerance 1e-12
      expect(c.operating!.sensitivity.lower!).toBeLessThan(c.operating!.sensitivity.estimate!);
    });
  });
});
