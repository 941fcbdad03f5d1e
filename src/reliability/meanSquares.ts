/**
 * Two-way ANOVA decomposition of one feature's cases × raters matrix
 * (complete cases only), as `aov(values ~ case + rater)` gives it.
 */
export interface MeanSquares {
  /** Complete cases used. */
  readonly n: number;
  /** Raters / repeats. */
  readonly k: number;
  /** Between-case mean square, SSB / (n − 1). */
  readonly msb: number;
  /** Between-rater mean square, SSJ / (k − 1). */
  readonly msj: number;
  /** Residual mean square, SSE / ((n − 1)(k − 1)). */
  readonly mse: number;
  /** Within-case mean square (one-way model), (SSJ + SSE) / (n (k − 1)). */
  readonly msw: number;
  /** Every value equal (exactly). */
  readonly constant: boolean;
  /** SSB is zero up to rounding: every case has the same mean. */
  readonly betweenZero: boolean;
  /** SSE is zero up to rounding (then mse = 0 exactly): ratings are exactly additive (case + rater). */
  readonly residualZero: boolean;
}

/** Scratch space reused across features so the pass over thousands of features allocates nothing per feature. */
export interface MeanSquaresWorkspace {
  rowMean: Float64Array;
  colMean: Float64Array;
}

/** A workspace for up to `nCases` cases and `nRaters` raters. */
export function meanSquaresWorkspace(nCases: number, nRaters: number): MeanSquaresWorkspace {
  return { rowMean: new Float64Array(nCases), colMean: new Float64Array(nRaters) };
}

/**
 * Mean squares of the two-way (case × rater) ANOVA without interaction on the
 * rows `caseRows` of a case-major matrix (`values[i * k + r]`), as psych::ICC
 * gets them from `aov` (psych 2.2.9, `lmer = FALSE`). Computed from centred
 * data in two passes (means, then squared deviations and the residuals
 * x − rowMean − colMean + grandMean directly), so SSE keeps full relative
 * precision when reliability is near 1. O(n k); no allocation with a workspace.
 *
 * "Zero up to rounding" means the sum of squares is below n k (64 ε max|x − x₀|)²,
 * where x₀ is the first value (the shift used for centring); such SSE and SSJ
 * are set to exactly 0.
 */
export function twoWayMeanSquares(
  values: Float64Array,
  k: number,
  caseRows: Int32Array,
  workspace: MeanSquaresWorkspace = meanSquaresWorkspace(caseRows.length, k),
): MeanSquares {
  const n = caseRows.length;
  const { rowMean, colMean } = workspace;
  const shift = n > 0 ? values[caseRows[0]! * k]! : 0;
  let total = 0;
  let maxAbs = 0;
  let min = Infinity;
  let max = -Infinity;
  colMean.fill(0, 0, k);
  for (let c = 0; c < n; c++) {
    const base = caseRows[c]! * k;
    let rowSum = 0;
    for (let r = 0; r < k; r++) {
      const raw = values[base + r]!;
      if (raw < min) min = raw;
      if (raw > max) max = raw;
      const v = raw - shift;
      rowSum += v;
      colMean[r] += v;
      const a = v < 0 ? -v : v;
      if (a > maxAbs) maxAbs = a;
    }
    rowMean[c] = rowSum / k;
    total += rowSum;
  }
  const grand = total / (n * k);
  for (let r = 0; r < k; r++) colMean[r] = colMean[r]! / n;
  let ssb = 0;
  for (let c = 0; c < n; c++) {
    const d = rowMean[c]! - grand;
    ssb += d * d;
  }
  ssb *= k;
  let ssj = 0;
  for (let r = 0; r < k; r++) {
    const d = colMean[r]! - grand;
    ssj += d * d;
  }
  ssj *= n;
  let sse = 0;
  for (let c = 0; c < n; c++) {
    const base = caseRows[c]! * k;
    const rm = rowMean[c]! - grand;
    for (let r = 0; r < k; r++) {
      const e = values[base + r]! - shift - rm - colMean[r]!;
      sse += e * e;
    }
  }
  // Sums of squares at rounding level are exact zeros (so F = MSB/MSE is Infinity, not 1e17).
  const tiny = n * k * (64 * Number.EPSILON * maxAbs) ** 2;
  const betweenZero = ssb <= tiny;
  const residualZero = sse <= tiny;
  if (residualZero) sse = 0;
  if (ssj <= tiny) ssj = 0;
  const dfB = n - 1;
  const dfJ = k - 1;
  const dfE = (n - 1) * (k - 1);
  return {
    n,
    k,
    msb: ssb / dfB,
    msj: ssj / dfJ,
    mse: sse / dfE,
    msw: (ssj + sse) / (dfJ + dfE),
    constant: n > 0 && min === max,
    betweenZero,
    residualZero,
  };
}
