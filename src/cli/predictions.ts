import type { Command } from "commander";
import { type Dataset, featureColumn, requireOutcome } from "../core/dataset.js";
import { type ErrorLocation, RadvalError, type RadvalWarning } from "../core/errors.js";
import { readRawTable } from "../io/readTable.js";
import { closestName } from "../core/suggest.js";
import type { RawTable } from "../table/parseCsv.js";
import { tableToDataset } from "../table/toDataset.js";
import type { Direction } from "../metrics/inputs.js";
import type { RoleSpec } from "../table/toDataset.js";
import { type CommonOptions, numberOption, parseOptionsFrom } from "./options.js";

/** Options shared by the commands that read an outcome and score/probability columns. */
export interface PredictionFileOptions extends CommonOptions {
  outcome?: string;
  positive?: string;
  dropMissingOutcome?: boolean;
  /** Drop rows whose score/probability is missing (as pROC's na.rm), with a warning; default: error. */
  dropMissing?: boolean;
  delimiter?: string;
  decimal?: string;
  level?: string;
  /** Row filters COL=VALUE (repeatable): keep only the matching rows (e.g. model=lasso in a predictions.csv). */
  where?: string[];
}

/** Adds --outcome, --positive, --drop-missing-outcome, --drop-missing, --delimiter, --decimal, --level and --where. */
export function addPredictionFileOptions(command: Command): Command {
  return command
    .option("--outcome <col>", "binary outcome column (required)")
    .option("--positive <value>", "outcome value that counts as the event (default: 1 / TRUE / yes)")
    .option("--drop-missing-outcome", "drop rows whose outcome is missing (default: error)")
    .option("--drop-missing", "drop rows whose score / probability is missing, with a warning (as pROC's na.rm; default: error)")
    .option("--delimiter <char>", "field delimiter: , ; tab (default: detected)")
    .option("--decimal <char>", "decimal mark: . or , (default: , for ;-separated files)")
    .option("--level <p>", "confidence level of the intervals (default 0.95)")
    .option("--where <col=value>", "keep only rows where COL equals VALUE (repeatable; e.g. --where model=lasso --where scheme=cv)", (v: string, prev: string[] = []) => [...prev, v]);
}

/** A predictions table: the 0/1 outcome and the requested numeric columns. */
export interface PredictionTable {
  readonly file: string;
  readonly truth: Float64Array;
  readonly columns: readonly Float64Array[];
  readonly names: readonly string[];
  readonly positiveLabel: string;
  readonly negativeLabel: string;
  readonly warnings: readonly RadvalWarning[];
  /** File place of row k (0-based) in column `name`. */
  locate(k: number, name: string): ErrorLocation;
}

/** Keeps the rows matching every COL=VALUE filter (exact text match). */
function filterRows(table: RawTable, filters: readonly string[]): RawTable {
  if (filters.length === 0) return table;
  let keep = table.rows.map((_, r) => r);
  for (const filter of filters) {
    const eq = filter.indexOf("=");
    if (eq <= 0) throw new RadvalError("INVALID_OPTION", `expected COL=VALUE, got "${filter}"`, { where: { option: "--where" }, hint: "Example: --where model=lasso" });
    const column = filter.slice(0, eq).trim();
    const value = filter.slice(eq + 1).trim();
    const j = table.header.indexOf(column);
    if (j < 0) {
      const guess = closestName(column, table.header);
      throw new RadvalError("UNKNOWN_COLUMN", `no column "${column}" to filter on`, { where: { file: table.source, option: "--where", column }, hint: `${guess ? `Did you mean "${guess}"? ` : ""}Columns: ${table.header.join(", ")}.` });
    }
    keep = keep.filter((r) => table.rows[r]![j] === value);
  }
  if (keep.length === 0) {
    throw new RadvalError("EMPTY_SPLIT", `no row matches ${filters.join(" and ")}`, { where: { file: table.source, option: "--where" }, hint: "Check the column values (radval describe shows them)." });
  }
  return { ...table, rows: keep.map((r) => table.rows[r]!), lineOfRow: Int32Array.from(keep, (r) => table.lineOfRow[r]!) };
}

/**
 * Reads an outcome and score/probability columns from any CSV (the output
 * of any model, e.g. a deep-learning model's probabilities). A missing value
 * in a requested column is an error naming the file line and column, unless
 * `dropMissing` leaves those rows out with a ROWS_DROPPED warning — radval
 * never drops cases silently.
 */
export function readPredictionTable(file: string, options: PredictionFileOptions, columns: readonly { name: string; option: string }[]): PredictionTable {
  if (options.outcome === undefined) {
    throw new RadvalError("MISSING_ROLE", "no outcome column was given", { where: { file, option: "--outcome" }, hint: "Name the binary outcome column with --outcome COL." });
  }
  const names = columns.map((c) => c.name);
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.name)) throw new RadvalError("INVALID_OPTION", `column "${c.name}" is given twice`, { where: { option: c.option }, hint: "Compare two different columns." });
    if (c.name === options.outcome) throw new RadvalError("INVALID_OPTION", `"${c.name}" is the outcome column`, { where: { option: c.option }, hint: "Pass the score or probability column." });
    seen.add(c.name);
  }
  const roles: RoleSpec = { outcome: options.outcome, features: names };
  if (options.id !== undefined) roles.id = options.id;
  if (options.positive !== undefined) roles.positive = options.positive;
  if (options.dropMissingOutcome) roles.missingOutcome = "drop";
  let data: Dataset;
  try {
    data = tableToDataset(filterRows(readRawTable(file, parseOptionsFrom(options)), options.where ?? []), roles);
  } catch (e) {
    // The table reader's hints speak of feature tables; say what matters for a predictions file.
    if (e instanceof RadvalError && e.code === "NON_NUMERIC" && e.where.column !== undefined && names.includes(e.where.column)) {
      throw new RadvalError(e.code, e.message.slice(e.message.indexOf(": ") + 2), { where: e.where, hint: "Every case needs a numeric prediction: fix the value or remove the row." });
    }
    if (e instanceof RadvalError && e.code === "DUPLICATE_ID") {
      throw new RadvalError(e.code, e.message.slice(e.message.indexOf(": ") + 2), {
        where: e.where,
        hint: "Each row must be one prediction with a unique id. Pooled predictions of repeated resampling repeat case ids: evaluate one repeat at a time, or rename the id column.",
      });
    }
    throw e;
  }
  const outcome = requireOutcome(data);
  const locate = (k: number, name: string): ErrorLocation => {
    const line = data.lineOfRow?.[k];
    return line !== undefined ? { file, line, column: name } : { file, row: k + 1, column: name };
  };
  const raw = names.map((name) => featureColumn(data, name));
  const n = outcome.values.length;
  // The first row with a missing value (most files have none: then nothing is copied).
  let firstMissing = -1;
  for (let c = 0; c < raw.length; c++) {
    const column = raw[c]!;
    for (let k = 0; k < n && (firstMissing < 0 || k < firstMissing); k++) {
      if (column[k] !== column[k]) {
        firstMissing = k;
        break;
      }
    }
  }
  if (firstMissing < 0) {
    // Views of the dataset's own arrays (made for this call; nobody else holds them).
    return { file, truth: outcome.values, columns: raw, names, positiveLabel: outcome.positiveLabel, negativeLabel: outcome.negativeLabel, warnings: data.warnings, locate };
  }
  const keep: number[] = [];
  const droppedLines: number[] = [];
  for (let k = 0; k < n; k++) {
    let missing = -1;
    for (let c = 0; c < raw.length && missing < 0; c++) if (Number.isNaN(raw[c]![k]!)) missing = c;
    if (missing < 0) keep.push(k);
    else if (options.dropMissing) droppedLines.push(data.lineOfRow?.[k] ?? k + 1);
    else {
      throw new RadvalError("NON_FINITE", "the value is missing (empty cell)", {
        where: locate(k, names[missing]!),
        hint: "Every case needs a prediction: remove or fill rows without one, or pass --drop-missing to leave them out (radval does not drop them silently).",
      });
    }
  }
  const warnings = [...data.warnings];
  const shown = droppedLines.slice(0, 5);
  warnings.push({
    code: "ROWS_DROPPED",
    message: `${droppedLines.length} row(s) with a missing ${names.join(" or ")} left out (--drop-missing), at line(s) ${shown.join(", ")}${droppedLines.length > shown.length ? ", …" : ""}`,
    where: { file },
  });
  const pick = (col: ArrayLike<number>): Float64Array => {
    const out = new Float64Array(keep.length);
    for (let i = 0; i < keep.length; i++) out[i] = col[keep[i]!]!;
    return out;
  };
  const truth = pick(outcome.values);
  let events = 0;
  for (const v of truth) events += v;
  if (events === 0 || events === truth.length) {
    throw new RadvalError("OUTCOME_ONE_LEVEL", `after leaving out the rows with a missing ${names.join(" or ")}, the ${truth.length} remaining rows have only ${events === 0 ? "non-events" : "events"}`, {
      where: { file, column: options.outcome },
      hint: "A binary outcome needs both events and non-events among the rows with a prediction.",
    });
  }
  const values = raw.map(pick);
  const rowOf = Int32Array.from(keep);
  const locateKept = (k: number, name: string): ErrorLocation => locate(rowOf[k]!, name);
  return {
    file,
    truth,
    columns: values,
    names,
    positiveLabel: outcome.positiveLabel,
    negativeLabel: outcome.negativeLabel,
    warnings,
    locate: locateKept,
  };
}

/** Parses --direction. */
export function directionOption(value: string | undefined): Direction {
  const d = value ?? "<";
  if (d !== "<" && d !== ">") {
    throw new RadvalError("INVALID_OPTION", `direction must be "<" (higher score = event) or ">" (lower score = event), got "${d}"`, {
      where: { option: "--direction" },
      hint: 'Quote it in the shell: --direction "<". radval never flips the direction automatically.',
    });
  }
  return d;
}

/** Parses --level (default 0.95). */
export function levelOption(value: string | undefined): number {
  const level = numberOption("--level", value, { min: 0, max: 1, default: 0.95 })!;
  if (level <= 0 || level >= 1) throw new RadvalError("INVALID_OPTION", `expected a number strictly between 0 and 1, got "${value}"`, { where: { option: "--level" }, hint: "Example: --level 0.95" });
  return level;
}
