import { RadvalError, type RadvalWarning } from "../core/errors.js";
import { closestName } from "../core/suggest.js";
import type { LongTable } from "../table/longTable.js";
import { checkRaterDesign, type RaterDesign } from "./design.js";
import { fQuantile } from "./distributions.js";
import type { IccFormName } from "./iccForms.js";
import { type FQuantileFn, type IccForm, iccFormsFromMeanSquares, memoFQuantile } from "./iccIntervals.js";
import { meanSquaresWorkspace, twoWayMeanSquares } from "./meanSquares.js";

/** ICC of one feature: the six forms plus what was used. */
export interface IccFeatureResult {
  readonly feature: string;
  /** Complete cases used (every rater/repeat present). */
  readonly n: number;
  /** Raters / repeats. */
  readonly k: number;
  /** Cases dropped for this feature because a repeat was missing. */
  readonly dropped: number;
  /** Ids of the dropped cases. */
  readonly droppedCases: readonly string[];
  /** The six forms, keyed by Shrout–Fleiss name (each also carries its McGraw–Wong name). */
  readonly forms: Readonly<Record<IccFormName, IccForm>>;
}

/** ICC of every feature of a long table. */
export interface IccResult {
  readonly source: string;
  readonly caseColumn: string;
  readonly raterColumn: string;
  readonly raters: readonly string[];
  readonly nCases: number;
  /** Confidence level of the intervals is 1 − alpha. */
  readonly alpha: number;
  readonly design: RaterDesign;
  readonly features: readonly IccFeatureResult[];
  readonly warnings: readonly RadvalWarning[];
}

/** Options of {@link iccTable}. */
export interface IccOptions {
  /** Intervals at level 1 − alpha (default 0.05, as psych::ICC). */
  readonly alpha?: number;
  /** Throw `INCOMPLETE_CASE` for a case with a missing repeat instead of dropping it (default false). */
  readonly strict?: boolean;
  /** Only these features (default: all of the table). */
  readonly features?: readonly string[];
  /** Below this fraction of complete cases the design counts as unbalanced (default 0.5, see {@link checkRaterDesign}). */
  readonly minCompleteFraction?: number;
  /** F quantile function (default: stdlib's, memoised across features). */
  readonly qf?: FQuantileFn;
}

function checkAlpha(alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) {
    throw new RadvalError("INVALID_ARGUMENT", `alpha must be between 0 and 1, got ${alpha}`, { where: { option: "--alpha" }, hint: "Use 0.05 for 95% intervals." });
  }
}

function selectFeatures(table: LongTable, names: readonly string[] | undefined): number[] {
  if (names === undefined) return table.featureNames.map((_, f) => f);
  return names.map((name) => {
    const f = table.featureNames.indexOf(name);
    if (f < 0) {
      const guess = closestName(name, table.featureNames);
      throw new RadvalError("UNKNOWN_COLUMN", `no feature named "${name}" in the long table`, {
        where: { file: table.source, column: name },
        hint: guess ? `Did you mean "${guess}"?` : "List the feature columns with radval describe --rater COL.",
      });
    }
    return f;
  });
}

/**
 * Intraclass correlation coefficients of every feature of a long
 * repeated-measures table (case × rater/repeat rows): all six Shrout & Fleiss
 * (1979) forms with McGraw & Wong (1996) names, F tests and F-based
 * intervals, exactly as `psych::ICC(x, lmer = FALSE)` on each feature's
 * cases × raters matrix (see {@link iccFormsFromMeanSquares}).
 *
 * Design: the table must be crossed ({@link checkRaterDesign}: ≥ 2 raters,
 * ≥ 2 cases, raters measured the same cases). A case missing a repeat for a
 * feature is dropped for that feature and counted in `dropped` (psych would
 * stop; `strict: true` makes it an `INCOMPLETE_CASE` error). Undefined
 * statistics (constant feature, no between-case variance) are null with a
 * reason. One pass over the data: O(n k) per feature, O(n k p) in all, with
 * the shared F quantiles computed once per (n, k).
 */
export function iccTable(table: LongTable, options: IccOptions = {}): IccResult {
  const alpha = options.alpha ?? 0.05;
  checkAlpha(alpha);
  const featureIdx = selectFeatures(table, options.features);
  const design = checkRaterDesign(table, {
    features: featureIdx,
    ...(options.minCompleteFraction !== undefined ? { minCompleteFraction: options.minCompleteFraction } : {}),
  });
  const { nCases, nRaters: k } = design;
  const qf = options.qf ?? memoFQuantile(fQuantile);
  const workspace = meanSquaresWorkspace(nCases, k);
  const rowsBuffer = new Int32Array(nCases);
  const results: IccFeatureResult[] = [];
  let featuresWithDrops = 0;
  for (const f of featureIdx) {
    const values = table.values[f]!;
    const feature = table.featureNames[f]!;
    let n = 0;
    const droppedCases: string[] = [];
    for (let i = 0; i < nCases; i++) {
      let complete = true;
      for (let r = 0; r < k; r++) {
        if (Number.isNaN(values[i * k + r]!)) {
          complete = false;
          if (options.strict) {
            throw new RadvalError("INCOMPLETE_CASE", `case "${table.cases[i]}" has no value for ${table.raterColumn} "${table.raters[r]}"`, {
              where: { file: table.source, column: feature, feature, value: table.cases[i]! },
              hint: "Fill in the measurement, remove the case, or leave strict mode off to drop incomplete cases per feature (they are counted in 'dropped').",
            });
          }
          break;
        }
      }
      if (complete) rowsBuffer[n++] = i;
      else droppedCases.push(table.cases[i]!);
    }
    if (droppedCases.length > 0) featuresWithDrops++;
    const ms = twoWayMeanSquares(values, k, rowsBuffer.subarray(0, n), workspace);
    results.push(
      Object.freeze({
        feature,
        n,
        k,
        dropped: droppedCases.length,
        droppedCases: Object.freeze(droppedCases),
        forms: iccFormsFromMeanSquares(ms, alpha, qf),
      }),
    );
  }
  const warnings: RadvalWarning[] = [];
  if (featuresWithDrops > 0) {
    warnings.push({
      code: "INCOMPLETE_CASES_DROPPED",
      message: `${featuresWithDrops} feature${featuresWithDrops === 1 ? " has" : "s have"} cases with a missing repeat; those cases were dropped per feature (see "dropped")`,
      where: { file: table.source },
    });
  }
  const undefinedCount = results.filter((r) => r.forms.ICC2.icc === null).length;
  if (undefinedCount > 0) {
    warnings.push({
      code: "ICC_UNDEFINED",
      message: `ICC is undefined for ${undefinedCount} feature${undefinedCount === 1 ? "" : "s"} (reported as null with a reason)`,
      where: { file: table.source },
    });
  }
  return Object.freeze({
    source: table.source,
    caseColumn: table.caseColumn,
    raterColumn: table.raterColumn,
    raters: table.raters,
    nCases,
    alpha,
    design,
    features: Object.freeze(results),
    warnings: Object.freeze(warnings),
  });
}

/**
 * The six ICC forms of one cases × raters matrix given as rows (`rows[i][r]`,
 * like the wide matrix psych::ICC takes). Every value must be a finite number
 * (`NON_FINITE` otherwise: drop incomplete cases first); rows must all have k ≥ 2 values.
 */
export function iccMatrix(rows: ReadonlyArray<ArrayLike<number>>, options: { alpha?: number; qf?: FQuantileFn } = {}): Readonly<Record<IccFormName, IccForm>> {
  const alpha = options.alpha ?? 0.05;
  checkAlpha(alpha);
  const n = rows.length;
  const k = n > 0 ? rows[0]!.length : 0;
  if (k < 2) throw new RadvalError("TOO_FEW_RATERS", `the matrix has ${k} column${k === 1 ? "" : "s"}: the ICC needs at least 2 raters`, { hint: "Pass one row per case and one column per rater." });
  const values = new Float64Array(n * k);
  rows.forEach((row, i) => {
    if (row.length !== k) throw new RadvalError("DIMENSION_MISMATCH", `row ${i + 1} has ${row.length} ratings, expected ${k}`, { where: { row: i + 1 } });
    for (let r = 0; r < k; r++) {
      const v = row[r]!;
      if (!Number.isFinite(v)) throw new RadvalError("NON_FINITE", `rating ${r + 1} of row ${i + 1} is ${v}`, { where: { row: i + 1 }, hint: "Drop cases with a missing rating first." });
      values[i * k + r] = v;
    }
  });
  const caseRows = new Int32Array(n);
  for (let i = 0; i < n; i++) caseRows[i] = i;
  return iccFormsFromMeanSquares(twoWayMeanSquares(values, k, caseRows), alpha, options.qf ?? fQuantile);
}

