import { RadvalError } from "../core/errors.js";
import type { ParamValue } from "./types.js";

/**
 * Per-class weights `[w0, w1]` from a `classWeight` parameter:
 * null → [1, 1]; `"balanced"` → w_c = n / (2 n_c) with n_c the (unweighted)
 * count of class c in `y`, as scikit-learn's `compute_class_weight("balanced")`
 * (King & Zeng 2001 weighting); explicit `{"0": w0, "1": w1}` or `[w0, w1]`
 * (a missing class key means 1). O(n).
 */
export function resolveClassWeights(classWeight: ParamValue | undefined, y: ArrayLike<number>): [number, number] {
  if (classWeight === null || classWeight === undefined) return [1, 1];
  if (classWeight === "balanced") {
    let n1 = 0;
    for (let i = 0; i < y.length; i++) n1 += y[i] === 1 ? 1 : 0;
    const n0 = y.length - n1;
    if (n0 === 0 || n1 === 0) {
      throw new RadvalError("SINGLE_CLASS", `"balanced" class weights need both classes, got ${n0} of class 0 and ${n1} of class 1`, {
        where: { key: "classWeight" },
        hint: "Fit on rows that contain both outcome classes.",
      });
    }
    return [y.length / (2 * n0), y.length / (2 * n1)];
  }
  if (Array.isArray(classWeight) && classWeight.length === 2) return checked([classWeight[0] as number, classWeight[1] as number]);
  if (typeof classWeight === "object" && !Array.isArray(classWeight)) {
    const record = classWeight as Readonly<Record<string, number>>;
    for (const key of Object.keys(record)) {
      if (key !== "0" && key !== "1") {
        throw new RadvalError("INVALID_PARAMETER", `class weight key "${key}" is not a class (the outcome is coded 0/1)`, {
          where: { key: "classWeight" },
          hint: 'Write explicit weights as {"0": w0, "1": w1}.',
        });
      }
    }
    return checked([record["0"] ?? 1, record["1"] ?? 1]);
  }
  throw new RadvalError("INVALID_PARAMETER", `classWeight must be null, "balanced", {"0": w0, "1": w1} or [w0, w1], got ${JSON.stringify(classWeight)}`, {
    where: { key: "classWeight" },
    hint: 'Use classWeight: "balanced" for weights inversely proportional to class frequencies.',
  });
}

function checked(weights: [number, number]): [number, number] {
  for (const w of weights) {
    if (!(Number.isFinite(w) && w >= 0)) {
      throw new RadvalError("INVALID_PARAMETER", `class weights must be finite and ≥ 0, got [${weights.join(", ")}]`, { where: { key: "classWeight" } });
    }
  }
  if (weights[0] === 0 && weights[1] === 0) {
    throw new RadvalError("INVALID_PARAMETER", "both class weights are 0", { where: { key: "classWeight" }, hint: "Give at least one class a positive weight." });
  }
  return weights;
}

/**
 * Observation weights combining per-row weights (default 1) with class
 * weights: w_i = weights_i × classWeight[y_i] (scikit-learn multiplies
 * `sample_weight` by `class_weight` the same way). Returns a new array. O(n).
 */
export function observationWeights(y: ArrayLike<number>, classWeight: ParamValue | undefined, weights?: ArrayLike<number>): Float64Array {
  const [w0, w1] = resolveClassWeights(classWeight, y);
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) out[i] = (weights ? weights[i]! : 1) * (y[i] === 1 ? w1 : w0);
  return out;
}
