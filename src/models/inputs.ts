import { RadvalError, type RadvalWarning } from "../core/errors.js";
import type { ColumnMatrix } from "../core/matrix.js";

/** Feature names given, or x1..xp; checked to have length p. O(p). */
export function resolveFeatureNames(p: number, names: readonly string[] | undefined): string[] {
  if (names === undefined) return Array.from({ length: p }, (_, j) => `x${j + 1}`);
  if (names.length !== p) {
    throw new RadvalError("DIMENSION_MISMATCH", `${names.length} feature names were given for ${p} columns`, { where: { key: "featureNames" } });
  }
  return [...names];
}

/**
 * Checks a design matrix and binary outcome for model fitting: at least two
 * rows, y of length n with values 0/1, and every feature value finite. A NaN
 * or infinite value is an error naming the (1-based) row and the feature, and
 * saying what to do. O(n p).
 */
export function checkDesignAndOutcome(x: ColumnMatrix, y: ArrayLike<number>, featureNames: readonly string[]): void {
  const { nRows: n, nCols: p, data } = x;
  if (y.length !== n) {
    throw new RadvalError("DIMENSION_MISMATCH", `the outcome has ${y.length} values but the feature matrix has ${n} rows`, { hint: "Give one outcome value per row." });
  }
  if (n < 2) throw new RadvalError("INVALID_ARGUMENT", `a model needs at least 2 rows, got ${n}`);
  if (p < 1) throw new RadvalError("NO_FEATURES", "the feature matrix has no columns", { hint: "Choose at least one feature." });
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v !== 0 && v !== 1) {
      throw new RadvalError("INVALID_ARGUMENT", `the outcome must be 0/1, got ${v}`, { where: { row: i + 1 }, hint: "Code the event as 1 and the non-event as 0." });
    }
  }
  for (let j = 0; j < p; j++) {
    const off = j * n;
    for (let i = 0; i < n; i++) {
      const v = data[off + i]!;
      if (!Number.isFinite(v)) {
        throw new RadvalError("NON_FINITE", `${Number.isNaN(v) ? "missing value (NaN)" : `non-finite value ${v}`} in the feature matrix`, {
          where: { row: i + 1, column: featureNames[j]!, feature: featureNames[j]! },
          hint: "Impute missing values (a recipe step) or drop the row or feature before fitting; the model cannot use NaN.",
        });
      }
    }
  }
}

/**
 * Observation weights: all 1 when not given; else checked (length n, finite,
 * ≥ 0, positive total). O(n).
 */
export function resolveWeights(n: number, weights: ArrayLike<number> | undefined): Float64Array {
  const w = new Float64Array(n);
  if (weights === undefined) return w.fill(1);
  if (weights.length !== n) {
    throw new RadvalError("DIMENSION_MISMATCH", `${weights.length} observation weights were given for ${n} rows`, { where: { key: "weights" } });
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = weights[i]!;
    if (!Number.isFinite(v) || v < 0) {
      throw new RadvalError("INVALID_ARGUMENT", `observation weight of row ${i + 1} is ${v}; weights must be finite and ≥ 0`, { where: { row: i + 1, key: "weights" } });
    }
    w[i] = v;
    total += v;
  }
  if (!(total > 0)) throw new RadvalError("INVALID_ARGUMENT", "all observation weights are 0", { where: { key: "weights" } });
  return w;
}

/**
 * Checks both classes are present among rows with positive weight, as glmnet's
 * lognet does: an error when a class has 0 or 1 rows, a warning when it has
 * fewer than 8. `where` names the fold for cross-validation messages. O(n).
 */
export function checkClassCounts(y: ArrayLike<number>, w: ArrayLike<number>, where: { split?: string } = {}): RadvalWarning[] {
  let n1 = 0;
  let n0 = 0;
  for (let i = 0; i < y.length; i++) {
    if (!(w[i]! > 0)) continue;
    if (y[i] === 1) n1++;
    else n0++;
  }
  const smaller = Math.min(n0, n1);
  const label = where.split ? ` in the training rows of ${where.split}` : "";
  if (smaller <= 1) {
    throw new RadvalError("SINGLE_CLASS", `the outcome has ${n1} event(s) and ${n0} non-event(s)${label}; a logistic model needs at least 2 of each`, {
      where,
      hint: where.split ? "Use stratified folds (radval draws them with --folds/--seed) or fewer folds." : "Both outcome classes are needed.",
    });
  }
  if (smaller < 8) {
    return [{ code: "FEW_EVENTS", message: `one outcome class has fewer than 8 observations (${smaller})${label}; dangerous ground (as glmnet warns)`, where }];
  }
  return [];
}
