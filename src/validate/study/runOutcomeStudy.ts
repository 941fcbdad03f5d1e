import { isRadvalError } from "../../core/errors.js";
import { type Prediction, classRows, concatPredictions, predictionAt } from "../../core/prediction.js";
import { type Response, responseAt, responseStrata } from "../../core/response.js";
import { type Rng, createRng } from "../../core/rng.js";
import { defaultThresholds } from "../../metrics/decisionCurve.js";
import { stratifiedClassFolds } from "../../models/elasticnet/multinomialCv.js";
import { evaluateLevels } from "../../ordinal/evaluation.js";
import type { KindCohortEvaluation, KindMetricRow, KindModelValidation, OutcomeKindInfo, OutcomeValidation, StudyResults } from "../../report/results.js";
import { RESULTS_SCHEMA_VERSION } from "../../report/results.js";
import { bootstrap } from "../../resample/bootstrap.js";
import { splitsFromFoldIds } from "../../resample/foldIds.js";
import { repeatedStratifiedKFold } from "../../resample/repeatedStratifiedKFold.js";
import type { Resamples } from "../../resample/types.js";
import { padIndex } from "../../resample/types.js";
import { evaluateSurvival } from "../../survival/evaluation.js";
import { medianFollowUp } from "../../survival/kaplanMeier.js";
import { RADVAL_VERSION } from "../../version.js";
import { harmonizationResult } from "../../harmonize/results.js";
import type { StudyConfig } from "../config.js";
import { type SplitPrediction, resamplePredictions } from "../crossValidation.js";
import { type MetricSet, metricSetFor } from "../metricSets/index.js";
import { outcomeSpec } from "../outcomeSpec.js";
import { MODEL_FILE_FORMAT, MODEL_FILE_VERSION, exportWorkflow } from "../modelFile.js";
import { type MetricOptimism, bootstrapOptimism } from "../optimismBootstrap.js";
import { type ValidationJob, inProcessExecutor, selectedFeatures } from "../tasks.js";
import { type FittedWorkflow, fitWorkflow } from "../workflow.js";
import { candidatePredictors, cohortResult, dataPreparation, missingDataHandling, modelResult, predictorsResult, softwareInfo } from "./assemble.js";
import { type CohortRows, resolveDesign } from "./design.js";
import { selectionStability } from "./internal.js";
import { type CutoffThresholds, cohortCurves, cutoffThresholds } from "./kindCurves.js";
import { kindLeaveOneSiteOut } from "./kindSites.js";
import { hasMissing, recipeFromConfig, workflowsFromConfig } from "./pipeline.js";
import type { StudyResponse } from "./response.js";
import type { PredictionRow, RunStudyOptions, StudyInputs } from "./runStudy.js";
import { studyInfo } from "./studyInfo.js";

/** Stratified (repeated) k-fold CV of the development rows by the response's strata (event, or level), split ids as the binary engine's. */
function stratifiedFolds(response: Response, devRows: Int32Array, folds: number, repeats: number, rng: Rng): Resamples {
  const dev = responseAt(response, devRows);
  if (dev.kind !== "ordinal" && dev.kind !== "nominal") return repeatedStratifiedKFold(responseStrata(dev), folds, repeats, rng);
  const streams = rng.splitMany(repeats);
  const splits = streams.flatMap((stream, r) =>
    splitsFromFoldIds(stratifiedClassFolds(dev.codes, dev.levels.length, folds, stream)).splits.map((s) => ({ ...s, id: `Repeat${padIndex(r + 1, repeats)}.${s.id}` })),
  );
  return { scheme: "repeated-stratified-kfold", n: devRows.length, splits, params: { folds, repeats, strata: "level" } };
}

function toDatasetRows(resamples: Resamples, devRows: Int32Array, n: number): Resamples {
  return {
    ...resamples,
    n,
    splits: resamples.splits.map((s) => ({ ...s, analysis: Int32Array.from(s.analysis, (k) => devRows[k]!), assessment: Int32Array.from(s.assessment, (k) => devRows[k]!) })),
  };
}

/** Out-of-fold predictions of one repeat, pooled in ascending row order. */
function poolRepeat(splits: readonly SplitPrediction[]): { rows: Int32Array; prediction: Prediction } {
  const rowsCat = Int32Array.from(splits.flatMap((s) => Array.from(s.assessment)));
  const order = Int32Array.from(rowsCat.keys()).sort((a, b) => rowsCat[a]! - rowsCat[b]!);
  return { rows: Int32Array.from(order, (k) => rowsCat[k]!), prediction: concatPredictions(splits.map((s) => s.prediction), order) };
}

const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);
const sd = (v: number[]) => {
  if (v.length < 2) return null;
  const m = mean(v)!;
  return Math.sqrt(v.reduce((a, x) => a + (x - m) ** 2, 0) / (v.length - 1));
};

/** The detailed evaluation of predictions on some rows: survival (C, AUC/Brier at t, risk groups…) or levels (cut-off AUCs, Obuchowski, kappa…), with the chart data ({@link cohortCurves}). */
function evaluateCohort(name: string, response: Response, prediction: Prediction, eventIndicator: Float64Array, thresholds: Float64Array, chosen: CutoffThresholds | null): KindCohortEvaluation {
  const n = eventIndicator.length;
  const events = eventIndicator.reduce((a, b) => a + b, 0);
  try {
    if (response.kind === "survival" && prediction.kind === "survival") {
      return { cohort: name, n, events, survival: evaluateSurvival(response.time, response.event, prediction.lp, { prob: prediction.risk, horizon: response.horizon, thresholds }), notEstimable: null, curves: cohortCurves(response, prediction, chosen) };
    }
    if ((response.kind === "ordinal" || response.kind === "nominal") && (prediction.kind === "ordinal" || prediction.kind === "nominal")) {
      const cutoffs = response.kind === "ordinal" ? response.cutoffs : [];
      const { report } = evaluateLevels(Int32Array.from(response.codes), response.levels, cutoffs, { probs: classRows(prediction) });
      return { cohort: name, n, events, levels: report, notEstimable: null, curves: cohortCurves(response, prediction, chosen) };
    }
  } catch (e) {
    if (isRadvalError(e)) return { cohort: name, n, events, notEstimable: e.detail };
    throw e;
  }
  return { cohort: name, n, events, notEstimable: `no evaluation for ${response.kind} outcomes with ${prediction.kind} predictions` };
}

/**
 * Runs a study whose outcome is ordinal, nominal or time-to-event: the same
 * design, recipe, workflows, one final fit per workflow (exported to
 * model.json), stratified cross-validation and Harrell's optimism bootstrap
 * through the same engine and executor as binary studies, with the kind's
 * metric set (corrected = apparent − optimism for each index), then each
 * external cohort. The detailed evaluations (C with SE, AUC/Brier at the
 * horizon with CIs, risk groups; or cut-off AUCs with DeLong CIs, Obuchowski,
 * kappa) are those of `radval evaluate`. Streams of the master seed are
 * split as in binary studies, so the output does not depend on the number of workers.
 */
export async function runOutcomeStudy(inputs: StudyInputs, studyResponse: StudyResponse, options: RunStudyOptions = {}): Promise<StudyResults> {
  const { config, data } = inputs;
  const { response } = studyResponse;
  const kind = response.kind as OutcomeValidation["kind"];
  const seed = options.seed ?? config.seed ?? 2026;
  const executor = options.executor ?? inProcessExecutor;
  const progress = options.onProgress ?? (() => {});
  const design = resolveDesign(config, data, inputs.fileCohorts ?? [], inputs.dataFile, inputs.droppedRows ?? []);
  const devRows = design.development.rows;
  const steps = recipeFromConfig(config, inputs.long, hasMissing(data, devRows));
  const workflows = workflowsFromConfig(config, steps, data.featureNames);
  const job: ValidationJob = { data, workflows, response };
  const metricSet: MetricSet = metricSetFor(response);
  const thresholds = defaultThresholds();
  const master = createRng(seed);
  const [finalRng, internalRng, siteRng] = master.splitMany(5) as [Rng, Rng, Rng, Rng, Rng];

  progress("final models", 0, workflows.length);
  const finals: FittedWorkflow[] = workflows.map((w, k) => {
    const fitted = fitWorkflow(w, data, devRows, finalRng.split(), { splitId: "final", response });
    progress("final models", k + 1, workflows.length);
    return fitted;
  });
  const devResponse = responseAt(response, devRows);
  const devEvents = Float64Array.from(devRows, (r) => studyResponse.eventIndicator[r]!);
  const apparentPrediction = finals.map((f) => f.predictOutcome(data, devRows));

  // Internal validation: CV and the optimism bootstrap, on the development rows only.
  const internal = config.internal ?? {};
  const cvConfig = internal.cv ?? (internal.bootstrap ? undefined : { folds: 10 });
  const folds = cvConfig?.folds ?? 10;
  const repeats = cvConfig?.repeats ?? 1;
  const [cvRng, bootRng] = internalRng.splitMany(3) as [Rng, Rng, Rng];
  let cv: Array<{ workflow: string; splits: SplitPrediction[] }> | null = null;
  if (cvConfig) {
    const partition = toDatasetRows(stratifiedFolds(response, devRows, folds, repeats, cvRng.split()), devRows, data.x.nRows);
    cv = await resamplePredictions(job, partition, cvRng, { executor, onProgress: (d, t) => progress("cross-validation", d, t) });
  }
  let boot: MetricOptimism[] | null = null;
  const replicates = internal.bootstrap ? (internal.bootstrap.replicates ?? 200) : 0;
  if (replicates > 0) {
    const samples = bootstrap(devRows.length, replicates, bootRng.split());
    boot = await bootstrapOptimism(job, devRows, samples, bootRng, { executor, original: apparentPrediction, metricSet, onProgress: (d, t) => progress("optimism bootstrap", d, t) });
  }

  const bySite = config.external?.leaveOneSiteOut
    ? await kindLeaveOneSiteOut({ ...job, response }, devRows, siteRng, metricSet, { executor, ...(config.external.meta ? { meta: config.external.meta } : {}), onProgress: (d, t) => progress("leave-one-site-out", d, t) })
    : null;

  const predictions: PredictionRow[] = [];
  const record = (scheme: string, model: string, split: string, rows: ArrayLike<number>, prediction: Prediction) => {
    const p = prediction;
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!;
      const values: Record<string, number> =
        p.kind === "survival"
          ? { time: response.kind === "survival" ? response.time[r]! : NaN, lp: p.lp[k]! }
          : p.kind === "binary"
            ? {}
            : Object.fromEntries((response.kind === "ordinal" || response.kind === "nominal" ? response.levels : []).map((l, c) => [`P(${l})`, p.probs[k * p.nLevels + c]!]));
      const prob = p.kind === "survival" ? p.risk[k]! : p.kind === "binary" ? p.prob[k]! : NaN;
      const outcome = response.kind === "survival" ? response.event[r]! : response.kind === "binary" ? response.y[r]! : response.levels[response.codes[r]!]!;
      predictions.push({ id: data.ids[r]!, model, scheme, split, outcome, prob, values });
    }
  };
  finals.forEach((f, k) => record("apparent", f.spec.id, design.development.name, devRows, apparentPrediction[k]!));
  for (const result of cv ?? []) for (const split of result.splits) record("cv", result.workflow, split.id, split.assessment, split.prediction);

  const externalPredictions = design.external.map((cohort) => finals.map((f) => f.predictOutcome(data, cohort.rows)));
  design.external.forEach((cohort, c) => finals.forEach((f, k) => record("external", f.spec.id, cohort.name, cohort.rows, externalPredictions[c]![k]!)));

  const models: KindModelValidation[] = finals.map((f, k) => {
    const apparent = metricSet.compute(devResponse, apparentPrediction[k]!);
    const splits = cv?.[k]?.splits ?? [];
    const perSplit = splits.map((s) => metricSet.compute(responseAt(response, s.assessment), s.prediction));
    const pooledRepeats: Array<{ rows: Int32Array; prediction: Prediction }> = [];
    for (let start = 0; start < splits.length; start += folds) pooledRepeats.push(poolRepeat(splits.slice(start, start + folds)));
    const pooledValues = pooledRepeats.map((p) => metricSet.compute(responseAt(response, p.rows), p.prediction));
    const external = design.external.map((cohort, c) => metricSet.compute(responseAt(response, cohort.rows), externalPredictions[c]![k]!));
    const b = boot?.[k] ?? null;
    const metrics: KindMetricRow[] = metricSet.metrics.map((m) => {
      const values = (list: ReadonlyArray<Readonly<Record<string, number | null>>>) => list.map((v) => v[m.name]).filter((x): x is number => x !== null && x !== undefined);
      return {
        metric: m.name,
        label: m.label,
        ideal: m.ideal,
        apparent: apparent[m.name] ?? null,
        cvPooled: mean(values(pooledValues)),
        cvMean: mean(values(perSplit)),
        cvSd: sd(values(perSplit)),
        optimism: b ? (b.meanOptimism[m.name] ?? null) : null,
        corrected: b ? (b.corrected[m.name] ?? null) : null,
        replicatesUsed: b ? (b.used[m.name] ?? 0) : null,
        external: Object.fromEntries(design.external.map((cohort, c) => [cohort.name, external[c]![m.name] ?? null])),
      };
    });
    const first = pooledRepeats[0];
    const chosen = first ? cutoffThresholds(responseAt(response, first.rows), first.prediction, "Youden, cross-validated development predictions") : cutoffThresholds(devResponse, apparentPrediction[k]!, "Youden, apparent development predictions");
    const cohorts = [
      evaluateCohort(design.development.name, devResponse, apparentPrediction[k]!, devEvents, thresholds, chosen),
      ...design.external.map((cohort, c) => evaluateCohort(cohort.name, responseAt(response, cohort.rows), externalPredictions[c]![k]!, Float64Array.from(cohort.rows, (r) => studyResponse.eventIndicator[r]!), thresholds, chosen)),
    ];
    const refits = [...(b?.replicates ?? []).map((r) => r.selected), ...splits.map((s) => s.selected)];
    return {
      model: f.spec.id,
      metrics,
      selection: selectionStability(refits, selectedFeatures(f.model)),
      cohorts,
      crossValidated: first ? evaluateCohort(`${design.development.name} (cross-validated)`, responseAt(response, first.rows), first.prediction, Float64Array.from(first.rows, (r) => studyResponse.eventIndicator[r]!), thresholds, chosen) : null,
    };
  });

  options.onPredictions?.(predictions);
  const exported = finals.map((f) => exportWorkflow(f, data, devRows));
  const kindInfo: OutcomeKindInfo = { ...outcomeKindInfo(config, studyResponse, data), cohorts: [design.development, ...design.external].map((c) => cohortCounts(c, response)) };
  options.onModelFile?.({
    format: MODEL_FILE_FORMAT,
    version: MODEL_FILE_VERSION,
    radvalVersion: RADVAL_VERSION,
    seed,
    configHash: inputs.software?.configHash ?? null,
    outcome: outcomeInfo(kindInfo),
    outcomeKind: kindInfo,
    idColumn: data.idColumn ?? null,
    primaryModel: finals[0]?.spec.id ?? null,
    models: exported,
  });
  const candidateFeatures = candidatePredictors(finals[0], data);
  const cohorts: CohortRows[] = [design.development, ...design.external];
  const devEventCount = devEvents.reduce((a, b2) => a + b2, 0);
  const schemeParts = [bySite ? "leave-one-site-out (each site held out in turn)" : null, cvConfig ? `${repeats > 1 ? `${repeats}× repeated ` : ""}${folds}-fold cross-validation stratified by ${kind === "survival" ? "event status" : "level"}` : null, replicates > 0 ? `Harrell's optimism bootstrap (${replicates} replicates)` : null].filter(Boolean);
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    createdAt: options.createdAt === undefined ? new Date().toISOString() : options.createdAt,
    study: studyInfo(config),
    software: softwareInfo(inputs, seed),
    outcome: outcomeInfo(kindInfo),
    cohorts: cohorts.map((c) => cohortResult(data, c, studyResponse.eventIndicator)),
    dataPreparation: finals[0] ? dataPreparation(finals[0], data, devRows) : { reliability: null, redundancy: null, steps: [], refitInEverySplit: true },
    harmonization: harmonizationResult(finals[0], data, devRows),
    missingData: missingDataHandling(steps, data, devRows, inputs.outcomeMissingDropped ?? 0),
    predictors: predictorsResult(data, candidateFeatures, []),
    models: finals.map((f, k) => modelResult(f, exported[k]!, devEventCount, 10)),
    primaryModel: finals[0]?.spec.id ?? null,
    internalValidation: null,
    externalValidation: [],
    heterogeneity: [],
    leaveOneSiteOutPooled: [],
    updating: [],
    caseMix: [],
    classImbalance: null,
    modelOutput: null,
    subgroups: [],
    outcomeKind: kindInfo,
    outcomeValidation: {
      kind,
      description: schemeParts.join("; ") || "none",
      folds: cvConfig ? folds : null,
      repeats: cvConfig ? repeats : null,
      bootstraps: replicates > 0 ? replicates : null,
      cohort: design.development.name,
      models,
      ...(bySite ? { leaveOneSiteOut: bySite } : {}),
    },
  };
}

/** Patients, events, censorings and median follow-up (survival) or cases per level of one cohort. */
function cohortCounts(cohort: CohortRows, response: Response): NonNullable<OutcomeKindInfo["cohorts"]>[number] {
  const r = responseAt(response, cohort.rows);
  if (r.kind === "survival") {
    let events = 0;
    let byHorizon = 0;
    r.event.forEach((e, i) => {
      events += e;
      if (e === 1 && r.time[i]! <= r.horizon) byHorizon++;
    });
    return { cohort: cohort.name, n: cohort.rows.length, events, censored: cohort.rows.length - events, eventsByHorizon: byHorizon, medianFollowUp: events < cohort.rows.length ? medianFollowUp(r.time, r.event) : null };
  }
  if (r.kind === "ordinal" || r.kind === "nominal") {
    const counts = new Array<number>(r.levels.length).fill(0);
    for (const c of r.codes) counts[c]!++;
    return { cohort: cohort.name, n: cohort.rows.length, levelCounts: counts };
  }
  return { cohort: cohort.name, n: cohort.rows.length };
}

function outcomeKindInfo(config: StudyConfig, studyResponse: StudyResponse, data: StudyInputs["data"]): OutcomeKindInfo {
  const r = studyResponse.response;
  const spec = outcomeSpec(config);
  if (r.kind === "survival") return { kind: "survival", timeColumn: data.time!.name, eventColumn: data.event!.name, eventValue: spec.kind === "survival" ? (spec.eventValue ?? 1) : 1, horizon: r.horizon, medianFollowUp: studyResponse.medianFollowUp };
  if (r.kind === "ordinal" || r.kind === "nominal") return { kind: r.kind, column: data.levelOutcome!.name, levels: [...r.levels], cutoffs: r.cutoffs.map((c) => c.label) };
  return { kind: "binary" };
}

/** The binary-style outcome summary (column, "positive", "negative") of another kind, for tables that name the outcome. */
function outcomeInfo(info: OutcomeKindInfo): StudyResults["outcome"] {
  if (info.kind === "survival") return { column: info.eventColumn!, positive: String(info.eventValue ?? 1), negative: "censored" };
  return { column: info.column ?? "outcome", positive: info.cutoffs?.[0] ?? info.levels?.[info.levels.length - 1] ?? "", negative: null };
}
