import type { Dataset } from "../core/dataset.js";
import { RadvalError, isRadvalError } from "../core/errors.js";
import type { Prediction } from "../core/prediction.js";
import type { Response } from "../core/response.js";
import { Rng } from "../core/rng.js";
import { type AnyFittedModel, type ParamValue, isOutcomeModel } from "../models/types.js";
import { type WorkflowSpec, fitWorkflow } from "./workflow.js";

/**
 * Everything the fits of one validation run share, sent once to each worker:
 * the dataset, the workflows and any alternative outcome vectors (label
 * permutations). Plain structured-cloneable data.
 */
export interface ValidationJob {
  readonly data: Dataset;
  readonly workflows: readonly WorkflowSpec[];
  /** The response of any kind, one value per dataset row (default: the dataset's binary outcome). */
  readonly response?: Response;
  /** Binary outcome vectors replacing the dataset's (permutation test); tasks refer to them by index. */
  readonly outcomes?: readonly Float64Array[];
}

/**
 * One unit of work: fit workflow `workflow` on the `analysis` rows and
 * predict the `predict` rows. Its generator state is drawn before any
 * parallel work, so the result does not depend on which worker runs it.
 */
export interface FitPredictTask {
  readonly workflow: number;
  readonly splitId: string;
  readonly analysis: Int32Array;
  readonly predict: Int32Array;
  /** Rng state (four 32-bit words) for this fit. */
  readonly rngState: readonly number[];
  /** Index into `job.outcomes` (label-permutation runs), else the dataset's outcome. */
  readonly outcome?: number;
}

/** What a task returns. */
export interface TaskOutput {
  /** The prediction of the outcome's kind for the task's `predict` rows, in their order (binary: P(y = 1) and the exact log-odds). */
  readonly prediction: Prediction;
  /** Parameters chosen by tuning inside this fit (null without a grid). */
  readonly tuned: Readonly<Record<string, ParamValue>> | null;
  /** Features the model saw after the recipe. */
  readonly features: readonly string[];
  /** Linear models: the features with a non-zero coefficient (selection stability); null for other models. */
  readonly selected: readonly string[] | null;
  readonly warnings: readonly string[];
}

/** The features a linear model uses (non-zero coefficients); null for models without coefficients. */
export function selectedFeatures(model: AnyFittedModel): string[] | null {
  const linear = isOutcomeModel(model) ? model.kind === "survival" || model.spec.model === "elasticNet" : model.predictLogit !== undefined;
  if (!linear) return null;
  const coefficients = model.describe().coefficients;
  return coefficients ? Object.keys(coefficients).filter((f) => coefficients[f] !== 0) : null;
}

/** Runs one task (the same function in the main thread and in workers). */
export function runTask(job: ValidationJob, task: FitPredictTask): TaskOutput {
  const spec = job.workflows[task.workflow];
  if (!spec) throw new RadvalError("INVALID_ARGUMENT", `task refers to workflow ${task.workflow}, which does not exist`);
  const y = task.outcome === undefined ? undefined : job.outcomes?.[task.outcome];
  try {
    const fitted = fitWorkflow(spec, job.data, task.analysis, Rng.fromState(task.rngState), { splitId: task.splitId, ...(y ? { y } : job.response ? { response: job.response } : {}) });
    return {
      prediction: fitted.predictOutcome(job.data, task.predict),
      tuned: fitted.tuning?.selected ?? null,
      features: fitted.model.featureNames,
      selected: selectedFeatures(fitted.model),
      warnings: fitted.warnings.map((w) => w.message),
    };
  } catch (e) {
    if (isRadvalError(e) && e.where.split === undefined) {
      throw new RadvalError(e.code, `model ${spec.id}: ${e.detail}`, { where: { ...e.where, split: task.splitId }, ...(e.hint ? { hint: e.hint } : {}) });
    }
    throw e;
  }
}

/** Runs tasks and returns their outputs in task order; may run them in parallel. */
export interface TaskExecutor {
  /** Number of parallel workers (1 = this thread). */
  readonly workers: number;
  run(job: ValidationJob, tasks: readonly FitPredictTask[], onProgress?: (done: number, total: number) => void): Promise<TaskOutput[]>;
  /** Releases worker threads (no-op in this thread). */
  close?(): Promise<void>;
}

/**
 * The single-thread executor (browser and Node alike): tasks in order. The
 * engines must be prepared (`prepareEngines`) before — the validation
 * procedures do this.
 */
export const inProcessExecutor: TaskExecutor = Object.freeze({
  workers: 1,
  async run(job: ValidationJob, tasks: readonly FitPredictTask[], onProgress?: (done: number, total: number) => void): Promise<TaskOutput[]> {
    const out: TaskOutput[] = [];
    for (let i = 0; i < tasks.length; i++) {
      out.push(runTask(job, tasks[i]!));
      onProgress?.(i + 1, tasks.length);
      // Let the event loop breathe between fits (progress bars, cancellation).
      if ((i & 7) === 7) await Promise.resolve();
    }
    return out;
  },
});
