import { type Direction, checkBinaryScores, checkDirection, sortedClassScores } from "./inputs.js";
import { type ThresholdCounts, countsFromSorted } from "./thresholds.js";

/**
 * An empirical ROC curve in the layout of pROC's `coords(roc, "all")`:
 * from sensitivity 1 / specificity 0 to sensitivity 0 / specificity 1, with
 * the thresholds −Inf, the midpoints between consecutive distinct scores and
 * +Inf — ascending for direction "<" (positive when score ≥ threshold),
 * descending for ">" (positive when score ≤ threshold).
 */
export interface RocCurve {
  readonly direction: Direction;
  readonly thresholds: Float64Array;
  /** tp / n₁ at each threshold. */
  readonly sensitivity: Float64Array;
  /** (n₀ − fp) / n₀ at each threshold (pROC's arithmetic, so values compare exactly). */
  readonly specificity: Float64Array;
  readonly tp: Float64Array;
  readonly fp: Float64Array;
  readonly nPositive: number;
  readonly nNegative: number;
  /** Area under this curve (trapezoids = Mann–Whitney with ties ½), from exact integer counts. */
  readonly auc: number;
}

/**
 * pROC's thresholds (`roc.utils.thresholds`): −Inf, the midpoints (a + b)/2 of
 * consecutive distinct ascending values (a/2 + b/2 beyond 1e100), +Inf. When
 * a midpoint rounds onto one of its two neighbours it is moved to the side
 * that keeps the classification rule correct, as pROC does.
 */
function pRocThresholds(ascending: Float64Array, direction: Direction): Float64Array {
  const m = ascending.length;
  const out = new Float64Array(m + 1);
  out[0] = -Infinity;
  out[m] = Infinity;
  for (let k = 1; k < m; k++) {
    const a = ascending[k - 1]!;
    const b = ascending[k]!;
    let t = (a + b) / 2;
    if (Math.abs(t) > 1e100) t = a / 2 + b / 2;
    if (direction === "<" && t === a) t = b;
    else if (direction === ">" && t === b) t = a;
    out[k] = t;
  }
  return out;
}

/**
 * Empirical ROC curve with pROC-style thresholds (Robin et al. 2011, BMC
 * Bioinformatics 12:77; `pROC::roc` + `coords(roc, "all")`), built from the
 * {@link ThresholdCounts} primitive. O(n log n).
 */
export function rocCurve(truth: ArrayLike<number>, score: ArrayLike<number>, options: { direction?: Direction } = {}): RocCurve {
  const direction = checkDirection(options.direction ?? "<");
  const counts = checkBinaryScores(truth, score);
  const { positives, negatives } = sortedClassScores(truth, score, counts, direction);
  return rocFromCounts(countsFromSorted(positives, negatives, direction));
}

/** Twice the Mann–Whitney U from threshold counts (exact): Σ over runs of fpRun·(2·tpBefore + tpRun). */
function twiceUFromCounts(counts: ThresholdCounts): number {
  let prevTp = 0;
  let prevFp = 0;
  let twiceU = 0;
  for (let k = 0; k < counts.values.length; k++) {
    const tp = counts.tp[k]!;
    const fp = counts.fp[k]!;
    // Negatives entering at this value are beaten by the positives above it and tie with those entering now.
    twiceU += (fp - prevFp) * (2 * prevTp + (tp - prevTp));
    prevTp = tp;
    prevFp = fp;
  }
  return twiceU;
}

/** The ROC curve of already computed {@link ThresholdCounts}. O(number of distinct values). */
export function rocFromCounts(counts: ThresholdCounts): RocCurve {
  const m = counts.values.length;
  const n1 = counts.nPositive;
  const n0 = counts.nNegative;
  const ascending = new Float64Array(m);
  // values are most-positive first: descending for "<", ascending for ">".
  if (counts.direction === "<") for (let k = 0; k < m; k++) ascending[k] = counts.values[m - 1 - k]!;
  else ascending.set(counts.values);
  const thresholds = pRocThresholds(ascending, counts.direction);
  const tp = new Float64Array(m + 1);
  const fp = new Float64Array(m + 1);
  for (let k = 0; k <= m; k++) {
    // Index into counts of the last distinct value called positive at threshold k (−1: nobody).
    const idx = counts.direction === "<" ? m - 1 - k : k - 1;
    tp[k] = idx < 0 ? 0 : counts.tp[idx]!;
    fp[k] = idx < 0 ? 0 : counts.fp[idx]!;
  }
  // pROC's coords order: sensitivity decreasing. For ">" the ascending thresholds run the other way: reverse.
  if (counts.direction === ">") {
    thresholds.reverse();
    tp.reverse();
    fp.reverse();
  }
  const sensitivity = new Float64Array(m + 1);
  const specificity = new Float64Array(m + 1);
  for (let k = 0; k <= m; k++) {
    sensitivity[k] = tp[k]! / n1;
    specificity[k] = (n0 - fp[k]!) / n0;
  }
  return {
    direction: counts.direction,
    thresholds,
    sensitivity,
    specificity,
    tp,
    fp,
    nPositive: n1,
    nNegative: n0,
    auc: twiceUFromCounts(counts) / (2 * n1 * n0),
  };
}
