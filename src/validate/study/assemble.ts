import { isOutcomeModel } from "../../models/types.js";
import type { Dataset } from "../../core/dataset.js";
import type { FittedRedundancy } from "../../preprocess/redundancy.js";
import type { FittedReliabilityFilter } from "../../preprocess/reliabilityFilter.js";
import type {
  CohortResult,
  DataPreparation,
  FinalModel,
  ModelResult,
  PreprocessStepLog,
  RecipeConstants,
  ResultValue,
  StudyResults,
} from "../../report/results.js";
import { logisticRegression } from "../../models/logistic/logisticRegression.js";
import { aucMannWhitney } from "../../metrics/auc.js";
import { condensedGet } from "../../cluster/condensed.js";
import { correlationMatrix } from "../../cluster/correlation.js";
import { frameOfRows } from "../../preprocess/frame.js";
import type { ExportedWorkflow } from "../modelFile.js";
import type { FittedWorkflow } from "../workflow.js";
import { standardisedMeanDifferences } from "../caseMix.js";
import type { CohortRows } from "./design.js";
import { hasMissing } from "./pipeline.js";
import { type LeakSuspect, isImageFeatureName } from "./leakScreen.js";
import type { StepSpec } from "../../preprocess/types.js";
import { RADVAL_VERSION } from "../../version.js";

/** A cohort's summary for the report (TRIPOD+AI 5a, 5b, 6a, 11, 20a, 20b). */
export function cohortResult(data: Dataset, cohort: CohortRows, eventIndicator?: Float64Array): CohortResult {
  const y = eventIndicator ?? data.outcome!.values;
  let events = 0;
  for (const r of cohort.rows) events += y[r]!;
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  const dateRange = (rows: Iterable<number>) => {
    let lo = Infinity;
    let hi = -Infinity;
    let first: string | null = null;
    let last: string | null = null;
    for (const r of rows) {
      const d = data.date!.days[r]!;
      if (Number.isNaN(d)) continue;
      if (d < lo) {
        lo = d;
        first = data.date!.text[r]!;
      }
      if (d > hi) {
        hi = d;
        last = data.date!.text[r]!;
      }
    }
    return [first, last] as const;
  };
  if (data.date) [firstDate, lastDate] = dateRange(cohort.rows);
  const sites = data.site
    ? data.site.levels
        .map((site) => {
          const rows = Array.from(cohort.rows).filter((r) => data.site!.values[r] === site);
          const [first, last] = data.date ? dateRange(rows) : [null, null];
          return { site, n: rows.length, events: rows.reduce((a, r) => a + y[r]!, 0), firstDate: first, lastDate: last };
        })
        .filter((s) => s.n > 0)
    : [];
  const byFeature: Record<string, number> = {};
  let cells = 0;
  const rowHasMissing = new Set<number>();
  const n = data.x.nRows;
  data.featureNames.forEach((name, j) => {
    let missing = 0;
    for (const r of cohort.rows) {
      if (Number.isNaN(data.x.data[j * n + r]!)) {
        missing++;
        rowHasMissing.add(r);
      }
    }
    if (missing > 0) byFeature[name] = missing;
    cells += missing;
  });
  return {
    name: cohort.name,
    role: cohort.role,
    design: cohort.design,
    sourceFile: cohort.sourceFile,
    sourceSha256: null,
    n: cohort.rows.length,
    events,
    dateColumn: data.date?.name ?? null,
    firstDate,
    lastDate,
    siteColumn: data.site?.name ?? null,
    sites,
    missing: { cells, rowsWithMissing: rowHasMissing.size, byFeature, outcomeMissingDropped: cohort.droppedForMissingOutcome ?? 0 },
  };
}

function plain(details: Readonly<Record<string, unknown>> | undefined): Record<string, ResultValue> | null {
  if (!details) return null;
  const out: Record<string, ResultValue> = {};
  for (const [k, v] of Object.entries(details)) {
    if (v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean") out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === "number")) out[k] = v as number[];
    else if (Array.isArray(v) && v.every((x) => typeof x === "string")) out[k] = v as string[];
  }
  return out;
}

const STEP_DESCRIPTIONS: Record<string, string> = {
  impute: "missing values replaced by the feature's median (or mean) on the analysis rows",
  standardize: "features centred and scaled to unit SD (population SD) on the analysis rows",
  reliabilityFilter: "features with low test-retest reliability dropped (table computed once from the test-retest data)",
  redundancy: "correlated features clustered (1 − |r|, hierarchical); one representative kept per cluster",
  combat: "site effects removed by ComBat (location/scale per feature, empirical Bayes) estimated on the analysis rows",
};

/**
 * The data-preparation log of the final fit on the development rows (what was
 * dropped and why): the reliability filter's per-feature verdicts, the
 * redundancy clusters with their tree and correlation matrix, and the other
 * steps. Every step was refit inside every split; this log is the final fit's.
 */
export function dataPreparation(final: FittedWorkflow, data: Dataset, devRows: Int32Array): DataPreparation {
  let reliability: DataPreparation["reliability"] = null;
  let redundancy: DataPreparation["redundancy"] = null;
  const steps: PreprocessStepLog[] = [];
  for (const step of final.recipe.steps) {
    if (step.type === "reliabilityFilter") {
      const r = step as FittedReliabilityFilter;
      reliability = {
        measure: r.spec.statistic === "CCC" ? "CCC" : r.spec.statistic,
        cut: r.spec.cut,
        rule: r.spec.useLowerBound ? "lowerBound" : "estimate",
        sourceFile: r.spec.source ?? null,
        nCases: r.spec.nCases ?? null,
        nRaters: r.spec.nRaters ?? null,
        assessed: [...r.kept, ...r.dropped].filter((d) => Object.hasOwn(r.spec.table, d.feature)).length,
        unassessed: (() => {
          const names = [...r.kept, ...r.dropped].filter((d) => !Object.hasOwn(r.spec.table, d.feature)).map((d) => d.feature);
          return { count: names.length, policy: r.spec.unmeasured, features: names };
        })(),
        features: [...r.kept, ...r.dropped]
          .filter((d) => d.estimate !== null)
          .map((d) => ({ feature: d.feature, value: d.estimate!, lower: d.lower, upper: d.upper, band: d.band ?? "poor", kept: d.kept })),
      };
    } else if (step.type === "redundancy") {
      const r = step as FittedRedundancy;
      const c = r.clustering;
      // The correlation matrix the step clustered on, recomputed on the step's input (development rows) for the heatmap.
      const inputFrame = final.recipe.steps.slice(0, final.recipe.steps.indexOf(step)).reduce((f, s) => ({ ...s.transform(f), context: f.context }), frameOfRows(data, devRows));
      let matrix: { features: string[]; values: number[][] } | null = null;
      if (c.features.length <= 400) {
        const corr = correlationMatrix(inputFrame.x, c.correlation);
        const p = c.features.length;
        const values = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (i === j ? 1 : condensedGet(corr, i, j))));
        matrix = { features: [...c.features], values };
      }
      redundancy = {
        correlation: c.correlation,
        linkage: c.linkage,
        threshold: c.threshold,
        representativeRule: c.representativeRule === "auc" ? "highest univariable AUC" : c.representativeRule === "variance" ? "highest coefficient of variation" : "medoid",
        clusters: c.clusters.map((k) => ({ id: k.id, members: [...k.members], representative: k.representative, meanAbsR: k.meanAbsR })),
        tree: c.merges.length ? { labels: [...c.features], merge: c.merges.map((m) => [m.left, m.right] as const), height: c.merges.map((m) => m.height), order: [...c.order] } : null,
        matrix,
      };
    } else {
      const log = step.describe();
      steps.push({ type: step.type, description: STEP_DESCRIPTIONS[step.type] ?? step.type, inputFeatures: log.inputFeatures, outputFeatures: log.outputFeatures, details: plain(log.details) });
    }
  }
  return { reliability, redundancy, steps, refitInEverySplit: true };
}

/** The recipe constants of an exported workflow, step by step, for the report. */
function recipeConstants(exported: ExportedWorkflow): RecipeConstants[] {
  return exported.recipe.map((s) =>
    s.type === "select"
      ? { type: "select", step: s.step, features: [...s.keep], values: null, scale: null }
      : s.type === "impute"
        ? { type: "impute", step: s.method, features: [...s.names], values: [...s.values], scale: null }
        : s.type === "combat"
          ? { type: "combat", step: `batch ${s.batchColumn}; estimates per site in model.json`, features: [...s.names], values: null, scale: null }
          : { type: "standardize", step: null, features: [...s.names], values: [...s.center], scale: [...s.scale] },
  );
}

/** What a linear model's coefficients are relative to, from its recipe. */
function coefficientScale(exported: ExportedWorkflow): string {
  return exported.recipe.some((s) => s.type === "standardize")
    ? "standardised features (after the recipe: (value − mean) / SD on the development rows)"
    : "raw feature values (the recipe does not rescale)";
}

/**
 * The model block of the results: spec, tuning, the final model's full
 * specification (coefficients on the model's input scale and on the raw
 * scale, every recipe constant) and its λ path. `exported` is the same fit as
 * written to model.json.
 */
export function modelResult(final: FittedWorkflow, exported: ExportedWorkflow, nEvents: number, innerFoldsDefault: number): ModelResult {
  const spec = final.spec;
  const description = final.model.describe();
  const details = (description.details ?? {}) as Record<string, unknown>;
  const coefficients = description.coefficients ? Object.entries(description.coefficients).map(([feature, value]) => ({ feature, value })) : null;
  const importanceSource = (details["permutationImportance"] ?? details["impurityImportance"]) as Record<string, number> | undefined;
  const importances = importanceSource && typeof importanceSource === "object" ? Object.entries(importanceSource).map(([feature, value]) => ({ feature, value })) : null;
  const importanceMethod = details["permutationImportance"] ? "permutation (decrease in AUC)" : "impurity (mean decrease in Gini, normalised to sum 1)";
  const path = isOutcomeModel(final.model) ? null : (final.model.coefficientPath?.() ?? null);
  const params = plain(spec.model.params as Record<string, unknown>) ?? {};
  let tuning: ModelResult["tuning"] = null;
  if (final.tuning) {
    tuning = {
      method: "grid search",
      scheme: `${final.tuning.folds}-fold stratified CV inside each training set`,
      metric: "auc",
      candidates: final.tuning.candidates.length,
      selected: plain(final.tuning.selected as Record<string, unknown>) ?? {},
      nested: true,
    };
  } else if (spec.model.model === "elasticNet" && spec.model.params["penalty"] === "cv") {
    tuning = {
      method: "cv.glmnet",
      scheme: `${spec.model.params["innerFolds"] ?? innerFoldsDefault}-fold stratified CV inside each training set`,
      metric: String(spec.model.params["measure"] ?? "deviance"),
      candidates: path?.lambda.length ?? null,
      selected: { lambda: path?.chosenLambda ?? (details["lambda"] as number) ?? null, rule: path?.chosenRule ?? null },
      nested: true,
    };
  }
  const finalModel: FinalModel = {
    nObservations: final.nAnalysis,
    nEvents,
    featureNames: [...final.model.featureNames],
    intercept: description.intercept ?? null,
    coefficients,
    coefficientScale: coefficients ? coefficientScale(exported) : null,
    ...(details["stdErrors"] && typeof details["stdErrors"] === "object" ? { stdErrors: Object.entries(details["stdErrors"] as Record<string, number>).map(([feature, value]) => ({ feature, value })) } : {}),
    rawScale: exported.formula
      ? {
          scale: exported.formula.scale,
          ...(exported.formula.scale === "log-hazard"
            ? { baselineSurvival: (details["baselineSurvivalAtHorizon"] as number | undefined) ?? null, horizon: (details["horizon"] as number | undefined) ?? null }
            : {}),
          intercept: exported.formula.intercept,
          coefficients: Object.entries(exported.formula.coefficients).map(([feature, value]) => ({ feature, value })),
          imputation: exported.formula.imputation ? Object.entries(exported.formula.imputation).map(([feature, value]) => ({ feature, value })) : null,
        }
      : null,
    nomogramBasis:
      exported.formula && exported.nomogramBasis
        ? {
            ranges: Object.keys(exported.formula.coefficients).map((feature) => ({ feature, min: exported.ranges[feature]?.[0] ?? NaN, max: exported.ranges[feature]?.[1] ?? NaN })),
            discrete: Object.entries(exported.nomogramBasis.discrete).map(([feature, values]) => ({ feature, values: [...values] })),
            linearPredictorRange: [...exported.nomogramBasis.linearPredictorRange] as [number, number],
          }
        : null,
    recipe: recipeConstants(exported),
    hyperparameters: { ...(plain(description.params as Record<string, unknown>) ?? {}), ...(final.tuning ? plain(final.tuning.selected as Record<string, unknown>) : {}) },
    supportVectors: typeof details["supportVectors"] === "number" ? (details["supportVectors"] as number) : typeof details["nSupportVectors"] === "number" ? (details["nSupportVectors"] as number) : null,
    importances,
    importanceMethod: importances ? importanceMethod : null,
    modelFile: "model.json",
  };
  return {
    id: spec.id,
    label: spec.label,
    model: spec.model.model,
    engine: spec.model.engine,
    params,
    tuning,
    final: finalModel,
    path: path
      ? {
          lambda: path.lambda,
          features: path.features,
          coefficients: path.coefficients,
          cv: path.cv ? path.lambda.map((lambda, k) => ({ lambda, mean: path.cv!.cvm[k]!, se: path.cv!.cvsd[k]!, nonzero: path.cv!.nzero[k]! })) : [],
          measure: path.cv?.measure ?? "none",
          lambdaMin: path.cv?.lambdaMin ?? null,
          lambda1se: path.cv?.lambda1se ?? null,
          chosenLambda: path.chosenLambda,
          chosenRule: path.chosenRule,
        }
      : null,
  };
}

/**
 * Case-mix comparison of an external cohort with the development rows:
 * prevalences, standardised mean differences of the candidate features, and
 * the apparent AUC of a logistic model predicting cohort membership from the
 * features and the outcome (Debray et al. 2015, J Clin Epidemiol 68:279).
 */
export function caseMix(data: Dataset, reference: CohortRows, cohort: CohortRows, features: readonly string[]) {
  const y = data.outcome!.values;
  const prevalence = (rows: Int32Array) => Array.from(rows).reduce((a, r) => a + y[r]!, 0) / rows.length;
  const cols = features.map((f) => data.featureNames.indexOf(f)).filter((j) => j >= 0);
  const names = cols.map((j) => data.featureNames[j]!);
  const x = { nRows: data.x.nRows, nCols: cols.length, data: new Float64Array(data.x.nRows * cols.length) };
  cols.forEach((j, k) => x.data.set(data.x.data.subarray(j * data.x.nRows, (j + 1) * data.x.nRows), k * data.x.nRows));
  const smd = standardisedMeanDifferences(x, names, reference.rows, cohort.rows)
    .filter((s) => s.smd !== null && s.meanDevelopment !== null && s.meanValidation !== null)
    .map((s) => ({ feature: s.feature, referenceMean: s.meanDevelopment!, cohortMean: s.meanValidation!, smd: -s.smd! }));
  let membershipAuc: number | null = null;
  try {
    const rows = Int32Array.from([...reference.rows, ...cohort.rows]);
    const usable = cols.filter((j) => rows.every((r) => !Number.isNaN(data.x.data[j * data.x.nRows + r]!)));
    if (usable.length > 0) {
      const m = rows.length;
      const design = new Float64Array(m * (usable.length + 1));
      usable.forEach((j, k) => rows.forEach((r, i) => (design[k * m + i] = data.x.data[j * data.x.nRows + r]!)));
      rows.forEach((r, i) => (design[usable.length * m + i] = y[r]!));
      const member = Float64Array.from(rows, (_, i) => (i < reference.rows.length ? 0 : 1));
      const fit = logisticRegression({ nRows: m, nCols: usable.length + 1, data: design }, member);
      const eta = new Float64Array(m).fill(fit.coefficients[0] ?? 0);
      for (let k = 0; k <= usable.length; k++) {
        const b = fit.coefficients[k + 1];
        if (b === null || b === undefined) continue;
        for (let i = 0; i < m; i++) eta[i]! += b * design[k * m + i]!;
      }
      membershipAuc = aucMannWhitney(member, eta);
    }
  } catch {
    membershipAuc = null;
  }
  return { reference: reference.name, cohort: cohort.name, referencePrevalence: prevalence(reference.rows), cohortPrevalence: prevalence(cohort.rows), smd, membershipAuc };
}

/** The software block of results.json: radval version, runtime, seed and the config's hash, file and command. */
export function softwareInfo(
  inputs: { readonly software?: { readonly configHash?: string | null; readonly configFile?: string | null; readonly command?: string | null; readonly runtime?: string | null } },
  seed: number,
): StudyResults["software"] {
  return {
    radvalVersion: RADVAL_VERSION,
    runtime: inputs.software?.runtime ?? null,
    seed,
    configHash: inputs.software?.configHash ?? null,
    configFile: inputs.software?.configFile ?? null,
    command: inputs.software?.command ?? null,
  };
}

/** How missing values were handled (TRIPOD+AI item 11): the imputation step refit in every split, and rows dropped for a missing outcome. */
export function missingDataHandling(steps: readonly StepSpec[], data: Dataset, devRows: Int32Array, outcomeMissingDropped: number): NonNullable<StudyResults["missingData"]> {
  const impute = steps.find((s) => s.type === "impute") as { method?: string } | undefined;
  return {
    strategy: impute ? `${String(impute.method)} imputation inside every split` : hasMissing(data, devRows) ? "none" : "none (no missing values)",
    rowsDropped: outcomeMissingDropped,
    details: outcomeMissingDropped ? `${outcomeMissingDropped} row(s) without an outcome were dropped before analysis` : null,
  };
}

/** The candidate predictors of a study: what the reliability filter kept (the final fit's), else every feature. */
export function candidatePredictors(final: FittedWorkflow | undefined, data: Dataset): readonly string[] {
  return final?.recipe.steps.find((s) => s.type === "reliabilityFilter")?.outputNames ?? data.featureNames;
}

/** The predictors block of results.json (TRIPOD+AI item 9): available, candidate, excluded, suspected leaks and clinical (non-image) predictors. */
export function predictorsResult(data: Dataset, candidates: readonly string[], leaks: readonly LeakSuspect[]): StudyResults["predictors"] {
  return {
    available: data.featureNames.length,
    candidates: [...candidates],
    candidateParameters: candidates.length,
    excluded: data.textColumns.map((c) => c.name),
    suspectedLeaks: leaks.map((l) => ({ feature: l.feature, reason: l.reason, auc: l.auc, separates: l.separates })),
    clinical: candidates.filter((f) => !isImageFeatureName(f)),
  };
}
