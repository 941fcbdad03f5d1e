import { RadvalError } from "../core/errors.js";
import type { Rng } from "../core/rng.js";
import { type ProportionCiMethod, proportionCi } from "../stats/binomialCi.js";
import { bootstrapStatistic } from "./bootstrap.js";
import { type Direction, checkBinaryScores, checkDirection, sortedClassScores } from "./inputs.js";
import { type RocCurve, rocFromCounts } from "./roc.js";
import { type ConfusionCounts, type ScoreRuns, confusionAt, countsFromSorted, runsFromSorted } from "./thresholds.js";

/** One point of the ROC curve. */
export interface RocPoint {
  readonly threshold: number;
  readonly sensitivity: number;
  readonly specificity: number;
}

/** The Youden-optimal threshold and every threshold tied with it. */
export interface YoudenResult extends RocPoint {
  /** J = sensitivity + specificity − 1 at the optimum. */
  readonly youdenIndex: number;
  readonly direction: Direction;
  /** All thresholds attaining the maximum (pROC returns them all), in pROC's coords order (sensitivity decreasing); the first is reported above. */
  readonly ties: readonly RocPoint[];
}

/**
 * Youden-optimal threshold (Youden 1950, Cancer 3:32): the ROC threshold
 * maximising sensitivity + specificity, with pROC's rules — the criterion
 * is se + sp computed as tp/n₁ + (n₀ − fp)/n₀ over pROC's thresholds (−Inf,
 * midpoints, +Inf), and ties are exact floating-point equality with the
 * maximum (`coords(roc, "best", best.method = "youden")`, which returns all
 * ties). The reported point is the first tie in pROC's coords order (the
 * one with the highest sensitivity, i.e. the lowest threshold for "<"); all
 * ties are listed. O(n log n), or O(m) from an existing curve.
 */
export function youden(truth: ArrayLike<number>, score: ArrayLike<number>, options: { direction?: Direction } = {}): YoudenResult {
  const direction = checkDirection(options.direction ?? "<");
  const counts = checkBinaryScores(truth, score);
  const { positives, negatives } = sortedClassScores(truth, score, counts, direction);
  return youdenFromRuns(runsFromSorted(positives, negatives), direction);
}

/**
 * {@link youden} from the runs of tied scores, walking pROC's thresholds in coords order without
 * building the curve: the same thresholds (−Inf, pROC's midpoints, +Inf), the same criterion
 * tp/n₁ + (n₀ − fp)/n₀ and the same ties as {@link youdenFromRoc} of {@link rocFromCounts}. O(runs).
 */
export function youdenFromRuns(runs: ScoreRuns, direction: Direction): YoudenResult {
  const n1 = runs.nPositive;
  const n0 = runs.nNegative;
  const m = runs.length;
  // Coords order (sensitivity decreasing) is the ascending order of the runs: threshold q (0 ≤ q ≤ m)
  // calls runs q, q + 1, … positive. First the best criterion and the thresholds attaining it…
  let best = -Infinity;
  let ties: number[] = [];
  let posBelow = 0;
  let negBelow = 0;
  for (let q = 0; q <= m; q++) {
    const crit = (n1 - posBelow) / n1 + negBelow / n0;
    if (crit > best) {
      best = crit;
      ties = [q];
    } else if (crit === best) ties.push(q);
    if (q < m) {
      posBelow += runs.positives[q]!;
      negBelow += runs.negatives[q]!;
    }
  }
  // …then their points: −Inf / +Inf at the ends, else pROC's midpoint of the neighbouring scores.
  const sign = direction === "<" ? 1 : -1;
  let q = 0;
  posBelow = 0;
  negBelow = 0;
  const points = ties.map((t): RocPoint => {
    for (; q < t; q++) {
      posBelow += runs.positives[q]!;
      negBelow += runs.negatives[q]!;
    }
    const sensitivity = (n1 - posBelow) / n1;
    const specificity = negBelow / n0;
    if (t === 0) return { threshold: -sign * Infinity, sensitivity, specificity };
    if (t === m) return { threshold: sign * Infinity, sensitivity, specificity };
    // The ascending neighbours a < b; the midpoint is moved onto the side that keeps the rule correct.
    const previous = sign * runs.value(t - 1);
    const current = sign * runs.value(t);
    const a = direction === "<" ? previous : current;
    const b = direction === "<" ? current : previous;
    let threshold = (a + b) / 2;
    if (Math.abs(threshold) > 1e100) threshold = a / 2 + b / 2;
    if (direction === "<" && threshold === a) threshold = b;
    else if (direction === ">" && threshold === b) threshold = a;
    return { threshold, sensitivity, specificity };
  });
  const first = points[0]!;
  return { ...first, youdenIndex: first.sensitivity + first.specificity - 1, direction, ties: points };
}

/** {@link youden} from an existing ROC curve. O(number of thresholds). */
export function youdenFromRoc(roc: RocCurve): YoudenResult {
  let best = -Infinity;
  for (let k = 0; k < roc.thresholds.length; k++) {
    const crit = roc.sensitivity[k]! + roc.specificity[k]!;
    if (crit > best) best = crit;
  }
  const ties: RocPoint[] = [];
  for (let k = 0; k < roc.thresholds.length; k++) {
    if (roc.sensitivity[k]! + roc.specificity[k]! === best) {
      ties.push({ threshold: roc.thresholds[k]!, sensitivity: roc.sensitivity[k]!, specificity: roc.specificity[k]! });
    }
  }
  const first = ties[0]!;
  return { ...first, youdenIndex: first.sensitivity + first.specificity - 1, direction: roc.direction, ties };
}

/** A proportion with its interval, or null (with a reason) when its denominator is 0. */
export interface ProportionEstimate {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Numerator and denominator of the proportion. */
  readonly x: number;
  readonly n: number;
  readonly reason?: string;
}

/** Classification performance at one threshold. */
export interface ThresholdMetrics {
  readonly threshold: number;
  readonly direction: Direction;
  readonly counts: ConfusionCounts;
  readonly sensitivity: ProportionEstimate;
  readonly specificity: ProportionEstimate;
  /** Positive predictive value tp/(tp + fp). */
  readonly ppv: ProportionEstimate;
  /** Negative predictive value tn/(tn + fn). */
  readonly npv: ProportionEstimate;
  readonly accuracy: ProportionEstimate;
  /** F1 = 2tp/(2tp + fp + fn); not a binomial proportion, so its interval is a stratified bootstrap (only with `rng`). */
  readonly f1: ProportionEstimate;
  readonly level: number;
  readonly ciMethod: ProportionCiMethod;
}

/** Options of {@link thresholdMetrics}. */
export interface ThresholdMetricOptions {
  readonly direction?: Direction;
  /** Interval for the proportions: "wilson" (default) or "clopper-pearson". */
  readonly ci?: ProportionCiMethod;
  readonly level?: number;
  /** Enables a stratified percentile bootstrap CI for F1. */
  readonly rng?: Rng;
  /** Bootstrap replicates for F1, default 2000. */
  readonly replicates?: number;
}

function proportion(x: number, n: number, method: ProportionCiMethod, level: number, what: string): ProportionEstimate {
  if (n === 0) return { estimate: null, lower: null, upper: null, x, n, reason: `no ${what}: the proportion is undefined` };
  const ci = proportionCi(x, n, method, level);
  return { estimate: ci.estimate, lower: ci.lower, upper: ci.upper, x, n };
}

function f1Of(c: ConfusionCounts): number | null {
  const den = 2 * c.tp + c.fp + c.fn;
  return den === 0 ? null : (2 * c.tp) / den;
}

/** The confusion counts of `rows` (with repeats) at a fixed threshold. O(rows). */
function countRows(truth: ArrayLike<number>, score: ArrayLike<number>, rows: ArrayLike<number>, threshold: number, direction: Direction): ConfusionCounts {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const called = direction === "<" ? score[i]! >= threshold : score[i]! <= threshold;
    if (truth[i] === 1) {
      if (called) tp++;
      else fn++;
    } else if (called) fp++;
    else tn++;
  }
  return { tp, fp, tn, fn };
}

/**
 * Sensitivity, specificity, PPV, NPV, accuracy and F1 when a case is called
 * positive if score ≥ threshold (direction "<"; ≤ for ">"), with Wilson
 * score (default) or Clopper–Pearson intervals (R: `prop.test(correct =
 * FALSE)`, `binom.test`). A proportion with an empty denominator (e.g. PPV
 * when nobody is called positive) is null with a reason. The threshold is
 * applied as given — pass the one chosen on development data to evaluate it
 * unchanged on validation data. Counts come from the thresholds primitive
 * ({@link confusionAt}). O(n log n).
 */
export function thresholdMetrics(truth: ArrayLike<number>, score: ArrayLike<number>, threshold: number, options: ThresholdMetricOptions = {}): ThresholdMetrics {
  const direction = checkDirection(options.direction ?? "<");
  const method = options.ci ?? "wilson";
  const level = options.level ?? 0.95;
  if (Number.isNaN(threshold)) throw new RadvalError("INVALID_ARGUMENT", "the threshold is NaN", { where: { option: "threshold" } });
  const classes = checkBinaryScores(truth, score);
  const n = classes.n;
  const { positives, negatives } = sortedClassScores(truth, score, classes, direction);
  const c = confusionAt(countsFromSorted(positives, negatives, direction), threshold);
  const f1 = f1Of(c);
  let f1Estimate: ProportionEstimate = f1 === null
    ? { estimate: null, lower: null, upper: null, x: 2 * c.tp, n: 2 * c.tp + c.fp + c.fn, reason: "no positives and nobody called positive: F1 is undefined" }
    : { estimate: f1, lower: null, upper: null, x: 2 * c.tp, n: 2 * c.tp + c.fp + c.fn, reason: "F1 is not a binomial proportion: pass an rng for a bootstrap interval" };
  if (f1 !== null && options.rng) {
    const boot = bootstrapStatistic(truth, (rows) => f1Of(countRows(truth, score, rows, threshold, direction)), {
      rng: options.rng,
      replicates: options.replicates ?? 2000,
      level,
    });
    f1Estimate = { estimate: f1, lower: boot.lower, upper: boot.upper, x: 2 * c.tp, n: 2 * c.tp + c.fp + c.fn };
  }
  return {
    threshold,
    direction,
    counts: c,
    sensitivity: proportion(c.tp, c.tp + c.fn, method, level, "events"),
    specificity: proportion(c.tn, c.tn + c.fp, method, level, "non-events"),
    ppv: proportion(c.tp, c.tp + c.fp, method, level, "case called positive"),
    npv: proportion(c.tn, c.tn + c.fn, method, level, "case called negative"),
    accuracy: proportion(c.tp + c.tn, n, method, level, "cases"),
    f1: f1Estimate,
    level,
    ciMethod: method,
  };
}

/** A threshold chosen on development data and its performance there and on validation data. */
export interface TransportedThreshold {
  readonly threshold: number;
  readonly rule: "youden";
  readonly development: ThresholdMetrics;
  readonly validation: ThresholdMetrics;
}

/**
 * Chooses the Youden-optimal threshold on development data and applies it,
 * unchanged, to validation data (never re-optimised on the validation set,
 * which would be optimistic). Returns the metrics on both. O(n log n).
 */
export function transportThreshold(
  development: { truth: ArrayLike<number>; score: ArrayLike<number> },
  validation: { truth: ArrayLike<number>; score: ArrayLike<number> },
  options: ThresholdMetricOptions = {},
): TransportedThreshold {
  const direction = options.direction ?? "<";
  const chosen = youden(development.truth, development.score, { direction });
  return {
    threshold: chosen.threshold,
    rule: "youden",
    development: thresholdMetrics(development.truth, development.score, chosen.threshold, options),
    validation: thresholdMetrics(validation.truth, validation.score, chosen.threshold, options),
  };
}
