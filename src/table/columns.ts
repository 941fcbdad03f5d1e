import { plainNumber } from "./cells.js";
import { type ChunkSource, type ScanLayout, type ScannedColumns, collectTexts } from "./scan.js";

/**
 * Column access to a parsed table: numbers without strings for numeric columns, texts on request.
 * Implemented by {@link TableColumns} (the byte reader) and by {@link rowColumns} (a table given
 * as string rows).
 */
export interface ColumnAccess {
  readonly nRows: number;
  /** Plain-number value of every cell of column j (NaN where the cell is not a plain number). Do not modify. */
  numbers(j: number): Float64Array;
  /** The cells of column j that are not plain numbers (missing, text, NaN/Inf, overflow): rows ascending, trimmed texts. */
  others(j: number): { readonly rows: Int32Array; readonly texts: readonly string[] };
  /** The trimmed text of every cell of column j. */
  text(j: number): readonly string[];
  /** Makes the texts of these columns available in one pass (a file is read once more at most). */
  prefetch(columns: readonly number[]): void;
  /** The trimmed texts of a few cells of column j (without building the whole column's texts when it can). */
  cellTexts(j: number, rows: readonly number[]): string[];
}

/**
 * The columns the byte reader typed: one Float64Array per column, the texts of non-number cells,
 * and the texts of number cells rebuilt from the numbers when they are canonical integers
 * (`String(value)`), else read again from the source in one second pass (ids such as `007`,
 * labels such as `1.0`). Memory: 8 bytes per cell plus the non-number texts.
 */
export class TableColumns implements ColumnAccess {
  private readonly texts = new Map<number, readonly string[]>();

  constructor(
    private readonly source: string,
    private readonly chunks: ChunkSource,
    private readonly layout: ScanLayout,
    private readonly scanned: ScannedColumns,
  ) {}

  get nRows(): number {
    return this.scanned.nRows;
  }

  get lineOfRow(): Int32Array {
    return this.scanned.lineOfRow;
  }

  numbers(j: number): Float64Array {
    return this.scanned.values[j]!;
  }

  others(j: number): { rows: Int32Array; texts: readonly string[] } {
    return { rows: this.scanned.otherRows[j]!, texts: this.scanned.otherTexts[j]! };
  }

  text(j: number): readonly string[] {
    this.prefetch([j]);
    return this.texts.get(j)!;
  }

  prefetch(columns: readonly number[]): void {
    const reread: number[] = [];
    for (const j of columns) {
      if (this.texts.has(j)) continue;
      if (this.scanned.canonical[j]) this.texts.set(j, this.rebuild(j));
      else if (!reread.includes(j)) reread.push(j);
    }
    if (reread.length === 0) return;
    const collected = collectTexts(this.source, this.chunks, this.layout, reread, this.nRows);
    reread.forEach((j, s) => this.texts.set(j, collected[s]!));
  }

  cellTexts(j: number, rows: readonly number[]): string[] {
    if (!this.scanned.canonical[j] || this.texts.has(j)) {
      const text = this.text(j);
      return rows.map((r) => text[r]!);
    }
    const values = this.scanned.values[j]!;
    const others = this.others(j);
    return rows.map((r) => {
      if (!Number.isNaN(values[r]!)) return String(values[r]);
      let lo = 0;
      let hi = others.rows.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (others.rows[mid]! < r) lo = mid + 1;
        else hi = mid;
      }
      return others.texts[lo]!;
    });
  }

  private rebuild(j: number): string[] {
    const values = this.scanned.values[j]!;
    const rows = this.scanned.otherRows[j]!;
    const texts = this.scanned.otherTexts[j]!;
    const out: string[] = new Array(this.nRows);
    let next = 0;
    for (let r = 0; r < this.nRows; r++) {
      if (next < rows.length && rows[next] === r) out[r] = texts[next++]!;
      else out[r] = String(values[r]);
    }
    return out;
  }
}

/** {@link ColumnAccess} over string rows (a table built by hand or filtered row by row). */
export function rowColumns(rows: ReadonlyArray<readonly string[]>, decimal: "." | ","): ColumnAccess {
  const numbers = new Map<number, Float64Array>();
  const others = new Map<number, { rows: Int32Array; texts: string[] }>();
  const access: ColumnAccess = {
    nRows: rows.length,
    numbers(j) {
      let values = numbers.get(j);
      if (!values) {
        values = new Float64Array(rows.length);
        const otherRows: number[] = [];
        const texts: string[] = [];
        for (let r = 0; r < rows.length; r++) {
          const text = rows[r]![j]!;
          const value = plainNumber(text, decimal);
          values[r] = value;
          if (Number.isNaN(value)) {
            otherRows.push(r);
            texts.push(text);
          }
        }
        numbers.set(j, values);
        others.set(j, { rows: Int32Array.from(otherRows), texts });
      }
      return values;
    },
    others(j) {
      access.numbers(j);
      return others.get(j)!;
    },
    text: (j) => rows.map((row) => row[j]!),
    prefetch: () => undefined,
    cellTexts: (j, at) => at.map((r) => rows[r]![j]!),
  };
  return access;
}
