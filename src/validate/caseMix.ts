import type { ColumnMatrix } from "../core/matrix.js";

/** One feature's distribution in two cohorts and their standardised mean difference. */
export interface FeatureSmd {
  readonly feature: string;
  readonly meanDevelopment: number | null;
  readonly meanValidation: number | null;
  readonly sdDevelopment: number | null;
  readonly sdValidation: number | null;
  /** (mean_dev − mean_val) / √((sd_dev² + sd_val²)/2); null when undefined (no values, or both SDs 0). */
  readonly smd: number | null;
}

function meanSd(column: Float64Array, rows: Int32Array): [number | null, number | null] {
  let n = 0;
  let sum = 0;
  for (let k = 0; k < rows.length; k++) {
    const v = column[rows[k]!]!;
    if (!Number.isNaN(v)) {
      n++;
      sum += v;
    }
  }
  if (n === 0) return [null, null];
  const mean = sum / n;
  if (n < 2) return [mean, null];
  let ss = 0;
  for (let k = 0; k < rows.length; k++) {
    const v = column[rows[k]!]!;
    if (!Number.isNaN(v)) ss += (v - mean) ** 2;
  }
  return [mean, Math.sqrt(ss / (n - 1))];
}

/**
 * Standardised mean differences of every feature between development and
 * validation rows, with the pooled SD √((s₁² + s₂²)/2) (Austin 2009, Stat Med
 * 28:3083; a |SMD| above 0.1–0.2 is usually read as a meaningful
 * difference). Missing values are ignored per feature. O(n p).
 */
export function standardisedMeanDifferences(
  x: ColumnMatrix,
  names: readonly string[],
  developmentRows: Int32Array,
  validationRows: Int32Array,
): FeatureSmd[] {
  return names.map((feature, j) => {
    const column = x.data.subarray(j * x.nRows, (j + 1) * x.nRows);
    const [m1, s1] = meanSd(column, developmentRows);
    const [m2, s2] = meanSd(column, validationRows);
    let smd: number | null = null;
    if (m1 !== null && m2 !== null && s1 !== null && s2 !== null) {
      const pooled = Math.sqrt((s1 * s1 + s2 * s2) / 2);
      smd = pooled > 0 ? (m1 - m2) / pooled : m1 === m2 ? 0 : null;
    }
    return { feature, meanDevelopment: m1, meanValidation: m2, sdDevelopment: s1, sdValidation: s2, smd };
  });
}
