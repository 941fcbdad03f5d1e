import { RadvalError, type RadvalWarning } from "../core/errors.js";
import type { ColumnMatrix } from "../core/matrix.js";
import { RADVAL_VERSION } from "../version.js";
import { observationWeights } from "./classWeights.js";
import { checkSerialized } from "./serialize.js";
import { checkPredictInput } from "./validate.js";
import type { FittedModel, ModelDescription, ModelSpec, ParamValue, SerializedModel } from "./types.js";

/** Class weights as a spec stores them: "balanced", [w0, w1], or null (none). */
export type ClassWeightParam = "balanced" | readonly [number, number] | null;

/** What users may pass: "balanced" (n / (2 n_c)), `{ "0": w0, "1": w1 }`, [w0, w1], or nothing. */
export type ClassWeightInput = "balanced" | { readonly "0": number; readonly "1": number } | readonly [number, number] | null | undefined;

/** Normalises a class-weight input to the spec form (checked by {@link resolveClassWeights}: finite weights ≥ 0, not both 0). O(1). */
export function normalizeClassWeight(input: ClassWeightInput): ClassWeightParam {
  if (input === undefined || input === null) return null;
  if (input === "balanced") return "balanced";
  const pair = Array.isArray(input) ? [input[0]!, input[1]!] : [(input as { "0": number })["0"], (input as { "1": number })["1"]];
  if (!pair.every((v) => typeof v === "number" && Number.isFinite(v) && v > 0)) {
    throw new RadvalError("INVALID_ARGUMENT", `classWeight must be "balanced" or positive weights for classes 0 and 1, got ${JSON.stringify(input)}`, {
      where: { key: "classWeight" },
      hint: 'Use classWeight: "balanced" or { "0": 1, "1": 3 }.',
    });
  }
  return Object.freeze(pair) as readonly [number, number];
}

/**
 * Observation weights for the linear engines: class weights (see
 * {@link observationWeights}) times the prior weights, or undefined when
 * neither is set (so the solvers take their unweighted path). O(n).
 */
export function linearObservationWeights(
  y: ArrayLike<number>,
  classWeightInput: ParamValue | ClassWeightInput | undefined,
  prior: Float64Array | undefined,
): Float64Array | undefined {
  const classWeight = normalizeClassWeight(classWeightInput as ClassWeightInput);
  if (classWeight === null && !prior) return undefined;
  if (prior && prior.length !== y.length) throw new RadvalError("DIMENSION_MISMATCH", `${prior.length} weights for ${y.length} rows`, { where: { key: "weights" } });
  return observationWeights(y, classWeight as ParamValue, prior);
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
    checkPredictInput(spec.model, names, x);
    const n = x.nRows;
    const eta = new Float64Array(n).fill(state.intercept);
    for (let j = 0; j < p; j++) {
      const b = beta[j]!;
      if (b === 0) continue;
      const off = j * n;
      for (let i = 0; i < n; i++) eta[i] = eta[i]! + b * x.data[off + i]!;
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
    predictLogit: score,
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

/**
 * Checks a serialised linear model (envelope, engine, schema: see
 * {@link checkSerialized}) and returns its state plus any warnings (a model
 * saved by another radval version with the same schema is restored with a
 * warning).
 */
export function restoreLinearState(serialized: SerializedModel, model: string, engine: string): { state: LinearModelState; warnings: RadvalWarning[] } {
  const warnings = checkSerialized(serialized, { model, engine, schema: 1 });
  const s = serialized.state as Partial<LinearModelState> | undefined;
  const coefficients = s?.coefficients;
  if (!s || typeof s.intercept !== "number" || !Array.isArray(coefficients) || coefficients.length !== serialized.featureNames.length ||
      !coefficients.every((c) => typeof c === "number" && Number.isFinite(c))) {
    throw new RadvalError("INCOMPATIBLE_MODEL", `the serialised ${model} model has no valid intercept and coefficients`);
  }
  return { state: { intercept: s.intercept, coefficients, nObservations: Number(s.nObservations ?? 0), details: s.details ?? {} }, warnings };
}
