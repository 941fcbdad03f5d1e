import type { Dataset } from "../core/dataset.js";
import { RadvalError } from "../core/errors.js";
import { type ColumnMatrix, gatherRows, gatherVector } from "../core/matrix.js";
import type { FeatureFrame, RowContext } from "./types.js";

/** The features of `rows` of a dataset as a contiguous frame (one copy; the fitting code wants contiguous columns), with their non-feature columns as context. */
export function frameOfRows(data: Dataset, rows: Int32Array): FeatureFrame {
  return { names: data.featureNames, x: gatherRows(data.x, rows), context: rowContext(data, rows) };
}

/**
 * The non-feature columns of `rows` of a dataset, read on demand: the site,
 * group and date roles, text columns and the (raw) features by name. The
 * outcome, time and event columns are not readable.
 */
export function rowContext(data: Dataset, rows: Int32Array): RowContext {
  const pick = (values: readonly string[]) => Array.from(rows, (r) => values[r]!);
  return Object.freeze({
    siteColumn: data.site?.name ?? null,
    outcomeColumn: data.outcome?.name ?? null,
    column(name: string): Float64Array | readonly string[] | undefined {
      if (name === data.outcome?.name || name === data.time?.name || name === data.event?.name) return undefined;
      if (name === data.site?.name) return pick(data.site.values);
      if (name === data.group?.name) return pick(data.group.values);
      if (name === data.date?.name) return pick(data.date.text);
      const j = data.featureNames.indexOf(name);
      if (j >= 0) return gatherVector(data.x.data.subarray(j * data.x.nRows, (j + 1) * data.x.nRows), rows);
      const text = data.textColumns.find((c) => c.name === name);
      return text ? pick(text.values) : undefined;
    },
  });
}

/** The outcome of `rows` (0/1), or a clear error when the dataset has no outcome. */
export function outcomeOfRows(data: Dataset, rows: Int32Array): Float64Array {
  if (!data.outcome) {
    throw new RadvalError("MISSING_ROLE", "no outcome column was chosen", {
      where: { file: data.source },
      hint: "Name the binary outcome column (--outcome COL; library: roles.outcome).",
    });
  }
  return gatherVector(data.outcome.values, rows);
}

/**
 * Columns of `frame` reordered/selected to `names` (a fitted step or model
 * expects its own input columns, by name). Error naming the first missing
 * feature. O(n p).
 */
export function selectByName(frame: FeatureFrame, names: readonly string[]): ColumnMatrix {
  if (frame.names.length === names.length && frame.names.every((name, j) => name === names[j])) return frame.x;
  const index = new Map(frame.names.map((name, j) => [name, j]));
  const cols = names.map((name) => {
    const j = index.get(name);
    if (j === undefined) {
      throw new RadvalError("UNKNOWN_COLUMN", `feature "${name}" that the model was fitted with is not in the data`, {
        where: { feature: name },
        hint: "Apply the model to a table with the same feature columns as the development data.",
      });
    }
    return j;
  });
  const n = frame.x.nRows;
  const data = new Float64Array(n * cols.length);
  cols.forEach((j, k) => data.set(frame.x.data.subarray(j * n, (j + 1) * n), k * n));
  return { nRows: n, nCols: cols.length, data };
}
