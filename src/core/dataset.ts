import { RadvalError, type RadvalWarning } from "./errors.js";
import { type ColumnMatrix, getColumn } from "./matrix.js";

/** A binary outcome coded 0/1, with the labels it came from. */
export interface BinaryOutcome {
  readonly kind?: "binary";
  /** Column name in the source table. */
  readonly name: string;
  /** 1 = positive (event), 0 = negative, per row. */
  readonly values: Float64Array;
  readonly positiveLabel: string;
  readonly negativeLabel: string;
}

/** A categorical role column (site, group, rater…). */
export interface CategoricalRole {
  readonly name: string;
  /** The label of each row ("" when missing). */
  readonly values: readonly string[];
  /** Distinct non-missing labels in order of first appearance. */
  readonly levels: readonly string[];
}

/** A date role column: ISO dates parsed to days since 1970-01-01 (NaN when missing). */
export interface DateRole {
  readonly name: string;
  readonly days: Float64Array;
  readonly text: readonly string[];
}

/** A numeric role column that is not a feature (survival time, event indicator). */
export interface NumericRole {
  readonly name: string;
  readonly values: Float64Array;
}

/** A non-numeric column that is neither a role nor a feature, kept for reference. */
export interface TextColumn {
  readonly name: string;
  readonly values: readonly string[];
}

/**
 * A feature table: one row per case, numeric features in a column-major
 * `Float64Array` (NaN = missing), plus named roles. Immutable by convention
 * (frozen at creation); row subsets are `Int32Array` index sets, not copies.
 */
export interface Dataset {
  /** Where it came from (file name or example name), for error messages. */
  readonly source: string;
  readonly ids: readonly string[];
  /** Name of the id column, or undefined when ids are generated row numbers. */
  readonly idColumn: string | undefined;
  readonly featureNames: readonly string[];
  /** n × p feature matrix, column-major, NaN = missing. */
  readonly x: ColumnMatrix;
  /** The binary outcome (binary studies); other kinds live in `levelOutcome` or the `time`/`event` roles. */
  readonly outcome: BinaryOutcome | undefined;
  /** An ordinal or nominal outcome column as text labels (coded 0..K−1 where the study is read: `studyResponse`). */
  readonly levelOutcome?: CategoricalRole | undefined;
  readonly site: CategoricalRole | undefined;
  readonly group: CategoricalRole | undefined;
  readonly date: DateRole | undefined;
  readonly time: NumericRole | undefined;
  readonly event: NumericRole | undefined;
  /** Non-numeric columns that are not roles (not used as features). */
  readonly textColumns: readonly TextColumn[];
  /** 1-based file line of each row, when read from a file (for error messages). */
  readonly lineOfRow: Int32Array | undefined;
  /** Non-fatal findings made while building it (e.g. rows dropped). */
  readonly warnings: readonly RadvalWarning[];
}

/** Number of rows. */
export function nRows(data: Dataset): number {
  return data.x.nRows;
}

/** Number of features. */
export function nFeatures(data: Dataset): number {
  return data.x.nCols;
}

/** Feature column j (or by name) as a view over the dataset's storage. */
export function featureColumn(data: Dataset, feature: number | string): Float64Array {
  const j = typeof feature === "number" ? feature : featureIndex(data, feature);
  return getColumn(data.x, j);
}

/** Index of a feature by name; a clear error when it is not there. */
export function featureIndex(data: Dataset, name: string): number {
  const j = data.featureNames.indexOf(name);
  if (j < 0) {
    throw new RadvalError("UNKNOWN_COLUMN", `no feature named "${name}"`, {
      where: { file: data.source, column: name },
      hint: `Available features: ${previewList(data.featureNames)}.`,
    });
  }
  return j;
}

/** The outcome, or a clear error naming what to pass when the dataset has none. */
export function requireOutcome(data: Dataset): BinaryOutcome {
  if (!data.outcome) {
    throw new RadvalError("MISSING_ROLE", "no outcome column was chosen", {
      where: { file: data.source },
      hint: "Name the binary outcome column with --outcome COL (library: roles.outcome).",
    });
  }
  return data.outcome;
}

/** A row subset: the dataset plus the rows it keeps (no copy of the data). */
export interface RowSubset {
  readonly data: Dataset;
  readonly rows: Int32Array;
}

/** A view of `rows` of `data`; rows are checked to be in range. */
export function rowSubset(data: Dataset, rows: Int32Array): RowSubset {
  const n = nRows(data);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    if (r < 0 || r >= n || !Number.isInteger(r)) {
      throw new RadvalError("INVALID_ARGUMENT", `row index ${r} is outside 0..${n - 1}`, { where: { file: data.source } });
    }
  }
  return { data, rows };
}

/** Feature value of subset row k (k indexes `subset.rows`), feature j. */
export function subsetValue(subset: RowSubset, k: number, j: number): number {
  return subset.data.x.data[j * subset.data.x.nRows + subset.rows[k]!]!;
}

/** Renders at most `max` names, then "… and N more". */
export function previewList(names: readonly string[], max = 8): string {
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")}, … and ${(names.length - max).toLocaleString("en-US")} more`;
}

/** Freezes a dataset object graph (not the typed arrays, which cannot be frozen). */
export function freezeDataset(data: Dataset): Dataset {
  if (!Object.getOwnPropertyDescriptor(data, "ids")?.get) Object.freeze(data.ids); // (row-number ids are built on first use)
  Object.freeze(data.featureNames);
  Object.freeze(data.x);
  for (const role of [data.outcome, data.levelOutcome, data.site, data.group, data.date, data.time, data.event]) {
    if (role) Object.freeze(role);
  }
  if (data.site) Object.freeze(data.site.values);
  if (data.group) Object.freeze(data.group.values);
  Object.freeze(data.textColumns);
  Object.freeze(data.warnings);
  return Object.freeze(data);
}
