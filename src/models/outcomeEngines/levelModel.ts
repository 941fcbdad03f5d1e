import type { RadvalWarning } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import type { LevelPrediction } from "../../core/prediction.js";
import type { ModelDescription, ModelSpec, OutcomeModel } from "../types.js";
import { checkPredictInput } from "../validate.js";
import { serializeOutcomeModel } from "./serialize.js";

/** What a level model (ordinal or nominal) is made of: its class-probability function and its description. */
export interface LevelModelParts {
  readonly kind: "ordinal" | "nominal";
  readonly levels: readonly string[];
  /** Row-major n × K class probabilities of the rows of `x` (columns in the fit's feature order). */
  readonly probabilities: (x: ColumnMatrix) => Float64Array;
  readonly description: Omit<ModelDescription, "model" | "engine" | "params" | "nFeatures" | "featureNames">;
  /** Plain-JSON state that restores the model (computed when the model is saved). */
  readonly state: () => unknown;
}

/** A fitted ordinal/nominal model as an {@link OutcomeModel} predicting class probabilities. */
export function levelFittedModel(spec: ModelSpec, featureNames: readonly string[], parts: LevelModelParts, warnings: readonly RadvalWarning[]): OutcomeModel {
  const names = Object.freeze([...featureNames]);
  return Object.freeze({
    kind: parts.kind,
    spec,
    nFeatures: names.length,
    featureNames: names,
    predict(x: ColumnMatrix): LevelPrediction {
      checkPredictInput(spec.model, names, x);
      return { kind: parts.kind, nLevels: parts.levels.length, probs: parts.probabilities(x) };
    },
    describe: (): ModelDescription =>
      Object.freeze({ model: spec.model, engine: spec.engine, params: spec.params, nFeatures: names.length, featureNames: names, ...parts.description, details: Object.freeze({ ...parts.description.details, levels: parts.levels }) }),
    toJSON: () => serializeOutcomeModel(parts.kind, spec, names, parts.state()),
    warnings: Object.freeze([...warnings]),
  });
}
