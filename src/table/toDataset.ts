import {
  type BinaryOutcome,
  type CategoricalRole,
  type Dataset,
  type DateRole,
  type NumericRole,
  type TextColumn,
  freezeDataset,
  previewList,
} from "../core/dataset.js";
import { RadvalError, type RadvalWarning } from "../core/errors.js";
import { columnMatrix } from "../core/matrix.js";
import { closestName } from "../core/suggest.js";
import { DEFAULT_MISSING_TOKENS, classifyCell, parseIsoDateDays, plainNumber } from "./cells.js";
import { type RawTable, tableColumns } from "./parseCsv.js";

/**
 * The columns as one column-major matrix without a copy, when they already lie next to each other
 * in one buffer (the byte reader stores a table's columns that way: consecutive feature columns of
 * a file read as they are), else undefined. The matrix then shares memory with the table's
 * numbers, which nobody modifies (a wide table is not held twice).
 */
function contiguousColumns(columns: readonly Float64Array[], n: number): Float64Array | undefined {
  if (columns.length === 0 || n === 0) return undefined;
  const first = columns[0]!;
  for (let f = 0; f < columns.length; f++) {
    const c = columns[f]!;
    if (c.buffer !== first.buffer || c.length !== n || c.byteOffset !== first.byteOffset + f * n * 8) return undefined;
  }
  return new Float64Array(first.buffer, first.byteOffset, n * columns.length);
}

/** Column names tried, in order, as the case id when `id` is not given. */
export const DEFAULT_ID_COLUMNS: readonly string[] = ["id", "case_id", "patient_id"];

/** Which column plays which role. Every name must exist in the table. */
export interface RoleSpec {
  /** Case-id column; default: a column named id, case_id or patient_id (any case), else row numbers. */
  id?: string;
  /** Outcome column: binary (default), or ordinal/nominal levels with `outcomeKind: "levels"`. */
  outcome?: string;
  /** "levels": the outcome column holds ordinal or nominal levels, kept as text in `Dataset.levelOutcome` (coded where the study is read). */
  outcomeKind?: "binary" | "levels";
  /** Outcome label that counts as positive (1). Default: 1 for 0/1, TRUE, yes. */
  positive?: string;
  site?: string;
  date?: string;
  group?: string;
  /** Survival time (kept for later survival models; not a feature). */
  time?: string;
  /** Event indicator (not a feature). */
  event?: string;
  /** Use exactly these columns as features (each must be numeric). Default: every other numeric column. */
  features?: readonly string[];
  /** Columns never used as features. */
  exclude?: readonly string[];
  /** Keep PyRadiomics `diagnostics_*` columns as candidate features (default false: dropped). */
  keepDiagnostics?: boolean;
  /** Rows with a missing outcome: "error" (default) or "drop" (with a warning). */
  missingOutcome?: "error" | "drop";
  /** Cell texts read as missing; default "" and "NA". */
  missingTokens?: readonly string[];
}

/** Outcome codings whose event value radval picks without --positive: (non-event, event), compared in lower case. */
export const NEGATIVE_POSITIVE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["0", "1"],
  ["false", "true"],
  ["no", "yes"],
  ["n", "y"],
  ["negative", "positive"],
  ["absent", "present"],
];

function unknownColumn(table: RawTable, role: string, name: string): RadvalError {
  const guess = closestName(name, table.header);
  return new RadvalError("UNKNOWN_COLUMN", `the ${role} column "${name}" is not in the file`, {
    where: { file: table.source, column: name },
    hint: `${guess ? `Did you mean "${guess}"? ` : ""}Columns are: ${previewList(table.header, 12)}.`,
  });
}

function findColumn(table: RawTable, role: string, name: string): number {
  const j = table.header.indexOf(name);
  if (j < 0) throw unknownColumn(table, role, name);
  return j;
}

function defaultIdColumn(table: RawTable): number {
  for (const candidate of DEFAULT_ID_COLUMNS) {
    const j = table.header.findIndex((h) => h.toLowerCase() === candidate);
    if (j >= 0) return j;
  }
  return -1;
}

/** Normalised key of an outcome label: numbers compare numerically ("1" = "1.0"). */
function levelKey(label: string): string {
  const cell = classifyCell(label);
  return cell.kind === "number" ? String(cell.value) : label;
}

function choosePositive(table: RawTable, column: string, levels: string[], positive: string | undefined): string {
  if (positive !== undefined) {
    const key = levelKey(positive.trim());
    const match = levels.find((level) => levelKey(level) === key);
    if (match === undefined) {
      throw new RadvalError("UNKNOWN_POSITIVE_LABEL", `the positive label "${positive}" is not a value of the outcome`, {
        where: { file: table.source, column },
        hint: `The outcome's values are: ${levels.join(", ")}. Pass one of them with --positive.`,
      });
    }
    return match;
  }
  for (const [negative, pos] of NEGATIVE_POSITIVE_PAIRS) {
    const keys = levels.map((l) => levelKey(l).toLowerCase());
    if (keys.includes(levelKey(negative)) && keys.includes(levelKey(pos))) return levels[keys.indexOf(levelKey(pos))]!;
  }
  throw new RadvalError("UNKNOWN_POSITIVE_LABEL", `cannot tell which outcome value is the positive class (values: ${levels.join(", ")})`, {
    where: { file: table.source, column },
    hint: `Say which value is the event with --positive (e.g. --positive ${levels[1] ?? levels[0]}).`,
  });
}

/**
 * Types a {@link RawTable} into a {@link Dataset}: picks roles by column name,
 * codes the outcome 0/1, parses every feature cell as a number and checks the
 * table. Isomorphic.
 *
 * Feature columns: `roles.features` when given (each must be numeric),
 * otherwise every column that is not a role, not excluded and not a
 * PyRadiomics `diagnostics_*` column, and whose non-missing cells are mostly
 * numbers. A column with no numeric cells at all is kept as a text column (not
 * a feature). Errors name the file, line and column: `NON_NUMERIC` (shows the
 * value), `NON_FINITE` (NaN/Inf tokens), `DUPLICATE_ID`, `MISSING_ID`,
 * `UNKNOWN_COLUMN`, `OUTCOME_ONE_LEVEL`, `OUTCOME_TOO_MANY_LEVELS`,
 * `OUTCOME_MISSING`, `UNKNOWN_POSITIVE_LABEL`. Constant features give a
 * `CONSTANT_FEATURE` warning.
 */
export function tableToDataset(table: RawTable, roles: RoleSpec = {}): Dataset {
  const missingTokens = roles.missingTokens ?? DEFAULT_MISSING_TOKENS;
  const warnings: RadvalWarning[] = [];
  const header = table.header;

  const idCol = roles.id !== undefined ? findColumn(table, "id", roles.id) : defaultIdColumn(table);
  const roleColumns = new Map<string, number>();
  if (idCol >= 0) roleColumns.set("id", idCol);
  for (const role of ["outcome", "site", "date", "group", "time", "event"] as const) {
    const name = roles[role];
    if (name !== undefined) roleColumns.set(role, findColumn(table, role, name));
  }
  for (const name of roles.exclude ?? []) findColumn(table, "excluded", name);

  const access = tableColumns(table);
  const nAll = access.nRows;
  const numericTokens = missingTokens.filter((t) => !Number.isNaN(plainNumber(t, table.decimal)));
  const outcomeCol = roleColumns.get("outcome");
  // An outcome column of plain numbers (0/1) is read from its numbers, without a string per row.
  const numericOutcome = outcomeCol !== undefined && roles.outcomeKind !== "levels" && numericTokens.length === 0 && access.others(outcomeCol).rows.length === 0;
  access.prefetch([...roleColumns.values()].filter((j) => !(numericOutcome && j === outcomeCol))); // role texts, one pass at most

  // Rows kept: all, or those with a non-missing outcome.
  let keep: Int32Array | null = null; // null: every row, in order
  if (outcomeCol !== undefined && !numericOutcome) {
    const outcomeText = access.text(outcomeCol);
    const missingRows: number[] = [];
    for (let r = 0; r < nAll; r++) if (missingTokens.includes(outcomeText[r]!)) missingRows.push(r);
    if (missingRows.length > 0) {
      if (roles.missingOutcome === "drop") {
        warnings.push({
          code: "OUTCOME_MISSING_DROPPED",
          message: `${missingRows.length} row(s) with a missing outcome "${header[outcomeCol]}" were dropped (lines ${previewList(missingRows.map((r) => String(table.lineOfRow[r])), 6)})`,
          where: { file: table.source, column: header[outcomeCol]! },
        });
        const drop = new Set(missingRows);
        const kept: number[] = [];
        for (let r = 0; r < nAll; r++) if (!drop.has(r)) kept.push(r);
        keep = Int32Array.from(kept);
      } else {
        const first = missingRows[0]!;
        throw new RadvalError("OUTCOME_MISSING", `the outcome is missing in ${missingRows.length} row(s) (lines ${previewList(missingRows.map((r) => String(table.lineOfRow[r])), 6)})`, {
          where: { file: table.source, line: table.lineOfRow[first]!, row: first + 1, column: header[outcomeCol]! },
          hint: "Fill in the outcome, or drop those rows with --drop-missing-outcome (library: roles.missingOutcome = \"drop\").",
        });
      }
    }
  }
  const n = keep ? keep.length : nAll;
  const rowOf = (k: number): number => (keep ? keep[k]! : k);
  const lineOfRow = keep ? Int32Array.from(keep, (r) => table.lineOfRow[r]!) : table.lineOfRow;
  /** The texts of column j at the kept rows. */
  const keptText = (j: number): string[] => {
    const all = access.text(j);
    return keep ? Array.from(keep, (r) => all[r]!) : [...all];
  };
  const where = (k: number, j: number) => ({ file: table.source, line: lineOfRow[k]!, row: rowOf(k) + 1, column: header[j]! });

  // Ids (row numbers, when there is no id column, are made on first use: a million strings cost 0.1–0.3 s).
  let ids: string[] | undefined;
  if (idCol >= 0) {
    ids = new Array(n);
    const idText = access.text(idCol);
    const firstLine = new Map<string, number>();
    for (let k = 0; k < n; k++) {
      const id = idText[rowOf(k)]!;
      if (missingTokens.includes(id)) {
        throw new RadvalError("MISSING_ID", "the case id is empty", { where: where(k, idCol), hint: "Give every row a unique case id." });
      }
      const earlier = firstLine.get(id);
      if (earlier !== undefined) {
        throw new RadvalError("DUPLICATE_ID", `case id "${id}" appears twice (lines ${earlier} and ${lineOfRow[k]})`, {
          where: { ...where(k, idCol), value: id },
          hint: "Each row must be one case with a unique id. For a repeated-measures (test-retest) table, read it as a long table (radval describe --rater COL, radval icc).",
        });
      }
      firstLine.set(id, lineOfRow[k]!);
      ids[k] = id;
    }
  }

  // Outcome.
  let outcome: BinaryOutcome | undefined;
  if (outcomeCol !== undefined && roles.outcomeKind !== "levels") {
    const levels: string[] = [];
    const keys: string[] = [];
    const keyOf = new Map<string, string>();
    const cellKey = (label: string): string => {
      let key = keyOf.get(label);
      if (key === undefined) keyOf.set(label, (key = levelKey(label)));
      return key;
    };
    let coder: (positiveKey: string) => (k: number) => number;
    if (numericOutcome) {
      const numbers = access.numbers(outcomeCol);
      const firstRow = new Map<number, number>(); // each distinct value → its first row
      let a = NaN;
      let b = NaN;
      for (let k = 0; k < n; k++) {
        const v = numbers[rowOf(k)]!;
        if (v === a || v === b) continue; // the common case: one of the two values seen (no Map lookup)
        if (!firstRow.has(v)) firstRow.set(v, rowOf(k));
        if (Number.isNaN(a)) a = v;
        else if (Number.isNaN(b)) b = v;
      }
      // The labels as written ("1.0"), when binary.
      const labels = firstRow.size <= 2 ? access.cellTexts(outcomeCol, [...firstRow.values()]) : [...firstRow.keys()].map(String);
      for (const label of labels) levels.push(label);
      for (const value of firstRow.keys()) keys.push(String(value));
      coder = (positiveKey) => {
        const positive = Number(positiveKey); // keys of numbers are String(value), which round-trips
        return (k) => (numbers[rowOf(k)] === positive ? 1 : 0);
      };
    } else {
      const outcomeText = access.text(outcomeCol);
      for (let k = 0; k < n; k++) {
        const label = outcomeText[rowOf(k)]!;
        const key = cellKey(label);
        if (!keys.includes(key)) {
          keys.push(key);
          levels.push(label);
        }
      }
      coder = (positiveKey) => (k) => (cellKey(outcomeText[rowOf(k)]!) === positiveKey ? 1 : 0);
    }
    const name = header[outcomeCol]!;
    if (levels.length < 2) {
      throw new RadvalError("OUTCOME_ONE_LEVEL", `the outcome has only one value ("${levels[0] ?? ""}") in ${n} rows`, {
        where: { file: table.source, column: name },
        hint: "A binary outcome needs both events and non-events; check the file or the --outcome column.",
      });
    }
    if (levels.length > 2) {
      throw new RadvalError("OUTCOME_TOO_MANY_LEVELS", `the outcome has ${levels.length} distinct values (${previewList(levels, 6)}); radval needs a binary outcome`, {
        where: { file: table.source, column: name },
        hint: "Recode the outcome to two values (e.g. 0/1), or choose another --outcome column.",
      });
    }
    levels.sort((a, b) => (levelKey(a) < levelKey(b) ? -1 : 1));
    const positiveLabel = choosePositive(table, name, levels, roles.positive);
    const negativeLabel = levels.find((l) => l !== positiveLabel)!;
    const positiveKey = levelKey(positiveLabel);
    const values = new Float64Array(n);
    const code = coder(positiveKey);
    for (let k = 0; k < n; k++) values[k] = code(k);
    outcome = { kind: "binary", name, values, positiveLabel, negativeLabel };
  }

  const categorical = (role: string): CategoricalRole | undefined => {
    const j = roleColumns.get(role);
    if (j === undefined) return undefined;
    const text = access.text(j);
    const values: string[] = new Array(n);
    const levels: string[] = [];
    const seen = new Set<string>();
    for (let k = 0; k < n; k++) {
      const v = text[rowOf(k)]!;
      const value = missingTokens.includes(v) ? "" : v;
      values[k] = value;
      if (value !== "" && !seen.has(value)) {
        seen.add(value);
        levels.push(value);
      }
    }
    return { name: header[j]!, values, levels };
  };

  const rowToK = keep ? new Int32Array(nAll).fill(-1) : null;
  if (keep && rowToK) keep.forEach((r, k) => (rowToK[r] = k));

  /**
   * Column j at the kept rows as numbers (NaN = missing), how many cells are numbers and how many
   * are neither numbers nor missing, and the first of those (row order). No string per number cell.
   */
  const numericColumn = (j: number) => {
    const all = access.numbers(j);
    let values = keep ? Float64Array.from(keep, (r) => all[r]!) : all;
    let numeric = n;
    let other = 0;
    let commaNumbers = 0;
    let firstBad: { k: number; text: string; kind: "text" | "nonfinite" } | undefined;
    const others = access.others(j);
    for (let i = 0; i < others.rows.length; i++) {
      const r = others.rows[i]!;
      const k = rowToK ? rowToK[r]! : r;
      if (k < 0) continue;
      numeric--;
      const text = others.texts[i]!;
      const kind = classifyCell(text, table.decimal, missingTokens).kind;
      if (kind === "text" || kind === "nonfinite") {
        other++;
        if (kind === "text" && table.decimal === "." && !Number.isNaN(plainNumber(text, ","))) commaNumbers++;
        firstBad ??= { k, text, kind };
      }
    }
    if (numericTokens.length > 0) {
      const text = access.text(j);
      for (let k = 0; k < n; k++) {
        if (numericTokens.includes(text[rowOf(k)]!) && !Number.isNaN(values[k]!)) {
          if (values === all) values = Float64Array.from(all);
          values[k] = NaN;
          numeric--;
        }
      }
    }
    return { values, numeric, other, commaNumbers, firstBad };
  };

  /** The error for the first cell of column j that is neither a number nor missing. */
  const badCell = (j: number, bad: { k: number; text: string; kind: "text" | "nonfinite" }): RadvalError => {
    const text = bad.text;
    if (bad.kind === "nonfinite") {
      return new RadvalError("NON_FINITE", `"${text}" is not a finite number`, {
        where: { ...where(bad.k, j), value: text },
        hint: "Leave the cell empty (or NA) if the value is missing; radval does not accept NaN or Inf values (nor numbers beyond ±1.8e308).",
      });
    }
    const comma = table.decimal === "." && !Number.isNaN(plainNumber(text, ","));
    return new RadvalError("NON_NUMERIC", `"${text}" is not a number${comma ? " (it has a decimal comma)" : ""}`, {
      where: { ...where(bad.k, j), value: text },
      hint: comma
        ? `Numbers written with a decimal comma in a "${table.delimiter}"-separated file: read it with --decimal , (study config: data.decimal: ","), or write them with a decimal point.`
        : `Fix the value, leave the cell empty if it is missing, or exclude the column (--exclude ${header[j]}).`,
    });
  };

  const numericRole = (role: string): NumericRole | undefined => {
    const j = roleColumns.get(role);
    if (j === undefined) return undefined;
    const column = numericColumn(j);
    if (column.firstBad) throw badCell(j, column.firstBad);
    return { name: header[j]!, values: Float64Array.from(column.values) };
  };

  let date: DateRole | undefined;
  const dateCol = roleColumns.get("date");
  if (dateCol !== undefined) {
    const days = new Float64Array(n);
    const text = keptText(dateCol);
    for (let k = 0; k < n; k++) {
      const v = text[k]!;
      if (missingTokens.includes(v)) {
        days[k] = NaN;
        continue;
      }
      const d = parseIsoDateDays(v);
      if (Number.isNaN(d)) {
        throw new RadvalError("INVALID_DATE", `"${v}" is not a date in ISO form YYYY-MM-DD`, {
          where: { ...where(k, dateCol), value: v },
          hint: "Write dates as YYYY-MM-DD (e.g. 2019-03-08).",
        });
      }
      days[k] = d;
    }
    date = { name: header[dateCol]!, days, text };
  }

  // Features.
  const roleSet = new Set(roleColumns.values());
  const excluded = new Set(roles.exclude ?? []);
  let candidates: number[];
  let strict: boolean;
  const textColumns: TextColumn[] = [];
  if (roles.features !== undefined) {
    candidates = roles.features.map((name) => {
      const j = findColumn(table, "feature", name);
      if (roleSet.has(j)) {
        throw new RadvalError("INVALID_ARGUMENT", `"${name}" is a role column and cannot also be a feature`, {
          where: { file: table.source, column: name },
          hint: "Remove it from --features.",
        });
      }
      return j;
    });
    strict = true;
    // Every other column stays available as text (e.g. to select cohorts by a column value).
    const chosen = new Set(candidates);
    const rest = header.map((_, j) => j).filter((j) => !chosen.has(j) && !roleSet.has(j));
    access.prefetch(rest);
    for (const j of rest) textColumns.push({ name: header[j]!, values: keptText(j) });
  } else {
    candidates = header
      .map((_, j) => j)
      .filter((j) => !roleSet.has(j) && !excluded.has(header[j]!) && (roles.keepDiagnostics || !header[j]!.startsWith("diagnostics_")));
    strict = false;
  }

  const featureCols: number[] = [];
  const featureValues: Float64Array[] = [];
  const textCols: number[] = [];
  for (const j of candidates) {
    const column = numericColumn(j);
    const isFeature = strict || (column.numeric > 0 && column.numeric >= column.other) || column.other === 0;
    if (isFeature) {
      if (column.firstBad) throw badCell(j, column.firstBad);
      featureCols.push(j);
      featureValues.push(column.values);
      continue;
    }
    if (column.commaNumbers > 0 && column.numeric + column.commaNumbers >= column.other - column.commaNumbers) {
      // A decimal-comma column in a "."-decimal file would otherwise turn silently into text and leave the features.
      const bad = column.firstBad!;
      throw new RadvalError("NON_NUMERIC", `column "${header[j]}" holds numbers written with a decimal comma ("${bad.text}"), which would be read as text`, {
        where: { ...where(bad.k, j), value: bad.text },
        hint: `Read the file with --decimal , (study config: data.decimal: ","), or write the numbers with a decimal point; to keep it as text, exclude the column (--exclude ${header[j]}).`,
      });
    }
    textCols.push(j);
  }
  access.prefetch(textCols);
  for (const j of textCols) textColumns.push({ name: header[j]!, values: keptText(j) });

  const p = featureCols.length;
  const x = contiguousColumns(featureValues, n) ?? new Float64Array(n * p);
  if (p > 0 && x.buffer !== featureValues[0]!.buffer) for (let f = 0; f < p; f++) x.set(featureValues[f]!, f * n);
  featureValues.length = 0;
  const featureNames = featureCols.map((j) => header[j]!);

  for (let f = 0; f < p; f++) {
    const column = x.subarray(f * n, (f + 1) * n);
    let first = NaN;
    let constant = true;
    for (let k = 0; k < n; k++) {
      const v = column[k]!;
      if (Number.isNaN(v)) continue;
      if (Number.isNaN(first)) first = v;
      else if (v !== first) {
        constant = false;
        break;
      }
    }
    if (constant) {
      warnings.push({
        code: "CONSTANT_FEATURE",
        message: Number.isNaN(first) ? `feature "${featureNames[f]}" has no values (all missing)` : `feature "${featureNames[f]}" is constant (${first} in every row)`,
        where: { file: table.source, feature: featureNames[f]! },
      });
    }
  }

  const dataset = {
    source: table.source,
    idColumn: idCol >= 0 ? header[idCol] : undefined,
    featureNames,
    x: columnMatrix(n, p, x),
    outcome,
    site: categorical("site"),
    group: categorical("group"),
    ...(roles.outcomeKind === "levels" ? { levelOutcome: categorical("outcome") } : {}),
    date,
    time: numericRole("time"),
    event: numericRole("event"),
    textColumns,
    lineOfRow,
    warnings,
  };
  if (ids) Object.defineProperty(dataset, "ids", { value: ids, enumerable: true });
  else {
    let rowIds: readonly string[] | undefined;
    Object.defineProperty(dataset, "ids", {
      enumerable: true,
      get: () => (rowIds ??= Object.freeze(Array.from({ length: n }, (_, k) => String(rowOf(k) + 1)))),
    });
  }
  return freezeDataset(dataset as unknown as Dataset);
}
