import { harmonizationTables } from "./charts/harmonizationReport.js";
import { missingPatterns } from "../core/describe.js";
import { sig } from "./charts/common.js";
import { metricLabel } from "./charts/optimism.js";
import { est, internalEstimateName, num, slug } from "./format.js";
import type { ReportTable, TableCell } from "./model.js";
import { outcomeKindTables } from "./outcomeKindTables.js";
import { incrementalTables } from "./incrementalTables.js";
import type { PerformanceMetrics, StudyResults } from "./results.js";

const table = (id: string, title: string, columns: string[], rows: TableCell[][], note: string | null = null): ReportTable => ({ id, title, columns, rows, note });

/** Metrics shown in performance tables, in order. */
/** Id of a model's recipe-constants table. */
export const recipeTableId = (model: string): string => `recipe-${slug(model)}`;

/** Every constant the final model's recipe applies, per raw feature: fill value, centre, SD, and which selection steps kept it. */
function recipeTable(m: StudyResults["models"][number]): ReportTable | null {
  const steps = m.final.recipe;
  if (!steps.length) return null;
  const features = [...new Set(steps.flatMap((s) => s.features))];
  const impute = steps.find((s) => s.type === "impute");
  const scale = steps.find((s) => s.type === "standardize");
  const selections = steps.filter((s) => s.type === "select");
  const value = (step: typeof impute, values: readonly number[] | null | undefined, f: string): TableCell => {
    const j = step ? step.features.indexOf(f) : -1;
    return j >= 0 && values ? values[j]! : null;
  };
  const rows: TableCell[][] = features.map((f) => [
    f,
    value(impute, impute?.values, f),
    value(scale, scale?.values, f),
    value(scale, scale?.scale, f),
    ...selections.map((s) => (s.features.includes(f) ? "kept" : "dropped")),
  ]);
  const order = steps.map((s) => (s.type === "select" ? `${s.step} (selection)` : s.type === "impute" ? `${s.step} imputation` : "standardisation")).join(" → ");
  return table(
    recipeTableId(m.id),
    `Recipe constants: ${m.label}`,
    ["Feature", "Imputation value", "Centre (mean)", "Divisor (SD)", ...selections.map((s) => String(s.step))],
    rows,
    `Learnt on the development rows by the final fit, applied in this order: ${order}. Standardised value = (value − centre) / divisor.`,
  );
}

const PERFORMANCE_COLUMNS: ReadonlyArray<keyof PerformanceMetrics> = ["auc", "brier", "calibrationIntercept", "calibrationSlope", "eavg", "e90", "emax", "r2Nagelkerke"];

function performanceCells(m: PerformanceMetrics): TableCell[] {
  return PERFORMANCE_COLUMNS.map((k) => est(m[k]));
}

export { missingPatterns, type MissingPattern } from "../core/describe.js";

/** A tuned value for a person: numbers to 3 significant digits, arrays joined, absent as "default". */
function tunedValue(v: unknown): string {
  if (v === null || v === undefined) return "default";
  if (typeof v === "number") return sig(v);
  if (Array.isArray(v)) return v.map(tunedValue).join("/");
  return String(v);
}

/** Id of the coefficient (or importance / hyperparameter) table of a model. */
export const modelTableId = (model: string) => `model-${slug(model)}`;

/**
 * Every table of the report, built from the results. Ids: cohorts, sites,
 * missing, reliability, clusters, preprocessing, models, model-<id>,
 * performance, folds-<id>, heterogeneity, updating, case-mix, subgroups,
 * thresholds. Tables without data are omitted.
 */
export function buildTables(results: StudyResults): ReportTable[] {
  const tables: ReportTable[] = [];
  const label = (id: string) => results.models.find((m) => m.id === id)?.label ?? id;

  tables.push(
    table(
      "cohorts",
      "Cohorts (data sources)",
      ["Cohort", "Role", "Source", "Patients", "Events", "Prevalence", "First date", "Last date", "Sites", "Rows with missing values"],
      results.cohorts.map((c) => [
        c.name,
        c.role === "external" && c.design ? `external (${c.design})` : c.role,
        c.sourceFile,
        c.n,
        c.events,
        c.n > 0 ? c.events / c.n : null,
        c.firstDate,
        c.lastDate,
        c.sites.length || null,
        c.missing?.rowsWithMissing ?? null,
      ]),
    ),
  );

  const siteRows = results.cohorts.flatMap((c) => c.sites.map((s): TableCell[] => [c.name, s.site, s.n, s.events, s.n > 0 ? s.events / s.n : null, s.firstDate, s.lastDate]));
  if (siteRows.length) tables.push(table("sites", "Sites (centres)", ["Cohort", "Site", "Patients", "Events", "Prevalence", "First date", "Last date"], siteRows));

  const missingRows = results.cohorts.flatMap((c) => missingPatterns(c.missing?.byFeature ?? {}).map((p): TableCell[] => [c.name, p.features.length, p.missing, c.n > 0 ? p.missing / c.n : null, p.features.join(", ")]));
  if (missingRows.length) {
    tables.push(
      table(
        "missing",
        "Missing values by feature (features sharing a count collapsed)",
        ["Cohort", "Features", "Missing per feature", "Proportion", "Which features"],
        missingRows,
        "Features of a cohort with the same number of missing values are one row (typically the same rows: e.g. every feature of an image that failed); features with no missing value are not listed.",
      ),
    );
  }

  const rel = results.dataPreparation.reliability;
  if (rel) {
    const rows = [...rel.features].sort((a, b) => b.value - a.value).map((f): TableCell[] => [f.feature, f.value, f.lower, f.upper, f.band, f.kept ? "kept" : "dropped"]);
    tables.push(table("reliability", `Feature reliability (${rel.measure}; kept when ${rel.rule === "lowerBound" ? "the lower 95% bound" : "the estimate"} ≥ ${rel.cut})`, ["Feature", rel.measure, "Lower 95%", "Upper 95%", "Band (Koo & Li 2016)", "Decision"], rows));
  }
  const red = results.dataPreparation.redundancy;
  if (red) {
    tables.push(
      table(
        "clusters",
        `Redundancy clusters (${red.correlation} |r| ≥ ${red.threshold}, ${red.linkage} linkage; representative: ${red.representativeRule})`,
        ["Cluster", "Representative", "Size", "Members", "Mean |r|"],
        red.clusters.map((c) => [c.id, c.representative, c.members.length, c.members.join(", "), c.meanAbsR]),
        "Fit on the full development data; inside each resampling split the clustering is refit on that split's analysis rows.",
      ),
    );
  }
  if (results.dataPreparation.steps.length) {
    tables.push(
      table(
        "preprocessing",
        "Preprocessing steps (in order)",
        ["Step", "Description", "Features in", "Features out"],
        results.dataPreparation.steps.map((s) => [s.type, s.description, s.inputFeatures, s.outputFeatures]),
        results.dataPreparation.refitInEverySplit ? "Every step is fit on analysis rows only and refit inside every resampling split." : null,
      ),
    );
  }
  tables.push(...harmonizationTables(results));

  if (results.models.length) {
    tables.push(
      table(
        "models",
        "Models",
        ["Model", "Family", "Engine", "Tuning", "Selected", "Features", "Training patients", "Training events"],
        results.models.map((m) => [
          m.label,
          m.model,
          m.engine,
          m.tuning ? `${m.tuning.method}, ${m.tuning.scheme}, metric ${m.tuning.metric}${m.tuning.candidates !== null ? `, ${m.tuning.candidates} candidates` : ""}${m.tuning.nested ? " (nested)" : ""}` : "none",
          m.tuning ? Object.entries(m.tuning.selected).map(([k, v]) => `${k} = ${tunedValue(v)}`).join(", ") : null,
          m.final.featureNames.length,
          m.final.nObservations,
          m.final.nEvents,
        ]),
      ),
    );
  }
  for (const m of results.models) {
    const f = m.final;
    const rows: TableCell[][] = [];
    if (f.rawScale) {
      const unit = f.rawScale.scale === "log-hazard" ? "log hazard ratio" : "log-odds";
      rows.push(["(intercept)", `raw-scale ${f.rawScale.scale === "log-hazard" ? "constant of the linear predictor" : "coefficient (log-odds)"}`, f.rawScale.intercept]);
      for (const c of f.rawScale.coefficients) rows.push([c.feature, `raw-scale coefficient (${unit} per unit)`, c.value]);
      if (f.rawScale.baselineSurvival !== undefined && f.rawScale.baselineSurvival !== null) rows.push([`S₀(${f.rawScale.horizon})`, "baseline survival at the horizon (lp = 0)", f.rawScale.baselineSurvival]);
    }
    if (f.coefficients) {
      const kind = f.rawScale ? "coefficient, model input scale" : "coefficient";
      if (f.intercept !== null) rows.push(["(intercept)", kind, f.intercept]);
      for (const c of f.coefficients) rows.push([c.feature, kind, c.value]);
    }
    if (f.importances) for (const c of f.importances) rows.push([c.feature, `importance${f.importanceMethod ? ` (${f.importanceMethod})` : ""}`, c.value]);
    for (const [k, v] of Object.entries(f.hyperparameters)) rows.push([k, "hyperparameter", typeof v === "number" ? v : v === null || v === undefined ? "default" : Array.isArray(v) ? v.join(", ") : String(v)]);
    if (f.supportVectors !== null) rows.push(["support vectors", "count", f.supportVectors]);
    const note = [
      f.rawScale
        ? f.rawScale.scale === "log-hazard"
          ? "Raw scale: linear predictor lp = constant + Σ coefficient × value as measured (missing values first replaced by the imputation values, recipe table); risk by the horizon = 1 − S₀^exp(lp)."
          : "Raw scale: logit P(event) = intercept + Σ coefficient × value as measured, missing values first replaced by the imputation values (recipe table)."
        : null,
      f.coefficients && f.coefficientScale ? `Model input scale: the same model on ${f.coefficientScale}.` : null,
      !f.coefficients ? "Non-linear model: its full specification is the serialised model, applied with `radval predict`." : null,
      f.modelFile ? `Serialised model (recipe constants + parameters): ${f.modelFile}, model id "${m.id}".` : null,
    ]
      .filter((s) => s !== null)
      .join(" ");
    tables.push(table(modelTableId(m.id), `Full specification: ${m.label}`, ["Term", "Kind", "Value"], rows, note || null));
    const recipe = recipeTable(m);
    if (recipe) tables.push(recipe);
  }

  for (const iv of results.internalValidation?.models ?? []) {
    const s = iv.selection;
    if (!s) continue;
    tables.push(
      table(
        `selection-${slug(iv.model)}`,
        `Selection stability: ${label(iv.model)}`,
        ["Feature", "Selected in (% of refits)", "In final model"],
        s.features.map((f) => [f.feature, Math.round(1000 * f.frequency) / 10, f.inFinal ? "yes" : "no"]),
        `${s.refits} refits of the whole workflow in internal validation (bootstrap replicates and CV splits); ${s.interceptOnly} (${Math.round((100 * s.interceptOnly) / s.refits)}%) kept no feature. A final-model feature selected in fewer than half of the refits is not a stable finding.`,
      ),
    );
  }

  const perfRows: TableCell[][] = [];
  for (const iv of results.internalValidation?.models ?? []) {
    perfRows.push([label(iv.model), `${results.internalValidation!.cohort}: apparent`, ...performanceCells(iv.apparent)]);
    perfRows.push([label(iv.model), `${results.internalValidation!.cohort}: ${internalEstimateName(results.internalValidation!.scheme)}`, ...performanceCells(iv.corrected)]);
  }
  for (const e of results.externalValidation) {
    const heldOut = e.site !== null && results.cohorts.find((c) => c.name === e.cohort)?.role === "development";
    const where = e.site === null ? e.cohort : heldOut ? `site ${e.site} held out of ${e.cohort}` : `${e.cohort}, site ${e.site}`;
    perfRows.push([label(e.model), `${where} (n ${e.n}, ${e.events} events)`, ...performanceCells(e.metrics)]);
  }
  for (const p of results.leaveOneSiteOutPooled) {
    perfRows.push([label(p.model), `all ${p.sites.length} sites held out in turn, predictions pooled (n ${p.n}, ${p.events} events)`, ...performanceCells(p.metrics)]);
  }
  if (perfRows.length) {
    tables.push(table("performance", "Performance (95% CI)", ["Model", "Data", ...PERFORMANCE_COLUMNS.map(metricLabel)], perfRows, results.internalValidation ? `Internal validation: ${results.internalValidation.description}.` : null));
  }
  for (const iv of results.internalValidation?.models ?? []) {
    if (!iv.folds.length) continue;
    tables.push(
      table(
        `folds-${slug(iv.model)}`,
        `Per-split results: ${label(iv.model)}`,
        ["Split", "Analysis n", "Analysis events", "Assessment n", "Assessment events", "AUC", "Calibration slope", "Brier"],
        iv.folds.map((f) => [f.split, f.nAnalysis, f.eventsAnalysis, f.nAssessment, f.eventsAssessment, f.auc, f.calibrationSlope, f.brier]),
      ),
    );
  }

  if (results.heterogeneity.length) {
    const rows: TableCell[][] = [];
    for (const h of results.heterogeneity) {
      for (const s of h.sites) rows.push([label(h.model), metricLabel(h.metric), s.site, s.n, s.events, est({ estimate: s.estimate, lower: s.lower, upper: s.upper, level: null, method: null })]);
      rows.push([
        label(h.model),
        metricLabel(h.metric),
        `pooled (${h.method})`,
        h.sites.reduce((t, s) => t + s.n, 0),
        h.sites.reduce((t, s) => t + s.events, 0),
        `${est(h.pooled)}${h.prediction ? `; PI ${num(h.prediction.lower)}–${num(h.prediction.upper)}` : ""}; τ² ${num(h.tau2, 4)}; I² ${h.i2 === null ? "—" : `${(100 * h.i2).toFixed(0)}%`}`,
      ]);
    }
    tables.push(table("heterogeneity", "Heterogeneity across sites (random-effects meta-analysis)", ["Model", "Metric", "Site", "Patients", "Events", "Estimate (95% CI)"], rows, `Design: ${results.heterogeneity[0]!.design}. PI: 95% prediction interval for a new site.`));
  }

  if (results.updating.length) {
    tables.push(
      table(
        "updating",
        "Model updating",
        ["Model", "Cohort", "Method", "Updated parameters", "AUC before", "AUC after", "Slope before", "Slope after", "Intercept before", "Intercept after"],
        results.updating.map((u) => [
          label(u.model),
          u.cohort,
          u.method,
          Object.entries(u.parameters).map(([k, v]) => `${k} ${v === null || v === undefined ? "—" : sig(v)}`).join(", "),
          est(u.before.auc),
          est(u.after.auc),
          est(u.before.calibrationSlope),
          est(u.after.calibrationSlope),
          est(u.before.calibrationIntercept),
          est(u.after.calibrationIntercept),
        ]),
        [...new Set(results.updating.map((u) => u.evaluation).filter((s) => s !== null))].join(" ") || null,
      ),
    );
  }

  for (const c of results.caseMix) {
    const rows: TableCell[][] = [["(outcome prevalence)", c.referencePrevalence, c.cohortPrevalence, null]];
    for (const s of [...c.smd].sort((a, b) => Math.abs(b.smd) - Math.abs(a.smd))) rows.push([s.feature, s.referenceMean, s.cohortMean, s.smd]);
    tables.push(
      table(`case-mix-${slug(c.cohort)}`, `Case mix: ${c.cohort} vs ${c.reference}`, ["Variable", `${c.reference} mean`, `${c.cohort} mean`, "SMD"], rows, c.membershipAuc !== null ? `Cohort-membership model AUC ${num(c.membershipAuc)} (0.5 = indistinguishable case mix).` : null),
    );
  }

  if (results.subgroups.length) {
    tables.push(
      table(
        "subgroups",
        "Performance in subgroups (95% CI)",
        ["Model", "Cohort", "Variable", "Level", "Patients", "Events", "AUC", "Calibration slope", "Calibration intercept"],
        results.subgroups.map((g) => [label(g.model), g.cohort, g.variable, g.level, g.n, g.events, est(g.metrics.auc), est(g.metrics.calibrationSlope), est(g.metrics.calibrationIntercept)]),
      ),
    );
  }
  if (results.modelOutput?.thresholds.length) {
    tables.push(
      table(
        "thresholds",
        "Classification thresholds",
        ["Model", "Threshold", "Rule", "Sensitivity", "Specificity"],
        results.modelOutput.thresholds.map((t) => [label(t.model), t.threshold, t.rule, t.sensitivity, t.specificity]),
      ),
    );
  }
  tables.push(...outcomeKindTables(results), ...incrementalTables(results));
  return tables;
}
