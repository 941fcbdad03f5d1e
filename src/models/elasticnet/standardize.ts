import type { ColumnMatrix } from "../../core/matrix.js";
import { type VectorKernels, createKernels } from "./simd/kernels.js";

/** A design matrix prepared for the solver, as glmnet prepares it internally. */
export interface StandardizedDesign {
  readonly n: number;
  readonly p: number;
  /** n × p column-major: column j centred and scaled (`(x − xm_j) / xs_j`); unusable columns are left as zeros. */
  readonly x: Float64Array;
  /** Weighted column means (0 without an intercept). */
  readonly xm: Float64Array;
  /** Scale divided out: the weighted population SDs, or 1 when `standardize` is false. */
  readonly xs: Float64Array;
  /** Weighted population SDs of the columns (whether or not they were scaled). */
  readonly sd: Float64Array;
  /** 1 = usable column; 0 = constant on these rows or excluded (its coefficient stays 0). */
  readonly ju: Uint8Array;
}

/** Doubles of heap the design needs before the solver's vectors: n p for x, plus n of scratch for the weights. */
export function designHeapSize(n: number, p: number): number {
  return n * p + n;
}

/**
 * glmnet's `lstandard1` (binomial `standardize = TRUE`): with normalised
 * observation weights w (Σ w = 1), column j is centred at its weighted mean
 * xm_j = Σ w_i x_ij and divided by xs_j = √(Σ w_i (x_ij − xm_j)²), the weighted
 * population SD (1/n divisor for equal weights). Without an intercept the
 * column is not centred and xs_j = √(Σ w x² − (Σ w x)²). A column that is
 * constant over the rows used (glmnet's `chkvars`) or excluded gets ju = 0 and
 * is never touched, so its coefficient stays exactly 0. Copies the selected
 * rows once (`rows` = null: all rows) into the start of the kernels' heap
 * (zeroed; default: a fresh heap) and uses heap[n p, n p + n) as scratch for
 * the weights; the input is never modified. O(n p) time.
 */
export function standardizeDesign(
  source: ColumnMatrix,
  rows: Int32Array | null,
  w: Float64Array,
  options: { intercept: boolean; standardize: boolean; exclude?: Uint8Array },
  kernels?: VectorKernels,
): StandardizedDesign {
  const n = rows ? rows.length : source.nRows;
  const p = source.nCols;
  const K = kernels ?? createKernels(designHeapSize(n, p));
  const h = K.heap;
  const x = h.subarray(0, n * p);
  const wOff = n * p;
  h.set(w.subarray(0, n), wOff);
  const xm = new Float64Array(p);
  const xs = new Float64Array(p).fill(1);
  const sdOut = new Float64Array(p);
  const ju = new Uint8Array(p);
  const srcN = source.nRows;
  const data = source.data;
  for (let j = 0; j < p; j++) {
    if (options.exclude && options.exclude[j]) continue;
    const off = j * n;
    const srcOff = j * srcN;
    if (rows) {
      for (let i = 0; i < n; i++) h[off + i] = data[srcOff + rows[i]!]!;
    } else {
      h.set(data.subarray(srcOff, srcOff + n), off);
    }
    const first = h[off]!;
    let varies = false;
    for (let i = 1; i < n; i++) {
      if (h[off + i] !== first) {
        varies = true;
        break;
      }
    }
    if (!varies) {
      h.fill(0, off, off + n);
      continue;
    }
    ju[j] = 1;
    if (options.intercept) {
      const mean = K.dot(off, wOff, n);
      xm[j] = mean;
      const sd = Math.sqrt(K.centerSquares(off, mean, wOff, n));
      sdOut[j] = sd;
      if (options.standardize) {
        xs[j] = sd;
        K.divide(off, sd, n);
      }
    } else {
      const mean = K.dot(off, wOff, n);
      const sd = Math.sqrt(K.weightedSquares(off, wOff, n) - mean * mean);
      sdOut[j] = sd;
      if (options.standardize) {
        xs[j] = sd;
        K.divide(off, sd, n);
      }
    }
  }
  h.fill(0, wOff, wOff + n);
  return { n, p, x, xm, xs, sd: sdOut, ju };
}
