import { RadvalError } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import type { Response } from "../../core/response.js";
import { type ForestClassifier, type ForestClassifierJSON, type ForestClassifierParams, fitForestClassifier, restoreForestClassifier } from "../forest/multiclassForest.js";
import { type SvmClassifier, type SvmClassifierJSON, type SvmClassifierParams, fitSvmClassifier, restoreSvmClassifier } from "../svm/multiclass.js";
import type { FitOptions, ModelSpec, OutcomeEngine, OutcomeModel, ParamValue, SerializedModel } from "../types.js";
import { levelFittedModel } from "./levelModel.js";
import { restoredState } from "./serialize.js";

interface ClassifierState<J> {
  readonly kind: "ordinal" | "nominal";
  readonly levels: readonly string[];
  readonly nObservations: number;
  readonly classifier: J;
}

function levelResponse(response: Response, what: string): Extract<Response, { kind: "ordinal" | "nominal" }> {
  if (response.kind !== "ordinal" && response.kind !== "nominal") throw new RadvalError("INCOMPATIBLE_MODEL", `the multi-class ${what} fits ordinal or nominal outcomes, not ${response.kind} ones`);
  return response;
}

const isState = (s: unknown): s is ClassifierState<unknown> => {
  const v = s as Partial<ClassifierState<unknown>> | null;
  return !!v && (v.kind === "ordinal" || v.kind === "nominal") && Array.isArray(v.levels) && typeof v.nObservations === "number" && typeof v.classifier === "object";
};

/** Defaults of the multi-class forest (the binary forest's names). */
export const FOREST_CLASSIFIER_DEFAULTS: Readonly<Record<string, ParamValue>> = Object.freeze({ trees: 500, mtry: null, minNodeSize: 2, maxDepth: null, sampleFraction: null, replace: true, classWeight: null });

function forestModel(spec: ModelSpec, featureNames: readonly string[], forest: ForestClassifier, meta: Omit<ClassifierState<unknown>, "classifier">, warnings: OutcomeModel["warnings"]): OutcomeModel {
  return levelFittedModel(spec, featureNames, {
    kind: meta.kind,
    levels: meta.levels,
    probabilities: (x: ColumnMatrix) => forest.predictClassProbs(x),
    description: { nObservations: meta.nObservations, details: { impurityImportance: Object.fromEntries(featureNames.map((f, j) => [f, forest.importance[j]!])) } },
    state: () => ({ ...meta, classifier: forest.toJSON() }),
  }, warnings);
}

/**
 * The "radval" engine of model "randomForest" for ordinal and nominal
 * outcomes: radval's CART forest grown natively on K classes (Gini), class
 * probabilities the mean over trees of the leaf class shares (as
 * scikit-learn's RandomForestClassifier.predict_proba).
 */
export const forestClassifierEngine: OutcomeEngine = Object.freeze({
  model: "randomForest",
  engine: "radval",
  kinds: Object.freeze(["nominal", "ordinal"] as const),
  defaults: FOREST_CLASSIFIER_DEFAULTS,
  fit(spec: ModelSpec, x: ColumnMatrix, response: Response, options: FitOptions): OutcomeModel {
    const r = levelResponse(response, "forest");
    const featureNames = options.featureNames ?? Array.from({ length: x.nCols }, (_, j) => `x${j + 1}`);
    const params = { ...FOREST_CLASSIFIER_DEFAULTS, ...spec.params } as unknown as ForestClassifierParams;
    const forest = fitForestClassifier(x, r.codes, r.levels.length, params, options.rng, { featureNames });
    return forestModel(spec, featureNames, forest, { kind: r.kind, levels: [...r.levels], nObservations: x.nRows }, []);
  },
  restore(serialized: SerializedModel): OutcomeModel {
    const kind = serialized.kind === "ordinal" ? "ordinal" : "nominal";
    const { state, warnings } = restoredState(serialized, "randomForest", "radval", kind, isState);
    const { classifier, ...meta } = state as ClassifierState<ForestClassifierJSON>;
    return forestModel(serialized.spec, serialized.featureNames, restoreForestClassifier(classifier), meta, warnings);
  },
});

/** Defaults of the one-vs-one SVM (the binary SVM's names; probabilities by libsvm's pairwise Platt scaling and coupling). */
export const SVM_CLASSIFIER_DEFAULTS: Readonly<Record<string, ParamValue>> = Object.freeze({ kernel: "linear", cost: 1, gamma: "scale", degree: 3, coef0: 0, tolerance: 1e-3, classWeight: null });

function svmModel(spec: ModelSpec, featureNames: readonly string[], svm: SvmClassifier, meta: Omit<ClassifierState<unknown>, "classifier">, warnings: OutcomeModel["warnings"]): OutcomeModel {
  return levelFittedModel(spec, featureNames, {
    kind: meta.kind,
    levels: meta.levels,
    probabilities: (x: ColumnMatrix) => svm.predictClassProbs(x),
    description: { nObservations: meta.nObservations, details: { pairs: svm.pairs.length } },
    state: () => ({ ...meta, classifier: svm.toJSON() }),
  }, warnings);
}

/**
 * The "radval" engine of model "svm" for ordinal and nominal outcomes:
 * one-vs-one C-SVC as libsvm (K(K−1)/2 pairs, radval's libsvm solver),
 * class probabilities as libsvm computes them (per-pair Platt sigmoids from
 * an internal 5-fold CV, then Wu–Lin–Weng pairwise coupling), the folds drawn
 * from the fit's generator.
 */
export const svmClassifierEngine: OutcomeEngine = Object.freeze({
  model: "svm",
  engine: "radval",
  kinds: Object.freeze(["nominal", "ordinal"] as const),
  defaults: SVM_CLASSIFIER_DEFAULTS,
  fit(spec: ModelSpec, x: ColumnMatrix, response: Response, options: FitOptions): OutcomeModel {
    const r = levelResponse(response, "SVM");
    const featureNames = options.featureNames ?? Array.from({ length: x.nCols }, (_, j) => `x${j + 1}`);
    const params = { ...SVM_CLASSIFIER_DEFAULTS, ...spec.params, probability: "platt" } as unknown as SvmClassifierParams;
    const svm = fitSvmClassifier(x, r.codes, r.levels.length, params, options.rng, { featureNames });
    return svmModel(spec, featureNames, svm, { kind: r.kind, levels: [...r.levels], nObservations: x.nRows }, svm.warnings);
  },
  restore(serialized: SerializedModel): OutcomeModel {
    const kind = serialized.kind === "ordinal" ? "ordinal" : "nominal";
    const { state, warnings } = restoredState(serialized, "svm", "radval", kind, isState);
    const { classifier, ...meta } = state as ClassifierState<SvmClassifierJSON>;
    return svmModel(serialized.spec, serialized.featureNames, restoreSvmClassifier(classifier), meta, warnings);
  },
});
