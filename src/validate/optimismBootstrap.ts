import { RadvalError } from "../core/errors.js";
import type { Rng } from "../core/rng.js";
import type { Resamples } from "../resample/types.js";
import { type ProcedureOptions, jobOutcome, splitSeeds } from "./crossValidation.js";
import { type DotPlusResult, dotPlus } from "./dotPlus.js";
import { type PerformanceIndexes, performanceIndexes } from "./performance.js";
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

function pick(ix: PerformanceIndexes, recalibratedR2: boolean): Record<OptimismMetric, number | null> {
  return {
    auc: ix.auc,
    dxy: ix.dxy,
    brier: ix.brier,
    intercept: ix.intercept,
    slope: ix.slope,
    citl: ix.citl,
    r2Nagelkerke: recalibratedR2 ? ix.r2NagelkerkeRecalibrated : ix.r2Nagelkerke,
  };
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

/**
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
  if (bootstraps.n !== rows.length) {
    throw new RadvalError("DIMENSION_MISMATCH", `the bootstrap samples index ${bootstraps.n} rows but ${rows.length} development rows were given`);
  }
  const executor = options.executor ?? inProcessExecutor;
  const y = jobOutcome(job, options.outcome);
  const yDev = Float64Array.from(rows, (r) => y[r]!);
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

  return job.workflows.map((workflow, w) => {
    const base = w * perWorkflow;
    const originalFit: OriginalFit = options.original ? options.original[w]! : outputs[base]!;
    const first = base + (refitOriginal ? 1 : 0);
    const originalProb = originalFit.prob;
    const originalIndexes = performanceIndexes(yDev, originalProb, originalFit.logit);
    const original = pick(originalIndexes, false);
    const replicates: BootstrapReplicate[] = [];
    const oob: Array<{ positions: Int32Array; prob: Float64Array }> = [];
    bootstraps.splits.forEach((split, b) => {
      const { prob, logit, selected } = outputs[first + b]!;
      const sampleY = Float64Array.from(split.analysis, (k) => yDev[k]!);
      const sampleP = Float64Array.from(split.analysis, (k) => prob[k]!);
      const sampleLogit = logit ? Float64Array.from(split.analysis, (k) => logit[k]!) : null;
      const apparent = pick(performanceIndexes(sampleY, sampleP, sampleLogit), false);
      const test = pick(performanceIndexes(yDev, prob, logit), true);
      const optimism = {} as Record<OptimismMetric, number | null>;
      for (const m of OPTIMISM_METRICS) optimism[m] = apparent[m] === null || test[m] === null ? null : apparent[m]! - test[m]!;
      replicates.push({ id: split.id, apparent, test, optimism, selected });
      oob.push({ positions: split.assessment, prob: Float64Array.from(split.assessment, (k) => prob[k]!) });
    });
    const meanOptimism = {} as Record<OptimismMetric, number | null>;
    const corrected = {} as Record<OptimismMetric, number | null>;
    const used = {} as Record<OptimismMetric, number>;
    for (const m of OPTIMISM_METRICS) {
      const values = replicates.map((r) => r.optimism[m]).filter((v): v is number => v !== null);
      used[m] = values.length;
      meanOptimism[m] = values.length ? values.reduce((a, v) => a + v, 0) / values.length : null;
      corrected[m] = original[m] === null || meanOptimism[m] === null ? null : original[m]! - meanOptimism[m]!;
    }
    const oobSum = new Float64Array(rows.length);
    const oobCount = new Int32Array(rows.length);
    for (const { positions, prob } of oob) {
      positions.forEach((k, i) => {
        oobSum[k]! += prob[i]!;
        oobCount[k]!++;
      });
    }
    const outOfBagMean = Float64Array.from(oobSum, (sum, k) => (oobCount[k]! > 0 ? sum / oobCount[k]! : NaN));
    const correctedEmax = corrected.intercept !== null && corrected.slope !== null ? emaxOfCalibrationLine(corrected.intercept, corrected.slope) : null;
    return {
      workflow: workflow.id,
      n: rows.length,
      replicates,
      original,
      meanOptimism,
      corrected,
      used,
      correctedEmax,
      dotPlus: dotPlus(yDev, originalProb, oob),
      outOfBagMean,
    };
  });
}
