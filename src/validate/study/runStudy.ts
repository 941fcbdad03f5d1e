import type { Dataset } from "../../core/dataset.js";
import { RadvalError } from "../../core/errors.js";
import { Rng, createRng } from "../../core/rng.js";
import { thresholdMetrics, youden } from "../../metrics/thresholdMetrics.js";
import { prepareEngines } from "../../models/registry.js";
import type { ModelSpec } from "../../models/types.js";
import type {
  CaseMixComparison,
  ClassificationThreshold,
  ExternalValidationResult,
  HeterogeneityResult,
  IncrementalValue,
  ModelUpdatingResult,
  PerformanceMetrics,
  PooledSiteValidation,
  StudyInfo,
  StudyResults,
} from "../../report/results.js";
import { RESULTS_SCHEMA_VERSION } from "../../report/results.js";
import { harmonizationResult } from "../../harmonize/results.js";
import type { LongTable } from "../../table/longTable.js";
import { RADVAL_VERSION } from "../../version.js";
import type { StudyConfig } from "../config.js";
import { calibrationPoints, decisionCurveRows, rocPoints } from "../curves.js";
import { validateBySite } from "../leaveOneSiteOut.js";
import { notEstimableReason, performanceMetrics } from "../performance.js";
import { type TaskExecutor, type ValidationJob, inProcessExecutor, selectedFeatures } from "../tasks.js";
import { MODEL_FILE_FORMAT, MODEL_FILE_VERSION, type StudyModelFile, exportWorkflow } from "../modelFile.js";
import type { OriginalFit } from "../optimismBootstrap.js";
import { updateModel } from "../updating.js";
import { type FittedWorkflow, fitWorkflow } from "../workflow.js";
import { candidatePredictors, caseMix, cohortResult, dataPreparation, missingDataHandling, modelResult, predictorsResult, softwareInfo } from "./assemble.js";
import { type CohortRows, resolveDesign } from "./design.js";
import { runInternalValidation } from "./internal.js";
import { type LeakSuspect, screenLeaks } from "./leakScreen.js";
import { hasMissing, recipeFromConfig, workflowsFromConfig } from "./pipeline.js";
import { studyInfo } from "./studyInfo.js";
import { compareOn, incrementalValue } from "./incremental.js";
import { studyResponse } from "./response.js";
import { runOutcomeStudy } from "./runOutcomeStudy.js";
import { outcomeSpec } from "../outcomeSpec.js";

/** What a study run needs, already loaded (Node's `radval validate` reads the files; a browser passes them in). */
export interface StudyInputs {
  readonly config: StudyConfig;
  /** The feature table (external cohorts from other files already appended; see `fileCohorts`). */
  readonly data: Dataset;
  /** The test-retest / multi-reader table for the reliability filter. */
  readonly long: LongTable | null;
  /** External cohorts that came from separate files (rows of `data`). */
  readonly fileCohorts?: readonly CohortRows[];
  /** Rows dropped for a missing outcome while reading (for the report). */
  readonly outcomeMissingDropped?: number;
  /** Those rows of the data file as text (column → value), to attribute them to their cohort. */
  readonly droppedRows?: ReadonlyArray<Readonly<Record<string, string>>>;
  readonly dataFile: string | null;
  readonly software?: { readonly configHash?: string | null; readonly configFile?: string | null; readonly command?: string | null; readonly runtime?: string | null };
}

/** One out-of-sample prediction: which case, which model, from which split or cohort. */
export interface PredictionRow {
  readonly id: string;
  readonly model: string;
  /** "apparent" (final model, development rows), "cv", "leave-one-site-out" or "external". */
  readonly scheme: string;
  /** Split id ("Repeat1.Fold03", "Site:B") or the external cohort's name. */
  readonly split: string;
  /** 0/1 (binary), the event indicator (survival), the level label (ordinal, nominal). */
  readonly outcome: number | string;
  /** P(event) (binary), the risk by the horizon (survival), NaN for ordinal/nominal (see `values`). */
  readonly prob: number;
  /** Other predicted quantities by name: survival {time, lp}; ordinal/nominal {"P(F0)": …} (absent for binary). */
  readonly values?: Readonly<Record<string, number>>;
}

/** Options of {@link runStudy}. */
export interface RunStudyOptions {
  /**
   * Receives every prediction, e.g. to write predictions.csv: the final models on the development rows (scheme
   * "apparent"), then the out-of-sample ones (CV, leave-one-site-out, external cohorts).
   */
  readonly onPredictions?: (rows: readonly PredictionRow[]) => void;
  /** Receives the final models as `model.json` content (the same fits the report describes and validates). */
  readonly onModelFile?: (file: StudyModelFile) => void;
  /** Master seed (overrides `config.seed`; default 2026). */
  readonly seed?: number;
  /** Where the resampling fits run (default: this thread). */
  readonly executor?: TaskExecutor;
  /** Progress of long stages: (stage, done, total). */
  readonly onProgress?: (stage: string, done: number, total: number) => void;
  /** Time stamp for `createdAt` (default now; pass null for reproducible files). */
  readonly createdAt?: string | null;
  /** Receives warnings found before fitting (the leak screen's suspects), one message each. */
  readonly onWarning?: (message: string) => void;
  /** Loads engines that need it (WebAssembly) before fitting; default `prepareEngines` (Node's CLI passes a quiet loader). */
  readonly prepare?: (specs: ReadonlyArray<Pick<ModelSpec, "model" | "engine">>) => Promise<void>;
}


function thresholdGrid(config: StudyConfig): Float64Array | undefined {
  const t = config.decisionCurve?.thresholds;
  if (!t) return undefined;
  const out: number[] = [];
  const steps = Math.round((t.to - t.from) / t.by);
  for (let k = 0; k <= steps; k++) out.push(Number((t.from + k * t.by).toFixed(12)));
  return Float64Array.from(out);
}

/** The leak screen of every feature column on the development rows (see {@link screenLeaks}). */
function screenDevelopment(data: Dataset, rows: Int32Array, y: Float64Array): LeakSuspect[] {
  const n = data.x.nRows;
  return screenLeaks(
    data.featureNames.map((name, j) => ({ name, values: Float64Array.from(rows, (r) => data.x.data[j * n + r]!) })),
    y,
  );
}

/**
 * Runs a whole study as its config describes and returns the `results.json`
 * object the report is built from: design (development rows and external
 * cohorts), the recipe (reliability filter, imputation, redundancy,
 * scaling), every model fit on the development rows, internal validation
 * (CV / optimism bootstrap with .632+ / permutation test, everything refit in
 * every split), leave-one-site-out with random-effects pooling, external
 * validation with decision curves, model updating and case-mix comparison.
 * Every random draw comes from one master seed through child generators
 * created in a fixed order, so the output does not depend on the number of
 * workers.
 */
export async function runStudy(inputs: StudyInputs, options: RunStudyOptions = {}): Promise<StudyResults> {
  const { config, data } = inputs;
  // The outcome kind is dispatched here, once: ordinal, nominal and survival studies run the kind's metric set.
  if (outcomeSpec(config).kind !== "binary") {
    const development = resolveDesign(config, data, inputs.fileCohorts ?? [], inputs.dataFile, inputs.droppedRows ?? []).development;
    return runOutcomeStudy(inputs, studyResponse(config, data, development.rows), options);
  }
  if (!data.outcome) throw new RadvalError("MISSING_ROLE", "the study has no outcome", { where: { key: "data.outcome" } });
  const seed = options.seed ?? config.seed ?? 2026;
  const executor = options.executor ?? inProcessExecutor;
  const progress = options.onProgress ?? (() => {});
  const design = resolveDesign(config, data, inputs.fileCohorts ?? [], inputs.dataFile, inputs.droppedRows ?? []);
  const devRows = design.development.rows;
  const steps = recipeFromConfig(config, inputs.long, hasMissing(data, devRows));
  const workflows = workflowsFromConfig(config, steps, data.featureNames);
  await (options.prepare ?? prepareEngines)(workflows.map((w) => w.model));
  const job: ValidationJob = { data, workflows };
  const thresholds = thresholdGrid(config);
  const y = data.outcome.values;
  const yDev = Float64Array.from(devRows, (r) => y[r]!);
  const devEvents = yDev.reduce((a, b) => a + b, 0);
  const leaks = screenDevelopment(data, devRows, yDev);
  for (const l of leaks) options.onWarning?.(`suspected leakage: ${l.feature}: ${l.reason}`);

  const master = createRng(seed);
  // Streams in a fixed order; curveRng (ROC bands) was added last so the first four streams are those of earlier versions.
  const [finalRng, internalRng, siteRng, updateRng, curveRng] = master.splitMany(5) as [Rng, Rng, Rng, Rng, Rng];

  // Final models on all development rows (the models the report specifies).
  progress("final models", 0, workflows.length);
  const finals: FittedWorkflow[] = workflows.map((w, k) => {
    const fitted = fitWorkflow(w, data, devRows, finalRng.split(), { splitId: "final" });
    progress("final models", k + 1, workflows.length);
    return fitted;
  });
  // The final fits' own predictions on the development rows: the apparent performance, and the "original" fit the optimism
  // bootstrap corrects (one fit per workflow, so the corrected estimate belongs to the reported model).
  const apparent = new Map<string, PerformanceMetrics>();
  const apparentFit = new Map<string, OriginalFit>();
  finals.forEach((f) => {
    const fit = f.predictWithLogit(data, devRows);
    apparentFit.set(f.spec.id, fit);
    apparent.set(f.spec.id, performanceMetrics(yDev, fit.prob, 0.95, fit.logit));
  });
  const apparentProb = new Map([...apparentFit].map(([id, fit]) => [id, fit.prob] as const));

  const finalSelected = new Map(finals.map((f) => [f.spec.id, selectedFeatures(f.model)] as const));
  const internal = await runInternalValidation(config, job, devRows, apparent, apparentFit, finalSelected, internalRng, curveRng, executor, progress, thresholds);
  const predictions: PredictionRow[] = [];
  const record = (scheme: string, model: string, split: string, rows: ArrayLike<number>, prob: ArrayLike<number>) => {
    for (let k = 0; k < rows.length; k++) predictions.push({ id: data.ids[rows[k]!]!, model, scheme, split, outcome: y[rows[k]!]!, prob: prob[k]! });
  };
  for (const f of finals) record("apparent", f.spec.id, design.development.name, devRows, apparentFit.get(f.spec.id)!.prob);
  for (const result of internal.splitPredictions) for (const split of result.splits) record("cv", result.workflow, split.id, split.assessment, split.prob);

  // Classification thresholds: Youden on the pooled out-of-fold predictions (apparent when there is no CV), applied unchanged elsewhere.
  const thresholdsByModel = new Map<string, ClassificationThreshold>();
  finals.forEach((f) => {
    const pooled = internal.pooled.get(f.spec.id);
    const yy = pooled ? pooled.y : yDev;
    const pp = pooled ? pooled.prob : apparentProb.get(f.spec.id)!;
    const best = config.threshold !== undefined ? null : youden(yy, pp);
    const threshold = config.threshold ?? (best && Number.isFinite(best.threshold) ? best.threshold : 0.5);
    const tm = thresholdMetrics(yy, pp, threshold);
    thresholdsByModel.set(f.spec.id, {
      model: f.spec.id,
      threshold,
      rule: config.threshold !== undefined ? "fixed in the study config" : pooled ? "Youden index on the out-of-sample development predictions (CV, else out-of-bag)" : "Youden index on the apparent predictions",
      sensitivity: tm.sensitivity.estimate,
      specificity: tm.specificity.estimate,
    });
  });

  // Leave-one-site-out (internal–external cross-validation).
  let heterogeneity: HeterogeneityResult[] = [];
  const leaveOneSiteOutPooled: PooledSiteValidation[] = [];
  const externalValidation: ExternalValidationResult[] = [];
  if (config.external?.leaveOneSiteOut) {
    const bySite = await validateBySite(job, devRows, siteRng, {
      executor,
      cohort: design.development.name,
      onProgress: (d, t) => progress("leave-one-site-out", d, t),
      ...(config.external.meta ? { meta: config.external.meta } : {}),
      ...(thresholds ? { thresholds } : {}),
    });
    heterogeneity = bySite.heterogeneity;
    externalValidation.push(...bySite.perSite);
    for (const result of bySite.predictions) {
      for (const split of result.splits) record("leave-one-site-out", result.workflow, split.id, split.assessment, split.prob);
      // Every development patient predicted once, by the model fitted without their site: curves over all sites.
      const rows = Int32Array.from(result.splits.flatMap((s) => Array.from(s.assessment)));
      const prob = Float64Array.from(result.splits.flatMap((s) => Array.from(s.prob)));
      const allLogit = result.splits.every((s) => s.logit !== null);
      const logit = allLogit ? Float64Array.from(result.splits.flatMap((s) => Array.from(s.logit!))) : null;
      const yy = Float64Array.from(rows, (r) => y[r]!);
      leaveOneSiteOutPooled.push({
        model: result.workflow,
        cohort: design.development.name,
        sites: result.splits.map((s) => s.id.replace(/^Site:/, "")),
        n: rows.length,
        events: yy.reduce((a, b) => a + b, 0),
        metrics: performanceMetrics(yy, prob, 0.95, logit),
        roc: rocPoints(yy, prob, { rng: curveRng.split() }),
        calibration: calibrationPoints(yy, prob, { rng: curveRng.split() }),
        decisionCurve: decisionCurveRows(yy, prob, thresholds),
      });
    }
  }

  // External cohorts: the final models applied unchanged; updating; case mix.
  const updating: ModelUpdatingResult[] = [];
  const caseMixes: CaseMixComparison[] = [];
  const candidateFeatures = candidatePredictors(finals[0], data);
  for (const cohort of design.external) {
    const yc = Float64Array.from(cohort.rows, (r) => y[r]!);
    const cohortEvents = yc.reduce((a, b) => a + b, 0);
    for (const f of finals) {
      const { prob, logit } = f.predictWithLogit(data, cohort.rows);
      const metrics = performanceMetrics(yc, prob, 0.95, logit);
      record("external", f.spec.id, cohort.name, cohort.rows, prob);
      externalValidation.push({
        model: f.spec.id,
        cohort: cohort.name,
        site: null,
        n: cohort.rows.length,
        events: cohortEvents,
        metrics,
        roc: rocPoints(yc, prob, { rng: curveRng.split() }),
        calibration: calibrationPoints(yc, prob, { rng: curveRng.split() }),
        decisionCurve: decisionCurveRows(yc, prob, thresholds),
        notEstimable: notEstimableReason(cohortEvents, yc.length),
      });
      for (const method of config.external?.updating ?? []) {
        updating.push(
          await updateModel(method, { model: f.spec.id, cohort: cohort.name, data, rows: cohort.rows, prob, workflow: f.spec, job }, updateRng.split(), executor),
        );
      }
    }
    caseMixes.push(caseMix(data, design.development, cohort, candidateFeatures));
  }

  // Incremental value of each configured pair (comparator, model): apparent, cross-validated, external.
  const incremental: IncrementalValue[] = [];
  for (const [k, [comparatorName, modelName]] of (config.incremental?.pairs ?? []).entries()) {
    const byName = (name: string, at: number) => {
      const w = finals.find((f) => f.spec.label === name || f.spec.id === name);
      if (!w) {
        throw new RadvalError("INVALID_CONFIG", `incremental.pairs[${k}] names model "${name}", which is not one of the study's models`, {
          where: { key: `incremental.pairs[${k}][${at}]` },
          hint: `Models: ${finals.map((f) => f.spec.label).join(", ")}.`,
        });
      }
      return w;
    };
    const a = byName(comparatorName, 0);
    const b = byName(modelName, 1);
    const cutoffs = config.incremental?.cutoffs;
    const common = { ...(cutoffs ? { cutoffs } : {}), ...(thresholds ? { thresholds } : {}) };
    const sets = [compareOn({ data: `apparent (${design.development.name})`, y: yDev, comparator: apparentFit.get(a.spec.id)!, model: apparentFit.get(b.spec.id)! }, { ...common, lrt: { comparator: a, model: b } })];
    const pa = internal.pooled.get(a.spec.id);
    const pb = internal.pooled.get(b.spec.id);
    if (pa && pb) sets.push(compareOn({ data: "cross-validated (pooled out-of-fold, first repeat)", y: pa.y, comparator: { prob: pa.prob, logit: null }, model: { prob: pb.prob, logit: null } }, common));
    for (const cohort of design.external) {
      const yc = Float64Array.from(cohort.rows, (r) => y[r]!);
      sets.push(compareOn({ data: cohort.name, y: yc, comparator: a.predictWithLogit(data, cohort.rows), model: b.predictWithLogit(data, cohort.rows) }, common));
    }
    const corrected = (id: string) => internal.models.find((m) => m.model === id)?.corrected.auc?.estimate ?? null;
    const ca = corrected(a.spec.id);
    const cb = corrected(b.spec.id);
    incremental.push(incrementalValue(a.spec.id, b.spec.id, sets, internal.bootstraps && ca !== null && cb !== null ? cb - ca : null));
  }

  options.onPredictions?.(predictions);
  const exported = finals.map((f) => exportWorkflow(f, data, devRows));
  options.onModelFile?.({
    format: MODEL_FILE_FORMAT,
    version: MODEL_FILE_VERSION,
    radvalVersion: RADVAL_VERSION,
    seed,
    configHash: inputs.software?.configHash ?? null,
    outcome: { column: data.outcome.name, positive: data.outcome.positiveLabel, negative: data.outcome.negativeLabel },
    idColumn: data.idColumn ?? null,
    primaryModel: finals[0]?.spec.id ?? null,
    models: exported,
  });
  const prevalence = devEvents / devRows.length;
  const classWeighted = workflows.filter((w) => w.model.params["classWeight"] !== null && w.model.params["classWeight"] !== undefined);
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    createdAt: options.createdAt === undefined ? new Date().toISOString() : options.createdAt,
    study: studyInfo(config),
    software: softwareInfo(inputs, seed),
    outcome: { column: data.outcome.name, positive: data.outcome.positiveLabel, negative: data.outcome.negativeLabel },
    cohorts: [design.development, ...design.external].map((c) => cohortResult(data, c)),
    dataPreparation: finals[0] ? dataPreparation(finals[0], data, devRows) : { reliability: null, redundancy: null, steps: [], refitInEverySplit: true },
    harmonization: harmonizationResult(finals[0], data, devRows),
    missingData: missingDataHandling(steps, data, devRows, inputs.outcomeMissingDropped ?? 0),
    predictors: predictorsResult(data, candidateFeatures, leaks),
    models: finals.map((f, k) => modelResult(f, exported[k]!, devEvents, 10)),
    primaryModel: finals[0]?.spec.id ?? null,
    internalValidation: {
      scheme: internal.scheme,
      description: internal.description,
      folds: internal.folds,
      repeats: internal.repeats,
      bootstraps: internal.bootstraps,
      stratified: true,
      cohort: design.development.name,
      models: internal.models,
    },
    externalValidation,
    heterogeneity,
    leaveOneSiteOutPooled,
    updating,
    caseMix: caseMixes,
    classImbalance: {
      method: classWeighted.length ? "class-weights" : "none",
      details: classWeighted.length ? `class weights in ${classWeighted.map((w) => w.id).join(", ")}` : "the models were fit on the observed class balance; no resampling or reweighting",
      prevalence,
      recalibrated: false,
      recalibrationMethod: null,
    },
    modelOutput: { kind: "probability", thresholds: [...thresholdsByModel.values()] },
    subgroups: [],
    ...(incremental.length ? { incrementalValue: incremental } : {}),
  };
}
