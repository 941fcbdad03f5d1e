import { RadvalError } from "../core/errors.js";
import type { ColumnMatrix } from "../core/matrix.js";
import type { ParamRule } from "./params.js";
import type { ParamValue } from "./types.js";
import { checkPredictInput } from "./validate.js";

/**
 * Checks the input of a multi-class fit: `nClasses` is a whole number ≥ 2,
 * `codes` has one entry per row of `x`, each a whole number in
 * 0 … nClasses − 1 (`INVALID_ARGUMENT` naming the 1-based row), every class
 * has at least one row (`EMPTY_LEVEL` naming the class code), and `x` has
 * finite values and one name per column (`NON_FINITE` naming row and
 * feature). Returns the number of rows per class. O(n p).
 */
export function checkClassCodes(model: string, x: ColumnMatrix, codes: ArrayLike<number>, nClasses: number, featureNames: readonly string[]): Int32Array {
  if (!(Number.isInteger(nClasses) && nClasses >= 2)) {
    throw new RadvalError("INVALID_ARGUMENT", `${model}: nClasses must be a whole number ≥ 2, got ${String(nClasses)}`, {
      where: { key: "nClasses" },
      hint: "A multi-class model needs at least two classes; code them 0 … K − 1.",
    });
  }
  if (nClasses > 255) {
    throw new RadvalError("INVALID_ARGUMENT", `${model}: ${nClasses} classes; at most 255 are supported`, { where: { key: "nClasses" }, hint: "Merge rare classes." });
  }
  const n = x.nRows;
  if (codes.length !== n) {
    throw new RadvalError("DIMENSION_MISMATCH", `${model}: x has ${n} rows but ${codes.length} class codes`, { hint: "Give one class code per row of x." });
  }
  if (x.nCols === 0) throw new RadvalError("NO_FEATURES", `${model}: x has no feature columns`, { hint: "Choose at least one feature." });
  if (featureNames.length !== x.nCols) {
    throw new RadvalError("DIMENSION_MISMATCH", `${model}: ${featureNames.length} feature names for ${x.nCols} columns`, { hint: "Give one name per column of x." });
  }
  const counts = new Int32Array(nClasses);
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    if (!(Number.isInteger(c) && c >= 0 && c < nClasses)) {
      throw new RadvalError("INVALID_ARGUMENT", `${model}: the class code of row ${i + 1} is ${String(c)}, not a whole number in 0 … ${nClasses - 1}`, {
        where: { row: i + 1 },
        hint: `Code the ${nClasses} classes as 0 … ${nClasses - 1} (in level order).`,
      });
    }
    counts[c]++;
  }
  const empty: number[] = [];
  for (let c = 0; c < nClasses; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length > 0) {
    throw new RadvalError("EMPTY_LEVEL", `${model}: class${empty.length > 1 ? "es" : ""} ${empty.join(", ")} ha${empty.length > 1 ? "ve" : "s"} no rows in the training data (of ${nClasses} classes, ${n} rows)`, {
      where: { key: "nClasses" },
      hint: "Every class needs training rows: merge the empty class with a neighbour, or stratify the resampling by class.",
    });
  }
  checkPredictInput(`${model} cannot be fit`, featureNames, x);
  return counts;
}

/**
 * Per-class weights for K classes from a `classWeight` value: null → all 1;
 * `"balanced"` → w_c = n / (K n_c) (scikit-learn's
 * `compute_class_weight("balanced")`); `{"c": w}` keyed by class code (a
 * missing class means 1) or an array of K weights. O(K).
 */
export function resolveMulticlassWeights(classWeight: ParamValue | undefined, counts: Int32Array): Float64Array {
  const K = counts.length;
  const out = new Float64Array(K).fill(1);
  if (classWeight === null || classWeight === undefined) return out;
  if (classWeight === "balanced") {
    let n = 0;
    for (let c = 0; c < K; c++) n += counts[c]!;
    for (let c = 0; c < K; c++) out[c] = n / (K * counts[c]!);
    return out;
  }
  const bad = (message: string): never => {
    throw new RadvalError("INVALID_PARAMETER", `classWeight: ${message}`, {
      where: { key: "classWeight" },
      hint: `Use null, "balanced", {"0": w0, …, "${K - 1}": w${K - 1}} or an array of ${K} weights (finite, ≥ 0, not all 0).`,
    });
  };
  if (Array.isArray(classWeight)) {
    if (classWeight.length !== K) bad(`${classWeight.length} weights for ${K} classes`);
    classWeight.forEach((w, c) => (out[c] = w as number));
  } else if (typeof classWeight === "object") {
    for (const [key, w] of Object.entries(classWeight as Readonly<Record<string, number>>)) {
      const c = Number(key);
      if (!(Number.isInteger(c) && c >= 0 && c < K && String(c) === key)) bad(`key "${key}" is not a class code 0 … ${K - 1}`);
      out[c] = w;
    }
  } else bad(`expected null, "balanced", an object or an array, got ${JSON.stringify(classWeight)}`);
  let total = 0;
  for (let c = 0; c < K; c++) {
    if (!(Number.isFinite(out[c]!) && out[c]! >= 0)) bad(`weight of class ${c} is ${out[c]}`);
    total += out[c]!;
  }
  if (total === 0) bad("every class weight is 0");
  return out;
}

/** Parameter rule of a K-class `classWeight` (the class count is checked at fit by {@link resolveMulticlassWeights}). */
export function multiclassWeightParam(): ParamRule {
  return {
    default: null,
    doc: 'class weights: null, "balanced" (n / (K n_c)), {"c": w} by class code or an array of K weights',
    check(value) {
      if (value === null || value === "balanced") return undefined;
      const finite = (w: unknown) => typeof w === "number" && Number.isFinite(w) && w >= 0;
      if (Array.isArray(value)) return value.length >= 2 && value.every(finite) ? undefined : `expected an array of K ≥ 2 finite weights ≥ 0, got ${JSON.stringify(value)}`;
      if (typeof value === "object") {
        const entries = Object.entries(value as Readonly<Record<string, unknown>>);
        return entries.length > 0 && entries.every(([k, w]) => /^(0|[1-9][0-9]*)$/.test(k) && finite(w)) ? undefined : `expected {"class code": weight ≥ 0}, got ${JSON.stringify(value)}`;
      }
      return `expected null, "balanced", {"c": w} or [w0, …], got ${JSON.stringify(value)}`;
    },
  };
}
