import { RadvalError } from "../core/errors.js";
import type { Rng } from "../core/rng.js";
import type { Resamples } from "../resample/types.js";
import { type Prediction, asBinary, predictionAt } from "../core/prediction.js";
import { responseAt } from "../core/response.js";
import { type ProcedureOptions, jobOutcome, jobResponse, splitSeeds } from "./crossValidation.js";
import { type MetricDefinition, type MetricSet, type MetricValues, metricSetFor } from "./metricSets/index.js";
import { type DotPlusResult, dotPlus } from "./dotPlus.js";
import { type FitPredictTask, type ValidationJob, inProcessExecutor } from "./tasks.js";

/** The indexes Harrell's optimism bootstrap corrects. */
export const OPTIMISM_METRICS = ["auc", "dxy", "brier", "intercept", "slope", "citl", "r2Nagelkerke"] as const;
/** One of {@link OPTIMISM_METRICS}. */
export type OptimismMetric = (typeof OPTIMISM_METRICS)[number];

/** Apparent, test and optimism values of one bootstrap replicate. */
export interface BootstrapReplicate {
  readonly id: string;
  readonly apparent: Readonly<Record<OptimismMetric, number | null>>;
  readonly test: Readonly<Record<OptimismMetric, number | null>>;
  readonly optimism: Readonly<Record<OptimismMetric, number | null>>;
  /** Linear models: the features with a non-zero coefficient in this replicate's fit (selection stability), else null. */
  readonly selected: readonly string[] | null;
}

/** Harrell's optimism-corrected performance of one workflow, with .632 / .632+ from the same replicates. */
export interface OptimismResult {
  readonly workflow: string;
  readonly n: number;
  readonly replicates: readonly BootstrapReplicate[];
  /** Apparent performance of the workflow fit on all rows. */
  readonly original: Readonly<Record<OptimismMetric, number | null>>;
  /** Mean optimism over the replicates where it is defined. */
  readonly meanOptimism: Readonly<Record<OptimismMetric, number | null>>;
  /** original − mean optimism. */
  readonly corrected: Readonly<Record<OptimismMetric, number | null>>;
  /** Replicates whose optimism was defined, per metric. */
  readonly used: Readonly<Record<OptimismMetric, number>>;
  /**
   * Emax of the corrected calibration line as rms::validate reports it:
   * max over p in [0, 1] (step 5e-4) of |p − expit(a + b·logit p)| with the
   * corrected intercept a and slope b.
   */
  readonly correctedEmax: number | null;
  /** .632 and .632+ estimates (Efron & Tibshirani 1997) of AUC, Brier score and error rate. */
  readonly dotPlus: DotPlusResult;
  /**
   * Leave-one-out bootstrap prediction of each development row: the mean of
   * the predictions of the fits whose sample left it out (NaN when every
   * sample contained it). Out-of-sample, so usable for curves.
   */
  readonly outOfBagMean: Float64Array;
}


/** rms::validate's Emax of a calibration line a + b·logit(p) over p ∈ [0, 1], step 5e-4. */
export function emaxOfCalibrationLine(intercept: number, slope: number): number {
  let emax = 0;
  for (let k = 0; k <= 2000; k++) {
    const p = k * 5e-4;
    const logit = Math.log(p / (1 - p));
    const calibrated = 1 / (1 + Math.exp(-(intercept + slope * logit)));
    const e = Math.abs(p - calibrated);
    if (Number.isFinite(e) && e > emax) emax = e;
  }
  return emax;
}

/** Predictions of a workflow already fitted on all the rows (the study's final model): its probabilities and, for linear models, log-odds. */
export interface OriginalFit {
  readonly prob: Float64Array;
  readonly logit: Float64Array | null;
}

/** Options of {@link optimismBootstrap}. */
export interface OptimismOptions extends ProcedureOptions {
  /**
   * The predictions on `rows` of each workflow's fit on all `rows` (in job
   * order): the study's final models. Given, the bootstrap corrects THOSE
   * fits (no second "original" fit that could differ from the reported
   * model); absent, each workflow is fit once more on all rows.
   */
  readonly original?: readonly OriginalFit[];
}

/** One bootstrap replicate of any metric set: apparent (on its sample), test (on the original rows) and optimism. */
export interface MetricReplicate {
  readonly id: string;
  readonly apparent: MetricValues;
  readonly test: MetricValues;
  readonly optimism: MetricValues;
  readonly selected: readonly string[] | null;
}

/** Harrell's optimism bootstrap of one workflow for any outcome kind: the metric set's values, apparent − mean optimism. */
export interface MetricOptimism {
  readonly workflow: string;
  readonly n: number;
  readonly metrics: readonly MetricDefinition[];
  readonly replicates: readonly MetricReplicate[];
  readonly original: MetricValues;
  readonly meanOptimism: MetricValues;
  readonly corrected: MetricValues;
  readonly used: Readonly<Record<string, number>>;
  /** Each replicate's prediction of every development row (for out-of-bag estimates). */
  readonly replicatePredictions: readonly Prediction[];
  /** The original fit's prediction of the development rows. */
  readonly originalPrediction: Prediction;
}

/** Options of {@link bootstrapOptimism}. */
export interface MetricOptimismOptions extends ProcedureOptions {
  /** The final fits' predictions on `rows`, in job order (see {@link OptimismOptions.original}). */
  readonly original?: readonly Prediction[];
  /** The metric set (default: the one of the job's outcome kind). */
  readonly metricSet?: MetricSet;
}

/**
 * Harrell's optimism bootstrap for any outcome kind (Harrell, Lee & Mark
 * 1996; rms::validate): for each bootstrap sample, the workflow is refit on
 * it; its metric-set values on the sample (apparent) minus those on the
 * original rows (test) is the optimism; corrected = the original fit's
 * values − mean optimism, for every metric of the set alike. `rows` are the
 * development rows; `bootstraps` index positions 0..n−1 of `rows`. Seeds are
 * drawn up front from `rng`, in the same order for every kind.
 */
export async function bootstrapOptimism(
  job: ValidationJob,
  rows: Int32Array,
  bootstraps: Resamples,
  rng: Rng,
  options: MetricOptimismOptions = {},
): Promise<MetricOptimism[]> {
  if (bootstraps.n !== rows.length) {
    throw new RadvalError("DIMENSION_MISMATCH", `the bootstrap samples index ${bootstraps.n} rows but ${rows.length} development rows were given`);
  }
  const executor = options.executor ?? inProcessExecutor;
  const response = jobResponse(job, options.outcome);
  const metricSet = options.metricSet ?? metricSetFor(response);
  const dev = responseAt(response, rows);
  const B = bootstraps.splits.length;
  if (options.original && options.original.length !== job.workflows.length) {
    throw new RadvalError("DIMENSION_MISMATCH", `${options.original.length} original fits given for ${job.workflows.length} workflows`);
  }
  const originalSeeds = rng.split().splitMany(job.workflows.length).map((r) => r.getState());
  const seeds = splitSeeds(rng, job.workflows.length, B);
  const tasks: FitPredictTask[] = [];
  const outcome = options.outcome !== undefined ? { outcome: options.outcome } : {};
  const refitOriginal = !options.original;
  const perWorkflow = B + (refitOriginal ? 1 : 0);
  job.workflows.forEach((_, w) => {
    if (refitOriginal) tasks.push({ workflow: w, splitId: "Original", analysis: rows, predict: rows, rngState: originalSeeds[w]!, ...outcome });
    bootstraps.splits.forEach((split, b) => {
      tasks.push({ workflow: w, splitId: split.id, analysis: Int32Array.from(split.analysis, (k) => rows[k]!), predict: rows, rngState: seeds[w]![b]!, ...outcome });
    });
  });
  const outputs = await executor.run(job, tasks, (done, total) => options.onProgress?.(done, total, "bootstrap"));
  const names = metricSet.metrics.map((m) => m.name);

  return job.workflows.map((workflow, w) => {
    const base = w * perWorkflow;
    const originalPrediction = options.original ? options.original[w]! : outputs[base]!.prediction;
    const first = base + (refitOriginal ? 1 : 0);
    const original = metricSet.compute(dev, originalPrediction, "apparent");
    const replicates: MetricReplicate[] = [];
    const replicatePredictions: Prediction[] = [];
    bootstraps.splits.forEach((split, b) => {
      const { prediction, selected } = outputs[first + b]!;
      replicatePredictions.push(prediction);
      const apparent = metricSet.compute(responseAt(dev, split.analysis), predictionAt(prediction, split.analysis), "apparent");
      const test = metricSet.compute(dev, prediction, "test");
      const optimism: Record<string, number | null> = {};
      for (const m of names) optimism[m] = apparent[m] == null || test[m] == null ? null : apparent[m]! - test[m]!;
      replicates.push({ id: split.id, apparent, test, optimism, selected });
    });
    const meanOptimism: Record<string, number | null> = {};
    const corrected: Record<string, number | null> = {};
    const used: Record<string, number> = {};
    for (const m of names) {
      const values = replicates.map((r) => r.optimism[m]).filter((v): v is number => v !== null && v !== undefined);
      used[m] = values.length;
      meanOptimism[m] = values.length ? values.reduce((a, v) => a + v, 0) / values.length : null;
      corrected[m] = original[m] == null || meanOptimism[m] === null ? null : original[m]! - meanOptimism[m]!;
    }
    return { workflow: workflow.id, n: rows.length, metrics: metricSet.metrics, replicates, original, meanOptimism, corrected, used, replicatePredictions, originalPrediction };
  });
}

/**
 * Harrell's optimism bootstrap of a binary outcome ({@link bootstrapOptimism}
 * with the binary metric set), with the .632/.632+ estimates and the
 * out-of-bag predictions from the same fits.
 *
 * Harrell's optimism-corrected bootstrap (Harrell, Lee & Mark 1996, Stat Med
 * 15:361; Steyerberg 2019 ch. 17; rms::validate with method "boot"): for
 * each bootstrap sample the WHOLE workflow (recipe, tuning, model) is refit on
 * the sample; apparent = performance on the sample itself, test =
 * performance of that fit on the original rows; optimism = apparent − test;
 * corrected = apparent performance of the fit on all rows − mean optimism.
 * Metrics: AUC (C), Dxy, Brier, calibration intercept and slope of
 * `glm(y ~ lp)` (apparent slope computed, ≈ 1 for an unpenalised glm),
 * calibration-in-the-large and Nagelkerke R² (test R² after logistic
 * recalibration, as rms does). The same fits give the .632 / .632+
 * estimates from their out-of-bag predictions.
 *
 * `rows` are the development rows; `bootstraps` indexes positions 0..n−1 of
 * `rows` (from `bootstrap(n, B, rng)` or `bootstrapFromIndices` for exact
 * comparison with R). Each replicate's seed is drawn up front from `rng`.
 */
export async function optimismBootstrap(
  job: ValidationJob,
  rows: Int32Array,
  bootstraps: Resamples,
  rng: Rng,
  options: OptimismOptions = {},
): Promise<OptimismResult[]> {
  const y = jobOutcome(job, options.outcome);
  const yDev = Float64Array.from(rows, (r) => y[r]!);
  const { original, ...rest } = options;
  const results = await bootstrapOptimism(job, rows, bootstraps, rng, {
    ...rest,
    ...(original ? { original: original.map((o): Prediction => ({ kind: "binary", prob: o.prob, logit: o.logit })) } : {}),
  });
  return results.map((r) => {
    const originalProb = asBinary(r.originalPrediction).prob;
    const oob = bootstraps.splits.map((split, b) => {
      const prob = asBinary(r.replicatePredictions[b]!).prob;
      return { positions: split.assessment, prob: Float64Array.from(split.assessment, (k) => prob[k]!) };
    });
    const oobSum = new Float64Array(rows.length);
    const oobCount = new Int32Array(rows.length);
    for (const { positions, prob } of oob) {
      positions.forEach((k, i) => {
        oobSum[k]! += prob[i]!;
        oobCount[k]!++;
      });
    }
    const outOfBagMean = Float64Array.from(oobSum, (sum, k) => (oobCount[k]! > 0 ? sum / oobCount[k]! : NaN));
    const corrected = r.corrected as Record<OptimismMetric, number | null>;
    const correctedEmax = corrected.intercept !== null && corrected.slope !== null ? emaxOfCalibrationLine(corrected.intercept, corrected.slope) : null;
    return {
      workflow: r.workflow,
      n: r.n,
      replicates: r.replicates as BootstrapReplicate[],
      original: r.original as Record<OptimismMetric, number | null>,
      meanOptimism: r.meanOptimism as Record<OptimismMetric, number | null>,
      corrected,
      used: r.used as Record<OptimismMetric, number>,
      correctedEmax,
      dotPlus: dotPlus(yDev, originalProb, oob),
      outOfBagMean,
    };
  });
}
