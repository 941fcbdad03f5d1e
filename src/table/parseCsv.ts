import Papa from "papaparse";
import { RadvalError } from "../core/errors.js";

/** A parsed delimited text table: header plus string cells, before any typing. */
export interface RawTable {
  /** File name (or label) for error messages. */
  readonly source: string;
  readonly header: readonly string[];
  /** Data rows; every row has `header.length` cells (checked). */
  readonly rows: ReadonlyArray<readonly string[]>;
  /** 1-based physical line where each data row starts (header is line 1). */
  readonly lineOfRow: Int32Array;
  readonly delimiter: string;
  /** Decimal mark used for numbers: "." or "," (a `;`-delimited file may use ","). */
  readonly decimal: "." | ",";
}

/** Options for {@link parseCsvText}. */
export interface ParseCsvOptions {
  /** Label for error messages (file name). */
  source?: string;
  /** Field delimiter; default: detected from the header line among `,` `;` tab. */
  delimiter?: "," | ";" | "\t" | "auto";
  /** Decimal mark; default "auto": "," when the delimiter is ";", else ".". */
  decimal?: "." | "," | "auto";
}

/** Picks the delimiter that splits the first line (outside quotes) most often. */
export function detectDelimiter(firstLine: string): "," | ";" | "\t" {
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  let inQuotes = false;
  for (const ch of firstLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch in counts) counts[ch]! += 1;
  }
  if (counts[";"]! > counts[","]! && counts[";"]! >= counts["\t"]!) return ";";
  if (counts["\t"]! > counts[","]!) return "\t";
  return ",";
}

/**
 * Parses delimited text (RFC 4180 quoting, CRLF or LF, UTF-8 BOM stripped)
 * with papaparse into a {@link RawTable}. Isomorphic (no Node APIs).
 *
 * Errors (RadvalError): `EMPTY_FILE` (no header), `NO_DATA_ROWS` (header only),
 * `RAGGED_ROW` (a row with a different number of cells: names the line),
 * `CSV_SYNTAX` (unterminated quote), `DUPLICATE_COLUMN`.
 */
export function parseCsvText(text: string, options: ParseCsvOptions = {}): RawTable {
  const source = options.source ?? "<text>";
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") {
    throw new RadvalError("EMPTY_FILE", "the file is empty", {
      where: { file: source },
      hint: "Give a CSV with a header row and one row per case.",
    });
  }
  const firstLineEnd = body.search(/\r?\n/);
  const firstLine = firstLineEnd < 0 ? body : body.slice(0, firstLineEnd);
  const delimiter = !options.delimiter || options.delimiter === "auto" ? detectDelimiter(firstLine) : options.delimiter;
  const decimal = !options.decimal || options.decimal === "auto" ? (delimiter === ";" ? "," : ".") : options.decimal;

  const parsed = Papa.parse<string[]>(body, { delimiter, header: false, skipEmptyLines: false, dynamicTyping: false });
  const quoteError = parsed.errors.find((e) => e.type === "Quotes");
  const records = parsed.data;

  // Physical line of each record: 1 + newlines in the records before it.
  const lineOfRecord: number[] = [];
  let line = 1;
  for (const record of records) {
    lineOfRecord.push(line);
    let newlines = 1;
    for (const cell of record) {
      for (let i = cell.indexOf("\n"); i >= 0; i = cell.indexOf("\n", i + 1)) newlines++;
    }
    line += newlines;
  }
  if (quoteError) {
    const row = quoteError.row ?? 0;
    throw new RadvalError("CSV_SYNTAX", `unterminated or misplaced quote (${quoteError.message})`, {
      where: { file: source, line: lineOfRecord[row] ?? row + 1 },
      hint: 'Close every quoted field with a matching " (a literal quote inside a quoted field is written "").',
    });
  }

  const header = (records[0] ?? []).map((h) => h.trim());
  if (header.length === 0 || (header.length === 1 && header[0] === "")) {
    throw new RadvalError("EMPTY_FILE", "the file has no header row", { where: { file: source, line: 1 } });
  }
  const seen = new Map<string, number>();
  const names = header.map((name, j) => (name === "" ? `column${j + 1}` : name));
  names.forEach((name, j) => {
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new RadvalError("DUPLICATE_COLUMN", `column name "${name}" appears twice (columns ${earlier + 1} and ${j + 1})`, {
        where: { file: source, line: 1, column: name },
        hint: "Rename one of the two columns so every column name is unique.",
      });
    }
    seen.set(name, j);
  });

  const rows: string[][] = [];
  const lines: number[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    if (record.length === 1 && record[0]!.trim() === "") continue; // blank line
    if (record.length !== names.length) {
      throw new RadvalError(
        "RAGGED_ROW",
        `row has ${record.length} cells but the header has ${names.length}`,
        {
          where: { file: source, line: lineOfRecord[r]!, row: rows.length + 1 },
          hint: `Every row needs exactly ${names.length} ${delimiter === "\t" ? "tab" : `"${delimiter}"`}-separated cells; check for a missing or extra delimiter on that line.`,
        },
      );
    }
    rows.push(record.map((cell) => cell.trim()));
    lines.push(lineOfRecord[r]!);
  }
  if (rows.length === 0) {
    throw new RadvalError("NO_DATA_ROWS", "the file has a header but no data rows", {
      where: { file: source },
      hint: "Add one row per case below the header.",
    });
  }
  return { source, header: names, rows, lineOfRow: Int32Array.from(lines), delimiter, decimal };
}
