import type { Dataset } from "../core/dataset.js";
import { RadvalError, type RadvalWarning } from "../core/errors.js";
import type { Rng } from "../core/rng.js";
import type { Prediction } from "../core/prediction.js";
import { type BinaryResponse, type Response, binaryResponse, checkAnalysisResponse, responseAt } from "../core/response.js";
import { fitForResponse } from "../models/registry.js";
import { type AnyFittedModel, type FittedModel, type ModelSpec, type ParamValue, isOutcomeModel } from "../models/types.js";
import { frameOfRows } from "../preprocess/frame.js";
import { type FittedRecipe, fitRecipe } from "../preprocess/recipe.js";
import type { FeatureFrame, StepSpec } from "../preprocess/types.js";
import { appendColumns, selectColumns, stageScore } from "./composition.js";
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
  /** The feature columns this workflow uses (default: every feature of the dataset), before its stages' scores. */
  readonly predictors?: readonly string[];
  /**
   * Composition: workflows fitted on the same analysis rows whose score (linear predictor) becomes a predictor
   * named `name` (the rad-score feeding a clinical model). Refit inside every split with the workflow, so it never leaks.
   */
  readonly stages?: ReadonlyArray<{ readonly name: string; readonly workflow: WorkflowSpec }>;
}

/** A workflow spec (frozen). */
export function workflow(spec: WorkflowSpec): WorkflowSpec {
  return Object.freeze({
    ...spec,
    steps: Object.freeze([...spec.steps]),
    ...(spec.predictors ? { predictors: Object.freeze([...spec.predictors]) } : {}),
    ...(spec.stages ? { stages: Object.freeze(spec.stages.map((s) => Object.freeze({ ...s }))) } : {}),
  });
}

/** A workflow fitted on some analysis rows: the fitted recipe and model, frozen. */
export interface FittedWorkflow {
  readonly spec: WorkflowSpec;
  readonly recipe: FittedRecipe;
  /** The fitted model: a binary {@link FittedModel}, or an OutcomeModel of the other kinds. */
  readonly model: AnyFittedModel;
  /** Parameters chosen by tuning (null without a grid). */
  readonly tuning: TuningResult | null;
  /** The fitted stages (composition), in the spec's order; empty without stages. */
  readonly stages: ReadonlyArray<{ readonly name: string; readonly fitted: FittedWorkflow }>;
  /** The frame the recipe starts from for `rows` of `data`: the predictors, then the stages' scores. */
  inputFrame(data: Dataset, rows: Int32Array): FeatureFrame;
  readonly nAnalysis: number;
  /** Events in the analysis rows (binary, survival) or cases of the rarest level (ordinal, nominal). */
  readonly eventsAnalysis: number;
  readonly warnings: readonly RadvalWarning[];
  /** Binary outcomes: P(y = 1) for `rows` of `data` (the recipe is applied, not refit). */
  predict(data: Dataset, rows: Int32Array): Float64Array;
  /** Binary outcomes: P(y = 1) and, when the model has one, its exact log-odds (linear predictor) for `rows`; the recipe is applied once. */
  predictWithLogit(data: Dataset, rows: Int32Array): { prob: Float64Array; logit: Float64Array | null };
  /** The prediction of the outcome's kind for `rows` (binary: probability and logit; see {@link Prediction}). */
  predictOutcome(data: Dataset, rows: Int32Array): Prediction;
}

/** Options of {@link fitWorkflow}. */
export interface FitWorkflowOptions {
  /** Binary outcome for every row of the dataset, replacing `data.outcome` (label-permutation tests). */
  readonly y?: Float64Array;
  /** The response of any kind for every row of the dataset (default: the dataset's binary outcome). */
  readonly response?: Response;
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

/** The response (full length) a fit uses: `options.response`, else the binary `options.y` or dataset outcome. */
export function workflowResponse(data: Dataset, options: { y?: Float64Array; response?: Response } = {}): Response {
  if (options.y) return binaryResponse(options.y);
  return options.response ?? binaryResponse(outcomeVector(data));
}

/** The binary model of a fitted workflow, or an error naming the kind (binary-only steps: thresholds, DCA, val.prob). */
export function binaryModel(model: AnyFittedModel): FittedModel {
  if (isOutcomeModel(model)) throw new RadvalError("INVALID_ARGUMENT", `this step needs a binary model, but ${model.spec.model} predicts a ${model.kind} outcome`);
  return model;
}

/** Gathers y at `rows` and checks both classes are present (error naming the split). */
export function analysisOutcome(y: Float64Array, rows: Int32Array, splitId?: string): { y: Float64Array; events: number } {
  const analysis = responseAt(binaryResponse(y), rows) as BinaryResponse;
  return { y: analysis.y, events: checkAnalysisResponse(analysis, splitId) };
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
  const response = workflowResponse(data, options);
  const analysis = responseAt(response, rows);
  const events = checkAnalysisResponse(analysis, options.splitId);
  const [tuneRng, recipeRng, modelRng] = rng.splitMany(3) as [Rng, Rng, Rng];
  // Stages (composition) draw from streams split after those three, so workflows without stages are unchanged.
  const stageRngs = spec.stages?.length ? rng.splitMany(spec.stages.length) : [];
  const stages = (spec.stages ?? []).map((stage, k) => ({ name: stage.name, fitted: fitWorkflow(stage.workflow, data, rows, stageRngs[k]!, options) }));
  const inputFrame = (target: Dataset, targetRows: Int32Array): FeatureFrame => {
    let frame = frameOfRows(target, targetRows);
    if (spec.predictors || stages.length) frame = selectColumns(frame, spec.predictors ?? [], `model ${spec.id}`);
    if (stages.length) frame = appendColumns(frame, stages.map((s) => ({ name: s.name, values: stageScore(s.fitted.predictOutcome(target, targetRows), s.name) })));
    return frame;
  };
  const hasGrid = spec.tune !== undefined && Object.keys(spec.tune).length > 0;
  if (hasGrid && response.kind !== "binary") {
    throw new RadvalError("INVALID_OPTION", `model ${spec.id}: tuning grids are for binary outcomes; this outcome is ${response.kind}`, {
      where: { key: "tune" },
      hint: "Remove the grid: penalised models choose λ by their own inner cross-validation (penalty: cv).",
    });
  }
  const tuning = hasGrid && response.kind === "binary" ? tuneWorkflow(spec, data, rows, response.y, tuneRng) : null;
  const modelSpec = tuning ? withParams(spec.model, tuning.selected) : spec.model;
  const y = analysis.kind === "binary" ? analysis.y : undefined;
  const { recipe, frame } = fitRecipe(spec.steps, inputFrame(data, rows), { ...(y ? { y } : {}), rng: recipeRng, rows });
  if (frame.names.length === 0) {
    throw new RadvalError("NO_FEATURES", "no features are left after the recipe steps (every feature was filtered out)", {
      ...(options.splitId ? { where: { split: options.splitId } } : {}),
      hint: "Lower the reliability cut or the redundancy threshold, or check the feature columns.",
    });
  }
  const model = fitForResponse(modelSpec, frame.x, analysis, { rng: modelRng, featureNames: frame.names });
  const warnings = [...recipe.steps.flatMap((s) => s.warnings), ...model.warnings];
  const transform = (target: Dataset, predictRows: Int32Array) => recipe.transform(inputFrame(target, predictRows)).x;
  return Object.freeze({
    spec,
    recipe,
    model,
    tuning,
    stages: Object.freeze(stages),
    inputFrame,
    nAnalysis: rows.length,
    eventsAnalysis: events,
    warnings: Object.freeze(warnings),
    predict(target: Dataset, predictRows: Int32Array): Float64Array {
      return binaryModel(model).predictProba(transform(target, predictRows));
    },
    predictWithLogit(target: Dataset, predictRows: Int32Array) {
      const binary = binaryModel(model);
      const x = transform(target, predictRows);
      return { prob: binary.predictProba(x), logit: binary.predictLogit ? binary.predictLogit(x) : null };
    },
    predictOutcome(target: Dataset, predictRows: Int32Array): Prediction {
      if (isOutcomeModel(model)) return model.predict(transform(target, predictRows));
      const x = transform(target, predictRows);
      return { kind: "binary", prob: model.predictProba(x), logit: model.predictLogit ? model.predictLogit(x) : null };
    },
  });
}
