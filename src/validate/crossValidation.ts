import { type Prediction, asBinary } from "../core/prediction.js";
import { type Response, binaryResponse, responseAt, responseEvents } from "../core/response.js";
import type { Rng } from "../core/rng.js";
import type { Resamples } from "../resample/types.js";
import { type PerformanceIndexes, performanceIndexes } from "./performance.js";
import { type FitPredictTask, type TaskExecutor, type ValidationJob, inProcessExecutor } from "./tasks.js";
import { outcomeVector } from "./workflow.js";

/** Options shared by the resampling procedures. */
export interface ProcedureOptions {
  /** Where the fits run (default: this thread). */
  readonly executor?: TaskExecutor;
  readonly onProgress?: (done: number, total: number, stage: string) => void;
  /** Index into `job.outcomes`: an outcome replacing the dataset's (label-permutation runs). */
  readonly outcome?: number;
  /** Fit only this workflow of the job (the others get no splits); default all. */
  readonly only?: number;
}

/** Out-of-split predictions and per-split indexes of one workflow. */
export interface SplitPredictions {
  readonly workflow: string;
  /** For every split, in order: its id, rows, predicted probabilities for the assessment rows. */
  readonly splits: ReadonlyArray<{
    readonly id: string;
    readonly analysis: Int32Array;
    readonly assessment: Int32Array;
    readonly prob: Float64Array;
    /** The model's exact log-odds for the assessment rows (linear models), else null. */
    readonly logit: Float64Array | null;
    readonly tuned: Readonly<Record<string, unknown>> | null;
    /** Linear models: the features with a non-zero coefficient in this split's fit. */
    readonly selected: readonly string[] | null;
    readonly indexes: PerformanceIndexes;
    readonly eventsAnalysis: number;
  }>;
}

/** The binary outcome vector a procedure uses: `job.outcomes[index]` or the dataset's. */
export function jobOutcome(job: ValidationJob, index?: number): Float64Array {
  if (index !== undefined) return job.outcomes![index]!;
  if (job.response && job.response.kind === "binary") return job.response.y;
  return outcomeVector(job.data);
}

/** The response of any kind a procedure uses: a permuted binary outcome, the job's response, or the dataset's binary outcome. */
export function jobResponse(job: ValidationJob, index?: number): Response {
  if (index === undefined && job.response) return job.response;
  return binaryResponse(jobOutcome(job, index));
}

/** One split's out-of-split prediction of any outcome kind. */
export interface SplitPrediction {
  readonly id: string;
  readonly analysis: Int32Array;
  readonly assessment: Int32Array;
  /** The prediction for the assessment rows, in their order. */
  readonly prediction: Prediction;
  readonly tuned: Readonly<Record<string, unknown>> | null;
  /** Linear models: the features with a non-zero coefficient in this split's fit. */
  readonly selected: readonly string[] | null;
  /** Events (or cases of the rarest level) in the analysis rows. */
  readonly eventsAnalysis: number;
}

/**
 * Fits every workflow on the analysis rows of every split and predicts its
 * assessment rows, for any outcome kind: the whole recipe and model are refit
 * inside each split, and the predictions come back as they are (the kind's
 * metric set reads them). Tasks run through `options.executor`; their seeds
 * are drawn before any of them runs.
 */
export async function resamplePredictions(job: ValidationJob, resamples: Resamples, rng: Rng, options: ProcedureOptions = {}): Promise<Array<{ workflow: string; splits: SplitPrediction[] }>> {
  const executor = options.executor ?? inProcessExecutor;
  const seeds = splitSeeds(rng, job.workflows.length, resamples.splits.length);
  const tasks: FitPredictTask[] = [];
  job.workflows.forEach((_, w) => {
    if (options.only !== undefined && w !== options.only) return;
    resamples.splits.forEach((split, s) =>
      tasks.push({
        workflow: w,
        splitId: split.id,
        analysis: split.analysis,
        predict: split.assessment,
        rngState: seeds[w]![s]!,
        ...(options.outcome !== undefined ? { outcome: options.outcome } : {}),
      }),
    );
  });
  const outputs = await executor.run(job, tasks, (done, total) => options.onProgress?.(done, total, "resampling"));
  const response = jobResponse(job, options.outcome);
  const fitted = job.workflows.map((_, w) => w).filter((w) => options.only === undefined || w === options.only);
  return job.workflows.map((workflow, w) => ({
    workflow: workflow.id,
    splits: fitted.indexOf(w) < 0 ? [] : resamples.splits.map((split, s) => {
      const out = outputs[fitted.indexOf(w) * resamples.splits.length + s]!;
      return { id: split.id, analysis: split.analysis, assessment: split.assessment, prediction: out.prediction, tuned: out.tuned, selected: out.selected, eventsAnalysis: responseEvents(responseAt(response, split.analysis)) };
    }),
  }));
}

/** Per-workflow streams: one child Rng per split, drawn up front in a fixed order. */
export function splitSeeds(rng: Rng, workflows: number, splits: number): number[][][] {
  return Array.from({ length: workflows }, () => rng.split().splitMany(splits).map((r) => r.getState()));
}

/**
 * Fits every workflow on the analysis rows of every split and predicts its
 * assessment rows (`resampleWorkflow`): the whole recipe and model are refit
 * inside each split. Returns the out-of-split predictions and the per-split
 * indexes. Tasks run through `options.executor`; their seeds are drawn before
 * any of them runs.
 */
export async function resampleWorkflows(job: ValidationJob, resamples: Resamples, rng: Rng, options: ProcedureOptions = {}): Promise<SplitPredictions[]> {
  const results = await resamplePredictions(job, resamples, rng, options);
  const y = jobOutcome(job, options.outcome);
  return results.map((result) => ({
    workflow: result.workflow,
    splits: result.splits.map((split) => {
      const { prob, logit } = asBinary(split.prediction, "resampleWorkflows");
      const truth = Float64Array.from(split.assessment, (r) => y[r]!);
      return { id: split.id, analysis: split.analysis, assessment: split.assessment, prob, logit, tuned: split.tuned, selected: split.selected, indexes: performanceIndexes(truth, prob, logit), eventsAnalysis: split.eventsAnalysis };
    }),
  }));
}

/** Pooled out-of-fold predictions of one partition (one repeat): every row predicted once. */
export interface PooledPredictions {
  readonly rows: Int32Array;
  readonly y: Float64Array;
  readonly prob: Float64Array;
  /** The fold models' exact log-odds (linear models), else null. */
  readonly logit: Float64Array | null;
}

/**
 * Groups the splits of a (repeated) k-fold CV into repeats of `foldsPerRepeat`
 * consecutive splits and pools each repeat's out-of-fold predictions, rows in
 * ascending order. Pooling (not averaging per fold) is what decision curves
 * and calibration of CV predictions need.
 */
export function poolByRepeat(result: SplitPredictions, foldsPerRepeat: number, y: Float64Array): PooledPredictions[] {
  const repeats: PooledPredictions[] = [];
  for (let start = 0; start < result.splits.length; start += foldsPerRepeat) {
    const group = result.splits.slice(start, start + foldsPerRepeat);
    const hasLogit = group.every((split) => split.logit !== null);
    const pairs: Array<[number, number, number]> = [];
    for (const split of group) split.assessment.forEach((r, k) => pairs.push([r, split.prob[k]!, hasLogit ? split.logit![k]! : NaN]));
    pairs.sort((a, b) => a[0] - b[0]);
    const rows = Int32Array.from(pairs, (p) => p[0]);
    repeats.push({ rows, y: Float64Array.from(rows, (r) => y[r]!), prob: Float64Array.from(pairs, (p) => p[1]), logit: hasLogit ? Float64Array.from(pairs, (p) => p[2]) : null });
  }
  return repeats;
}
