/** What a cell holds once read as a number. */
export type CellKind = "missing" | "number" | "nonfinite" | "text";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NUMBER_DECIMAL_COMMA = /^[+-]?(\d+,?\d*|,\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/** Cell texts read as missing (besides the empty cell): R's `NA`. */
export const DEFAULT_MISSING_TOKENS: readonly string[] = ["", "NA"];

/**
 * Classifies one trimmed cell: empty or `NA` → missing; a plain decimal number
 * (with "." or, for `decimal: ","`, "," as the decimal mark; exponent allowed)
 * → number; `NaN`/`Inf`/`Infinity` in any case → nonfinite (an error for
 * features); anything else → text.
 */
export function classifyCell(
  text: string,
  decimal: "." | "," = ".",
  missingTokens: readonly string[] = DEFAULT_MISSING_TOKENS,
): { kind: CellKind; value: number } {
  if (missingTokens.includes(text)) return { kind: "missing", value: NaN };
  if (NUMBER.test(text)) return { kind: "number", value: Number(text) };
  if (decimal === "," && NUMBER_DECIMAL_COMMA.test(text)) return { kind: "number", value: Number(text.replace(",", ".")) };
  if (NON_FINITE.test(text)) return { kind: "nonfinite", value: NaN };
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
