import { type ColumnAccess, TableColumns, rowColumns } from "./columns.js";
import { type ChunkSource, scanTable } from "./scan.js";

export { detectDelimiter } from "./scan.js";

/** A parsed delimited text table: header plus cells, before any typing. */
export interface RawTable {
  /** File name (or label) for error messages. */
  readonly source: string;
  readonly header: readonly string[];
  /**
   * Data rows as trimmed strings; every row has `header.length` cells (checked). For a table
   * read by radval this is built on first use (a string per cell): prefer {@link tableColumns}.
   */
  readonly rows: ReadonlyArray<readonly string[]>;
  /** 1-based physical line where each data row starts (header is line 1). */
  readonly lineOfRow: Int32Array;
  readonly delimiter: string;
  /** Decimal mark used for numbers: "." or "," (a `;`-delimited file may use ","). */
  readonly decimal: "." | ",";
  /** The byte reader's typed columns (not enumerable: a copy `{ ...table, rows }` falls back to its rows). */
  readonly columns?: TableColumns;
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

/**
 * Column access to `table`: the byte reader's typed columns when the table is the one it read,
 * else columns computed from `table.rows` (a table built or filtered by hand).
 */
export function tableColumns(table: RawTable): ColumnAccess {
  const columns = table.columns;
  if (columns && columns.lineOfRow === table.lineOfRow) return columns;
  return rowColumns(table.rows, table.decimal);
}

/**
 * Parses a delimited table from its bytes (see {@link parseCsvText} for the rules and errors):
 * a byte scanner that stores each plain-number cell straight into a Float64Array column and makes
 * strings only for the other cells. `chunks` may be called twice (texts of number-like columns
 * such as ids are read in a second pass when asked for). Isomorphic.
 */
export function parseCsvChunks(chunks: ChunkSource, options: ParseCsvOptions & { expectedBytes?: number } = {}): RawTable {
  const source = options.source ?? "<text>";
  const { layout, columns: scanned } = scanTable(source, chunks, options);
  const columns = new TableColumns(source, chunks, layout, scanned);
  let rows: string[][] | undefined;
  const table = {
    source,
    header: layout.header,
    get rows(): ReadonlyArray<readonly string[]> {
      if (!rows) {
        const all = layout.header.map((_, j) => j);
        columns.prefetch(all);
        const texts = all.map((j) => columns.text(j));
        rows = Array.from({ length: scanned.nRows }, (_, r) => texts.map((t) => t[r]!));
      }
      return rows;
    },
    lineOfRow: scanned.lineOfRow,
    delimiter: layout.delimiter,
    decimal: layout.decimal,
  };
  Object.defineProperty(table, "columns", { value: columns, enumerable: false });
  return table as RawTable;
}

/**
 * Parses delimited text (RFC 4180 quoting, CRLF or LF, UTF-8 BOM stripped)
 * into a {@link RawTable} with the byte reader ({@link parseCsvChunks}). Isomorphic (no Node APIs).
 *
 * Errors (RadvalError): `EMPTY_FILE` (no header), `NO_DATA_ROWS` (header only),
 * `RAGGED_ROW` (a row with a different number of cells: names the line),
 * `CSV_SYNTAX` (unterminated quote), `DUPLICATE_COLUMN`, `FILE_UNREADABLE` (UTF-16: names the encoding).
 */
export function parseCsvText(text: string, options: ParseCsvOptions = {}): RawTable {
  const bytes = new TextEncoder().encode(text);
  return parseCsvChunks((visit) => visit(bytes), options);
}
