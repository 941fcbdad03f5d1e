import type { Dataset } from "../core/dataset.js";
import { RadvalError, type RadvalWarning } from "../core/errors.js";
import type { Rng } from "../core/rng.js";
import { fitModel } from "../models/registry.js";
import type { FittedModel, ModelSpec, ParamValue } from "../models/types.js";
import { frameOfRows } from "../preprocess/frame.js";
import { type FittedRecipe, fitRecipe } from "../preprocess/recipe.js";
import type { StepSpec } from "../preprocess/types.js";
import { type TuningResult, tuneWorkflow } from "./tuning.js";

/** A hyperparameter grid: each parameter's candidate values (the grid is their Cartesian product). */
export type TuningGrid = Readonly<Record<string, readonly (number | string | boolean)[]>>;

/**
 * A workflow: recipe steps + model spec (+ an optional tuning grid), as plain
 * frozen data (tidymodels' workflow; scikit-learn's Pipeline before fit).
 * Everything in it is refit, in order, on the analysis rows of every split.
 */
export interface WorkflowSpec {
  /** Identifier used in results (e.g. "lasso"). */
  readonly id: string;
  /** Human label (e.g. "LASSO (λ by 10-fold CV)"). */
  readonly label: string;
  readonly steps: readonly StepSpec[];
  readonly model: ModelSpec;
  /** Grid tuned by an inner stratified CV inside every fit (nested when the fit is inside a split). */
  readonly tune?: TuningGrid;
  /** Folds of the inner tuning CV (default 5). */
  readonly innerFolds?: number;
}

/** A workflow spec (frozen). */
export function workflow(spec: WorkflowSpec): WorkflowSpec {
  return Object.freeze({ ...spec, steps: Object.freeze([...spec.steps]) });
}

/** A workflow fitted on some analysis rows: the fitted recipe and model, frozen. */
export interface FittedWorkflow {
  readonly spec: WorkflowSpec;
  readonly recipe: FittedRecipe;
  readonly model: FittedModel;
  /** Parameters chosen by tuning (null without a grid). */
  readonly tuning: TuningResult | null;
  readonly nAnalysis: number;
  readonly eventsAnalysis: number;
  readonly warnings: readonly RadvalWarning[];
  /** P(y = 1) for `rows` of `data` (the recipe is applied, not refit). */
  predict(data: Dataset, rows: Int32Array): Float64Array;
  /** P(y = 1) and, when the model has one, its exact log-odds (linear predictor) for `rows`; the recipe is applied once. */
  predictWithLogit(data: Dataset, rows: Int32Array): { prob: Float64Array; logit: Float64Array | null };
}

/** Options of {@link fitWorkflow}. */
export interface FitWorkflowOptions {
  /** Outcome for every row of the dataset, replacing `data.outcome` (label-permutation tests). */
  readonly y?: Float64Array;
  /** Split id, for error messages. */
  readonly splitId?: string;
}

/** The outcome vector (full length) a fit uses. */
export function outcomeVector(data: Dataset, options: { y?: Float64Array } = {}): Float64Array {
  if (options.y) return options.y;
  if (!data.outcome) {
    throw new RadvalError("MISSING_ROLE", "no outcome column was chosen", { where: { file: data.source }, hint: "Name the binary outcome column (data.outcome in the config, --outcome on the command line)." });
  }
  return data.outcome.values;
}

/** Gathers y at `rows` and checks both classes are present (error naming the split). */
export function analysisOutcome(y: Float64Array, rows: Int32Array, splitId?: string): { y: Float64Array; events: number } {
  const out = new Float64Array(rows.length);
  let events = 0;
  for (let k = 0; k < rows.length; k++) {
    out[k] = y[rows[k]!]!;
    events += out[k]!;
  }
  if (events === 0 || events === rows.length) {
    throw new RadvalError("SINGLE_CLASS", `the analysis rows have a single outcome class (${events} events in ${rows.length} rows): nothing can be fit`, {
      ...(splitId ? { where: { split: splitId } } : {}),
      hint: "Use stratified resampling, fewer folds, or more data; every training set needs events and non-events.",
    });
  }
  return { y: out, events };
}

/** A copy of `spec` with some parameters replaced. */
export function withParams(spec: ModelSpec, params: Readonly<Record<string, ParamValue>>): ModelSpec {
  return Object.freeze({ ...spec, params: Object.freeze({ ...spec.params, ...params }) });
}

/**
 * Fits a workflow on `rows` of `data` and nothing else: tuning (inner CV over
 * the grid, on these rows only), then the recipe steps in order, then the
 * model. Random draws come from three children of `rng` (tuning, recipe,
 * model) created up front, so the result depends only on the seed. Error
 * `SINGLE_CLASS` (naming the split) when the rows hold one outcome class.
 * Synchronous: engines that load WebAssembly must be prepared first
 * (`prepareEngines`).
 */
export function fitWorkflow(spec: WorkflowSpec, data: Dataset, rows: Int32Array, rng: Rng, options: FitWorkflowOptions = {}): FittedWorkflow {
  const yAll = outcomeVector(data, options);
  const { y, events } = analysisOutcome(yAll, rows, options.splitId);
  const [tuneRng, recipeRng, modelRng] = rng.splitMany(3) as [Rng, Rng, Rng];
  const tuning = spec.tune && Object.keys(spec.tune).length > 0 ? tuneWorkflow(spec, data, rows, yAll, tuneRng) : null;
  const modelSpec = tuning ? withParams(spec.model, tuning.selected) : spec.model;
  const { recipe, frame } = fitRecipe(spec.steps, frameOfRows(data, rows), { y, rng: recipeRng, rows });
  if (frame.names.length === 0) {
    throw new RadvalError("NO_FEATURES", "no features are left after the recipe steps (every feature was filtered out)", {
      ...(options.splitId ? { where: { split: options.splitId } } : {}),
      hint: "Lower the reliability cut or the redundancy threshold, or check the feature columns.",
    });
  }
  const model = fitModel(modelSpec, frame.x, y, { rng: modelRng, featureNames: frame.names });
  const warnings = [...recipe.steps.flatMap((s) => s.warnings), ...model.warnings];
  return Object.freeze({
    spec,
    recipe,
    model,
    tuning,
    nAnalysis: rows.length,
    eventsAnalysis: events,
    warnings: Object.freeze(warnings),
    predict(target: Dataset, predictRows: Int32Array): Float64Array {
      const transformed = recipe.transform(frameOfRows(target, predictRows));
      return model.predictProba(transformed.x);
    },
    predictWithLogit(target: Dataset, predictRows: Int32Array) {
      const transformed = recipe.transform(frameOfRows(target, predictRows));
      return { prob: model.predictProba(transformed.x), logit: model.predictLogit ? model.predictLogit(transformed.x) : null };
    },
  });
}
