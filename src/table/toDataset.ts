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
import { DEFAULT_MISSING_TOKENS, cellNumber, classifyCell, parseIsoDateDays } from "./cells.js";
import type { RawTable } from "./parseCsv.js";

/** Column names tried, in order, as the case id when `id` is not given. */
export const DEFAULT_ID_COLUMNS: readonly string[] = ["id", "case_id", "patient_id"];

/** Which column plays which role. Every name must exist in the table. */
export interface RoleSpec {
  /** Case-id column; default: a column named id, case_id or patient_id (any case), else row numbers. */
  id?: string;
  /** Binary outcome column. */
  outcome?: string;
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

  // Rows kept: all, or those with a non-missing outcome.
  let keep: number[] = table.rows.map((_, r) => r);
  const outcomeCol = roleColumns.get("outcome");
  if (outcomeCol !== undefined) {
    const missingRows = keep.filter((r) => missingTokens.includes(table.rows[r]![outcomeCol]!));
    if (missingRows.length > 0) {
      if (roles.missingOutcome === "drop") {
        warnings.push({
          code: "OUTCOME_MISSING_DROPPED",
          message: `${missingRows.length} row(s) with a missing outcome "${header[outcomeCol]}" were dropped (lines ${previewList(missingRows.map((r) => String(table.lineOfRow[r])), 6)})`,
          where: { file: table.source, column: header[outcomeCol]! },
        });
        const drop = new Set(missingRows);
        keep = keep.filter((r) => !drop.has(r));
      } else {
        const first = missingRows[0]!;
        throw new RadvalError("OUTCOME_MISSING", `the outcome is missing in ${missingRows.length} row(s) (lines ${previewList(missingRows.map((r) => String(table.lineOfRow[r])), 6)})`, {
          where: { file: table.source, line: table.lineOfRow[first]!, row: first + 1, column: header[outcomeCol]! },
          hint: "Fill in the outcome, or drop those rows with --drop-missing-outcome (library: roles.missingOutcome = \"drop\").",
        });
      }
    }
  }
  const n = keep.length;
  const lineOfRow = Int32Array.from(keep, (r) => table.lineOfRow[r]!);
  const cell = (k: number, j: number): string => table.rows[keep[k]!]![j]!;
  const where = (k: number, j: number) => ({ file: table.source, line: lineOfRow[k]!, row: keep[k]! + 1, column: header[j]! });

  // Ids.
  const ids: string[] = new Array(n);
  if (idCol >= 0) {
    const firstLine = new Map<string, number>();
    for (let k = 0; k < n; k++) {
      const id = cell(k, idCol);
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
  } else {
    for (let k = 0; k < n; k++) ids[k] = String(keep[k]! + 1);
  }

  // Outcome.
  let outcome: BinaryOutcome | undefined;
  if (outcomeCol !== undefined) {
    const levels: string[] = [];
    const keys: string[] = [];
    for (let k = 0; k < n; k++) {
      const label = cell(k, outcomeCol);
      const key = levelKey(label);
      if (!keys.includes(key)) {
        keys.push(key);
        levels.push(label);
      }
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
    for (let k = 0; k < n; k++) values[k] = levelKey(cell(k, outcomeCol)) === positiveKey ? 1 : 0;
    outcome = { name, values, positiveLabel, negativeLabel };
  }

  const categorical = (role: string): CategoricalRole | undefined => {
    const j = roleColumns.get(role);
    if (j === undefined) return undefined;
    const values: string[] = new Array(n);
    const levels: string[] = [];
    const seen = new Set<string>();
    for (let k = 0; k < n; k++) {
      const v = cell(k, j);
      const value = missingTokens.includes(v) ? "" : v;
      values[k] = value;
      if (value !== "" && !seen.has(value)) {
        seen.add(value);
        levels.push(value);
      }
    }
    return { name: header[j]!, values, levels };
  };

  const numericRole = (role: string): NumericRole | undefined => {
    const j = roleColumns.get(role);
    if (j === undefined) return undefined;
    const values = new Float64Array(n);
    for (let k = 0; k < n; k++) values[k] = numericCell(k, j);
    return { name: header[j]!, values };
  };

  const numericCell = (k: number, j: number): number => {
    const text = cell(k, j);
    const value = cellNumber(text, table.decimal, missingTokens);
    if (!Number.isNaN(value)) return value; // the common case, without allocation
    const parsed = classifyCell(text, table.decimal, missingTokens);
    if (parsed.kind === "nonfinite") {
      throw new RadvalError("NON_FINITE", `"${text}" is not a finite number`, {
        where: { ...where(k, j), value: text },
        hint: "Leave the cell empty (or NA) if the value is missing; radval does not accept NaN or Inf values.",
      });
    }
    if (parsed.kind === "text") {
      throw new RadvalError("NON_NUMERIC", `"${text}" is not a number`, {
        where: { ...where(k, j), value: text },
        hint: `Fix the value, leave the cell empty if it is missing, or exclude the column (--exclude ${header[j]}).`,
      });
    }
    return parsed.value;
  };

  let date: DateRole | undefined;
  const dateCol = roleColumns.get("date");
  if (dateCol !== undefined) {
    const days = new Float64Array(n);
    const text: string[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const v = cell(k, dateCol);
      text[k] = v;
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
    header.forEach((name, j) => {
      if (!chosen.has(j) && !roleSet.has(j)) textColumns.push({ name, values: keep.map((r) => table.rows[r]![j]!) });
    });
  } else {
    candidates = header
      .map((_, j) => j)
      .filter((j) => !roleSet.has(j) && !excluded.has(header[j]!) && (roles.keepDiagnostics || !header[j]!.startsWith("diagnostics_")));
    strict = false;
  }

  const featureCols: number[] = [];
  for (const j of candidates) {
    if (strict) {
      featureCols.push(j);
      continue;
    }
    let numeric = 0;
    let other = 0;
    for (let k = 0; k < n; k++) {
      const text = cell(k, j);
      if (!Number.isNaN(cellNumber(text, table.decimal, missingTokens))) {
        numeric++; // the common case, without allocation
        continue;
      }
      const kind = classifyCell(text, table.decimal, missingTokens).kind;
      if (kind === "number") numeric++;
      else if (kind !== "missing") other++;
    }
    if (numeric > 0 && numeric >= other) featureCols.push(j);
    else if (other > 0) textColumns.push({ name: header[j]!, values: keep.map((r) => table.rows[r]![j]!) });
    else featureCols.push(j); // entirely missing: a feature with no values (reported by describe)
  }

  const p = featureCols.length;
  const x = new Float64Array(n * p);
  for (let f = 0; f < p; f++) {
    const j = featureCols[f]!;
    const offset = f * n;
    for (let k = 0; k < n; k++) x[offset + k] = numericCell(k, j);
  }
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

  return freezeDataset({
    source: table.source,
    ids,
    idColumn: idCol >= 0 ? header[idCol] : undefined,
    featureNames,
    x: columnMatrix(n, p, x),
    outcome,
    site: categorical("site"),
    group: categorical("group"),
    date,
    time: numericRole("time"),
    event: numericRole("event"),
    textColumns,
    lineOfRow,
    warnings,
  });
}
