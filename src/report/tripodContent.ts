import { HARMONIZATION_CHART_IDS, harmonizationSentence } from "./charts/harmonizationReport.js";
import { metricLabel } from "./charts/optimism.js";
import type { FlagReport } from "./flags.js";
import { est, internalEstimateName, linearFormula, listText, modelEquation, num, pct, plural, sig, slug, validationSetName } from "./format.js";
import type { ReportChart, ReportTable } from "./model.js";
import type { CohortResult, StudyResults } from "./results.js";
import { modelTableId, recipeTableId } from "./tables.js";
import { cohortLevelsText, kindMeasureLines, kindModelOutputLine, kindOutcomeLines, kindPerformanceLine } from "./tripodKinds.js";

/** What radval fills for one item, and whether that alone answers the data side of the item. */
export interface ItemContent {
  readonly radval: string[];
  /** True when the results hold what radval's part of the item needs. */
  readonly complete: boolean;
  readonly tables: string[];
  readonly charts: string[];
  readonly checks: string[];
}

/** Everything the item fillers read. */
export interface ContentContext {
  readonly results: StudyResults;
  readonly flags: FlagReport;
  readonly tables: readonly ReportTable[];
  readonly charts: readonly ReportChart[];
}

type Filler = (ctx: ContentContext) => ItemContent;

const content = (radval: string[], complete: boolean, refs: { tables?: string[]; charts?: string[]; checks?: string[] } = {}): ItemContent => ({
  radval,
  complete,
  tables: refs.tables ?? [],
  charts: refs.charts ?? [],
  checks: refs.checks ?? [],
});
const none = (): ItemContent => content([], false);

/** Keeps only references that exist in the report. */
function have(ctx: ContentContext, kind: "tables" | "charts", ids: string[]): string[] {
  const known = new Set(ctx[kind].map((x) => x.id));
  return ids.filter((id) => known.has(id));
}
const chartIds = (ctx: ContentContext, prefix: string) => ctx.charts.filter((c) => c.id.startsWith(prefix)).map((c) => c.id);
const label = (r: StudyResults, id: string) => r.models.find((m) => m.id === id)?.label ?? id;
const roleText = (c: CohortResult) => (c.role === "external" ? `external${c.design && c.design !== "external" ? `, ${c.design}` : ""}` : "development");
const cohortText = (c: CohortResult) => `${c.name}${c.name === roleText(c) ? "" : ` (${roleText(c)})`}: ${plural(c.n, "patient")}, ${plural(c.events, "event")} (${pct(c.n ? c.events / c.n : null)})`;
const external = (r: StudyResults) => r.cohorts.filter((c) => c.role === "external");

/** " The optimism bootstrap is unreliable for this model (…): .632+ AUC 0.843." when the optimism-reliability check flagged the model, else "". */
const optimismCaveat = (ctx: ContentContext, model: string): string => {
  const flag = ctx.flags.checks.find((c) => c.id === "optimism-reliability" && c.model === model && c.status === "flag");
  if (!flag) return "";
  const { dot632plus, crossValidated } = flag.values;
  const better = dot632plus ?? crossValidated ?? null;
  const name = dot632plus !== null && dot632plus !== undefined ? ".632+" : "cross-validated";
  return ` The optimism bootstrap is unreliable for this model (see the automatic checks)${better === null ? "." : `: ${name} AUC ${num(better)}.`}`;
};

const abstract: Filler = (ctx) => {
  const r = ctx.results;
  const dev = r.cohorts.find((c) => c.role === "development");
  const lines: string[] = [];
  // Ordinal and nominal outcomes have no single event: each cohort is described by its cases per level.
  const describeCohort = (c: CohortResult) => cohortLevelsText(r.outcomeKind, c.name, c.n) ?? cohortText(c);
  if (dev) lines.push(`Development data: ${describeCohort(dev)}.`);
  for (const c of external(r)) lines.push(`External data: ${describeCohort(c)}.`);
  if (r.models.length) lines.push(`Models: ${listText(r.models.map((m) => m.label))}; ${r.predictors.candidates.length} candidate predictors.`);
  for (const m of r.internalValidation?.models ?? []) lines.push(`${label(r, m.model)}: ${internalEstimateName(r.internalValidation!.scheme)} AUC ${est(m.corrected.auc)}, calibration slope ${est(m.corrected.calibrationSlope)}.${optimismCaveat(ctx, m.model)}`);
  for (const e of r.externalValidation.filter((x) => x.site === null)) lines.push(`${label(r, e.model)} in ${e.cohort}: AUC ${est(e.metrics.auc)}, calibration slope ${est(e.metrics.calibrationSlope)}.`);
  return content(lines, false);
};

const dataSources: Filler = (ctx) =>
  content(
    ctx.results.cohorts.map((c) => `${cohortText(c)}${c.sourceFile ? `; source file ${c.sourceFile}` : ""}${c.sourceSha256 ? ` (SHA-256 ${c.sourceSha256.slice(0, 12)}…)` : ""}.`),
    false,
    { tables: have(ctx, "tables", ["cohorts"]) },
  );

const dates: Filler = (ctx) => {
  const dated = ctx.results.cohorts.filter((c) => c.firstDate !== null || c.lastDate !== null);
  if (!dated.length) return none();
  return content(
    dated.map((c) => `${c.name}: ${c.firstDate ?? "?"} to ${c.lastDate ?? "?"}${c.dateColumn ? ` (column ${c.dateColumn})` : ""}.`),
    true,
    { tables: have(ctx, "tables", ["cohorts", "sites"]) },
  );
};

const setting: Filler = (ctx) => {
  const withSites = ctx.results.cohorts.filter((c) => c.sites.length);
  if (!withSites.length) return content([`No site column: ${ctx.results.cohorts.length === 1 ? "one data source" : `${ctx.results.cohorts.length} data sources`}, centres not recorded.`], false);
  return content(
    withSites.map((c) => `${c.name}: ${plural(c.sites.length, "centre")} (${c.sites.map((s) => `${s.site} ${s.n}`).join(", ")}).`),
    false,
    { tables: have(ctx, "tables", ["sites"]) },
  );
};

const dataPreparation: Filler = (ctx) => {
  const p = ctx.results.dataPreparation;
  const lines: string[] = [];
  if (p.reliability) {
    const kept = p.reliability.features.filter((f) => f.kept);
    const dropped = p.reliability.features.length - kept.length;
    lines.push(
      `Reliability filter: ${p.reliability.measure} of each feature${p.reliability.sourceFile ? ` from ${p.reliability.sourceFile}` : ""}${p.reliability.nCases !== null ? ` (${p.reliability.nCases} cases × ${p.reliability.nRaters ?? "?"} readers/repeats)` : ""}; ${kept.length} of ${p.reliability.features.length} features with test-retest data kept (${p.reliability.rule === "lowerBound" ? "lower 95% bound" : "estimate"} ≥ ${p.reliability.cut}), ${dropped} dropped for low reliability.${reliabilityCoverage(p.reliability)}`,
    );
  }
  if (p.redundancy) {
    const r = p.redundancy;
    lines.push(`Redundancy reduction: ${r.linkage}-linkage hierarchical clustering on 1 − |${r.correlation} r|, cut at |r| ≥ ${r.threshold}: ${plural(r.clusters.length, "cluster")}, one representative each (${r.representativeRule}).`);
  }
  for (const s of p.steps) lines.push(`Step ${s.type}: ${s.description}${s.inputFeatures !== null && s.outputFeatures !== null ? ` (${s.inputFeatures} → ${s.outputFeatures} features)` : ""}.`);
  const harmonization = harmonizationSentence(ctx.results);
  if (harmonization) lines.push(harmonization);
  if (!lines.length) lines.push("No preprocessing steps were applied.");
  else if (p.refitInEverySplit) lines.push("Every fitted step was fit on analysis rows only and refit inside every resampling split (no leakage into assessment rows).");
  return content(lines, true, { tables: have(ctx, "tables", ["reliability", "clusters", "preprocessing", "harmonization"]), charts: have(ctx, "charts", ["icc", "correlation", ...HARMONIZATION_CHART_IDS]) });
};

const outcome: Filler = ({ results: r }) => {
  const kindLines = kindOutcomeLines(r.outcomeKind);
  if (kindLines) return content(kindLines, false);
  return content(
    [`Outcome column ${r.outcome.column}; event = "${r.outcome.positive}"${r.outcome.negative !== null ? `, non-event = "${r.outcome.negative}"` : ""}.`, ...r.cohorts.map((c) => `Prevalence in ${c.name}: ${pct(c.n ? c.events / c.n : null)} (${c.events}/${c.n}).`)],
    false,
  );
};

const predictorChoice: Filler = (ctx) => {
  const r = ctx.results;
  const p = r.predictors;
  const rel = r.dataPreparation.reliability;
  const lines = [`${p.available} feature columns were available${p.excluded.length ? `; excluded: ${p.excluded.join(", ")}` : ""}.`];
  if (rel) lines.push(`Pre-selection before model building, without the outcome: reliability filter (${rel.measure} ≥ ${rel.cut}) kept ${rel.features.filter((f) => f.kept).length}.`);
  lines.push(`${p.candidates.length} candidate predictors entered model building${p.candidateParameters !== null && p.candidateParameters !== p.candidates.length ? ` (${p.candidateParameters} candidate parameters)` : ""}; any further selection happened inside the resampled pipeline.`);
  return content(lines, true, { tables: have(ctx, "tables", ["reliability"]) });
};

const predictorDefinitions: Filler = ({ results: r }) => {
  const shown = r.predictors.candidates.slice(0, 30);
  return content([`Candidate predictors (${r.predictors.candidates.length}): ${shown.join(", ")}${r.predictors.candidates.length > shown.length ? `, … (${r.predictors.candidates.length - shown.length} more; all are listed in the JSON report)` : ""}.`], false);
};

const sampleSize: Filler = ({ flags }) => {
  const s = flags.sampleSize;
  if (!s) return content(["No development cohort or candidate predictors in the results: sample size not assessed."], false, { checks: ["epp-10", "epp-20"] });
  const lines = [`Development data: n = ${s.n}, ${s.events} events, ${s.parameters} candidate parameters, ${num(s.epp, 1)} events per candidate parameter (smaller outcome class).`];
  if (s.riley) {
    lines.push(
      `Riley et al. (2020) criteria with ${s.r2Source === "config" ? "the anticipated" : `the ${s.r2Source}`} Cox–Snell R² ${num(s.r2CoxSnell)}${s.model ? ` of ${s.model}` : ""}: (i) shrinkage ≥ 0.9 needs n ≥ ${s.riley.shrinkage.nRequired}; (ii) optimism ≤ 0.05 needs n ≥ ${s.riley.optimism.nRequired}; (iii) overall risk ± 0.05 needs n ≥ ${s.riley.intercept.nRequired}; minimum ${s.riley.required} (${num(s.riley.requiredEvents, 1)} events, EPP ${num(s.riley.requiredEpp, 1)}).`,
    );
  } else if (s.rileyNote) lines.push(`Riley criteria (i)–(ii) not computed: ${s.rileyNote}.`);
  return content(lines, false, { checks: ["epp-10", "epp-20", "riley-shrinkage", "riley-optimism", "riley-intercept"] });
};

const missingData: Filler = (ctx) => {
  const r = ctx.results;
  const lines = r.cohorts.map((c) => (c.missing ? `${c.name}: ${c.missing.cells} missing feature values in ${plural(c.missing.rowsWithMissing, "row")}; ${c.missing.outcomeMissingDropped} dropped for a missing outcome.` : `${c.name}: missing values not recorded.`));
  if (r.missingData) lines.push(`Handling: ${r.missingData.strategy}; ${plural(r.missingData.rowsDropped, "row")} dropped${r.missingData.details ? ` (${r.missingData.details})` : ""}.`);
  return content(lines, r.missingData !== null && r.cohorts.every((c) => c.missing !== null), { tables: have(ctx, "tables", ["missing"]) });
};

const dataUse: Filler = ({ results: r }) => {
  const lines: string[] = [];
  const dev = r.cohorts.filter((c) => c.role === "development");
  if (dev.length && r.models.length) lines.push(`Development: ${listText(dev.map((c) => c.name))}; the final models were fit on all development data.`);
  if (r.internalValidation) lines.push(`Internal validation: ${r.internalValidation.description}.`);
  for (const c of external(r)) lines.push(`${c.name} was used only to evaluate the frozen models${c.design ? ` (${c.design} validation)` : ""}.`);
  return content(lines, r.models.length > 0 && (r.internalValidation !== null || r.externalValidation.length > 0));
};

const predictorHandling: Filler = ({ results: r }) => {
  const lines = r.dataPreparation.steps.map((s) => `${s.type}: ${s.description}.`);
  for (const m of r.models) {
    if (m.final.coefficients) lines.push(`${m.label}: linear terms (no splines or interactions) on the preprocessed features.`);
    else lines.push(`${m.label}: ${m.model} uses the preprocessed features as they are (no functional form specified).`);
  }
  return content(lines, r.models.length > 0);
};

const modelBuilding: Filler = (ctx) => {
  const r = ctx.results;
  const lines = r.models.map((m) => `${m.label}: ${m.model} (engine ${m.engine})${m.tuning ? `, tuned by ${m.tuning.method} (${m.tuning.scheme}, metric ${m.tuning.metric}${m.tuning.nested ? ", nested inside every validation split" : ""})` : ", no tuning"}.`);
  if (r.internalValidation) lines.push(`Internal validation: ${r.internalValidation.description}.`);
  return content(lines, r.models.length > 0, { tables: have(ctx, "tables", ["models"]), charts: chartIds(ctx, "path-") });
};

const heterogeneityMethods: Filler = ({ results: r }) => {
  if (!r.heterogeneity.length) return content(["Heterogeneity across clusters was not examined (no per-site analysis in the results)."], true);
  const designs = [...new Set(r.heterogeneity.map((h) => `${h.design}, ${h.method} random-effects meta-analysis of ${metricLabel(h.metric)} on the ${h.scale} scale`))];
  return content(designs.map((d) => `${d}.`), true);
};

const performanceMeasures: Filler = (ctx) => {
  const v = ctx.results.outcomeValidation;
  if (v) {
    return content([...kindMeasureLines(v.kind), "Internal validation by the same indexes: apparent, cross-validated and Harrell's optimism-corrected (corrected = apparent − optimism); external cohorts with the final model unchanged."], true, {
      tables: have(ctx, "tables", ["performance"]),
    });
  }
  if (!ctx.results.internalValidation && !ctx.results.externalValidation.length) return none();
  const methods = new Set<string>();
  for (const m of ctx.results.internalValidation?.models ?? []) if (m.corrected.auc?.method) methods.add(m.corrected.auc.method);
  const lines = [
    `Discrimination: AUC (C statistic)${methods.size ? ` with ${[...methods].join("/")} 95% CI` : ""}; ROC curves.`,
    "Calibration: calibration intercept and slope (logistic recalibration), Eavg/E90/Emax, flexible calibration curve with risk-group points.",
    "Overall: Brier score and Nagelkerke R². Clinical utility: decision curves (net benefit vs treat all / treat none).",
  ];
  if (ctx.results.models.length > 1) lines.push("Models are compared on the same resampling splits and cohorts.");
  return content(lines, true, { charts: [...chartIds(ctx, "roc-"), ...chartIds(ctx, "calibration-"), ...chartIds(ctx, "decision-")] });
};

const updatingMethods: Filler = ({ results: r }) => {
  if (!r.updating.length) return content([external(r).length ? "No model updating was done." : "No evaluation data: no model updating."], true);
  return content(r.updating.map((u) => `${label(r, u.model)} in ${u.cohort}: ${u.method}${u.description ? ` (${u.description})` : ""}.`), true);
};

const predictionMethod: Filler = ({ results: r }) => {
  if (!r.externalValidation.length && !r.internalValidation) return none();
  const lines = ["Predictions for evaluation: the frozen pipeline (fitted preprocessing steps, then the final model) applied to the evaluation rows; nothing is refit on them."];
  const files = r.models.filter((m) => m.final.modelFile).map((m) => `${m.label}: ${m.final.modelFile}`);
  if (files.length) lines.push(`Serialised models (radval-model JSON): ${files.join("; ")}.`);
  return content(lines, true);
};

const classImbalance: Filler = ({ results: r }) => {
  const c = r.classImbalance;
  if (!c) return none();
  return content([`Class imbalance (development prevalence ${pct(c.prevalence)}): ${c.method}${c.details ? ` (${c.details})` : ""}; ${c.recalibrated ? `predictions recalibrated (${c.recalibrationMethod ?? "method not recorded"})` : "no recalibration"}.`], true);
};

const fairness: Filler = (ctx) => {
  const vars = [...new Set(ctx.results.subgroups.map((g) => g.variable))];
  if (!vars.length) return none();
  return content([`Performance is reported by ${listText(vars)}.`], false, { tables: have(ctx, "tables", ["subgroups"]) });
};

const modelOutput: Filler = (ctx) => {
  const kindOutput = kindModelOutputLine(ctx.results.outcomeKind);
  if (kindOutput) return content([kindOutput], true);
  const o = ctx.results.modelOutput;
  if (!o) return none();
  const lines = [`Output: ${o.kind === "probability" ? "predicted probability of the event" : o.kind}.`];
  for (const t of o.thresholds) lines.push(`${label(ctx.results, t.model)}: threshold ${num(t.threshold)} (${t.rule}); sensitivity ${num(t.sensitivity)}, specificity ${num(t.specificity)}.`);
  return content(lines, true, { tables: have(ctx, "tables", ["thresholds"]) });
};

const differences: Filler = (ctx) => {
  const r = ctx.results;
  if (!r.caseMix.length) return external(r).length ? content(["No case-mix comparison in the results."], false) : none();
  const lines = r.caseMix.map((c) => {
    const max = c.smd.length ? Math.max(...c.smd.map((s) => Math.abs(s.smd))) : null;
    return `${c.cohort} vs ${c.reference}: prevalence ${pct(c.cohortPrevalence)} vs ${pct(c.referencePrevalence)}${max !== null ? `, largest |SMD| ${num(max)}` : ""}${c.membershipAuc !== null ? `, membership AUC ${num(c.membershipAuc)}` : ""}.`;
  });
  return content(lines, false, { tables: have(ctx, "tables", r.caseMix.map((c) => `case-mix-${slug(c.cohort)}`)), checks: ["case-mix"] });
};

const codeSharing: Filler = ({ results: r }) => {
  const s = r.software;
  return content([`radval ${s.radvalVersion}${s.runtime ? ` on ${s.runtime}` : ""}; seed ${s.seed ?? "not recorded"}; config ${s.configFile ?? "—"}${s.configHash ? ` (${s.configHash})` : ""}${s.command ? `; command: ${s.command}` : ""}.`], false);
};

const flow: Filler = ({ results: r }) =>
  content(
    r.cohorts.map((c) => `${c.name}: ${c.n} analysed (${c.events} with and ${c.n - c.events} without the outcome)${c.missing?.outcomeMissingDropped ? `; ${c.missing.outcomeMissingDropped} excluded for a missing outcome` : ""}.`),
    false,
  );

const characteristics: Filler = (ctx) =>
  content(ctx.results.cohorts.map((c) => `${cohortText(c)}${c.firstDate ? `, ${c.firstDate} to ${c.lastDate ?? "?"}` : ""}${c.sites.length ? `, ${plural(c.sites.length, "site")}` : ""}${c.missing ? `, ${c.missing.rowsWithMissing} rows with missing values` : ""}.`), true, {
    tables: have(ctx, "tables", ["cohorts", "sites", "missing"]),
  });

const caseMixTable: Filler = (ctx) => {
  if (!ctx.results.caseMix.length) return external(ctx.results).length ? none() : content(["No evaluation data."], true);
  return content(["Predictor distributions compared as standardised mean differences (table)."], true, { tables: have(ctx, "tables", ctx.results.caseMix.map((c) => `case-mix-${slug(c.cohort)}`)) });
};

const analysisCounts: Filler = (ctx) => {
  const r = ctx.results;
  const lines = r.models.map((m) => `${m.label}: final fit on ${m.final.nObservations} patients (${m.final.nEvents} events)${m.tuning ? `; tuning by ${m.tuning.scheme}` : ""}.`);
  for (const iv of r.internalValidation?.models ?? []) {
    if (iv.folds.length) {
      const ns = iv.folds.map((f) => f.nAssessment);
      const evs = iv.folds.map((f) => f.eventsAssessment);
      lines.push(`${label(r, iv.model)}: ${iv.folds.length} assessment splits of ${Math.min(...ns)}–${Math.max(...ns)} patients (${Math.min(...evs)}–${Math.max(...evs)} events).`);
    }
  }
  if (r.internalValidation?.bootstraps) lines.push(`Optimism bootstrap: ${r.internalValidation.bootstraps} resamples of the ${r.internalValidation.cohort} cohort.`);
  for (const e of r.externalValidation) lines.push(`${label(r, e.model)} evaluated in ${validationSetName(e)}: ${e.n} patients, ${e.events} events.`);
  return content(lines, r.models.length > 0, { tables: have(ctx, "tables", r.models.map((m) => `folds-${slug(m.id)}`)) });
};

/** " 101 of the 105 candidate features had no test-retest data: they entered the model unassessed (reliability.unassessed: keep)." */
function reliabilityCoverage(r: NonNullable<StudyResults["dataPreparation"]["reliability"]>): string {
  const u = r.unassessed;
  if (!u) return "";
  const total = (r.assessed ?? r.features.length) + u.count;
  if (u.count === 0) return ` Coverage: all ${total} candidate features had test-retest data.`;
  return ` Coverage: ${r.assessed ?? r.features.length} of ${total} candidate features had test-retest data; the other ${u.count} ${u.policy === "keep" ? "entered the model unassessed (reliability.unassessed: keep)" : "were dropped for lack of it (reliability.unassessed: drop)"}.`;
}

const specification: Filler = (ctx) => {
  const r = ctx.results;
  const lines = r.models.map((m) => {
    const f = m.final;
    if (f.rawScale) {
      const used = f.rawScale.coefficients.filter((c) => c.value !== 0);
      const imputed = f.rawScale.imputation ? ` Missing values are first replaced by the development ${f.recipe.find((s) => s.type === "impute")?.step ?? "imputation"} values (recipe table).` : "";
      return `${m.label}: ${modelEquation(ctx.results.outcome, f.rawScale, used)}, on the raw feature scale (${used.length} of ${f.coefficients?.length ?? used.length} features with a non-zero coefficient).${imputed} Serialised in ${f.modelFile ?? "model.json"} (model "${m.id}").`;
    }
    if (f.coefficients) return `${m.label}: intercept ${num(f.intercept, 4)} and ${f.coefficients.length} coefficients (${f.coefficients.filter((c) => c.value !== 0).length} non-zero) on ${f.coefficientScale ?? "the model's input scale"}.`;
    const parts = [`${m.label}: hyperparameters ${Object.entries(f.hyperparameters).filter(([, v]) => v !== null).map(([k, v]) => `${k} = ${Array.isArray(v) ? v.join("/") : typeof v === "number" ? sig(v, 3) : String(v)}`).join(", ") || "defaults"}`];
    if (f.supportVectors !== null) parts.push(`${f.supportVectors} support vectors`);
    if (f.importances) parts.push(`${f.importances.length} importances${f.importanceMethod ? ` (${f.importanceMethod})` : ""}`);
    if (f.modelFile) parts.push(`non-linear: the full model (recipe constants + parameters) is ${f.modelFile}, model "${m.id}", applied with radval predict`);
    return `${parts.join("; ")}.`;
  });
  if (chartIds(ctx, "nomogram-").length) lines.push("Nomogram (chart and points table) and an interactive risk calculator (HTML report) of each final model with a linear predictor on the raw features: for research use; see the validation results before any clinical use.");
  return content(lines, r.models.length > 0, { tables: have(ctx, "tables", r.models.flatMap((m) => [modelTableId(m.id), recipeTableId(m.id), `nomogram-points-${slug(m.id)}`])), charts: chartIds(ctx, "nomogram-") });
};

const performance: Filler = (ctx) => {
  const r = ctx.results;
  const lines: string[] = [];
  if (r.outcomeValidation) {
    for (const m of r.outcomeValidation.models) lines.push(kindPerformanceLine(label(r, m.model), m));
    return content(lines, lines.length > 0, {
      tables: have(ctx, "tables", ["performance", "survival-performance", "risk-groups", "survival-calibration", "cutoff-auc", "cutoff-operating", "ordinal-agreement", "confusion"]),
      charts: ["km-", "time-roc-", "horizon-calibration-", "horizon-decision-", "cutoff-roc-", "confusion-matrix-"].flatMap((prefix) => chartIds(ctx, prefix)),
    });
  }
  for (const m of r.internalValidation?.models ?? []) lines.push(`${label(r, m.model)}, ${internalEstimateName(r.internalValidation!.scheme)}: AUC ${est(m.corrected.auc)}, calibration slope ${est(m.corrected.calibrationSlope)}, intercept ${est(m.corrected.calibrationIntercept)}, Brier ${est(m.corrected.brier)}.${optimismCaveat(ctx, m.model)}`);
  for (const e of r.externalValidation) lines.push(`${label(r, e.model)} in ${validationSetName(e)}: AUC ${est(e.metrics.auc)}, calibration slope ${est(e.metrics.calibrationSlope)}, intercept ${est(e.metrics.calibrationIntercept)}.`);
  if (r.subgroups.length) lines.push(`Subgroups: ${r.subgroups.length} rows (table).`);
  for (const pair of r.incrementalValue ?? []) {
    for (const s of pair.sets) lines.push(`Incremental value of ${label(r, pair.model)} over ${label(r, pair.comparator)}, ${s.data}: ΔAUC ${num(s.deltaAuc?.estimate ?? null)}${s.deltaAuc?.lower != null ? ` (95% CI ${num(s.deltaAuc.lower)} to ${num(s.deltaAuc.upper)})` : ""}, continuous NRI ${num(s.nriContinuous?.estimate ?? null)}, IDI ${num(s.idi?.estimate ?? null)}${s.lrt ? `; likelihood-ratio χ² ${num(s.lrt.statistic)} on ${s.lrt.df} df, p ${num(s.lrt.p)}` : ""}.`);
  }
  return content(lines, lines.length > 0, {
    tables: have(ctx, "tables", ["performance", "subgroups", "incremental-value"]),
    charts: [...chartIds(ctx, "roc-"), ...chartIds(ctx, "calibration-"), ...chartIds(ctx, "decision-"), ...chartIds(ctx, "optimism-")],
    checks: ["calibration-slope", "auc-ci-width"],
  });
};

const heterogeneityResults: Filler = (ctx) => {
  const r = ctx.results;
  if (!r.heterogeneity.length) return content(["Not examined."], true);
  return content(
    r.heterogeneity.map((h) => `${label(r, h.model)}, ${metricLabel(h.metric)} across ${plural(h.sites.length, "site")}: pooled ${est(h.pooled)}${h.prediction ? `, 95% prediction interval ${num(h.prediction.lower)}–${num(h.prediction.upper)}` : ""}; τ² ${num(h.tau2, 4)}, I² ${h.i2 === null ? "—" : pct(h.i2)}.`),
    true,
    { tables: have(ctx, "tables", ["heterogeneity"]), charts: chartIds(ctx, "forest-") },
  );
};

const updatingResults: Filler = (ctx) => {
  const r = ctx.results;
  if (!r.updating.length) return content(["No model updating was done."], true);
  return content(
    r.updating.map((u) => `${label(r, u.model)} in ${u.cohort} after ${u.method} (${Object.entries(u.parameters).map(([k, v]) => `${k} ${num(v)}`).join(", ")}): calibration slope ${est(u.before.calibrationSlope)} → ${est(u.after.calibrationSlope)}, intercept ${est(u.before.calibrationIntercept)} → ${est(u.after.calibrationIntercept)}${u.evaluation ? ` (${u.evaluation})` : ""}.`),
    true,
    { tables: have(ctx, "tables", ["updating"]) },
  );
};

const limitations: Filler = ({ flags }) => {
  const flagged = flags.checks.filter((c) => c.status === "flag");
  return content(
    flagged.length ? flagged.map((c) => `Automatic flag (${c.severity}): ${c.message}`) : ["No automatic flag was raised."],
    false,
    { checks: [...new Set(flagged.map((c) => c.id))] },
  );
};

/** The filler of each TRIPOD+AI item radval contributes to (author-only items have none). */
export const ITEM_FILLERS: Readonly<Record<string, Filler>> = {
  "2": abstract,
  "5a": dataSources,
  "5b": dates,
  "6a": setting,
  "7": dataPreparation,
  "8a": outcome,
  "9a": predictorChoice,
  "9b": predictorDefinitions,
  "10": sampleSize,
  "11": missingData,
  "12a": dataUse,
  "12b": predictorHandling,
  "12c": modelBuilding,
  "12d": heterogeneityMethods,
  "12e": performanceMeasures,
  "12f": updatingMethods,
  "12g": predictionMethod,
  "13": classImbalance,
  "14": fairness,
  "15": modelOutput,
  "16": differences,
  "18f": codeSharing,
  "20a": flow,
  "20b": characteristics,
  "20c": caseMixTable,
  "21": analysisCounts,
  "22": specification,
  "23a": performance,
  "23b": heterogeneityResults,
  "24": updatingResults,
  "26": limitations,
};
