import { RadvalError } from "../core/errors.js";
import { columnMatrix, matrixFromColumns, type ColumnMatrix } from "../core/matrix.js";
import { readRawTable } from "../io/readTable.js";
import { DEFAULT_MISSING_TOKENS, classifyCell } from "../table/cells.js";
import { NEGATIVE_POSITIVE_PAIRS, DEFAULT_ID_COLUMNS } from "../table/toDataset.js";
import { checkSurvival } from "../survival/validate.js";
import { type RoleOptions, parseOptionsFrom, splitList } from "./options.js";

/** Options of the survival commands that name the time and event columns. */
export interface SurvivalRoleOptions extends RoleOptions {
  time?: string;
  event?: string;
}

/** A wide table read for a time-to-event command: time, event (0/1), optional numeric columns by name. */
export interface SurvivalTable {
  readonly file: string;
  readonly time: Float64Array;
  readonly event: Uint8Array;
  readonly featureNames: string[];
  readonly x: ColumnMatrix;
  readonly columns: Record<string, Float64Array>;
  readonly nRows: number;
  /** Each row's id (the --id column, else a column named id / case_id / patient_id, else the row number from 1). */
  readonly ids: string[];
}

const EVENT_WORDS: ReadonlyArray<readonly [string, string]> = [...NEGATIVE_POSITIVE_PAIRS, ["alive", "dead"], ["censored", "event"], ["alive", "died"]];

function eventValue(text: string, file: string, line: number, column: string): number {
  const t = text.trim().toLowerCase();
  for (const [neg, pos] of EVENT_WORDS) {
    if (t === neg) return 0;
    if (t === pos) return 1;
  }
  if (t === "" || t === "na") {
    throw new RadvalError("OUTCOME_MISSING", "missing event indicator", { where: { file, line, column }, hint: "Every row needs an event status (1 = event, 0 = censored); drop rows without one." });
  }
  throw new RadvalError("INVALID_ARGUMENT", `event indicator "${text}" is not 0/1 (or yes/no, true/false, dead/alive)`, { where: { file, line, column }, hint: "Code the event as 1 and censoring as 0." });
}

/**
 * Reads `file` for a survival command: --time and --event columns (required), the named numeric columns `extra`
 * (e.g. --risk, --prob, --foldid) and the features (--features, or every other numeric column except the id and
 * --exclude when `wantFeatures`). Missing or negative times, a bad event code, no events and missing feature values
 * are RadvalErrors naming the file line and column.
 */
export function readSurvivalTable(file: string, options: SurvivalRoleOptions, extra: readonly { name: string; option: string }[], wantFeatures: boolean): SurvivalTable {
  if (options.time === undefined) throw new RadvalError("MISSING_ROLE", "no follow-up time column was given", { where: { option: "--time" }, hint: "Name the time column with --time COL (e.g. --time os_days)." });
  if (options.event === undefined) throw new RadvalError("MISSING_ROLE", "no event column was given", { where: { option: "--event" }, hint: "Name the event column with --event COL (1 = event, 0 = censored)." });
  const table = readRawTable(file, parseOptionsFrom(options));
  const col = (name: string, option: string): number => {
    const j = table.header.indexOf(name);
    if (j < 0) throw new RadvalError("UNKNOWN_COLUMN", `the column "${name}" is not in the file`, { where: { file, column: name, option }, hint: `Columns are: ${table.header.slice(0, 12).join(", ")}${table.header.length > 12 ? ", …" : ""}.` });
    return j;
  };
  const number = (text: string, line: number, name: string): number => {
    const cell = classifyCell(text, table.decimal, DEFAULT_MISSING_TOKENS);
    if (cell.kind === "missing") return NaN;
    if (cell.kind !== "number") throw new RadvalError("NON_NUMERIC", `"${text}" is not a number`, { where: { file, line, column: name } });
    return cell.value;
  };
  const n = table.rows.length;
  const jt = col(options.time, "--time"), je = col(options.event, "--event");
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const line = table.lineOfRow[r]!;
    time[r] = number(table.rows[r]![jt]!, line, options.time);
    if (Number.isNaN(time[r]!)) throw new RadvalError("NON_FINITE", "missing follow-up time", { where: { file, line, column: options.time }, hint: "Every row needs a follow-up time; drop rows without one." });
    if (time[r]! < 0) throw new RadvalError("INVALID_ARGUMENT", `negative follow-up time ${time[r]}`, { where: { file, line, column: options.time }, hint: "Follow-up times must be ≥ 0." });
    event[r] = eventValue(table.rows[r]![je]!, file, line, options.event);
  }
  checkSurvival(time, event, { file, column: options.event });
  const columns: Record<string, Float64Array> = {};
  const readColumn = (name: string, option: string): Float64Array => {
    const j = col(name, option);
    return Float64Array.from({ length: n }, (_, r) => {
      const v = number(table.rows[r]![j]!, table.lineOfRow[r]!, name);
      if (Number.isNaN(v)) throw new RadvalError("NON_FINITE", "missing value", { where: { file, line: table.lineOfRow[r]!, column: name, option }, hint: "Impute or drop rows with missing values first." });
      return v;
    });
  };
  for (const e of extra) columns[e.name] = readColumn(e.name, e.option);
  let featureNames: string[] = [];
  if (wantFeatures) {
    const given = splitList(options.features);
    const idCol = options.id ?? table.header.find((h) => DEFAULT_ID_COLUMNS.includes(h.toLowerCase()));
    const skip = new Set([options.time, options.event, ...(idCol ? [idCol] : []), ...(splitList(options.exclude) ?? []), ...extra.map((e) => e.name)]);
    featureNames = given ?? table.header.filter((h) => !skip.has(h) && table.rows.every((row) => classifyCell(row[table.header.indexOf(h)]!, table.decimal, DEFAULT_MISSING_TOKENS).kind !== "text"));
    if (featureNames.length === 0) throw new RadvalError("NO_FEATURES", "no feature columns", { where: { file, option: "--features" }, hint: "Name them with --features a,b,c." });
  }
  const feats = featureNames.map((f) => readColumn(f, "--features"));
  const jid = options.id !== undefined ? col(options.id, "--id") : table.header.findIndex((h) => DEFAULT_ID_COLUMNS.includes(h.toLowerCase()));
  const ids = table.rows.map((row, r) => (jid >= 0 ? row[jid]! : String(r + 1)));
  return { file, time, event, featureNames, x: feats.length > 0 ? matrixFromColumns(feats) : columnMatrix(n, 0), columns, nRows: n, ids };
}
