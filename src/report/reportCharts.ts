import { calibrationChart } from "./charts/calibration.js";
import { coefficientPathChart } from "./charts/coefficientPath.js";
import { CORRELATION_CHART_MAX_FEATURES, correlationChart } from "./charts/correlation.js";
import { decisionCurveChart } from "./charts/decisionCurve.js";
import { forestChart } from "./charts/forest.js";
import { harmonizationCharts } from "./charts/harmonizationReport.js";
import { ICC_CHART_MAX_FEATURES, iccChart } from "./charts/icc.js";
import { optimismChart } from "./charts/optimism.js";
import { rocChart } from "./charts/roc.js";
import { selectionChart } from "./charts/selection.js";
import { internalEstimateName, slug } from "./format.js";
import type { ReportChart } from "./model.js";
import { outcomeKindCharts } from "./outcomeKindCharts.js";
import type { StudyResults } from "./results.js";

/**
 * Every chart of the report, built from the results. Ids: icc, correlation,
 * path-<model>, roc-internal, calibration-internal-<model>, decision-internal,
 * optimism-<model>, roc-external-<cohort>, calibration-external-<cohort>-<model>,
 * decision-external-<cohort>, forest-<model>. Charts without data are omitted.
 */
export function buildCharts(results: StudyResults): ReportChart[] {
  const charts: ReportChart[] = [];
  const label = (id: string) => results.models.find((m) => m.id === id)?.label ?? id;
  const rel = results.dataPreparation.reliability;
  if (rel && rel.features.length) {
    charts.push({ id: "icc", title: "Feature reliability", caption: `${rel.measure} per feature with its 95% CI${rel.sourceFile ? ` (${rel.sourceFile})` : ""}, sorted; the dashed line is the cut-off, features in red were dropped${rel.features.length > ICC_CHART_MAX_FEATURES ? "; with many features, those nearest the cut-off are drawn and the reliability table lists all" : ""}.`, spec: iccChart(rel) });
  }
  const red = results.dataPreparation.redundancy;
  const corr = red ? correlationChart(red) : null;
  if (red && corr) {
    charts.push({ id: "correlation", title: "Feature correlation and clustering", caption: (red.matrix?.features.length ?? 0) > CORRELATION_CHART_MAX_FEATURES ? `${red.correlation} correlations among the representatives of the largest clusters, in ${red.linkage}-linkage clustering order (too many features to name each: the clusters table lists every member).` : `${red.correlation} correlations of the candidate features ordered by ${red.linkage}-linkage clustering; the dashed line cuts the tree at |r| = ${red.threshold}.`, spec: corr });
  }
  charts.push(...harmonizationCharts(results));
  charts.push(...outcomeKindCharts(results));
  for (const m of results.models) {
    if (m.path) charts.push({ id: `path-${slug(m.id)}`, title: `Coefficient path: ${m.label}`, caption: `Coefficient path and ${m.path.measure} cross-validation curve; chosen λ by ${m.path.chosenRule} (final fit on all development data).`, spec: coefficientPathChart(m.path, { title: `Elastic-net path and tuning: ${m.label}` }) });
  }
  const iv = results.internalValidation;
  if (iv) {
    const curves = iv.models.filter((m) => m.roc).map((m) => ({ label: label(m.model), roc: m.roc!, auc: m.roc!.auc ?? null }));
    if (curves.length) charts.push({ id: "roc-internal", title: "ROC curves, internal validation", caption: `Out-of-sample ROC curves (${iv.folds ? "pooled out-of-fold predictions of the first cross-validation repeat" : "each patient's mean out-of-bag bootstrap prediction"}); legend: the AUC of each drawn curve (95% DeLong CI); shaded: 95% bootstrap band. The ${internalEstimateName(iv.scheme)} AUC is in the performance table.`, spec: rocChart(curves, { title: "ROC curves: internal validation" }) });
    for (const m of iv.models) {
      if (m.calibration) charts.push({ id: `calibration-internal-${slug(m.model)}`, title: `Calibration, internal validation: ${label(m.model)}`, caption: `Out-of-sample calibration of ${label(m.model)}; subtitle: ${internalEstimateName(iv.scheme)} intercept and slope.`, spec: calibrationChart(m.calibration, { title: `Calibration: ${label(m.model)} (internal)`, slope: m.corrected.calibrationSlope, intercept: m.corrected.calibrationIntercept }) });
    }
    const dca = iv.models.filter((m) => m.decisionCurve.length).map((m) => ({ label: label(m.model), rows: m.decisionCurve }));
    if (dca.length) charts.push({ id: "decision-internal", title: "Decision curve, internal validation", caption: "Net benefit of the models' out-of-sample predictions against treating all and treating none.", spec: decisionCurveChart(dca, { title: "Decision curve: internal validation" }) });
    for (const m of iv.models) {
      if (m.selection && m.selection.refits > 0 && m.selection.features.length > 0) charts.push({ id: `selection-${slug(m.model)}`, title: `Selection stability: ${label(m.model)}`, caption: `How often each feature of ${label(m.model)} was selected across the ${m.selection.refits} refits of internal validation; a final-model feature below 50% is not a stable finding.`, spec: selectionChart(m.selection, { title: `Selection stability: ${label(m.model)}` }) });
      if (m.optimism.length) charts.push({ id: `optimism-${slug(m.model)}`, title: `Optimism: ${label(m.model)}`, caption: `Bootstrap optimism of ${label(m.model)} per metric; the corrected estimate is the apparent one minus the mean optimism.`, spec: optimismChart(m.optimism, { title: `Optimism distribution: ${label(m.model)}` }) });
    }
  }
  const externalCohorts = [...new Set(results.externalValidation.filter((e) => e.site === null).map((e) => e.cohort))];
  for (const cohort of externalCohorts) {
    const rows = results.externalValidation.filter((e) => e.cohort === cohort && e.site === null);
    const curves = rows.filter((e) => e.roc).map((e) => ({ label: label(e.model), roc: e.roc!, auc: e.roc!.auc ?? e.metrics.auc }));
    if (curves.length) charts.push({ id: `roc-external-${slug(cohort)}`, title: `ROC curves, ${cohort}`, caption: `ROC curves in the external cohort ${cohort}; legend: AUC (95% CI).`, spec: rocChart(curves, { title: `ROC curves: ${cohort}` }) });
    for (const e of rows) {
      if (e.calibration) charts.push({ id: `calibration-external-${slug(cohort)}-${slug(e.model)}`, title: `Calibration, ${cohort}: ${label(e.model)}`, caption: `Calibration of ${label(e.model)} in ${cohort} (before any updating).`, spec: calibrationChart(e.calibration, { title: `Calibration: ${label(e.model)} in ${cohort}`, slope: e.metrics.calibrationSlope, intercept: e.metrics.calibrationIntercept }) });
    }
    const dca = rows.filter((e) => e.decisionCurve.length).map((e) => ({ label: label(e.model), rows: e.decisionCurve }));
    if (dca.length) charts.push({ id: `decision-external-${slug(cohort)}`, title: `Decision curve, ${cohort}`, caption: `Net benefit in ${cohort} against treating all and treating none.`, spec: decisionCurveChart(dca, { title: `Decision curve: ${cohort}` }) });
  }
  const pooled = results.leaveOneSiteOutPooled;
  if (pooled.length) {
    const what = `each patient predicted by the model fitted without their site (${pooled[0]!.sites.length} sites held out in turn), predictions pooled`;
    const curves = pooled.filter((p) => p.roc).map((p) => ({ label: label(p.model), roc: p.roc!, auc: p.roc!.auc ?? p.metrics.auc }));
    if (curves.length) charts.push({ id: "roc-loso", title: "ROC curves, leave-one-site-out", caption: `ROC curves, ${what}; legend: the AUC of each drawn curve (95% DeLong CI); shaded: 95% bootstrap band.`, spec: rocChart(curves, { title: "ROC curves: leave-one-site-out (pooled)" }) });
    for (const p of pooled) {
      if (p.calibration) charts.push({ id: `calibration-loso-${slug(p.model)}`, title: `Calibration, leave-one-site-out: ${label(p.model)}`, caption: `Calibration of ${label(p.model)}, ${what}.`, spec: calibrationChart(p.calibration, { title: `Calibration: ${label(p.model)} (leave-one-site-out)`, slope: p.metrics.calibrationSlope, intercept: p.metrics.calibrationIntercept }) });
    }
    const dca = pooled.filter((p) => p.decisionCurve.length).map((p) => ({ label: label(p.model), rows: p.decisionCurve }));
    if (dca.length) charts.push({ id: "decision-loso", title: "Decision curve, leave-one-site-out", caption: `Net benefit, ${what}.`, spec: decisionCurveChart(dca, { title: "Decision curve: leave-one-site-out (pooled)" }) });
  }
  const hetModels = [...new Set(results.heterogeneity.map((h) => h.model))];
  for (const model of hetModels) {
    const rows = results.heterogeneity.filter((h) => h.model === model);
    charts.push({ id: `forest-${slug(model)}`, title: `Across sites: ${label(model)}`, caption: `Per-site estimates of ${label(model)} with the pooled random-effects estimate (diamond).`, spec: forestChart(rows, { title: `Performance across sites: ${label(model)}` }) });
  }
  return charts;
}
