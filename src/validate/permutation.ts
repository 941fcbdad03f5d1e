import type { Rng } from "../core/rng.js";
import { aucMannWhitney } from "../metrics/auc.js";
import { stratifiedKFold } from "../resample/stratifiedKFold.js";
import { type ProcedureOptions, poolByRepeat, resampleWorkflows } from "./crossValidation.js";
import type { ValidationJob } from "./tasks.js";
import { outcomeVector } from "./workflow.js";

/** Result of a label-permutation test of a whole pipeline. */
export interface PermutationTestResult {
  readonly workflow: string;
  /** Pooled out-of-fold AUC with the real labels. */
  readonly observedAuc: number;
  /** Pooled out-of-fold AUC for each permutation. */
  readonly permutedAucs: readonly number[];
  /** (1 + #{permuted ≥ observed}) / (1 + permutations) (Phipson & Smyth 2010). */
  readonly pValue: number;
  readonly folds: number;
}

/**
 * Label-permutation test of the whole pipeline (Ojala & Garriga 2010, JMLR
 * 11:1833): the outcome of the development rows is shuffled `permutations`
 * times; each time the full workflow is cross-validated (stratified k-fold,
 * everything refit inside each fold) and the pooled out-of-fold AUC
 * recorded. The p-value for "the pipeline learns nothing" is
 * (1 + #{AUC_perm ≥ AUC_obs}) / (1 + permutations). Permutations and fold
 * draws come from `rng` up front. O(permutations × folds × fit).
 */
export async function permutationTest(
  job: ValidationJob,
  rows: Int32Array,
  permutations: number,
  folds: number,
  rng: Rng,
  options: ProcedureOptions = {},
): Promise<PermutationTestResult[]> {
  const y = outcomeVector(job.data);
  const n = job.data.x.nRows;
  const permuted: Float64Array[] = [];
  for (let k = 0; k < permutations; k++) {
    const order = rng.permutation(rows.length);
    const out = Float64Array.from(y);
    for (let i = 0; i < rows.length; i++) out[rows[i]!] = y[rows[order[i]!]!]!;
    permuted.push(out);
  }
  const permutedJob: ValidationJob = { ...job, outcomes: permuted };
  const devY = Float64Array.from(rows, (r) => y[r]!);
  const toDataRows = (resamples: ReturnType<typeof stratifiedKFold>) => ({
    ...resamples,
    n,
    splits: resamples.splits.map((s) => ({ ...s, analysis: Int32Array.from(s.analysis, (k) => rows[k]!), assessment: Int32Array.from(s.assessment, (k) => rows[k]!) })),
  });
  const observedFolds = toDataRows(stratifiedKFold(devY, folds, rng.split()));
  const observed = await resampleWorkflows(job, observedFolds, rng.split(), options);
  const observedAuc = observed.map((r) => {
    const pooled = poolByRepeat(r, folds, y)[0]!;
    return aucMannWhitney(pooled.y, pooled.prob);
  });
  const permutedAucs: number[][] = job.workflows.map(() => []);
  for (let k = 0; k < permutations; k++) {
    const yk = permuted[k]!;
    const foldsK = toDataRows(stratifiedKFold(Float64Array.from(rows, (r) => yk[r]!), folds, rng.split()));
    const results = await resampleWorkflows(permutedJob, foldsK, rng.split(), {
      ...options,
      outcome: k,
      onProgress: (done, total) => options.onProgress?.(k * total + done, permutations * total, "permutation test"),
    });
    results.forEach((r, w) => {
      const pooled = poolByRepeat(r, folds, yk)[0]!;
      permutedAucs[w]!.push(aucMannWhitney(pooled.y, pooled.prob));
    });
  }
  return job.workflows.map((workflow, w) => {
    const exceed = permutedAucs[w]!.filter((a) => a >= observedAuc[w]!).length;
    return { workflow: workflow.id, observedAuc: observedAuc[w]!, permutedAucs: permutedAucs[w]!, pValue: (1 + exceed) / (1 + permutations), folds };
  });
}
