/**
 * Condensed storage of a symmetric p × p matrix without its diagonal: the
 * upper triangle row by row, (0,1), (0,2), …, (0,p−1), (1,2), … — the same
 * order as R's `dist` objects (lower triangle by columns). Length p(p − 1)/2,
 * so p = 5,000 takes 100 MB as Float64 instead of 200 MB.
 */
export interface Condensed {
  readonly size: number;
  readonly data: Float64Array;
}

/** Number of entries of a condensed p × p matrix. */
export function condensedLength(p: number): number {
  return (p * (p - 1)) / 2;
}

/** Offset such that entry (i, j), i < j, is at `rowOffset(p, i) + j`. */
export function rowOffset(p: number, i: number): number {
  return i * p - (i * (i + 1)) / 2 - i - 1;
}

/** Index of entry (i, j), i ≠ j, 0-based. */
export function condensedIndex(p: number, i: number, j: number): number {
  return i < j ? rowOffset(p, i) + j : rowOffset(p, j) + i;
}

/** Entry (i, j) (1 on the diagonal is not stored: i must differ from j). */
export function condensedGet(m: Condensed, i: number, j: number): number {
  return m.data[condensedIndex(m.size, i, j)]!;
}
