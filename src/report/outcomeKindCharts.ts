import { confusionChart } from "./charts/confusion.js";
import { formatEstimate, sig } from "./charts/common.js";
import { decisionCurveChart } from "./charts/decisionCurve.js";
import { kaplanMeierChart } from "./charts/kaplanMeier.js";
import { rocChart } from "./charts/roc.js";
import { survivalCalibrationChart } from "./charts/survivalCalibration.js";
import { slug } from "./format.js";
import type { ReportChart } from "./model.js";
import type { KindCohortEvaluation, StudyResults } from "./results.js";

const groupName = (g: number, k: number) => (k === 3 ? (["Low risk", "Intermediate risk", "High risk"][g - 1] ?? `Group ${g}`) : `Group ${g}`);
const pValue = (p: number) => (p < 0.001 ? "p < 0.001" : `p = ${sig(p, 2)}`);

/**
 * The charts of an ordinal, nominal or survival study, read from
 * `results.outcomeValidation` (empty for binary studies). Per cohort (the
 * development rows, the cross-validated pooled predictions, each external
 * cohort). Survival: Kaplan–Meier curves of the risk groups per model
 * (km-<cohort>-<model>), the time-dependent ROC curves at the horizon of all
 * models (time-roc-<cohort>), calibration at the horizon per model
 * (horizon-calibration-<cohort>-<model>) and the decision curve at the
 * horizon (horizon-decision-<cohort>). Ordinal / nominal: the ROC curve of
 * each cut-off per model (cutoff-roc-<cohort>-<model>) and the confusion
 * matrix (confusion-matrix-<cohort>-<model>). Every legend value is that of
 * the drawn curve.
 */
export function outcomeKindCharts(results: StudyResults): ReportChart[] {
  const v = results.outcomeValidation;
  if (!v) return [];
  const label = (id: string) => results.models.find((m) => m.id === id)?.label ?? id;
  const horizon = results.outcomeKind?.horizon;
  const timeTitle = results.outcomeKind?.timeColumn ? `Time (${results.outcomeKind.timeColumn})` : "Time";
  const ordered = (m: (typeof v.models)[number]): KindCohortEvaluation[] => [m.cohorts[0]!, ...(m.crossValidated ? [m.crossValidated] : []), ...m.cohorts.slice(1)].filter((e) => e !== undefined && e.notEstimable === null);
  const cohortNames = [...new Set(v.models.flatMap((m) => ordered(m).map((e) => e.cohort)))];
  const what = (cohort: string) => (cohort === v.cohort ? `${cohort} (apparent: the final model on the rows it was fitted on)` : cohort.endsWith("(cross-validated)") ? `${cohort}: pooled out-of-fold predictions of the first cross-validation repeat` : `${cohort} (external: the final model unchanged)`);
  const charts: ReportChart[] = [];
  for (const cohort of cohortNames) {
    const rows = v.models.flatMap((m) => ordered(m).filter((e) => e.cohort === cohort).map((e) => ({ model: m.model, e })));
    if (v.kind === "survival") {
      for (const { model, e } of rows) {
        const km = e.curves?.riskGroupKm;
        const rg = e.survival?.riskGroups;
        if (!km?.length || !rg) continue;
        const groups = km.map((g) => {
          const hr = rg.hazardRatios.find((h) => h.group === g.group);
          return { label: `${groupName(g.group, km.length)}: ${g.n} patients, ${g.events} events${hr ? `; HR ${formatEstimate(hr.estimate, hr.lower, hr.upper, 2)}` : "; reference"}`, points: g.points };
        });
        const subtitle = `Tertiles of the linear predictor; log-rank χ² ${sig(rg.logRank.chisq)} (${rg.logRank.df} df), ${pValue(rg.logRank.p)}; HR vs low risk (Cox, 95% CI)`;
        charts.push({
          id: `km-${slug(cohort)}-${slug(model)}`,
          title: `Kaplan–Meier curves by risk group, ${cohort}: ${label(model)}`,
          caption: `Kaplan–Meier survival of the risk groups of ${label(model)} (tertiles of the cohort's own linear predictor) in ${what(cohort)}; legend: patients, events and hazard ratio vs the low-risk group (95% CI); log-rank test across groups in the subtitle; dashed line: the horizon.`,
          spec: kaplanMeierChart(groups, { title: `Kaplan–Meier by risk group: ${label(model)}, ${cohort}`, subtitle, ...(horizon !== undefined ? { horizon } : {}), timeTitle }),
        });
      }
      const rocs = rows.filter(({ e }) => e.curves?.timeRoc && e.survival?.horizon).map(({ model, e }) => {
        const t = e.curves!.timeRoc!;
        const h = e.survival!.horizon!.auc;
        return { label: label(model), roc: { points: t.points, band: null, bandMethod: null }, auc: { estimate: t.auc, lower: h.lower, upper: h.upper, level: 0.95, method: "influence function (riskRegression::Score)" } };
      });
      if (rocs.length) {
        charts.push({
          id: `time-roc-${slug(cohort)}`,
          title: `Time-dependent ROC at t = ${horizon ?? "?"}, ${cohort}`,
          caption: `Cumulative/dynamic ROC curves of the predicted risk by t = ${horizon ?? "?"} in ${what(cohort)}: cases had the event by t (weight 1/G(T−)), controls were event-free at t (weight 1/G(t)), subjects censored before t weigh 0 (IPCW, Kaplan–Meier censoring distribution); legend: the area under each drawn curve, which is AUC(t) of the performance table, with its 95% CI.`,
          spec: rocChart(rocs, { title: `Time-dependent ROC at t = ${horizon ?? "?"}: ${cohort}`, subtitle: "Cumulative/dynamic, inverse probability of censoring weights" }),
        });
      }
      for (const { model, e } of rows) {
        const c = e.survival?.horizon?.calibration;
        if (!c?.groups.length) continue;
        const subtitle = `Deciles of predicted risk, 95% Greenwood CIs; calibration slope ${c.slope ? `${sig(c.slope.estimate)} (SE ${sig(c.slope.se, 2)})` : "—"}; observed/expected ${sig(c.observedExpectedRatio)}`;
        charts.push({
          id: `horizon-calibration-${slug(cohort)}-${slug(model)}`,
          title: `Calibration at t = ${c.time}, ${cohort}: ${label(model)}`,
          caption: `Mean predicted risk by t = ${c.time} against the observed risk 1 − Kaplan–Meier(t) per decile group of predicted risk, with Greenwood 95% CIs, in ${what(cohort)}; slope: coefficient of the linear predictor in a Cox model of the cohort (1 = ideal).`,
          spec: survivalCalibrationChart(c.groups, { title: `Calibration at t = ${c.time}: ${label(model)}, ${cohort}`, subtitle, horizon: c.time }),
        });
      }
      const dca = rows.filter(({ e }) => e.survival?.horizon?.decisionCurve?.length).map(({ model, e }) => ({ label: label(model), rows: e.survival!.horizon!.decisionCurve!.map((r) => ({ ...r, interventionsAvoided: null })) }));
      if (dca.length) {
        charts.push({
          id: `horizon-decision-${slug(cohort)}`,
          title: `Decision curve at t = ${horizon ?? "?"}, ${cohort}`,
          caption: `Net benefit at t = ${horizon ?? "?"} of treating patients whose predicted risk exceeds the threshold, with the observed risk by t from Kaplan–Meier, against treating all and treating none, in ${what(cohort)}.`,
          spec: decisionCurveChart(dca, { title: `Decision curve at t = ${horizon ?? "?"}: ${cohort}` }),
        });
      }
    } else {
      for (const { model, e } of rows) {
        const cutoffRoc = e.curves?.cutoffRoc;
        if (cutoffRoc?.length) {
          charts.push({
            id: `cutoff-roc-${slug(cohort)}-${slug(model)}`,
            title: `ROC curves per cut-off, ${cohort}: ${label(model)}`,
            caption: `ROC curve of each cut-off's cumulative probability P(case side) of ${label(model)} in ${what(cohort)}; legend: the AUC of each drawn curve (95% DeLong CI); sensitivity and specificity at the chosen thresholds are in the operating-point table.`,
            spec: rocChart(cutoffRoc.map((c) => ({ label: c.cutoff, roc: c.roc, auc: c.roc.auc ?? null })), { title: `ROC per cut-off: ${label(model)}, ${cohort}` }),
          });
        }
        const conf = e.levels?.confusion;
        if (conf) {
          charts.push({
            id: `confusion-matrix-${slug(cohort)}-${slug(model)}`,
            title: `Confusion matrix, ${cohort}: ${label(model)}`,
            caption: `Observed level × ${conf.predicted} of ${label(model)} in ${what(cohort)}; each cell: count and share of the observed level (row percentage), shaded by that share.`,
            spec: confusionChart(conf.levels, conf.table, { title: `Confusion matrix: ${label(model)}, ${cohort}`, predictedTitle: `Predicted level (${conf.predicted})` }),
          });
        }
      }
    }
  }
  return charts;
}
