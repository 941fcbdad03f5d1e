import { RadvalError } from "../../core/errors.js";
import { type ClassWeightInput, normalizeClassWeight } from "../linearModel.js";
import type { ModelSpec, ParamValue } from "../types.js";

/** Default parameters of the logistic spec. */
export const LOGISTIC_DEFAULTS: Readonly<Record<string, ParamValue>> = Object.freeze({ classWeight: null });

/**
 * Model spec for unpenalised logistic regression (model "logistic", engine
 * "radval"; R's `glm(family = binomial)`): frozen plain data. `classWeight`:
 * "balanced" (n / (2 n_c)) or per-class weights { "0": w0, "1": w1 }. O(1).
 */
export function logistic(params: { readonly classWeight?: ClassWeightInput } = {}): ModelSpec {
  for (const key of Object.keys(params)) {
    if (key !== "classWeight") throw new RadvalError("INVALID_ARGUMENT", `unknown logistic parameter "${key}"`, { where: { key }, hint: "Known: classWeight." });
  }
  return Object.freeze({ model: "logistic", engine: "radval", params: Object.freeze({ classWeight: normalizeClassWeight(params.classWeight) }) });
}
