import { RadvalError } from "../core/errors.js";
import { plainNumber } from "./cells.js";
import { POW10, bytesNumber, lastNumberCanonical } from "./numberBytes.js";

/**
 * The bytes of a table, in order, as one or more chunks; callable again for a second pass
 * (a file is re-read, a buffer re-visited). A chunk may be reused by the source after the
 * callback returns.
 */
export type ChunkSource = (visit: (chunk: Uint8Array) => void) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;

const utf8 = new TextDecoder("utf-8");

/** Size of the staging area of the row-to-column move (doubles: 512 kB, within a core's cache), see `Scanner.stage`. */
const STAGE_CELLS = 1 << 16;

/** The text of `buf[start, end)`: ASCII by char codes (short cells), else UTF-8 (invalid bytes → U+FFFD, as Node's "utf8"). */
function decode(buf: Uint8Array, start: number, end: number): string {
  if (end - start <= 32) {
    let text = "";
    for (let i = start; i < end; i++) {
      const c = buf[i]!;
      if (c >= 128) return utf8.decode(buf.subarray(start, end));
      text += String.fromCharCode(c);
    }
    return text;
  }
  return utf8.decode(buf.subarray(start, end));
}

/** ASCII blanks trimmed around an unquoted cell (the delimiter is never inside a cell). */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12;
}

/** The columns the first pass builds: a number per cell, the text of the cells that are not plain numbers. */
export interface ScannedColumns {
  readonly nRows: number;
  readonly lineOfRow: Int32Array;
  /** Per column: the plain-number value of each row, NaN where the cell is not a plain number. */
  readonly values: Float64Array[];
  /** Per column: the rows (ascending) whose cell is not a plain number, and their trimmed texts. */
  readonly otherRows: Int32Array[];
  readonly otherTexts: string[][];
  /** Per column: 1 when every number cell's text is `String(value)` (so texts can be rebuilt). */
  readonly canonical: Uint8Array;
}

/** What {@link scanHeader} finds on the first line. */
export interface ScanLayout {
  readonly header: readonly string[];
  readonly delimiter: "," | ";" | "\t";
  readonly decimal: "." | ",";
}

/**
 * A byte-level CSV tokenizer (RFC 4180 quoting, LF / CRLF / CR line ends, UTF-8 BOM skipped) that
 * types cells as it goes: an unquoted cell that is a plain number is stored straight into its
 * column's Float64Array (no string is made); only other cells (missing, text, quoted) become
 * strings. Chunks are pushed in order; a record cut by a chunk boundary is parsed again when the
 * next chunk arrives. In "collect" mode (a second pass) it gathers the texts of chosen columns.
 */
class Scanner {
  private work = new Uint8Array(0);
  private filled = 0;
  private started = false;
  private line = 1;
  private headerCells: string[] | null = null;
  ncols = -1;
  nRows = 0;
  private capacity = 0;
  values: Float64Array[] = [];
  /**
   * The last rows' numbers, row by row (row r − stageBase, field j at (r − stageBase)·ncols + j),
   * moved into the columns every `stageRows` rows: a row is parsed into one small contiguous
   * area, and each column then receives a run of values at once instead of one value per row
   * (a 20,000-column row otherwise writes to 20,000 different memory pages).
   */
  private stage = new Float64Array(0);
  private stageRows = 0;
  /** The first row held in `stage`; rows before it are in the columns. */
  private stageBase = 0;

  /** Moves the staged rows into their columns. */
  private flush(): void {
    const rows = this.nRows - this.stageBase;
    if (rows <= 0) return;
    const ncols = this.ncols;
    const stage = this.stage;
    const base = this.stageBase;
    for (let j = 0; j < ncols; j++) {
      const column = this.values[j]!;
      for (let r = 0, k = j; r < rows; r++, k += ncols) column[base + r] = stage[k]!;
    }
    this.stageBase = this.nRows;
  }

  /** The storage of every column (column j at j·capacity). */
  private block = new Float64Array(0);
  lines = new Int32Array(0);
  otherRows: number[][] = [];
  otherTexts: string[][] = [];
  canonical = new Uint8Array(0);
  delimiterByte = 44;
  comma = false;
  private recordCells = 0;
  private firstCellEmpty = false;

  constructor(
    private readonly source: string,
    private readonly options: { delimiter?: "," | ";" | "\t" | "auto"; decimal?: "." | "," | "auto" },
    private readonly expectedBytes: number,
    /** Collect mode: slot of each column whose texts are gathered (-1: skip), and the gathered texts. */
    private readonly collect: Int32Array | null = null,
    readonly collected: string[][] = [],
    layout?: ScanLayout,
  ) {
    if (layout) this.applyLayout(layout);
  }

  header: string[] = [];
  delimiter: "," | ";" | "\t" = ",";
  decimal: "." | "," = ".";

  private applyLayout(layout: ScanLayout): void {
    this.header = [...layout.header];
    this.delimiter = layout.delimiter;
    this.decimal = layout.decimal;
    this.delimiterByte = layout.delimiter.charCodeAt(0);
    this.comma = layout.decimal === ",";
    this.ncols = layout.header.length;
    this.headerCells = null;
  }

  push(chunk: Uint8Array): void {
    if (this.filled + chunk.length > this.work.length) {
      const grown = new Uint8Array(Math.max(this.filled + chunk.length, this.work.length * 2, 1 << 16));
      grown.set(this.work.subarray(0, this.filled));
      this.work = grown;
    }
    this.work.set(chunk, this.filled);
    this.filled += chunk.length;
    this.run(false);
  }

  finish(): void {
    this.run(true);
  }

  private run(final: boolean): void {
    let start = 0;
    if (!this.started) {
      const firstLf = this.work.subarray(0, this.filled).indexOf(LF);
      if (firstLf < 0 && !final) return; // wait for the whole first line
      start = this.begin(firstLf < 0 ? this.filled : firstLf);
      this.started = true;
    }
    const consumed = this.parse(start, this.filled, final);
    this.bytesBefore += consumed;
    this.work.copyWithin(0, consumed, this.filled);
    this.filled -= consumed;
  }

  /** Checks the encoding, skips a BOM and settles the delimiter and decimal mark from the first line. */
  private begin(firstLineEnd: number): number {
    const b = this.work;
    const n = this.filled;
    if ((n >= 2 && b[0] === 0xff && b[1] === 0xfe) || (n >= 2 && b[0] === 0xfe && b[1] === 0xff) || b.subarray(0, Math.min(n, 4096)).includes(0)) {
      const le = b[0] === 0xff || (n >= 2 && b[1] === 0 && b[0] !== 0);
      const bom = (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
      throw new RadvalError("FILE_UNREADABLE", `the file is ${bom ? `UTF-16 (${le ? "little" : "big"}-endian, with a byte-order mark)` : "not UTF-8 text (it has NUL bytes: UTF-16 or binary)"}`, {
        where: { file: this.source },
        hint: "Save the table as UTF-8 CSV (in Excel: Save As → CSV UTF-8; or iconv -f UTF-16 -t UTF-8 file.csv > file-utf8.csv).",
      });
    }
    const start = n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
    if (this.ncols >= 0) {
      this.skipHeader = true; // layout given (second pass): read the header record and drop it
      this.headerCells = [];
      return start;
    }
    let lineEnd = firstLineEnd;
    if (lineEnd > start && b[lineEnd - 1] === CR) lineEnd--;
    const firstLine = decode(b, start, Math.max(start, lineEnd));
    const option = this.options.delimiter;
    this.delimiter = !option || option === "auto" ? detectDelimiter(firstLine) : option;
    const decimal = this.options.decimal;
    this.decimal = !decimal || decimal === "auto" ? (this.delimiter === ";" ? "," : ".") : decimal;
    this.delimiterByte = this.delimiter.charCodeAt(0);
    this.comma = this.decimal === ",";
    this.headerCells = [];
    return start;
  }

  /**
   * Room for row `nRows`. The first rows go into small columns (about 64k cells in all, at most
   * 1,024 rows: a wide table does not take 1,024 rows' worth of memory up front); then the number
   * of rows is estimated from the bytes per data row so far (5% margin), else the size doubles.
   */
  private ensureCapacity(bytesSoFar: number): void {
    if (!this.collect && this.nRows - this.stageBase === this.stageRows) this.flush();
    if (this.nRows < this.capacity) return;
    if (!this.collect) this.flush();
    let capacity = this.capacity === 0 ? Math.min(1024, Math.max(16, Math.floor(65536 / Math.max(1, this.ncols)))) : this.capacity * 2;
    const dataBytes = bytesSoFar - this.dataStart;
    if (this.capacity > 0 && this.expectedBytes > 0 && dataBytes > 0) {
      const estimate = Math.ceil((1.05 * (this.expectedBytes - this.dataStart) * this.nRows) / dataBytes) + 16;
      if (estimate > this.nRows) capacity = Math.max(this.nRows + 16, estimate);
    }
    if (!this.collect) {
      // One block for all columns (column j at j·capacity): compacted in place at the end, so that
      // consecutive columns can become a matrix without a copy (see columns()).
      const block = new Float64Array(capacity * this.ncols);
      for (let j = 0; j < this.ncols; j++) {
        block.set(this.values[j]!.subarray(0, this.nRows), j * capacity);
        this.values[j] = block.subarray(j * capacity, (j + 1) * capacity);
      }
      this.block = block;
    } else {
      for (const texts of this.collected) texts.length = capacity;
    }
    const lines = new Int32Array(capacity);
    lines.set(this.lines.subarray(0, this.nRows));
    this.lines = lines;
    this.capacity = capacity;
  }

  private skipHeader = false;
  /** Where the data records start (after the header record), in bytes from the start of the input. */
  private dataStart = 0;
  /** Bytes consumed by earlier calls of parse (for the row-count estimate). */
  private bytesBefore = 0;

  /** Ends the header record: names, duplicates, column storage. */
  private endHeader(): void {
    const cells = this.headerCells!;
    this.headerCells = null;
    if (this.skipHeader) return;
    if (cells.length === 0 || (cells.length === 1 && cells[0] === "")) {
      throw new RadvalError("EMPTY_FILE", "the file has no header row", { where: { file: this.source, line: 1 } });
    }
    const names = cells.map((name, j) => (name === "" ? `column${j + 1}` : name));
    const seen = new Map<string, number>();
    names.forEach((name, j) => {
      const earlier = seen.get(name);
      if (earlier !== undefined) {
        throw new RadvalError("DUPLICATE_COLUMN", `column name "${name}" appears twice (columns ${earlier + 1} and ${j + 1})`, {
          where: { file: this.source, line: 1, column: name },
          hint: "Rename one of the two columns so every column name is unique.",
        });
      }
      seen.set(name, j);
    });
    this.header = names;
    this.ncols = names.length;
    this.values = names.map(() => new Float64Array(0));
    this.otherRows = names.map(() => []);
    this.otherTexts = names.map(() => []);
    this.canonical = new Uint8Array(this.ncols).fill(1);
    this.stageRows = Math.min(1024, Math.max(8, Math.floor(STAGE_CELLS / this.ncols)));
    this.stage = new Float64Array(this.stageRows * this.ncols);
  }

  /** Takes back the cells of an unfinished or blank record (row `nRows`). */
  private rollback(): void {
    if (this.collect) return;
    const row = this.nRows;
    for (let j = 0; j < this.ncols; j++) {
      const rows = this.otherRows[j]!;
      while (rows.length > 0 && rows[rows.length - 1] === row) {
        rows.pop();
        this.otherTexts[j]!.pop();
      }
    }
  }

  /** Stores one cell of the current record (field `j`). `text` is set for quoted cells. */
  private cell(j: number, buf: Uint8Array, start: number, end: number, text: string | null): void {
    const first = this.recordCells++ === 0;
    if (this.headerCells) {
      this.headerCells.push(text ?? decode(buf, start, end).trim());
      return;
    }
    // (after ASCII trimming an unquoted cell is empty or starts with a visible ASCII character or a non-ASCII byte)
    if (first) this.firstCellEmpty = text !== null ? text === "" : start === end || (buf[start]! >= 128 && decode(buf, start, end).trim() === "");
    if (j >= this.ncols) return;
    const row = this.nRows;
    if (this.collect) {
      const slot = this.collect[j]!;
      if (slot >= 0) this.collected[slot]![row] = text ?? decode(buf, start, end).trim();
      return;
    }
    let value = text === null ? bytesNumber(buf, start, end, this.comma) : NaN;
    if (value === value) {
      this.stage[(row - this.stageBase) * this.ncols + j] = value;
      if (!lastNumberCanonical) this.canonical[j] = 0;
      return;
    }
    const trimmed = text ?? decode(buf, start, end).trim();
    value = plainNumber(trimmed, this.decimal);
    this.stage[(row - this.stageBase) * this.ncols + j] = value;
    if (value === value) {
      this.canonical[j] = 0; // quoted or padded with non-ASCII blanks: keep the text exact on request
      return;
    }
    this.otherRows[j]!.push(row);
    this.otherTexts[j]!.push(trimmed);
  }

  /** Ends a data record that started on `line` with `cells` fields. */
  private endRecord(line: number): void {
    const cells = this.recordCells;
    this.recordCells = 0;
    if (this.headerCells) {
      this.endHeader();
      return;
    }
    if (cells === 1 && this.firstCellEmpty) {
      this.rollback(); // blank line
      return;
    }
    if (cells !== this.ncols) {
      const d = this.delimiter;
      throw new RadvalError("RAGGED_ROW", `row has ${cells} cells but the header has ${this.ncols}`, {
        where: { file: this.source, line, row: this.nRows + 1 },
        hint: `Every row needs exactly ${this.ncols} ${d === "\t" ? "tab" : `"${d}"`}-separated cells; check for a missing or extra delimiter on that line.`,
      });
    }
    this.lines[this.nRows] = line;
    this.nRows++;
  }

  /** Where the cell read by the last successful {@link fastNumber} ends (its delimiter or line end). */
  private fastEnd = 0;

  /**
   * The common cell, read in one pass: an unquoted `[-]digits[.digits]` (at most 15 significant
   * digits) that ends right at a delimiter or line end inside the buffer. Stores it as field `j`
   * (the same double and the same `canonical` flag as {@link bytesNumber}) and returns true; returns
   * false, storing nothing, for anything else (blanks, `+`, exponents, long numbers, text, a cell cut
   * by the end of the chunk), which the general path then reads.
   */
  private fastNumber(buf: Uint8Array, start: number, end: number, delim: number, j: number): boolean {
    let p = start;
    if (p >= end) return false;
    let b = buf[p]!;
    const negative = b === 45;
    if (negative) {
      if (++p >= end) return false;
      b = buf[p]!;
    }
    const first = p;
    let mantissa = 0;
    let significant = 0;
    let exponent = 0;
    // Integer digits (leading zeros are not significant), then the fraction's, each ×10^−1.
    // The cell must end inside the buffer: at its end the general path takes over.
    while (b >= 48 && b <= 57) {
      if (mantissa !== 0 || b !== 48) {
        if (significant === 15) return false; // more than 15 significant digits: the general path
        mantissa = mantissa * 10 + (b - 48);
        significant++;
      }
      if (++p >= end) return false;
      b = buf[p]!;
    }
    let digits = p - first;
    let mark = false;
    if (b !== delim && (b === 46 || (b === 44 && this.comma))) {
      mark = true;
      if (++p >= end) return false;
      b = buf[p]!;
      const fraction = p;
      while (b >= 48 && b <= 57) {
        if (mantissa !== 0 || b !== 48) {
          if (significant === 15) return false;
          mantissa = mantissa * 10 + (b - 48);
          significant++;
        }
        exponent--;
        if (++p >= end) return false;
        b = buf[p]!;
      }
      digits += p - fraction;
    }
    if (digits === 0 || (b !== delim && b !== LF && b !== CR) || exponent < -22) return false;
    const value = mantissa === 0 ? 0 : exponent === 0 ? mantissa : mantissa / POW10[-exponent]!;
    this.stage[(this.nRows - this.stageBase) * this.ncols + j] = negative ? -value : value;
    if (mark || (buf[first] === 48 && (digits > 1 || negative))) this.canonical[j] = 0;
    this.fastEnd = p;
    return true;
  }

  /** Parses whole records in work[start, end); returns where the first unfinished one starts. */
  private parse(start: number, end: number, final: boolean): number {
    const buf = this.work;
    const delim = this.delimiterByte;
    let pos = start;
    while (pos < end) {
      const recordStart = pos;
      const recordLine = this.line;
      let extraLines = 0;
      if (!this.headerCells) this.ensureCapacity(this.bytesBefore + pos);
      this.recordCells = 0;
      // Data records of the first pass: plain numbers take the fast path below.
      const numbers = this.headerCells === null && this.collect === null;
      const ncols = this.ncols;
      let j = 0;
      let c = -1;
      for (;;) {
        if (numbers && j < ncols && this.fastNumber(buf, pos, end, delim, j)) {
          pos = this.fastEnd;
          c = buf[pos]!;
          if (this.recordCells++ === 0) this.firstCellEmpty = false;
        } else if (pos < end && buf[pos] === QUOTE) {
          let p = pos + 1;
          let escaped = false;
          for (;;) {
            if (p >= end) {
              if (!final) return this.unfinished(recordStart);
              throw new RadvalError("CSV_SYNTAX", "unterminated or misplaced quote (a quoted field is never closed)", {
                where: { file: this.source, line: recordLine },
                hint: 'Close every quoted field with a matching " (a literal quote inside a quoted field is written "").',
              });
            }
            const b = buf[p]!;
            if (b === QUOTE) {
              if (p + 1 >= end && !final) return this.unfinished(recordStart);
              if (p + 1 < end && buf[p + 1] === QUOTE) {
                escaped = true;
                p += 2;
                continue;
              }
              break;
            }
            if (b === LF) extraLines++;
            p++;
          }
          let text = decode(buf, pos + 1, p);
          if (escaped) text = text.replaceAll('""', '"');
          p++;
          while (p < end && buf[p] !== delim && isBlank(buf[p]!)) p++;
          if (p >= end && !final) return this.unfinished(recordStart);
          c = p < end ? buf[p]! : -1;
          if (c !== delim && c !== LF && c !== CR && c !== -1) {
            throw new RadvalError("CSV_SYNTAX", "unterminated or misplaced quote (text after the closing quote of a field)", {
              where: { file: this.source, line: recordLine + extraLines },
              hint: 'Close every quoted field with a matching " (a literal quote inside a quoted field is written "").',
            });
          }
          this.cell(j, buf, 0, 0, text.trim());
          pos = p;
        } else {
          let p = pos;
          while (p < end) {
            const b = buf[p]!;
            if (b === delim || b === LF || b === CR) break;
            p++;
          }
          if (p >= end && !final) return this.unfinished(recordStart);
          c = p < end ? buf[p]! : -1;
          let s = pos;
          let e = p;
          while (s < e && isBlank(buf[s]!)) s++;
          while (e > s && isBlank(buf[e - 1]!)) e--;
          this.cell(j, buf, s, e, null);
          pos = p;
        }
        j++;
        if (c === delim) {
          pos++;
          continue;
        }
        if (c === CR) {
          if (pos + 1 >= end && !final) return this.unfinished(recordStart);
          pos += pos + 1 < end && buf[pos + 1] === LF ? 2 : 1;
        } else if (c === LF) pos++;
        break;
      }
      this.line = recordLine + extraLines + 1;
      const header = this.headerCells !== null;
      this.endRecord(recordLine);
      if (header) this.dataStart = this.bytesBefore + pos;
    }
    return pos;
  }

  private unfinished(recordStart: number): number {
    this.recordCells = 0;
    if (!this.headerCells) this.rollback();
    else this.headerCells.length = 0;
    return recordStart;
  }

  /** The typed columns, trimmed to the rows read. */
  columns(): ScannedColumns {
    this.flush();
    const n = this.nRows;
    // A copy only when the estimate overshot by a quarter; else a view (no second array at the peak).
    const trim = <T extends Float64Array | Int32Array>(a: T): T => (a.length > n * 1.25 + 16 ? a.slice(0, n) : a.subarray(0, n)) as T;
    // The columns moved together in place (column j at j·n), then trimmed: the block is one
    // column-major matrix of every column, and consecutive columns are one contiguous view.
    for (let j = 1; j < this.ncols; j++) this.block.copyWithin(j * n, j * this.capacity, j * this.capacity + n);
    const used = n * this.ncols;
    const block = this.block.length > (n * 1.25 + 16) * this.ncols ? this.block.slice(0, used) : this.block.subarray(0, used);
    return {
      nRows: n,
      lineOfRow: trim(this.lines),
      values: this.values.map((_, j) => block.subarray(j * n, (j + 1) * n)),
      otherRows: this.otherRows.map((rows) => Int32Array.from(rows)),
      otherTexts: this.otherTexts,
      canonical: this.canonical,
    };
  }

  /** True once the header record has been read (the columns are known). */
  get sawHeader(): boolean {
    return this.ncols >= 0;
  }
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

/** Options of {@link scanTable}. */
export interface ScanOptions {
  delimiter?: "," | ";" | "\t" | "auto";
  decimal?: "." | "," | "auto";
  /** Size of the input when known (a file's size): sizes the columns once instead of doubling. */
  expectedBytes?: number;
}

/** The first pass over a table's bytes: header, delimiter, decimal mark and typed columns. */
export function scanTable(source: string, chunks: ChunkSource, options: ScanOptions = {}): { layout: ScanLayout; columns: ScannedColumns } {
  const scanner = new Scanner(source, options, options.expectedBytes ?? 0);
  let any = false;
  chunks((chunk) => {
    if (!any) {
      for (const b of chunk) {
        if (!(isBlank(b) || b === LF || b === CR || b === 0xef || b === 0xbb || b === 0xbf)) {
          any = true;
          break;
        }
      }
    }
    scanner.push(chunk);
  });
  if (!any) {
    throw new RadvalError("EMPTY_FILE", "the file is empty", { where: { file: source }, hint: "Give a CSV with a header row and one row per case." });
  }
  scanner.finish();
  if (!scanner.sawHeader) throw new RadvalError("EMPTY_FILE", "the file has no header row", { where: { file: source, line: 1 } });
  if (scanner.nRows === 0) {
    throw new RadvalError("NO_DATA_ROWS", "the file has a header but no data rows", { where: { file: source }, hint: "Add one row per case below the header." });
  }
  return { layout: { header: scanner.header, delimiter: scanner.delimiter, decimal: scanner.decimal }, columns: scanner.columns() };
}

/** A second pass: the trimmed texts of `columns` (every data row, in order), for columns whose texts were not kept. */
export function collectTexts(source: string, chunks: ChunkSource, layout: ScanLayout, columns: readonly number[], nRows: number): string[][] {
  const slots = new Int32Array(layout.header.length).fill(-1);
  columns.forEach((j, s) => (slots[j] = s));
  const collected = columns.map(() => [] as string[]);
  const scanner = new Scanner(source, {}, 0, slots, collected, layout);
  chunks((chunk) => scanner.push(chunk));
  scanner.finish();
  if (scanner.nRows !== nRows) {
    throw new RadvalError("FILE_UNREADABLE", "the file changed while radval was reading it", { where: { file: source }, hint: "Read a file that is not being written to." });
  }
  for (const texts of collected) texts.length = nRows;
  return collected;
}
