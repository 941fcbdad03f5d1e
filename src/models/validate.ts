import { RadvalError } from "../core/errors.js";
import type { ColumnMatrix } from "../core/matrix.js";
import type { FitOptions } from "./types.js";

/** Feature names `x1 … xp` used when a fit is given none. */
export function defaultFeatureNames(p: number): string[] {
  return Array.from({ length: p }, (_, j) => `x${j + 1}`);
}

function nonFiniteCell(x: ColumnMatrix, names: readonly string[], what: string): RadvalError | undefined {
  const { nRows, nCols, data } = x;
  for (let j = 0; j < nCols; j++) {
    const base = j * nRows;
    for (let i = 0; i < nRows; i++) {
      const v = data[base + i]!;
      if (!Number.isFinite(v)) {
        const feature = names[j] ?? `x${j + 1}`;
        return new RadvalError("NON_FINITE", `${what}: feature "${feature}" is ${String(v)} in row ${i + 1}`, {
          where: { row: i + 1, feature },
          hint: "Models need complete, finite features: impute missing values (a recipe step) or drop the row or feature first.",
        });
      }
    }
  }
  return undefined;
}

/**
 * Checks what every engine's fit needs of its features, whatever the outcome
 * kind: `n` rows, at least one column, one name per column, finite values
 * (NaN = missing is not accepted by models), and weights finite, ≥ 0, not all
 * 0, one per row. Returns the feature names to use. O(n p).
 */
export function checkFeatureInput(model: string, x: ColumnMatrix, n: number, options: FitOptions): readonly string[] {
  if (n !== x.nRows) {
    throw new RadvalError("DIMENSION_MISMATCH", `${model}: x has ${x.nRows} rows but the outcome has ${n} values`, { hint: "Give one outcome value per row of x." });
  }
  const names = featureNamesOf(model, x, options);
  checkValuesAndWeights(model, x, names, n, options);
  return names;
}

/** No columns or a wrong number of names: the errors every fit checks first. Returns the names to use. */
function featureNamesOf(model: string, x: ColumnMatrix, options: FitOptions): readonly string[] {
  if (x.nCols === 0) throw new RadvalError("NO_FEATURES", `${model}: x has no feature columns`, { hint: "Choose at least one feature." });
  const names = options.featureNames ?? defaultFeatureNames(x.nCols);
  if (names.length !== x.nCols) {
    throw new RadvalError("DIMENSION_MISMATCH", `${model}: ${names.length} feature names for ${x.nCols} columns`, { hint: "Give one name per column of x." });
  }
  return names;
}

/** Finite feature values and valid observation weights. */
function checkValuesAndWeights(model: string, x: ColumnMatrix, names: readonly string[], n: number, options: FitOptions): void {
  const bad = nonFiniteCell(x, names, `${model} cannot be fit`);
  if (bad) throw bad;
  const w = options.weights;
  if (w !== undefined) {
    if (w.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `${model}: ${w.length} weights for ${n} rows`, { hint: "Give one weight per row." });
    let total = 0;
    for (let i = 0; i < n; i++) {
      const wi = w[i]!;
      if (!(Number.isFinite(wi) && wi >= 0)) {
        throw new RadvalError("INVALID_ARGUMENT", `${model}: weight of row ${i + 1} is ${wi}; weights must be finite and ≥ 0`, { where: { row: i + 1 } });
      }
      total += wi;
    }
    if (total === 0) throw new RadvalError("INVALID_ARGUMENT", `${model}: all weights are 0`, { hint: "Give some rows a positive weight." });
  }
}

/**
 * Checks a binary fit's input: `y` is 0/1 with both classes and one value
 * per row, then the features ({@link checkFeatureInput}). Returns the feature
 * names to use. O(n p).
 */
export function checkFitInput(model: string, x: ColumnMatrix, y: ArrayLike<number>, options: FitOptions): readonly string[] {
  const n = x.nRows;
  if (y.length !== n) {
    throw new RadvalError("DIMENSION_MISMATCH", `${model}: x has ${n} rows but y has ${y.length} values`, { hint: "Give one outcome value per row of x." });
  }
  const names = featureNamesOf(model, x, options);
  let n1 = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v !== 0 && v !== 1) {
      throw new RadvalError("INVALID_ARGUMENT", `${model}: the outcome must be coded 0/1, got ${String(v)} in row ${i + 1}`, {
        where: { row: i + 1 },
        hint: "Code the event as 1 and the non-event as 0.",
      });
    }
    n1 += v;
  }
  if (n1 === 0 || n1 === n) {
    throw new RadvalError("SINGLE_CLASS", `${model}: the training rows contain only one outcome class (${n1} events, ${n - n1} non-events)`, {
      hint: "A binary classifier needs both events and non-events among its training rows; with small data use fewer folds or stratified resampling.",
    });
  }
  checkValuesAndWeights(model, x, names, n, options);
  return names;
}

/**
 * Checks new data for prediction: the same number of columns as the fit
 * (a wrong count is `DIMENSION_MISMATCH` naming both) and finite values.
 */
export function checkPredictInput(model: string, featureNames: readonly string[], x: ColumnMatrix): void {
  if (x.nCols !== featureNames.length) {
    const shown = featureNames.length <= 6 ? featureNames.join(", ") : `${featureNames.slice(0, 6).join(", ")}, …`;
    throw new RadvalError("DIMENSION_MISMATCH", `${model} was fit on ${featureNames.length} features (${shown}) but the new data has ${x.nCols} columns`, {
      hint: "Predict with the same feature columns, in the same order, as the fit (model.featureNames).",
    });
  }
  const bad = nonFiniteCell(x, featureNames, `${model} cannot predict`);
  if (bad) throw bad;
}
