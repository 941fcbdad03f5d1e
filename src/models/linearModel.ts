import { RadvalError, type RadvalWarning } from "../core/errors.js";
import type { ColumnMatrix } from "../core/matrix.js";
import { RADVAL_VERSION } from "../version.js";
import type { FittedModel, ModelDescription, ModelSpec, ParamValue, SerializedModel } from "./types.js";

/** Class weights as a spec stores them: "balanced", [w0, w1], or null (none). */
export type ClassWeightParam = "balanced" | readonly [number, number] | null;

/** What users may pass: "balanced" (n / (2 n_c)), `{ "0": w0, "1": w1 }`, [w0, w1], or nothing. */
export type ClassWeightInput = "balanced" | { readonly "0": number; readonly "1": number } | readonly [number, number] | null | undefined;

/** Normalises a class-weight input to the spec form (checked: positive finite weights). O(1). */
export function classWeightParam(input: ClassWeightInput): ClassWeightParam {
  if (input === undefined || input === null) return null;
  if (input === "balanced") return "balanced";
  const pair: [number, number] = Array.isArray(input) ? [input[0]!, input[1]!] : [(input as { "0": number })["0"], (input as { "1": number })["1"]];
  if (!pair.every((v) => typeof v === "number" && Number.isFinite(v) && v > 0)) {
    throw new RadvalError("INVALID_ARGUMENT", `classWeight must be "balanced" or positive weights for classes 0 and 1, got ${JSON.stringify(input)}`, {
      where: { key: "classWeight" },
      hint: 'Use classWeight: "balanced" or { "0": 1, "1": 3 }.',
    });
  }
  return Object.freeze(pair) as readonly [number, number];
}

/**
 * Observation weights from class weights and optional prior weights:
 * "balanced" gives w_i = n / (2 n_{y_i}) (scikit-learn's class_weight =
 * "balanced"); [w0, w1] or { "0": w0, "1": w1 } gives w_{y_i}; the result is
 * multiplied by `prior`.
 * Returns undefined when neither is set. O(n).
 */
export function observationWeights(
  y: ArrayLike<number>,
  classWeightInput: ParamValue | ClassWeightInput | undefined,
  prior: Float64Array | undefined,
): Float64Array | undefined {
  const n = y.length;
  const classWeight = classWeightParam(classWeightInput as ClassWeightInput);
  if ((classWeight === null || classWeight === undefined) && !prior) return undefined;
  const out = new Float64Array(n).fill(1);
  if (classWeight === "balanced") {
    let n1 = 0;
    for (let i = 0; i < n; i++) n1 += y[i]!;
    const n0 = n - n1;
    if (n0 === 0 || n1 === 0) throw new RadvalError("SINGLE_CLASS", "balanced class weights need both outcome classes");
    for (let i = 0; i < n; i++) out[i] = y[i] === 1 ? n / (2 * n1) : n / (2 * n0);
  } else if (Array.isArray(classWeight)) {
    for (let i = 0; i < n; i++) out[i] = y[i] === 1 ? classWeight[1]! : classWeight[0]!;
  }
  if (prior) {
    if (prior.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `${prior.length} weights for ${n} rows`, { where: { key: "weights" } });
    for (let i = 0; i < n; i++) out[i] = out[i]! * prior[i]!;
  }
  return out;
}

/** The state a linear logistic model needs to predict (original feature scale). */
export interface LinearModelState {
  readonly intercept: number;
  readonly coefficients: readonly number[];
  readonly nObservations: number;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * A fitted linear logistic model (elastic net or unpenalised) as a frozen
 * {@link FittedModel}: score η = intercept + xβ on the original scale,
 * probability 1/(1 + e^−η). Non-finite feature values in new data are an
 * error naming the row and feature. O(n p) per prediction.
 */
export function linearFittedModel(
  spec: ModelSpec,
  featureNames: readonly string[],
  state: LinearModelState,
  warnings: readonly RadvalWarning[],
): FittedModel {
  const p = featureNames.length;
  const beta = Float64Array.from(state.coefficients);
  if (beta.length !== p) throw new RadvalError("DIMENSION_MISMATCH", `${beta.length} coefficients for ${p} features`);
  const names = Object.freeze([...featureNames]);
  const score = (x: ColumnMatrix): Float64Array => {
    if (x.nCols !== p) {
      throw new RadvalError("DIMENSION_MISMATCH", `the new data has ${x.nCols} feature columns, the model was fitted on ${p}`, {
        hint: "Give the new rows the same features, in the same order, as the training data.",
      });
    }
    const n = x.nRows;
    const eta = new Float64Array(n).fill(state.intercept);
    for (let j = 0; j < p; j++) {
      const off = j * n;
      const b = beta[j]!;
      for (let i = 0; i < n; i++) {
        const v = x.data[off + i]!;
        if (!Number.isFinite(v)) {
          throw new RadvalError("NON_FINITE", `${Number.isNaN(v) ? "missing value (NaN)" : `non-finite value ${v}`} in the data to predict`, {
            where: { row: i + 1, column: names[j]!, feature: names[j]! },
            hint: "Impute or drop missing values before predicting.",
          });
        }
        if (b !== 0) eta[i] = eta[i]! + b * v;
      }
    }
    return eta;
  };
  const describe = (): ModelDescription =>
    Object.freeze({
      model: spec.model,
      engine: spec.engine,
      params: spec.params,
      nObservations: state.nObservations,
      nFeatures: p,
      featureNames: names,
      intercept: state.intercept,
      coefficients: Object.freeze(Object.fromEntries(names.map((f, j) => [f, beta[j]!]))),
      details: state.details,
    });
  const toJSON = (): SerializedModel =>
    Object.freeze({
      format: "radval-model" as const,
      radvalVersion: RADVAL_VERSION,
      schema: 1,
      spec,
      featureNames: names,
      state: { intercept: state.intercept, coefficients: Array.from(beta), nObservations: state.nObservations, details: state.details },
    });
  return Object.freeze({
    spec,
    nFeatures: p,
    featureNames: names,
    predictScore: score,
    predictProba: (x: ColumnMatrix) => {
      const eta = score(x);
      for (let i = 0; i < eta.length; i++) eta[i] = 1 / (1 + Math.exp(-eta[i]!));
      return eta;
    },
    describe,
    toJSON,
    warnings: Object.freeze([...warnings]),
  });
}

/** Checks a serialised linear model and returns its state (for an engine's restore). */
export function restoreLinearState(serialized: SerializedModel, model: string, engine: string): LinearModelState {
  if (serialized?.format !== "radval-model" || serialized.spec?.model !== model || serialized.spec?.engine !== engine) {
    throw new RadvalError("INCOMPATIBLE_MODEL", `this is not a serialised ${model} model of engine ${engine}`, {
      hint: "Restore it with the engine that wrote it (see its spec.model / spec.engine).",
    });
  }
  if (serialized.schema !== 1) {
    throw new RadvalError("INCOMPATIBLE_MODEL", `unknown ${model} schema ${String(serialized.schema)}`, { hint: "Use the radval version that wrote it." });
  }
  const s = serialized.state as Partial<LinearModelState> | undefined;
  const coefficients = s?.coefficients;
  if (!s || typeof s.intercept !== "number" || !Array.isArray(coefficients) || coefficients.length !== serialized.featureNames.length ||
      !coefficients.every((c) => typeof c === "number" && Number.isFinite(c))) {
    throw new RadvalError("INCOMPATIBLE_MODEL", `the serialised ${model} model has no valid intercept and coefficients`);
  }
  return { intercept: s.intercept, coefficients, nObservations: Number(s.nObservations ?? 0), details: s.details ?? {} };
}
