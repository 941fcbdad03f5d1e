import { RadvalError, type RadvalWarning } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import { plattProbability } from "../calibration/platt.js";
import { checkSerialized, decodeFloat64, type EncodedArray, encodeArray, serializeFit } from "../serialize.js";
import type { FittedModel, ModelDescription, ModelSpec, SerializedModel } from "../types.js";
import { checkPredictInput } from "../validate.js";
import { type KernelExpansion, decisionValues, linearWeights } from "./decision.js";
import type { KernelSpec } from "./kernel.js";

/** How an SVM's probabilities are made: a sigmoid of the decision value, P(1) = 1/(1 + exp(a f + b)). */
export interface SvmProbability {
  readonly method: "platt" | "libsvm";
  readonly a: number;
  readonly b: number;
}

/** Everything a fitted SVM holds (both engines). */
export interface SvmFit {
  readonly spec: ModelSpec;
  readonly featureNames: readonly string[];
  readonly expansion: KernelExpansion;
  readonly probability: SvmProbability | null;
  readonly nObservations: number;
  /** Support vectors per class [class 0, class 1]. */
  readonly nSupportPerClass: readonly [number, number];
  /** 0-based training-row index of each support vector, in the expansion's order. */
  readonly supportIndices: readonly number[];
  /** Engine-specific facts for describe() (solver, ρ precision, iterations…). */
  readonly engineDetails: Readonly<Record<string, unknown>>;
  readonly warnings: readonly RadvalWarning[];
}

/** State schema of saved SVMs (both engines). */
export const SVM_SCHEMA = 1;

/** libsvm clips pairwise probabilities to [1e-7, 1 − 1e-7] (svm_predict_probability). */
const LIBSVM_MIN_PROB = 1e-7;

/** Wraps an {@link SvmFit} as a frozen {@link FittedModel}. */
export function svmFittedModel(fit: SvmFit): FittedModel {
  const { spec, featureNames, expansion, probability } = fit;
  const label = `svm (${spec.engine})`;
  const predictScore = (x: ColumnMatrix): Float64Array => {
    checkPredictInput(label, featureNames, x);
    return decisionValues(expansion, x);
  };
  const kernel = expansion.kernel;
  const kernelParams: Record<string, number | string> = { kernel: kernel.kind };
  if (kernel.kind !== "linear") kernelParams["gamma"] = kernel.gamma;
  if (kernel.kind === "polynomial") kernelParams["degree"] = kernel.degree;
  if (kernel.kind === "polynomial" || kernel.kind === "sigmoid") kernelParams["coef0"] = kernel.coef0;
  const model: FittedModel = {
    spec,
    nFeatures: featureNames.length,
    featureNames,
    warnings: Object.freeze([...fit.warnings]),
    predictScore,
    predictProba(x: ColumnMatrix): Float64Array {
      const scores = predictScore(x);
      if (!probability) {
        throw new RadvalError("NO_PROBABILITY", `this SVM was fit with probability: "none", so it has decision values but no probabilities`, {
          where: { key: "probability" },
          hint: 'Refit with probability: "platt" (the default), or use predictScore() for decision values.',
        });
      }
      const out = new Float64Array(scores.length);
      for (let i = 0; i < scores.length; i++) {
        const pr = plattProbability(probability.a, probability.b, scores[i]!);
        out[i] = probability.method === "libsvm" ? Math.min(Math.max(pr, LIBSVM_MIN_PROB), 1 - LIBSVM_MIN_PROB) : pr;
      }
      return out;
    },
    describe(): ModelDescription {
      const linear = kernel.kind === "linear";
      const w = linear ? linearWeights(expansion) : undefined;
      const coefficients: Record<string, number> = {};
      if (w) featureNames.forEach((name, j) => (coefficients[name] = w[j]!));
      return {
        model: spec.model,
        engine: spec.engine,
        params: spec.params,
        nObservations: fit.nObservations,
        nFeatures: featureNames.length,
        featureNames,
        ...(linear ? { intercept: expansion.intercept, coefficients } : {}),
        details: {
          ...kernelParams,
          decisionFunction: linear
            ? "f(x) = Σ coefficients·x + intercept (f > 0 → class 1)"
            : "f(x) = Σₖ dualCoefficientₖ K(supportVectorₖ, x) + intercept (f > 0 → class 1)",
          nSupportVectors: expansion.coef.length,
          nSupportVectorsPerClass: { "0": fit.nSupportPerClass[0], "1": fit.nSupportPerClass[1] },
          supportIndices: fit.supportIndices,
          intercept: expansion.intercept,
          probability: probability ? { method: probability.method, formula: "P(1) = 1 / (1 + exp(a f + b))", a: probability.a, b: probability.b } : null,
          ...fit.engineDetails,
        },
      };
    },
    toJSON(): SerializedModel {
      return serializeFit(spec, featureNames, SVM_SCHEMA, {
        kernel: { ...kernel },
        nFeatures: expansion.nFeatures,
        supportVectors: encodeArray(expansion.supportVectors),
        coef: encodeArray(expansion.coef),
        intercept: expansion.intercept,
        probability,
        nObservations: fit.nObservations,
        nSupportPerClass: [...fit.nSupportPerClass],
        supportIndices: [...fit.supportIndices],
        engineDetails: fit.engineDetails,
      });
    },
  };
  return Object.freeze(model);
}

interface SvmState {
  kernel: KernelSpec;
  nFeatures: number;
  supportVectors: EncodedArray;
  coef: EncodedArray;
  intercept: number;
  probability: SvmProbability | null;
  nObservations: number;
  nSupportPerClass: [number, number];
  supportIndices: number[];
  engineDetails: Record<string, unknown>;
}

/** Restores an SVM saved by either engine's `toJSON()`. */
export function restoreSvm(serialized: SerializedModel, engine: string): FittedModel {
  const warnings = checkSerialized(serialized, { model: "svm", engine, schema: SVM_SCHEMA });
  const state = serialized.state as SvmState;
  if (!state || !state.kernel || typeof state.intercept !== "number") {
    throw new RadvalError("INCOMPATIBLE_MODEL", "saved svm model has no kernel expansion", { hint: "Save the model again with toJSON()." });
  }
  const supportVectors = decodeFloat64(state.supportVectors);
  const coef = decodeFloat64(state.coef);
  if (supportVectors.length !== coef.length * state.nFeatures || serialized.featureNames.length !== state.nFeatures) {
    throw new RadvalError("INCOMPATIBLE_MODEL", "saved svm model: support vectors, coefficients and features do not agree in size", { hint: "Save the model again with toJSON()." });
  }
  return svmFittedModel({
    spec: Object.freeze({ ...serialized.spec, params: Object.freeze({ ...serialized.spec.params }) }),
    featureNames: Object.freeze([...serialized.featureNames]),
    expansion: Object.freeze({ kernel: Object.freeze({ ...state.kernel }), nFeatures: state.nFeatures, supportVectors, coef, intercept: state.intercept }),
    probability: state.probability ? Object.freeze({ ...state.probability }) : null,
    nObservations: state.nObservations,
    nSupportPerClass: [state.nSupportPerClass[0], state.nSupportPerClass[1]],
    supportIndices: Object.freeze([...state.supportIndices]),
    engineDetails: Object.freeze({ ...state.engineDetails }),
    warnings,
  });
}
