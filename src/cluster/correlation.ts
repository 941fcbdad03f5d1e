import { RadvalError } from "../core/errors.js";
import type { ColumnMatrix } from "../core/matrix.js";
import { type Condensed, condensedLength } from "./condensed.js";
import { averageRanks } from "./ranks.js";

/** Which correlation: Pearson's product-moment or Spearman's rank correlation (Pearson on average ranks). */
export type CorrelationMethod = "pearson" | "spearman";

/** Correlations between the columns of a matrix, condensed, plus the columns that had no variance. */
export interface CorrelationResult extends Condensed {
  readonly method: CorrelationMethod;
  /** Columns with zero variance: their correlations are undefined and stored as 0 (see {@link correlationMatrix}). */
  readonly constantColumns: readonly number[];
}

/**
 * Standardises every column once: centred (two-pass mean) and scaled to unit
 * Euclidean norm, so the correlation of columns i and j is the dot product of
 * z_i and z_j. Spearman first replaces each column by its average ranks.
 * Returns the standardised n × p column-major data and the constant columns
 * (left as zeros). O(n p) (+ O(n log n) per column for ranks).
 */
export function standardizeColumns(x: ColumnMatrix, method: CorrelationMethod = "pearson"): { z: Float64Array; constantColumns: number[] } {
  const { nRows: n, nCols: p } = x;
  const z = new Float64Array(n * p);
  const constantColumns: number[] = [];
  for (let j = 0; j < p; j++) {
    const col = z.subarray(j * n, (j + 1) * n);
    const src = x.data.subarray(j * n, (j + 1) * n);
    if (method === "spearman") averageRanks(src, col);
    else col.set(src);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += col[i]!;
    const mean = sum / n;
    let ss = 0;
    let first = col[0]!;
    let constant = true;
    for (let i = 0; i < n; i++) {
      if (col[i] !== first) constant = false;
      const d = col[i]! - mean;
      col[i] = d;
      ss += d * d;
    }
    if (constant || !(ss > 0)) {
      col.fill(0);
      constantColumns.push(j);
      first = 0;
      continue;
    }
    const scale = 1 / Math.sqrt(ss);
    for (let i = 0; i < n; i++) col[i] = col[i]! * scale;
  }
  return { z, constantColumns };
}

/**
 * Pearson or Spearman correlation matrix of the columns of `x` (n × p,
 * column-major, no NaN), condensed (upper triangle, R's `dist` order), as R's
 * `cor(x, method = "pearson" | "spearman")`: standardise once, then all
 * p(p − 1)/2 dot products z_iᵀ z_j in one X'X pass, four columns at a time
 * so each value of z_i is loaded once per four products. Values are clamped to
 * [−1, 1] as R does. A constant column's correlations (NA in R) are stored as
 * 0 and the column is listed in `constantColumns`.
 *
 * Errors: `MISSING_VALUES` (a NaN: impute first), `TOO_FEW_CASES` (n < 3).
 * O(n p²/2) time, p(p − 1)/2 doubles of memory (p = 5,000: 100 MB).
 */
export function correlationMatrix(x: ColumnMatrix, method: CorrelationMethod = "pearson", names?: readonly string[]): CorrelationResult {
  const { nRows: n, nCols: p } = x;
  if (n < 3) {
    throw new RadvalError("TOO_FEW_CASES", `correlations need at least 3 rows, got ${n}`, { hint: "Use more analysis rows." });
  }
  for (let j = 0; j < p; j++) {
    const base = j * n;
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(x.data[base + i]!)) {
        const feature = names?.[j] ?? `column ${j + 1}`;
        throw new RadvalError("MISSING_VALUES", `feature "${feature}" has a missing value in row ${i + 1}: correlations are computed on complete data only`, {
          where: { feature, row: i + 1 },
          hint: "Impute missing values first (an impute step before the redundancy step), or drop the feature.",
        });
      }
    }
  }
  const { z, constantColumns } = standardizeColumns(x, method);
  const out = new Float64Array(condensedLength(p));
  let idx = 0;
  for (let a = 0; a < p - 1; a++) {
    const za = a * n;
    let b = a + 1;
    for (; b + 3 < p; b += 4) {
      const z0 = b * n;
      const z1 = z0 + n;
      const z2 = z1 + n;
      const z3 = z2 + n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < n; i++) {
        const v = z[za + i]!;
        s0 += v * z[z0 + i]!;
        s1 += v * z[z1 + i]!;
        s2 += v * z[z2 + i]!;
        s3 += v * z[z3 + i]!;
      }
      out[idx++] = s0 > 1 ? 1 : s0 < -1 ? -1 : s0;
      out[idx++] = s1 > 1 ? 1 : s1 < -1 ? -1 : s1;
      out[idx++] = s2 > 1 ? 1 : s2 < -1 ? -1 : s2;
      out[idx++] = s3 > 1 ? 1 : s3 < -1 ? -1 : s3;
    }
    for (; b < p; b++) {
      const zb = b * n;
      let s = 0;
      for (let i = 0; i < n; i++) s += z[za + i]! * z[zb + i]!;
      out[idx++] = s > 1 ? 1 : s < -1 ? -1 : s;
    }
  }
  return { size: p, data: out, method, constantColumns };
}

/** Correlation distance 1 − |r| of a condensed correlation matrix (new array). */
export function absCorrelationDistance(r: Condensed): Float64Array {
  const d = new Float64Array(r.data.length);
  for (let t = 0; t < d.length; t++) {
    const v = r.data[t]!;
    d[t] = 1 - (v < 0 ? -v : v);
  }
  return d;
}
