import { RadvalError } from "./errors.js";

/**
 * A dense real matrix stored **column-major** in one `Float64Array`:
 * element (i, j) is `data[j * nRows + i]`. Column j is the contiguous slice
 * `data.subarray(j * nRows, (j + 1) * nRows)`, which is what column-wise
 * algorithms (coordinate descent, correlation, tree splits) want.
 */
export interface ColumnMatrix {
  readonly nRows: number;
  readonly nCols: number;
  readonly data: Float64Array;
}

/** Wraps `data` (column-major, length nRows × nCols) without copying. */
export function columnMatrix(nRows: number, nCols: number, data: Float64Array = new Float64Array(nRows * nCols)): ColumnMatrix {
  if (data.length !== nRows * nCols) {
    throw new RadvalError("DIMENSION_MISMATCH", `matrix data has length ${data.length}, expected ${nRows} × ${nCols} = ${nRows * nCols}`);
  }
  return { nRows, nCols, data };
}

/** Builds a column-major matrix from row arrays (`rows[i][j]`). */
export function matrixFromRows(rows: ReadonlyArray<ArrayLike<number>>): ColumnMatrix {
  const nRows = rows.length;
  const nCols = nRows === 0 ? 0 : rows[0]!.length;
  const data = new Float64Array(nRows * nCols);
  for (let i = 0; i < nRows; i++) {
    const row = rows[i]!;
    if (row.length !== nCols) throw new RadvalError("DIMENSION_MISMATCH", `row ${i + 1} has ${row.length} values, expected ${nCols}`);
    for (let j = 0; j < nCols; j++) data[j * nRows + i] = row[j]!;
  }
  return { nRows, nCols, data };
}

/** Builds a column-major matrix from column arrays (`columns[j][i]`). */
export function matrixFromColumns(columns: ReadonlyArray<ArrayLike<number>>): ColumnMatrix {
  const nCols = columns.length;
  const nRows = nCols === 0 ? 0 : columns[0]!.length;
  const data = new Float64Array(nRows * nCols);
  for (let j = 0; j < nCols; j++) {
    const col = columns[j]!;
    if (col.length !== nRows) throw new RadvalError("DIMENSION_MISMATCH", `column ${j + 1} has ${col.length} values, expected ${nRows}`);
    data.set(col as ArrayLike<number>, j * nRows);
  }
  return { nRows, nCols, data };
}

/** Column j as a view (no copy). */
export function getColumn(m: ColumnMatrix, j: number): Float64Array {
  return m.data.subarray(j * m.nRows, (j + 1) * m.nRows);
}

/** Element (i, j). */
export function getValue(m: ColumnMatrix, i: number, j: number): number {
  return m.data[j * m.nRows + i]!;
}

/**
 * Copies the given rows (and optionally columns) into a new column-major
 * matrix. This is the one place where a row subset is materialised, for
 * algorithms that need contiguous columns.
 */
export function gatherRows(m: ColumnMatrix, rows: ArrayLike<number>, cols?: ArrayLike<number>): ColumnMatrix {
  const nOut = rows.length;
  const colIndex = cols ?? null;
  const nColsOut = colIndex ? colIndex.length : m.nCols;
  const data = new Float64Array(nOut * nColsOut);
  for (let jOut = 0; jOut < nColsOut; jOut++) {
    const j = colIndex ? colIndex[jOut]! : jOut;
    const src = j * m.nRows;
    const dst = jOut * nOut;
    for (let r = 0; r < nOut; r++) data[dst + r] = m.data[src + rows[r]!]!;
  }
  return { nRows: nOut, nCols: nColsOut, data };
}

/** Copies the given columns (all rows). */
export function gatherColumns(m: ColumnMatrix, cols: ArrayLike<number>): ColumnMatrix {
  const data = new Float64Array(m.nRows * cols.length);
  for (let k = 0; k < cols.length; k++) data.set(getColumn(m, cols[k]!), k * m.nRows);
  return { nRows: m.nRows, nCols: cols.length, data };
}

/** Row i as a new array (row access is strided; use sparingly). */
export function getRow(m: ColumnMatrix, i: number): Float64Array {
  const out = new Float64Array(m.nCols);
  for (let j = 0; j < m.nCols; j++) out[j] = m.data[j * m.nRows + i]!;
  return out;
}

/** Gathers `values[rows[k]]` into a new array of the same kind. */
export function gatherVector(values: Float64Array, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]!]!;
  return out;
}

/** 0, 1, …, n − 1 as an Int32Array (all rows). */
export function allRows(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
