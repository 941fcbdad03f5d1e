import { RadvalError } from "../core/errors.js";
import type { ColumnMatrix } from "../core/matrix.js";
import { closestName } from "../core/suggest.js";
import { RADVAL_VERSION } from "../version.js";
import { restoreCalibrated } from "./calibration/calibrate.js";
import { elasticNetEngine } from "./elasticnet/engine.js";
import { forestEngine } from "./forest/forestEngine.js";
import { logisticEngine } from "./logistic/engine.js";
import { mlRandomForestEngine } from "./forest/mlRandomForestEngine.js";
import { libsvmEngine } from "./svm/libsvmEngine.js";
import { mlSvmEngine } from "./svm/mlSvmEngine.js";
import { radvalSvmEngine } from "./svm/radval/engine.js";
import type { OutcomeKind, Response } from "../core/response.js";
import { forestClassifierEngine, svmClassifierEngine } from "./outcomeEngines/classifierEngines.js";
import { coxEngine } from "./outcomeEngines/coxEngine.js";
import { coxnetEngine } from "./outcomeEngines/coxnetEngine.js";
import { multinomialEngine } from "./outcomeEngines/multinomialEngine.js";
import { ordinalLogisticEngine } from "./outcomeEngines/ordinalLogisticEngine.js";
import type { AnyFittedModel, FitOptions, FittedModel, ModelEngine, ModelSpec, OutcomeEngine, SerializedModel } from "./types.js";
import { checkFeatureInput, checkFitInput } from "./validate.js";

/**
 * Every engine radval knows, as an explicit list (no registration side
 * effects: the package is `"sideEffects": false`). The first engine listed for
 * a model is its default. To add an engine: import it and add one entry.
 */
export const ENGINES: readonly ModelEngine[] = Object.freeze([
  elasticNetEngine,
  logisticEngine,
  radvalSvmEngine,
  libsvmEngine,
  mlSvmEngine,
  forestEngine,
  mlRandomForestEngine,
]);

/**
 * The engines of the non-binary outcome kinds, each saying which kinds it
 * fits (the registry dispatches on the response's kind; binary outcomes use
 * {@link ENGINES}). To add one: import it and add one entry.
 */
export const OUTCOME_ENGINES: readonly OutcomeEngine[] = Object.freeze([coxEngine, coxnetEngine, ordinalLogisticEngine, multinomialEngine, forestClassifierEngine, svmClassifierEngine]);

/** One row of {@link listEngines}. */
export interface EngineInfo {
  readonly model: string;
  readonly engine: string;
  /** True for the model's default engine. */
  readonly isDefault: boolean;
  /** Standard hyperparameter names with their defaults. */
  readonly defaults: ModelEngine["defaults"];
  /** True when `prepare()` must be awaited before `fit` (WebAssembly, or a library imported on demand). */
  readonly needsPrepare: boolean;
  /** Outcome kinds the engine fits. */
  readonly kinds: readonly OutcomeKind[];
}

/** Every model × engine pair, defaults first within a model. O(engines). */
export function listEngines(engines: readonly ModelEngine[] = ENGINES): readonly EngineInfo[] {
  const seen = new Set<string>();
  return engines.map((e) => {
    const isDefault = !seen.has(e.model);
    seen.add(e.model);
    return Object.freeze({ model: e.model, engine: e.engine, isDefault, defaults: e.defaults, needsPrepare: typeof e.prepare === "function", kinds: Object.freeze(["binary"] as const) });
  });
}

/** Every engine of every kind: the binary engines, then those of the other kinds (a model family can have engines for several kinds). */
export function listAllEngines(): readonly EngineInfo[] {
  const seen = new Set<string>();
  const other = OUTCOME_ENGINES.map((e) => {
    const key = `${e.model}|${e.kinds.join(",")}`;
    const isDefault = !seen.has(key);
    seen.add(key);
    return Object.freeze({ model: e.model, engine: e.engine, isDefault, defaults: e.defaults, needsPrepare: false, kinds: e.kinds });
  });
  return [...listEngines(), ...other];
}

/** Model families that fit `kind` (for error messages and `radval init`). */
export function modelsForKind(kind: OutcomeKind): string[] {
  if (kind === "binary") return [...new Set(ENGINES.map((e) => e.model))];
  return [...new Set(OUTCOME_ENGINES.filter((e) => (e.kinds as readonly OutcomeKind[]).includes(kind)).map((e) => e.model))];
}

/**
 * The engine that fits `spec` for a non-binary `kind`: the family's engine
 * listed for that kind (the spec's engine name when given). A family with no
 * engine for the kind is `UNKNOWN_MODEL`, listing the families that fit it.
 */
export function outcomeEngineFor(spec: Pick<ModelSpec, "model" | "engine">, kind: Exclude<OutcomeKind, "binary">): OutcomeEngine {
  const forKind = OUTCOME_ENGINES.filter((e) => (e.kinds as readonly OutcomeKind[]).includes(kind) && e.model === spec.model);
  const found = forKind.find((e) => e.engine === spec.engine) ?? forKind[0];
  if (found) return found;
  throw new RadvalError("UNKNOWN_MODEL", `model "${spec.model}" cannot fit a ${kind} outcome`, {
    where: { key: "model", value: spec.model },
    hint: `Models for ${kind} outcomes: ${modelsForKind(kind).join(", ")}.`,
  });
}

/**
 * Fits `spec` to a response of any kind: binary → {@link fitModel} (a
 * {@link FittedModel}); ordinal, nominal, survival → the kind's engine (an
 * OutcomeModel). The one place a fit dispatches on the outcome kind.
 */
export function fitForResponse(spec: ModelSpec, x: ColumnMatrix, response: Response, options: FitOptions): AnyFittedModel {
  if (response.kind === "binary") return fitModel(spec, x, response.y, options);
  const engine = outcomeEngineFor(spec, response.kind);
  checkFeatureInput(`${spec.model} (${engine.engine}, ${response.kind})`, x, response.kind === "survival" ? response.time.length : response.codes.length, options);
  return engine.fit({ ...spec, engine: engine.engine }, x, response, options);
}

/** Restores a saved model of any kind (`kind` in the file; absent = binary). */
export function restoreAnyModel(serialized: SerializedModel): AnyFittedModel {
  if (serialized?.kind === undefined || serialized.kind === "binary") return restoreModel(serialized);
  return outcomeEngineFor(serialized.spec, serialized.kind).restore(serialized);
}

/** The default engine name of a model family, or `UNKNOWN_MODEL`. */
export function defaultEngine(model: string, engines: readonly ModelEngine[] = ENGINES): string {
  const found = engines.find((e) => e.model === model);
  if (!found) throw unknownModel(model, engines);
  return found.engine;
}

function unknownModel(model: string, engines: readonly ModelEngine[]): RadvalError {
  const models = [...new Set(engines.map((e) => e.model))];
  const guess = closestName(model, models);
  return new RadvalError("UNKNOWN_MODEL", `no model family "${model}"`, {
    where: { key: "model", value: model },
    hint: `${guess ? `Did you mean "${guess}"? ` : ""}Model families: ${models.join(", ")}.`,
  });
}

/**
 * The engine that fits `spec` (its model family and engine name). Unknown
 * family or engine → `UNKNOWN_MODEL` with a did-you-mean hint listing what
 * exists. O(engines).
 */
export function engineFor(spec: Pick<ModelSpec, "model" | "engine">, engines: readonly ModelEngine[] = ENGINES): ModelEngine {
  const found = engines.find((e) => e.model === spec.model && e.engine === spec.engine);
  if (found) return found;
  const forModel = engines.filter((e) => e.model === spec.model).map((e) => e.engine);
  if (forModel.length === 0) throw unknownModel(spec.model, engines);
  const guess = closestName(spec.engine, forModel);
  throw new RadvalError("UNKNOWN_MODEL", `model "${spec.model}" has no engine "${spec.engine}"`, {
    where: { key: "engine", value: spec.engine },
    hint: `${guess ? `Did you mean "${guess}"? ` : ""}Engines for ${spec.model}: ${forModel.join(", ")}.`,
  });
}

/** Awaits `prepare()` of the engines of `specs` (loads libsvm's WebAssembly, imports ml-svm / ml-random-forest). Idempotent. */
export async function prepareEngines(specs: ReadonlyArray<Pick<ModelSpec, "model" | "engine">>, engines: readonly ModelEngine[] = ENGINES): Promise<void> {
  for (const spec of specs) {
    // Engines of the other outcome kinds load nothing asynchronously.
    if (!engines.some((e) => e.model === spec.model) && OUTCOME_ENGINES.some((e) => e.model === spec.model)) continue;
    if (!engines.some((e) => e.model === spec.model && e.engine === spec.engine) && OUTCOME_ENGINES.some((e) => e.model === spec.model && e.engine === spec.engine)) continue;
    await engineFor(spec, engines).prepare?.();
  }
}

/**
 * Fits `spec` on x (n × p, column-major, finite) and y (0/1) with the given
 * Rng and optional observation weights; returns a frozen {@link FittedModel}.
 * Checks the input first (one outcome class only → `SINGLE_CLASS`, NaN/Inf →
 * `NON_FINITE` naming row and feature, sizes → `DIMENSION_MISMATCH`), then
 * delegates to the engine. Never mutates its inputs.
 */
export function fitModel(spec: ModelSpec, x: ColumnMatrix, y: Float64Array, options: FitOptions, engines: readonly ModelEngine[] = ENGINES): FittedModel {
  const engine = engineFor(spec, engines);
  checkFitInput(`${spec.model} (${spec.engine})`, x, y, options);
  return engine.fit(spec, x, y, options);
}

/** {@link fitModel} after awaiting the engine's `prepare()` (use it when an engine may need WebAssembly). */
export async function fitModelAsync(spec: ModelSpec, x: ColumnMatrix, y: Float64Array, options: FitOptions, engines: readonly ModelEngine[] = ENGINES): Promise<FittedModel> {
  await prepareEngines([spec], engines);
  return fitModel(spec, x, y, options, engines);
}

/**
 * Restores a model saved with `toJSON()` so it predicts new data. Checks the
 * envelope and delegates to the engine named in it; a model saved by a radval
 * with another state schema is `INCOMPATIBLE_MODEL` (the message names both
 * versions), one with the same schema is restored with a warning.
 */
export function restoreModel(serialized: SerializedModel, engines: readonly ModelEngine[] = ENGINES): FittedModel {
  if (serialized === null || typeof serialized !== "object" || serialized.format !== "radval-model") {
    throw new RadvalError("INCOMPATIBLE_MODEL", 'this is not a saved radval model (no "format": "radval-model")', {
      hint: "Restore the JSON written by a fitted model's toJSON().",
    });
  }
  if (!serialized.spec || typeof serialized.spec.model !== "string") {
    throw new RadvalError("INCOMPATIBLE_MODEL", `saved model (radval ${serialized.radvalVersion ?? "?"}) has no spec`, {
      hint: `Refit the model with radval ${RADVAL_VERSION}.`,
    });
  }
  if (serialized.spec.model === "calibrated") return restoreCalibrated(serialized, (base) => restoreModel(base, engines));
  return engineFor(serialized.spec, engines).restore(serialized);
}
