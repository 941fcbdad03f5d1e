/** What a cell holds once read as a number. */
export type CellKind = "missing" | "number" | "nonfinite" | "text";

const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/** Cell texts read as missing (besides the empty cell): R's `NA`. */
export const DEFAULT_MISSING_TOKENS: readonly string[] = ["", "NA"];

/**
 * The value of a trimmed cell that is a plain decimal number — `[+-]digits[.digits][e[+-]digits]`
 * (also `.5` and `5.`), with "," accepted as the decimal mark when `decimal` is "," — else NaN
 * (also for a number that overflows to ±Infinity, such as `1e400`: {@link classifyCell} calls it non-finite).
 * A character scan without regular expressions or allocation: the hot path of reading feature
 * tables (millions of cells). {@link classifyCell} says why a cell is not a number. O(length).
 */
export function plainNumber(text: string, decimal: "." | "," = "."): number {
  const n = text.length;
  let i = 0;
  let c = n > 0 ? text.charCodeAt(0) : 0;
  if (c === 43 || c === 45) c = ++i < n ? text.charCodeAt(i) : 0; // sign
  let digits = 0;
  let mark = -1;
  for (; i < n; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (mark < 0 && (c === 46 || (c === 44 && decimal === ","))) mark = c;
    else break;
  }
  if (digits === 0) return NaN;
  if (i < n) {
    if (c !== 101 && c !== 69) return NaN; // e / E
    i++;
    if (i < n && (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45)) i++;
    const start = i;
    for (; i < n; i++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) return NaN;
    }
    if (i === start) return NaN;
  }
  const value = Number(mark === 44 ? text.replace(",", ".") : text);
  return Number.isFinite(value) ? value : NaN; // 1e400 overflows: not a finite number
}

/**
 * The value of a cell that is a plain number and not one of `missingTokens`, else NaN — then
 * {@link classifyCell} says what the cell is. The allocation-free path of the table readers.
 */
export function cellNumber(text: string, decimal: "." | ",", missingTokens: readonly string[]): number {
  return missingTokens.includes(text) ? NaN : plainNumber(text, decimal);
}

/**
 * Classifies one trimmed cell: empty or `NA` → missing; a plain decimal number
 * (with "." or, for `decimal: ","`, "," as the decimal mark; exponent allowed)
 * → number; `NaN`/`Inf`/`Infinity` in any case, and numbers beyond the double
 * range such as `1e400`, → nonfinite (an error for features); anything else → text.
 */
export function classifyCell(
  text: string,
  decimal: "." | "," = ".",
  missingTokens: readonly string[] = DEFAULT_MISSING_TOKENS,
): { kind: CellKind; value: number } {
  if (missingTokens.includes(text)) return { kind: "missing", value: NaN };
  const value = plainNumber(text, decimal);
  if (!Number.isNaN(value)) return { kind: "number", value };
  if (NON_FINITE.test(text) || Math.abs(Number(decimal === "," ? text.replace(",", ".") : text)) === Infinity) return { kind: "nonfinite", value: NaN };
  return { kind: "text", value: NaN };
}

/** Days since 1970-01-01 for an ISO date `YYYY-MM-DD` (optionally followed by a time), else NaN. */
export function parseIsoDateDays(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+Z?)?$/.exec(text);
  if (!m) return NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCDate() !== day) return NaN; // e.g. 2021-02-30
  return ms / 86_400_000;
}
