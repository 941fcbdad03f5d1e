import type { Dataset } from "../core/dataset.js";
import { RadvalError } from "../core/errors.js";
import type { Prediction } from "../core/prediction.js";
import type { OutcomeKindInfo } from "../report/results/outcomeKinds.js";
import { restoreAnyModel } from "../models/registry.js";
import { type NomogramBasis, nomogramBasisOf } from "../nomogram/basis.js";
import { type AnyFittedModel, type ParamValue, type SerializedModel, isOutcomeModel } from "../models/types.js";
import { affineInputs, applySerializedStep, serializeStep } from "../preprocess/serialize.js";
import type { FeatureFrame, SerializedStep } from "../preprocess/types.js";
import { RADVAL_VERSION } from "../version.js";
import type { FittedWorkflow } from "./workflow.js";
import { appendColumns, selectColumns, stageScore } from "./composition.js";

/** `format` of a study's `model.json`. */
export const MODEL_FILE_FORMAT = "radval-study-model";
/** Version of the `model.json` layout (raised on any incompatible change). */
export const MODEL_FILE_VERSION = 1;

/**
 * The final model on the raw feature scale, for linear models (logistic
 * regression, elastic net): logit P(outcome) = intercept + Σ coefficient ×
 * raw value, obtained by folding the recipe's centring and scaling into the
 * coefficients. Missing values are replaced by `imputation` first (the
 * recipe's fill values, raw scale).
 */
export interface RawScaleFormula {
  /** "log-odds" (logistic: P = expit(formula)) or "log-hazard" (Cox: the linear predictor, relative hazard exp(formula)). */
  readonly scale: "log-odds" | "log-hazard";
  readonly intercept: number;
  /** Per raw feature (features the model does not use are absent). */
  readonly coefficients: Readonly<Record<string, number>>;
  /** Fill values for missing cells, raw scale (null when the recipe does not impute). */
  readonly imputation: Readonly<Record<string, number>> | null;
}

/** One final workflow as plain data: recipe constants + model parameters, enough to predict new patients. */
export interface ExportedWorkflow {
  readonly id: string;
  readonly label: string;
  /** The raw columns the recipe reads, in order. */
  readonly inputFeatures: readonly string[];
  /** Development range [min, max] of each input feature (observed values), for out-of-range warnings. */
  readonly ranges: Readonly<Record<string, readonly [number, number]>>;
  readonly recipe: readonly SerializedStep[];
  /** Features the model itself sees (after the recipe). */
  readonly modelFeatures: readonly string[];
  readonly model: SerializedModel;
  /** Parameters chosen by tuning in the final fit (null without a grid). */
  readonly tuned: Readonly<Record<string, ParamValue>> | null;
  /** Raw-scale formula (linear models whose probability is expit of the linear predictor), else null. */
  readonly formula: RawScaleFormula | null;
  /**
   * What a nomogram of the formula needs besides `ranges` (distinct values of
   * inputs with ≤ 10 of them, range of the development linear predictor);
   * null without a formula. Added after version 1 of the file: absent in older files.
   */
  readonly nomogramBasis?: NomogramBasis | null;
  /**
   * Composed models: the raw predictors the second stage reads besides the stages' scores, and the stages (each
   * an exported workflow whose score — linear predictor — is the input named `name`). `inputFeatures` then lists
   * every raw column the whole composition reads; `formula` is in terms of the predictors and the stage scores.
   */
  readonly predictors?: readonly string[];
  readonly stages?: ReadonlyArray<{ readonly name: string; readonly workflow: ExportedWorkflow }>;
}

/** A study's `model.json`: every final model, with what was predicted and how the file came about. */
export interface StudyModelFile {
  readonly format: typeof MODEL_FILE_FORMAT;
  readonly version: number;
  readonly radvalVersion: string;
  readonly seed: number;
  readonly configHash: string | null;
  readonly outcome: { readonly column: string; readonly positive: string; readonly negative: string | null };
  /** The outcome's kind, horizon, levels (absent in files of binary studies written before outcome kinds). */
  readonly outcomeKind?: OutcomeKindInfo;
  readonly idColumn: string | null;
  readonly primaryModel: string | null;
  readonly models: readonly ExportedWorkflow[];
}

const LINEAR_LOGIT_MODELS = new Set(["logistic", "elasticNet"]);

/**
 * The raw-scale formula of a fitted linear workflow: coefficients β/s and
 * intercept β₀ − Σ β m/s through every standardisation of the recipe.
 * Null for non-linear models or recipes that are not selections,
 * imputation and scaling.
 */
export function rawScaleFormula(inputFeatures: readonly string[], recipe: readonly SerializedStep[], model: AnyFittedModel): RawScaleFormula | null {
  const cox = isOutcomeModel(model) && model.kind === "survival";
  if (!cox && (isOutcomeModel(model) || !LINEAR_LOGIT_MODELS.has(model.spec.model) || !model.predictLogit)) return null;
  const description = model.describe();
  if ((!cox && description.intercept === undefined) || !description.coefficients) return null;
  const inputs = affineInputs(inputFeatures, recipe);
  if (!inputs) return null;
  let intercept = description.intercept ?? 0;
  const coefficients: Record<string, number> = {};
  for (const [name, beta] of Object.entries(description.coefficients)) {
    const input = inputs.get(name);
    if (!input) return null;
    if (beta === 0) continue;
    coefficients[input.raw] = (coefficients[input.raw] ?? 0) + beta * input.a;
    intercept += beta * input.b;
  }
  const impute = recipe.find((s): s is Extract<SerializedStep, { type: "impute" }> => s.type === "impute");
  let imputation: Record<string, number> | null = null;
  if (impute) {
    // The fill values were learnt on the scale the impute step saw; map them back to the raw scale.
    const before = affineInputs(inputFeatures, recipe.slice(0, recipe.indexOf(impute)))!;
    imputation = {};
    impute.names.forEach((name, j) => {
      const input = before.get(name)!;
      imputation![input.raw] = (impute.values[j]! - input.b) / input.a;
    });
  }
  return { scale: cox ? "log-hazard" : "log-odds", intercept, coefficients, imputation };
}

/** Development ranges of `names` over `rows` (observed values only). */
function featureRanges(data: Dataset, rows: Int32Array, names: readonly string[]): Record<string, [number, number]> {
  const n = data.x.nRows;
  const index = new Map(data.featureNames.map((f, j) => [f, j]));
  const out: Record<string, [number, number]> = {};
  for (const name of names) {
    const j = index.get(name)!;
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of rows) {
      const v = data.x.data[j * n + r]!;
      if (Number.isNaN(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    out[name] = [lo, hi];
  }
  return out;
}

/** The nomogram basis of a linear workflow: its inputs' development values and linear predictor. */
function developmentBasis(fitted: FittedWorkflow, data: Dataset, devRows: Int32Array, names: readonly string[]): NomogramBasis | null {
  const prediction = fitted.predictOutcome(data, devRows);
  const logit = prediction.kind === "binary" ? prediction.logit : prediction.kind === "survival" ? prediction.lp : null;
  if (!logit) return null;
  // The inputs as the recipe sees them before its steps: raw predictors, and any stage's score (a rad-score).
  const frame = fitted.inputFrame(data, devRows);
  const n = frame.x.nRows;
  const columns = new Map<string, Float64Array>();
  for (const name of names) {
    const j = frame.names.indexOf(name);
    if (j >= 0) columns.set(name, Float64Array.from(frame.x.data.subarray(j * n, (j + 1) * n)));
  }
  return nomogramBasisOf(columns, logit);
}

/**
 * Exports a final fitted workflow: the recipe's constants (selections, fill
 * values, means and SDs), the model's parameters (`toJSON`), the development
 * ranges of its inputs and, for linear models, the raw-scale formula and
 * its nomogram basis.
 * O(n p) for the ranges.
 */
export function exportWorkflow(fitted: FittedWorkflow, data: Dataset, devRows: Int32Array): ExportedWorkflow {
  const recipe = fitted.recipe.steps.map(serializeStep);
  const recipeInputs = [...fitted.recipe.inputNames];
  const formula = rawScaleFormula(recipeInputs, recipe, fitted.model);
  const stages = fitted.stages.map((s) => ({ name: s.name, workflow: exportWorkflow(s.fitted, data, devRows) }));
  const stageNames = stages.map((s) => s.name);
  const predictors = recipeInputs.filter((n) => !stageNames.includes(n));
  const inputFeatures = stages.length ? [...new Set([...predictors, ...stages.flatMap((s) => s.workflow.inputFeatures)])] : recipeInputs;
  const ranges: Record<string, readonly [number, number]> = { ...featureRanges(data, devRows, inputFeatures) };
  if (stages.length) {
    // The stages' scores on the development rows: their ranges, for warnings and nomogram axes.
    const frame = fitted.inputFrame(data, devRows);
    const n = frame.x.nRows;
    for (const name of stageNames) {
      const j = frame.names.indexOf(name);
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < n; i++) {
        const v = frame.x.data[j * n + i]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      ranges[name] = [lo, hi];
    }
  }
  return {
    id: fitted.spec.id,
    label: fitted.spec.label,
    inputFeatures,
    ranges,
    recipe,
    modelFeatures: [...fitted.model.featureNames],
    model: fitted.model.toJSON(),
    tuned: fitted.tuning?.selected ?? null,
    formula,
    nomogramBasis: formula ? developmentBasis(fitted, data, devRows, Object.keys(formula.coefficients)) : null,
    ...(stages.length ? { predictors, stages } : {}),
  };
}

/** A workflow restored from `model.json`: predicts raw feature frames. */
export interface RestoredWorkflow {
  readonly exported: ExportedWorkflow;
  readonly model: AnyFittedModel;
  /**
   * P(outcome) for the rows of `frame` (raw features; the recipe constants are applied, nothing is refit):
   * binary P(event), survival the risk by the horizon; ordinal and nominal models use `predictOutcome`.
   */
  predict(frame: FeatureFrame): Float64Array;
  /** The prediction of the model's kind (class probabilities; risk score and risk) for the rows of `frame`. */
  predictOutcome(frame: FeatureFrame): Prediction;
  /** What the model's recipe reads for the rows of `frame`: the frame itself, or (composed models) the predictors and the stages' scores. */
  inputFrame(frame: FeatureFrame): FeatureFrame;
}

/**
 * Restores an exported workflow. The recipe is applied with the stored
 * constants and the model restored by its engine, so predictions are bit
 * for bit those of the fitted workflow. Engines that load WebAssembly must be
 * prepared first (`prepareEngines`).
 */
export function restoreWorkflow(exported: ExportedWorkflow): RestoredWorkflow {
  const model = restoreAnyModel(exported.model);
  const stages = (exported.stages ?? []).map((s) => ({ name: s.name, restored: restoreWorkflow(s.workflow) }));
  const stageInputs = (frame: FeatureFrame): FeatureFrame => {
    if (!stages.length) return frame;
    const scores = stages.map((s) => ({ name: s.name, values: stageScore(s.restored.predictOutcome(selectColumns(frame, s.restored.exported.inputFeatures, `stage ${s.name}`)), s.name) }));
    return appendColumns(selectColumns(frame, exported.predictors ?? [], `model ${exported.id}`), scores);
  };
  const inputs = (frame: FeatureFrame) => {
    let current = frame;
    if (stages.length) {
      // Composition: the second stage reads its predictors and each stage's score, computed from the same raw frame.
      const scores = stages.map((s) => ({ name: s.name, values: stageScore(s.restored.predictOutcome(selectColumns(frame, s.restored.exported.inputFeatures, `stage ${s.name}`)), s.name) }));
      current = appendColumns(selectColumns(frame, exported.predictors ?? [], `model ${exported.id}`), scores);
    }
    for (const step of exported.recipe) current = applySerializedStep(step, current);
    return current.x;
  };
  const predictOutcome = (frame: FeatureFrame): Prediction => {
    const x = inputs(frame);
    if (isOutcomeModel(model)) return model.predict(x);
    return { kind: "binary", prob: model.predictProba(x), logit: model.predictLogit ? model.predictLogit(x) : null };
  };
  return {
    exported,
    model,
    predictOutcome,
    inputFrame: stageInputs,
    predict(frame: FeatureFrame): Float64Array {
      if (!isOutcomeModel(model)) return model.predictProba(inputs(frame));
      const p = model.predict(inputs(frame));
      if (p.kind === "survival") return p.risk;
      throw new RadvalError("INVALID_ARGUMENT", `model ${exported.id} predicts ${p.kind} class probabilities, not one probability`, { hint: "Use predictOutcome() for class probabilities." });
    },
  };
}

/** Checks the envelope of a parsed `model.json` (format, version) and returns it typed; `file` names it in errors. */
export function checkModelFile(value: unknown, file: string): StudyModelFile {
  const v = value as Partial<StudyModelFile> | null;
  if (!v || typeof v !== "object" || v.format !== MODEL_FILE_FORMAT) {
    throw new RadvalError("INCOMPATIBLE_MODEL", `${file} is not a radval model file (no "format": "${MODEL_FILE_FORMAT}")`, {
      where: { file },
      hint: "Pass the model.json that `radval run` writes next to results.json.",
    });
  }
  if (v.version !== MODEL_FILE_VERSION) {
    throw new RadvalError("INCOMPATIBLE_MODEL", `${file} has model-file version ${String(v.version)}; radval ${RADVAL_VERSION} reads version ${MODEL_FILE_VERSION}`, {
      where: { file },
      hint: `Re-run the study with radval ${RADVAL_VERSION}, or predict with radval ${String(v.radvalVersion)}.`,
    });
  }
  if (!Array.isArray(v.models) || v.models.length === 0) {
    throw new RadvalError("INCOMPATIBLE_MODEL", `${file} holds no models`, { where: { file }, hint: "The file is damaged; re-run the study." });
  }
  return v as StudyModelFile;
}
