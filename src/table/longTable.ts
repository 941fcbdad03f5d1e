import { previewList } from "../core/dataset.js";
import { RadvalError, type RadvalWarning } from "../core/errors.js";
import { closestName } from "../core/suggest.js";
import { DEFAULT_MISSING_TOKENS, classifyCell, plainNumber } from "./cells.js";
import { type RawTable, tableColumns } from "./parseCsv.js";

/**
 * A repeated-measures table (test-retest or multi-reader): for each feature, a
 * cases × raters matrix. Stored per feature as one `Float64Array` of length
 * `nCases * nRaters`, **case-major** (`values[f][i * nRaters + r]`), NaN where
 * a case has no measurement by that rater/repeat.
 */
export interface LongTable {
  readonly source: string;
  readonly caseColumn: string;
  readonly raterColumn: string;
  /** Distinct case ids, in order of first appearance. */
  readonly cases: readonly string[];
  /** Distinct rater / repeat labels, in order of first appearance. */
  readonly raters: readonly string[];
  readonly featureNames: readonly string[];
  /** `values[f][i * nRaters + r]`: feature f, case i, rater r (NaN = missing). */
  readonly values: readonly Float64Array[];
  readonly warnings: readonly RadvalWarning[];
}

/** Options for {@link tableToLong}. */
export interface LongTableOptions {
  /** Case-id column (required). */
  caseColumn: string;
  /** Rater / repeat column (required). */
  raterColumn: string;
  /** Only these feature columns (default: every other column except `diagnostics_*`). */
  features?: readonly string[];
  /** Columns never used as features. */
  exclude?: readonly string[];
  keepDiagnostics?: boolean;
  missingTokens?: readonly string[];
}

function column(table: RawTable, role: string, name: string): number {
  const j = table.header.indexOf(name);
  if (j < 0) {
    const guess = closestName(name, table.header);
    throw new RadvalError("UNKNOWN_COLUMN", `the ${role} column "${name}" is not in the file`, {
      where: { file: table.source, column: name },
      hint: `${guess ? `Did you mean "${guess}"? ` : ""}Columns are: ${previewList(table.header, 12)}.`,
    });
  }
  return j;
}

/**
 * Reads a long repeated-measures table (one row per case × rater/repeat) into
 * per-feature case × rater matrices. Errors name file, line and column:
 * `UNKNOWN_COLUMN`, `MISSING_ID`, `DUPLICATE_ID` (the same case and rater
 * twice), `NON_NUMERIC` (shows the value), `NON_FINITE`. Missing
 * measurements stay NaN; the reliability code decides what to do with them.
 */
export function tableToLong(table: RawTable, options: LongTableOptions): LongTable {
  const missingTokens = options.missingTokens ?? DEFAULT_MISSING_TOKENS;
  const caseCol = column(table, "case", options.caseColumn);
  const raterCol = column(table, "rater", options.raterColumn);
  for (const name of options.exclude ?? []) column(table, "excluded", name);
  const excluded = new Set(options.exclude ?? []);
  const featureCols =
    options.features !== undefined
      ? options.features.map((name) => column(table, "feature", name))
      : table.header
          .map((_, j) => j)
          .filter(
            (j) =>
              j !== caseCol &&
              j !== raterCol &&
              !excluded.has(table.header[j]!) &&
              (options.keepDiagnostics || !table.header[j]!.startsWith("diagnostics_")),
          );
  if (featureCols.length === 0) {
    throw new RadvalError("NO_FEATURES", "the table has no feature columns besides the case and rater columns", {
      where: { file: table.source },
      hint: "Add feature columns, or check --id and --rater.",
    });
  }

  const caseIndex = new Map<string, number>();
  const raterIndex = new Map<string, number>();
  const cases: string[] = [];
  const raters: string[] = [];
  const numericTokens = missingTokens.filter((t) => !Number.isNaN(plainNumber(t, table.decimal)));
  const seenPair = new Map<string, number>();
  const access = tableColumns(table);
  access.prefetch([caseCol, raterCol]);
  const caseText = access.text(caseCol);
  const raterText = access.text(raterCol);
  const nRows = access.nRows;
  const rowPos = new Int32Array(2 * nRows);
  for (let r = 0; r < nRows; r++) {
    const line = table.lineOfRow[r]!;
    const caseId = caseText[r]!;
    const rater = raterText[r]!;
    for (const [value, col] of [
      [caseId, caseCol],
      [rater, raterCol],
    ] as const) {
      if (missingTokens.includes(value)) {
        throw new RadvalError("MISSING_ID", `the ${col === caseCol ? "case id" : "rater"} is empty`, {
          where: { file: table.source, line, row: r + 1, column: table.header[col]! },
          hint: "Every row needs a case id and a rater/repeat label.",
        });
      }
    }
    if (!caseIndex.has(caseId)) {
      caseIndex.set(caseId, cases.length);
      cases.push(caseId);
    }
    if (!raterIndex.has(rater)) {
      raterIndex.set(rater, raters.length);
      raters.push(rater);
    }
    const key = `${caseId}\u0000${rater}`;
    const earlier = seenPair.get(key);
    if (earlier !== undefined) {
      throw new RadvalError("DUPLICATE_ID", `case "${caseId}" has two rows for rater "${rater}" (lines ${earlier} and ${line})`, {
        where: { file: table.source, line, row: r + 1, column: table.header[caseCol]!, value: caseId },
        hint: "Each case may appear once per rater/repeat; remove or relabel the duplicate row.",
      });
    }
    seenPair.set(key, line);
    rowPos[2 * r] = caseIndex.get(caseId)!;
    rowPos[2 * r + 1] = raterIndex.get(rater)!;
  }

  const nCases = cases.length;
  const nRaters = raters.length;
  const values = featureCols.map((j) => {
    const out = new Float64Array(nCases * nRaters).fill(NaN);
    const numbers = access.numbers(j);
    for (let r = 0; r < nRows; r++) out[rowPos[2 * r]! * nRaters + rowPos[2 * r + 1]!] = numbers[r]!; // NaN where not a number
    const others = access.others(j);
    for (let i = 0; i < others.rows.length; i++) {
      const r = others.rows[i]!;
      const text = others.texts[i]!;
      const parsed = classifyCell(text, table.decimal, missingTokens);
      if (parsed.kind === "text" || parsed.kind === "nonfinite") {
        throw new RadvalError(parsed.kind === "text" ? "NON_NUMERIC" : "NON_FINITE", `"${text}" is not ${parsed.kind === "text" ? "a number" : "a finite number"}`, {
          where: { file: table.source, line: table.lineOfRow[r]!, row: r + 1, column: table.header[j]!, value: text },
          hint: "Ratings must be numbers; leave the cell empty if the measurement is missing.",
        });
      }
    }
    if (numericTokens.length > 0) {
      const text = access.text(j);
      for (let r = 0; r < nRows; r++) if (numericTokens.includes(text[r]!)) out[rowPos[2 * r]! * nRaters + rowPos[2 * r + 1]!] = NaN;
    }
    return out;
  });

  return Object.freeze({
    source: table.source,
    caseColumn: table.header[caseCol]!,
    raterColumn: table.header[raterCol]!,
    cases: Object.freeze(cases),
    raters: Object.freeze(raters),
    featureNames: Object.freeze(featureCols.map((j) => table.header[j]!)),
    values: Object.freeze(values),
    warnings: Object.freeze([]),
  });
}
