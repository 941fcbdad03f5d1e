import type { Dataset } from "../core/dataset.js";
import type { Rng } from "../core/rng.js";
import { calibrationInTheLarge } from "../metrics/calibration/logistic.js";
import { logisticRegression } from "../models/logistic/logisticRegression.js";
import type { ModelUpdatingResult } from "../report/results.js";
import { stratifiedFoldIds } from "../resample/stratifiedKFold.js";
import { splitsFromFoldIds } from "../resample/foldIds.js";
import { resampleWorkflows } from "./crossValidation.js";
import { clippedLogit, performanceMetrics } from "./performance.js";
import { type TaskExecutor, type ValidationJob, inProcessExecutor } from "./tasks.js";
import type { WorkflowSpec } from "./workflow.js";

/** The updating methods (Steyerberg 2019, ch. 20; Van Calster et al. 2019 for the hierarchy). */
export type UpdatingMethod = "intercept" | "logistic" | "refit";

const METHOD_NAMES: Record<UpdatingMethod, string> = {
  intercept: "recalibration-in-the-large",
  logistic: "logistic-recalibration",
  refit: "refit",
};

const DESCRIPTIONS: Record<UpdatingMethod, string> = {
  intercept: "new intercept a in logit p' = a + lp (slope fixed at 1), estimated in the validation cohort",
  logistic: "new intercept a and slope b in logit p' = a + b·lp, estimated in the validation cohort",
  refit: "the whole workflow (recipe, tuning, model) refit on the validation cohort",
};

function expit(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Fits the recalibration of `lp` to `y`: [a] for intercept updating, [a, b] for logistic recalibration (glm). */
function recalibrate(method: "intercept" | "logistic", y: Float64Array, lp: Float64Array): { a: number; b: number } | null {
  if (method === "intercept") {
    const fit = calibrationInTheLarge(y, lp);
    return fit.intercept === null ? null : { a: fit.intercept, b: 1 };
  }
  const fit = logisticRegression({ nRows: lp.length, nCols: 1, data: lp }, y, { featureNames: ["lp"] });
  const a = fit.coefficients[0];
  const b = fit.coefficients[1];
  return a === null || b === null || a === undefined || b === undefined || fit.separation.length > 0 ? null : { a, b };
}

/**
 * Model updating in a validation cohort: recalibration-in-the-large,
 * logistic recalibration, or refitting the workflow. `before` is the original
 * model's performance in the cohort; `after` is estimated honestly, by
 * stratified k-fold cross-validation inside the cohort (the update is
 * estimated on k − 1 folds and applied to the held-out fold; pooled
 * predictions), since the apparent performance of an update estimated on the
 * same patients is optimistic — most of all for a refit. `parameters` are
 * the update estimated on the whole cohort (what a user would apply).
 */
export async function updateModel(
  method: UpdatingMethod,
  context: {
    readonly model: string;
    readonly cohort: string;
    readonly data: Dataset;
    readonly rows: Int32Array;
    /** The original model's predictions for `rows`. */
    readonly prob: Float64Array;
    readonly workflow: WorkflowSpec;
    readonly folds?: number;
    /**
     * The job the caller's other procedures use, when it holds `workflow`:
     * the refit then runs on the same worker pool (a new job would start new
     * worker threads).
     */
    readonly job?: ValidationJob;
  },
  rng: Rng,
  executor: TaskExecutor = inProcessExecutor,
): Promise<ModelUpdatingResult> {
  const { data, rows, prob } = context;
  const y = Float64Array.from(rows, (r) => data.outcome!.values[r]!);
  const k = context.folds ?? 5;
  const events = y.reduce((a, b) => a + b, 0);
  if (Math.min(events, y.length - events) < k) {
    // Degrade, don't abort: too few events (or non-events) for the k-fold estimate of the update.
    const before = performanceMetrics(y, prob);
    const after = Object.fromEntries(Object.keys(before).map((key) => [key, null])) as unknown as typeof before;
    return {
      model: context.model,
      cohort: context.cohort,
      method: METHOD_NAMES[method],
      description: DESCRIPTIONS[method],
      parameters: {},
      before,
      after,
      evaluation: `not estimable: ${events} event(s) and ${y.length - events} non-event(s) in the cohort; updating is assessed by ${k}-fold cross-validation, which needs at least ${k} of each`,
    };
  }
  const foldIds = stratifiedFoldIds(y, k, rng.split());
  const lp = clippedLogit(prob);
  const updated = new Float64Array(rows.length);
  let parameters: Record<string, number> = {};
  if (method === "refit") {
    const folds = splitsFromFoldIds(foldIds);
    const mapped = { ...folds, n: data.x.nRows, splits: folds.splits.map((s) => ({ ...s, analysis: Int32Array.from(s.analysis, (p) => rows[p]!), assessment: Int32Array.from(s.assessment, (p) => rows[p]!) })) };
    const shared = context.job && context.job.data === data ? context.job.workflows.indexOf(context.workflow) : -1;
    const job: ValidationJob = shared >= 0 ? context.job! : { data, workflows: [context.workflow] };
    const results = await resampleWorkflows(job, mapped, rng.split(), { executor, ...(shared >= 0 ? { only: shared } : {}) });
    const result = results[shared >= 0 ? shared : 0];
    result!.splits.forEach((split, f) => folds.splits[f]!.assessment.forEach((pos, i) => (updated[pos] = split.prob[i]!)));
    parameters = { folds: k };
  } else {
    for (let fold = 1; fold <= k; fold++) {
      const train: number[] = [];
      foldIds.forEach((f, pos) => f !== fold && train.push(pos));
      const fit = recalibrate(method, Float64Array.from(train, (p) => y[p]!), Float64Array.from(train, (p) => lp[p]!));
      foldIds.forEach((f, pos) => {
        if (f === fold) updated[pos] = fit ? expit(fit.a + fit.b * lp[pos]!) : prob[pos]!;
      });
    }
    const full = recalibrate(method, y, lp);
    parameters = full ? (method === "intercept" ? { intercept: full.a } : { intercept: full.a, slope: full.b }) : {};
  }
  return {
    model: context.model,
    cohort: context.cohort,
    method: METHOD_NAMES[method],
    description: DESCRIPTIONS[method],
    parameters,
    before: performanceMetrics(y, prob),
    after: performanceMetrics(y, updated),
    evaluation: `${k}-fold stratified cross-validation inside the cohort (update estimated on ${k - 1} folds, applied to the held-out fold)`,
  };
}
