import { type Direction, checkBinaryScores, checkDirection, sortedClassScores } from "./inputs.js";

/**
 * Confusion counts at every distinct score value — the one thresholds
 * primitive that feeds the ROC curve, Youden's index, the threshold metrics
 * and net benefit.
 *
 * Threshold k is the k-th distinct score from the most positive end (descending
 * for direction "<", ascending for ">"); a case is called positive at
 * threshold k when its score is at least as positive as `values[k]`
 * (score ≥ values[k] for "<", score ≤ values[k] for ">"). Tied scores are
 * always on the same side. `tp[k]`/`fp[k]` are the positives/negatives called
 * positive; the point "nobody called positive" (tp = fp = 0) is implicit.
 */
export interface ThresholdCounts {
  readonly direction: Direction;
  /** Distinct score values, most positive first. */
  readonly values: Float64Array;
  /** Cumulative true positives at each value (exact integers). */
  readonly tp: Float64Array;
  /** Cumulative false positives at each value (exact integers). */
  readonly fp: Float64Array;
  readonly nPositive: number;
  readonly nNegative: number;
}

/** The confusion matrix at one threshold. */
export interface ConfusionCounts {
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
}

/**
 * Builds {@link ThresholdCounts}: the classes are sorted separately (native
 * sort) and merged from the most positive end. O(n log n) time, O(n) memory.
 * Throws on mismatched lengths, non-0/1 truth, NaN scores or a single class.
 */
export function thresholdCounts(truth: ArrayLike<number>, score: ArrayLike<number>, options: { direction?: Direction } = {}): ThresholdCounts {
  const direction = checkDirection(options.direction ?? "<");
  const counts = checkBinaryScores(truth, score);
  const { positives, negatives } = sortedClassScores(truth, score, counts, direction);
  return countsFromSorted(positives, negatives, direction);
}

/** {@link thresholdCounts} from class scores sorted ascending in the positive orientation (negated for ">"). O(n). */
export function countsFromSorted(positives: Float64Array, negatives: Float64Array, direction: Direction): ThresholdCounts {
  const n1 = positives.length;
  const n0 = negatives.length;
  const values = new Float64Array(n1 + n0);
  const tp = new Float64Array(n1 + n0);
  const fp = new Float64Array(n1 + n0);
  const sign = direction === "<" ? 1 : -1;
  let i = n1 - 1;
  let j = n0 - 1;
  let k = 0;
  let cumTp = 0;
  let cumFp = 0;
  while (i >= 0 || j >= 0) {
    const v = i >= 0 && (j < 0 || positives[i]! >= negatives[j]!) ? positives[i]! : negatives[j]!;
    while (i >= 0 && positives[i] === v) {
      cumTp++;
      i--;
    }
    while (j >= 0 && negatives[j] === v) {
      cumFp++;
      j--;
    }
    values[k] = sign * v;
    tp[k] = cumTp;
    fp[k] = cumFp;
    k++;
  }
  return { direction, values: values.slice(0, k), tp: tp.slice(0, k), fp: fp.slice(0, k), nPositive: n1, nNegative: n0 };
}

/**
 * Confusion counts when a case is called positive if its score is at least
 * as positive as `threshold` (score ≥ threshold for "<", ≤ for ">").
 * Binary search in the distinct values: O(log n).
 */
export function confusionAt(counts: ThresholdCounts, threshold: number): ConfusionCounts {
  const { values, direction } = counts;
  // Number of distinct values that are called positive: the first index whose value is not at least as positive.
  let lo = 0;
  let hi = values.length;
  if (direction === "<") {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[mid]! >= threshold) lo = mid + 1;
      else hi = mid;
    }
  } else {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[mid]! <= threshold) lo = mid + 1;
      else hi = mid;
    }
  }
  const tp = lo === 0 ? 0 : counts.tp[lo - 1]!;
  const fp = lo === 0 ? 0 : counts.fp[lo - 1]!;
  return { tp, fp, tn: counts.nNegative - fp, fn: counts.nPositive - tp };
}

/**
 * The distinct scores of both classes in ascending order of "more positive" (scores negated for
 * direction ">"; −0 as +0), each with how many positives and negatives have it: the runs of tied
 * scores that rank statistics (Mann–Whitney U, DeLong placements) and the ROC walk share.
 */
export interface ScoreRuns {
  /** Number of runs (distinct scores). The arrays may be longer; only [0, length) is used. */
  readonly length: number;
  /** The distinct score of run q (0 ≤ q < length), in the positive orientation (−score for ">"); ascending in q. */
  value(q: number): number;
  /** Positives with each score. */
  readonly positives: Int32Array;
  /** Negatives with each score. */
  readonly negatives: Int32Array;
  readonly nPositive: number;
  readonly nNegative: number;
}

/** {@link ScoreRuns} from class scores sorted ascending in the positive orientation (as {@link countsFromSorted} takes them). O(n). */
export function runsFromSorted(positives: Float64Array, negatives: Float64Array): ScoreRuns {
  const n1 = positives.length;
  const n0 = negatives.length;
  const values = new Float64Array(n1 + n0);
  const pos = new Int32Array(n1 + n0);
  const neg = new Int32Array(n1 + n0);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < n1 || j < n0) {
    const v = i < n1 && (j >= n0 || positives[i]! <= negatives[j]!) ? positives[i]! : negatives[j]!;
    let iEnd = i;
    while (iEnd < n1 && positives[iEnd] === v) iEnd++;
    let jEnd = j;
    while (jEnd < n0 && negatives[jEnd] === v) jEnd++;
    values[k] = v;
    pos[k] = iEnd - i;
    neg[k] = jEnd - j;
    k++;
    i = iEnd;
    j = jEnd;
  }
  return { length: k, value: (q) => values[q]!, positives: pos, negatives: neg, nPositive: n1, nNegative: n0 };
}
