import type { ColumnMatrix } from "../../core/matrix.js";

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

/**
 * glmnet's `lstandard1` (binomial `standardize = TRUE`): with normalised
 * observation weights w (Σ w = 1), column j is centred at its weighted mean
 * xm_j = Σ w_i x_ij and divided by xs_j = √(Σ w_i (x_ij − xm_j)²), the weighted
 * population SD (1/n divisor for equal weights). Without an intercept the
 * column is not centred and xs_j = √(Σ w x² − (Σ w x)²). A column that is
 * constant over the rows used (glmnet's `chkvars`) or excluded gets ju = 0 and
 * is never touched, so its coefficient stays exactly 0. Copies the selected
 * rows once (`rows` = null: all rows) into `target` (length ≥ n p, e.g. a view
 * on the SIMD heap; zeroed) or a new array; the input is never modified.
 * O(n p) time, n p doubles of memory.
 */
export function standardizeDesign(
  source: ColumnMatrix,
  rows: Int32Array | null,
  w: Float64Array,
  options: { intercept: boolean; standardize: boolean; exclude?: Uint8Array },
  target?: Float64Array,
): StandardizedDesign {
  const n = rows ? rows.length : source.nRows;
  const p = source.nCols;
  const x = target ?? new Float64Array(n * p);
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
      for (let i = 0; i < n; i++) x[off + i] = data[srcOff + rows[i]!]!;
    } else {
      x.set(data.subarray(srcOff, srcOff + n), off);
    }
    const first = x[off]!;
    let varies = false;
    for (let i = 1; i < n; i++) {
      if (x[off + i] !== first) {
        varies = true;
        break;
      }
    }
    if (!varies) {
      x.fill(0, off, off + n);
      continue;
    }
    ju[j] = 1;
    if (options.intercept) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += w[i]! * x[off + i]!;
      xm[j] = mean;
      for (let i = 0; i < n; i++) x[off + i] = x[off + i]! - mean;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += w[i]! * x[off + i]! * x[off + i]!;
      const sd = Math.sqrt(ss);
      sdOut[j] = sd;
      if (options.standardize) {
        xs[j] = sd;
        for (let i = 0; i < n; i++) x[off + i] = x[off + i]! / sd;
      }
    } else {
      let mean = 0;
      let ss = 0;
      for (let i = 0; i < n; i++) {
        mean += w[i]! * x[off + i]!;
        ss += w[i]! * x[off + i]! * x[off + i]!;
      }
      const sd = Math.sqrt(ss - mean * mean);
      sdOut[j] = sd;
      if (options.standardize) {
        xs[j] = sd;
        for (let i = 0; i < n; i++) x[off + i] = x[off + i]! / sd;
      }
    }
  }
  return { n, p, x, xm, xs, sd: sdOut, ju };
}
