import type { Dataset } from "../core/dataset.js";
import { RadvalError } from "../core/errors.js";
import type { Rng } from "../core/rng.js";
import { aucMannWhitney } from "../metrics/auc.js";
import { fitModel } from "../models/registry.js";
import type { ParamValue } from "../models/types.js";
import { frameOfRows } from "../preprocess/frame.js";
import { fitRecipe } from "../preprocess/recipe.js";
import { stratifiedFoldIds } from "../resample/stratifiedKFold.js";
import type { TuningGrid, WorkflowSpec } from "./workflow.js";
import { fitWorkflow, withParams } from "./workflow.js";

/** One grid point and its inner cross-validated AUC. */
export interface TuningCandidate {
  readonly params: Readonly<Record<string, ParamValue>>;
  /** AUC of the pooled inner out-of-fold predictions (null when a fit failed). */
  readonly auc: number | null;
  readonly error?: string;
}

/** What tuning chose and how. */
export interface TuningResult {
  readonly selected: Readonly<Record<string, ParamValue>>;
  readonly metric: "auc";
  readonly folds: number;
  readonly candidates: readonly TuningCandidate[];
}

/** The Cartesian product of a grid, in row-major order of its keys. */
export function expandGrid(grid: TuningGrid): Record<string, ParamValue>[] {
  let out: Record<string, ParamValue>[] = [{}];
  for (const [key, values] of Object.entries(grid)) {
    if (values.length === 0) throw new RadvalError("INVALID_CONFIG", `the tuning grid for "${key}" is empty`, { where: { key: `tune.${key}` } });
    out = out.flatMap((point) => values.map((v) => ({ ...point, [key]: v })));
  }
  return out;
}

/**
 * Grid search by inner stratified k-fold CV on `rows` only: for every grid
 * point the whole workflow (recipe + model) is refit on each inner analysis
 * set and predicts the inner assessment set; the point with the highest AUC
 * of the pooled inner out-of-fold predictions wins (first one on ties). The
 * same inner folds are used for every point. Inside an outer resampling split
 * this is nested cross-validation (Varma & Simon 2006, BMC Bioinformatics
 * 7:91). O(grid × folds × fit).
 */
export function tuneWorkflow(spec: WorkflowSpec, data: Dataset, rows: Int32Array, yAll: Float64Array, rng: Rng): TuningResult {
  const grid = expandGrid(spec.tune ?? {});
  const k = spec.innerFolds ?? 5;
  const y = Float64Array.from(rows, (r) => yAll[r]!);
  const foldIds = stratifiedFoldIds(y, k, rng.split(), {
    label: `the inner ${k}-fold CV that tunes ${spec.id} (internal.innerFolds = ${k}) on the training rows of each split`,
    hint: "Lower internal.innerFolds, or use fewer outer folds so each training set keeps more events.",
  });
  const fitStreams = rng.splitMany(k);
  const candidates: TuningCandidate[] = grid.map((params) => {
    const modelSpec = withParams(spec.model, params);
    const oof = new Float64Array(rows.length);
    try {
      for (let fold = 1; fold <= k; fold++) {
        const inner: number[] = [];
        const held: number[] = [];
        foldIds.forEach((f, pos) => (f === fold ? held : inner).push(pos));
        const innerRows = Int32Array.from(inner, (pos) => rows[pos]!);
        const heldRows = Int32Array.from(held, (pos) => rows[pos]!);
        const innerY = Float64Array.from(inner, (pos) => y[pos]!);
        const stream = fitStreams[fold - 1]!.clone();
        let p: Float64Array;
        if (spec.predictors || spec.stages?.length) {
          // A workflow with its own predictors or stages: the whole workflow (stages included) refit on the inner rows.
          const { tune: _grid, ...untuned } = spec;
          p = fitWorkflow({ ...untuned, model: modelSpec }, data, innerRows, stream, { y: yAll }).predict(data, heldRows);
        } else {
          const [recipeRng, modelRng] = stream.splitMany(2) as [Rng, Rng];
          const { recipe, frame } = fitRecipe(spec.steps, frameOfRows(data, innerRows), { y: innerY, rng: recipeRng, rows: innerRows });
          const model = fitModel(modelSpec, frame.x, innerY, { rng: modelRng, featureNames: frame.names });
          p = model.predictProba(recipe.transform(frameOfRows(data, heldRows)).x);
        }
        held.forEach((pos, i) => (oof[pos] = p[i]!));
      }
      return { params, auc: aucMannWhitney(y, oof) };
    } catch (e) {
      return { params, auc: null, error: (e as Error).message };
    }
  });
  let best = -1;
  candidates.forEach((c, i) => {
    if (c.auc !== null && (best < 0 || c.auc > candidates[best]!.auc!)) best = i;
  });
  if (best < 0) {
    throw new RadvalError("TUNING_FAILED", `every tuning candidate failed (first error: ${candidates[0]?.error ?? "unknown"})`, {
      hint: "Check the tuning grid values for this model.",
    });
  }
  return Object.freeze({ selected: Object.freeze({ ...candidates[best]!.params }), metric: "auc" as const, folds: k, candidates: Object.freeze(candidates) });
}
