import type { RandomForestClassifier } from "ml-random-forest";
import { RadvalError } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import { defaultsOf, resolveParams } from "../params.js";
import { checkSerialized, serializeFit } from "../serialize.js";
import type { FitOptions, FittedModel, ModelDescription, ModelEngine, ModelSpec, SerializedModel } from "../types.js";
import { checkFitInput, checkPredictInput } from "../validate.js";
import { type ForestSettings, resolveForestSettings } from "./settings.js";
import { RANDOM_FOREST_PARAMS } from "./spec.js";

const ENGINE = "ml-random-forest";

type ForestClass = typeof RandomForestClassifier;

/** ml-random-forest, once {@link loadMlRandomForest} has imported it (on demand: most runs never use this engine). */
let forestClass: ForestClass | undefined;

/** Imports ml-random-forest (the engine's `prepare`; idempotent). */
async function loadMlRandomForest(): Promise<void> {
  forestClass ??= (await import("ml-random-forest")).RandomForestClassifier;
}

function requireMlRandomForest(): ForestClass {
  if (!forestClass) {
    throw new RadvalError("ENGINE_NOT_LOADED", "the ml-random-forest engine is not loaded yet (ml-random-forest is imported on demand)", {
      hint: "Call `await prepareEngines([spec])` (or use fitModelAsync) once before fitting or restoring a randomForest spec with engine \"ml-random-forest\".",
    });
  }
  return forestClass;
}
/** State schema of saved ml-random-forest models. */
export const ML_RANDOM_FOREST_SCHEMA = 1;

function rowsOf(x: ColumnMatrix): number[][] {
  const out: number[][] = new Array(x.nRows);
  for (let i = 0; i < x.nRows; i++) {
    const row = new Array<number>(x.nCols);
    for (let j = 0; j < x.nCols; j++) row[j] = x.data[j * x.nRows + i]!;
    out[i] = row;
  }
  return out;
}

/** ml-random-forest's maxFeatures: a value in (0, 1] is read as a fraction, so mtry = 1 is passed as 1.5/p (⌊p · 1.5/p⌋ = 1). */
function maxFeaturesFor(mtry: number, p: number): number {
  return mtry === 1 ? Math.min(1, 1.5 / p) : mtry;
}

function build(spec: ModelSpec, featureNames: readonly string[], settings: ForestSettings, nObservations: number, forest: RandomForestClassifier, seed: number, warnings: FittedModel["warnings"]): FittedModel {
  const label = `randomForest (${ENGINE})`;
  const model: FittedModel = {
    spec,
    nFeatures: featureNames.length,
    featureNames,
    warnings,
    predictProba(x: ColumnMatrix): Float64Array {
      checkPredictInput(label, featureNames, x);
      return Float64Array.from(forest.predictProbability(rowsOf(x), 1));
    },
    describe(): ModelDescription {
      return {
        model: spec.model,
        engine: spec.engine,
        params: spec.params,
        nObservations,
        nFeatures: featureNames.length,
        featureNames,
        details: {
          trees: settings.trees,
          mtry: settings.mtry,
          featureSampling: "ml-random-forest draws mtry features once per tree (random subspace), not per split",
          minNodeSize: settings.minNodeSize,
          maxDepth: settings.maxDepth,
          probability: "share of trees voting class 1 (rounded to 1e-6 by ml-random-forest)",
          seed,
        },
      };
    },
    toJSON(): SerializedModel {
      return serializeFit(spec, featureNames, ML_RANDOM_FOREST_SCHEMA, { settings, nObservations, seed, forest: forest.toJSON() });
    },
  };
  return Object.freeze(model);
}

function fitMlRandomForest(spec: ModelSpec, x: ColumnMatrix, y: Float64Array, options: FitOptions): FittedModel {
  const featureNames = checkFitInput(`randomForest (${ENGINE})`, x, y, options);
  const params = resolveParams("randomForest", RANDOM_FOREST_PARAMS, spec.params);
  const settings = resolveForestSettings(params, x.nCols);
  const unsupported = (key: string, why: string): never => {
    throw new RadvalError("NOT_IMPLEMENTED_OPTION", `randomForest (${ENGINE}) does not support ${why}`, { where: { key }, hint: 'Use the default engine ("radval").' });
  };
  if (params["classWeight"] !== null) unsupported("classWeight", "class weights");
  if (options.weights && options.weights.some((w) => w !== options.weights![0])) unsupported("weights", "observation weights");
  if (!settings.replace || settings.sampleFraction !== 1) unsupported("sampleFraction", "subsampling (it always draws n rows with replacement)");
  if (params["importance"] === "permutation") unsupported("importance", "permutation importance");
  const seed = options.rng.nextUint32() >>> 1;
  const Forest = requireMlRandomForest();
  const forest = new Forest({
    nEstimators: settings.trees,
    maxFeatures: maxFeaturesFor(settings.mtry, x.nCols),
    replacement: false,
    seed,
    useSampleBagging: true,
    noOOB: true,
    treeOptions: {
      gainFunction: "gini",
      minNumSamples: Math.max(1, settings.minNodeSize - 1),
      maxDepth: settings.maxDepth ?? Infinity,
    },
  });
  forest.train(rowsOf(x), Array.from(y));
  return build(spec, Object.freeze([...featureNames]), settings, x.nRows, forest, seed, Object.freeze([]));
}

interface MlForestState {
  settings: ForestSettings;
  nObservations: number;
  seed: number;
  forest: unknown;
}

/**
 * The `randomForest` model's second engine: ml-random-forest 2.1 (named by
 * the project's design). Differences from the default engine: features are
 * sampled once per tree, not per split; probabilities are vote shares; no
 * weights or subsampling. Its random draws use its own Mersenne Twister
 * seeded with one 31-bit draw from the fit's Rng (its `seed` option), so the
 * same Rng gives the same forest. Slow: measured ~40 s for 200 trees on
 * 569 × 30 (about 60× scikit-learn).
 */
export const mlRandomForestEngine: ModelEngine = Object.freeze({
  model: "randomForest",
  engine: ENGINE,
  defaults: defaultsOf(RANDOM_FOREST_PARAMS),
  fit: fitMlRandomForest,
  prepare: loadMlRandomForest,
  restore(serialized: SerializedModel): FittedModel {
    const warnings = checkSerialized(serialized, { model: "randomForest", engine: ENGINE, schema: ML_RANDOM_FOREST_SCHEMA });
    const Forest = requireMlRandomForest();
    const state = serialized.state as MlForestState;
    let forest: RandomForestClassifier;
    try {
      forest = Forest.load(state.forest as Parameters<typeof RandomForestClassifier.load>[0]);
    } catch (e) {
      throw new RadvalError("INCOMPATIBLE_MODEL", `saved ml-random-forest model cannot be loaded: ${(e as Error).message}`, { hint: "Save the model again with toJSON()." });
    }
    return build(
      Object.freeze({ ...serialized.spec, params: Object.freeze({ ...serialized.spec.params }) }),
      Object.freeze([...serialized.featureNames]),
      Object.freeze({ ...state.settings }),
      state.nObservations,
      forest,
      state.seed,
      Object.freeze(warnings),
    );
  },
});
