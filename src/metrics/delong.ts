import { RadvalError } from "../core/errors.js";
import { normalQuantile, normalTwoSidedP } from "../stats/normal.js";
import { studentTTwoSidedP } from "../stats/studentT.js";
import { ArgsortScratch, sortedRuns } from "../stats/argsort.js";
import { type ClassCounts, type Direction, checkBinaryScores, checkDirection, sortedClassScores } from "./inputs.js";
import { type ScoreRuns, runsFromSorted } from "./thresholds.js";

/** Options of the DeLong functions. */
export interface DelongOptions {
  /** "<" (default): higher score = positive. Never flipped automatically. */
  readonly direction?: Direction;
  /** Confidence level of the intervals, default 0.95. */
  readonly level?: number;
}

/** AUC with its DeLong variance and confidence interval. */
export interface DelongAuc {
  readonly auc: number;
  /** DeLong variance of the AUC; null (with `reason`) when a class has a single case. */
  readonly variance: number | null;
  readonly se: number | null;
  /** Wald interval auc ± z·se, clipped to [0, 1] as pROC does; null when the variance is undefined. */
  readonly ci: readonly [number, number] | null;
  readonly level: number;
  readonly n: number;
  readonly nPositive: number;
  readonly nNegative: number;
  readonly direction: Direction;
  /** Why variance/ci are null, or a caution (zero variance). */
  readonly reason?: string;
}

/** Per-case DeLong placements (structural components) in the input order of each class. */
export interface DelongPlacements {
  /** The AUC θ (= mean of either placement vector). */
  readonly auc: number;
  /** V10 of each positive (in input order): P(score of a negative < this positive's score) + ½ P(tie). */
  readonly positives: Float64Array;
  /** V01 of each negative (in input order): P(score of a positive > this negative's score) + ½ P(tie). */
  readonly negatives: Float64Array;
  readonly direction: Direction;
}

/** The paired DeLong test of two scores on the same cases. */
export interface DelongPairedTest {
  readonly auc1: number;
  readonly auc2: number;
  /** auc1 − auc2. */
  readonly difference: number;
  /** Variance of the difference, Var(θ₁) + Var(θ₂) − 2 Cov(θ₁, θ₂). */
  readonly variance: number | null;
  /** Wald interval of the difference (not clipped), null when undefined. */
  readonly ci: readonly [number, number] | null;
  readonly level: number;
  /** z = difference / se; 0 when both the difference and its variance are 0 (pROC's rule). */
  readonly z: number | null;
  /** Two-sided p-value 2·Φ(−|z|). */
  readonly p: number | null;
  readonly n: number;
  readonly nPositive: number;
  readonly nNegative: number;
  readonly direction: Direction;
  readonly reason?: string;
}

/** DeLong's test for two ROC curves on independent samples (two cohorts). */
export interface DelongUnpairedTest {
  readonly auc1: number;
  readonly auc2: number;
  readonly difference: number;
  readonly variance1: number | null;
  readonly variance2: number | null;
  /** (auc1 − auc2)/√(Var₁ + Var₂). */
  readonly statistic: number | null;
  /** Welch–Satterthwaite degrees of freedom, as pROC computes them. */
  readonly df: number | null;
  /** Two-sided p-value from the t distribution with `df` (pROC's `roc.test(paired = FALSE)`). */
  readonly p: number | null;
  /** Two-sided p-value from the normal distribution (DeLong et al. 1988's large-sample form). */
  readonly pNormal: number | null;
  /** Wald interval of the difference with normal quantiles; null when undefined. */
  readonly ci: readonly [number, number] | null;
  readonly level: number;
  readonly direction: Direction;
  readonly reason?: string;
}

/** Checks a confidence level (strictly between 0 and 1): `INVALID_OPTION` otherwise. */
export function checkLevel(level: number): number {
  if (!(level > 0 && level < 1)) {
    throw new RadvalError("INVALID_OPTION", `confidence level must be between 0 and 1 (exclusive), got ${level}`, { where: { option: "level" }, hint: "Use 0.95 for a 95% interval." });
  }
  return level;
}

/**
 * Sums of squared deviations of the placements from θ over both classes, from
 * the runs of tied scores: Σᵢ (V10ᵢ − θ)² and Σⱼ (V01ⱼ − θ)². Every tied run
 * shares one placement (mid-ranks, Sun & Xu 2014). O(runs).
 */
function placementSquares(runs: ScoreRuns, theta: number): { s10: number; s01: number } {
  const n1 = runs.nPositive;
  const n0 = runs.nNegative;
  let posBelow = 0;
  let negBelow = 0;
  let s10 = 0;
  let s01 = 0;
  for (let q = 0; q < runs.length; q++) {
    const cPos = runs.positives[q]!;
    const cNeg = runs.negatives[q]!;
    if (cPos > 0) {
      const d = (2 * negBelow + cNeg) / (2 * n0) - theta;
      s10 += cPos * d * d;
    }
    if (cNeg > 0) {
      const d = (2 * (n1 - posBelow - cPos) + cPos) / (2 * n1) - theta;
      s01 += cNeg * d * d;
    }
    posBelow += cPos;
    negBelow += cNeg;
  }
  return { s10, s01 };
}

/** Twice the Mann–Whitney U from the runs: Σ over runs of #positives·(2·#negatives below + #negatives tied). Exact. */
function twiceUFromRuns(runs: ScoreRuns): number {
  let negBelow = 0;
  let twiceU = 0;
  for (let q = 0; q < runs.length; q++) {
    const cPos = runs.positives[q]!;
    const cNeg = runs.negatives[q]!;
    if (cPos > 0) twiceU += cPos * (2 * negBelow + cNeg);
    negBelow += cNeg;
  }
  return twiceU;
}

/**
 * AUC with DeLong's variance and Wald confidence interval (DeLong, DeLong &
 * Clarke-Pearson 1988, Biometrics 44:837), computed by the fast algorithm of
 * Sun & Xu 2014 (IEEE Signal Process Lett 21:1389): placements from mid-ranks
 * of the pooled and within-class samples, here obtained by sorting each class
 * (native sort) and one merge. Variance = S10/n₁ + S01/n₀ with S the sample
 * variances (n − 1) of the placements; CI = θ + se·Φ⁻¹(α/2), θ + se·Φ⁻¹(1 − α/2),
 * clipped to [0, 1] — exactly pROC's `var(roc, method = "delong")` and
 * `ci.auc(method = "delong")`. O(n log n).
 * A class with a single case gives variance/ci null (pROC returns NA).
 */
export function delongAuc(truth: ArrayLike<number>, score: ArrayLike<number>, options: DelongOptions = {}): DelongAuc {
  const direction = checkDirection(options.direction ?? "<");
  const level = checkLevel(options.level ?? 0.95);
  const counts = checkBinaryScores(truth, score);
  const { positives, negatives } = sortedClassScores(truth, score, counts, direction);
  return delongFromRuns(runsFromSorted(positives, negatives), counts, direction, level);
}

/** {@link delongAuc} from the runs of tied scores (see {@link ScoreRuns}; {@link rankScore} or `runsFromSorted`). O(runs). */
export function delongFromRuns(runs: ScoreRuns, counts: ClassCounts, direction: Direction, level = 0.95): DelongAuc {
  const n1 = counts.nPositive;
  const n0 = counts.nNegative;
  const auc = twiceUFromRuns(runs) / (2 * n1 * n0);
  const base = { auc, level, n: counts.n, nPositive: n1, nNegative: n0, direction };
  if (n1 < 2 || n0 < 2) {
    return { ...base, variance: null, se: null, ci: null, reason: `DeLong variance needs at least 2 events and 2 non-events (got ${n1} and ${n0})` };
  }
  const { s10, s01 } = placementSquares(runs, auc);
  const variance = s10 / (n1 - 1) / n1 + s01 / (n0 - 1) / n0;
  const se = Math.sqrt(variance);
  const lo = auc + se * normalQuantile((1 - level) / 2);
  const hi = auc + se * normalQuantile(1 - (1 - level) / 2);
  const ci: [number, number] = [Math.min(1, Math.max(0, lo)), Math.min(1, Math.max(0, hi))];
  return variance === 0
    ? { ...base, variance, se, ci, reason: "the DeLong variance is 0 (perfect separation or all scores tied): the interval has zero width and understates the uncertainty" }
    : { ...base, variance, se, ci };
}

/** One score ranked once ({@link rankScore}): its runs of ties, 2U, and (when asked) every case's placement. */
export interface RankedScore {
  readonly runs: ScoreRuns;
  /** Twice the Mann–Whitney U (exact). */
  readonly twiceU: number;
  /** DeLong placement of every case in input order (V10 for a positive, V01 for a negative); empty unless asked for. */
  readonly place: Float64Array;
}

/** Options of {@link rankScore}. */
export interface RankOptions {
  /** Compute every case's placement (default true). */
  readonly placements?: boolean;
  /** Keep the runs of tied scores (default true). */
  readonly runs?: boolean;
  /** Scratch memory shared by several rankings ({@link ArgsortScratch}). */
  readonly scratch?: ArgsortScratch;
}

const NO_RUNS: ScoreRuns = { length: 0, value: () => NaN, positives: new Int32Array(0), negatives: new Int32Array(0), nPositive: 0, nNegative: 0 };

/**
 * Ranks a checked score once: one stable argsort of the pooled scores ({@link sortedRuns}), then a
 * walk over the runs of tied scores that gives 2U, the {@link ScoreRuns} and every case's
 * placement in input order — a positive gets V10 = (#negatives below + ½ #tied negatives)/n₀, a
 * negative V01 = (#positives above + ½ #tied positives)/n₁ (Sun & Xu 2014's mid-rank identities).
 * Enough for the AUC, its DeLong variance ({@link delongFromRuns}), the ROC walk (Youden) and the
 * paired test ({@link delongPairedFromRanked}) from one sort. O(n log n).
 */
export function rankScore(truth: ArrayLike<number>, score: ArrayLike<number>, counts: ClassCounts, direction: Direction, options: RankOptions = {}): RankedScore {
  const n = counts.n;
  const n1 = counts.nPositive;
  const n0 = counts.nNegative;
  const placements = options.placements ?? true;
  const keepRuns = options.runs ?? true;
  const negate = direction === ">";
  const { order, newValue } = sortedRuns(score, negate, options.scratch);
  // A compact copy of the classes: the run walk reads them in sorted (random) order.
  const cls = new Uint8Array(n);
  for (let i = 0; i < n; i++) cls[i] = truth[i]!;
  let nRuns = 0;
  if (keepRuns) for (let k = 0; k < n; k++) nRuns += newValue[k]!;
  const runPos = new Int32Array(nRuns);
  const runNeg = new Int32Array(nRuns);
  const place = new Float64Array(placements ? n : 0);
  let negBelow = 0;
  let posBelow = 0;
  let twiceU = 0;
  let q = 0;
  for (let k = 0; k < n; ) {
    let end = k + 1;
    let cPos = cls[order[k]!]!;
    while (end < n && newValue[end] === 0) {
      cPos += cls[order[end]!]!;
      end++;
    }
    const cNeg = end - k - cPos;
    if (placements) {
      const v10 = (2 * negBelow + cNeg) / (2 * n0);
      const v01 = (2 * (n1 - posBelow - cPos) + cPos) / (2 * n1);
      for (let r = k; r < end; r++) {
        const i = order[r]!;
        place[i] = cls[i] === 1 ? v10 : v01;
      }
    }
    if (keepRuns) {
      runPos[q] = cPos;
      runNeg[q] = cNeg;
      q++;
    }
    twiceU += cPos * (2 * negBelow + cNeg);
    negBelow += cNeg;
    posBelow += cPos;
    k = end;
  }
  if (!keepRuns) return { runs: NO_RUNS, twiceU, place };
  // The score of a run is looked up when asked for (the ROC walk needs a few): where each run starts.
  let start: Int32Array | undefined;
  const value = (run: number): number => {
    if (!start) {
      start = new Int32Array(nRuns);
      for (let k = 0, r = 0; k < n; k++) if (newValue[k]) start[r++] = k;
    }
    const v = score[order[start[run]!]!]!;
    const w = negate ? -v : v;
    return w === 0 ? 0 : w; // −0 as +0, as the class sorts store it
  };
  return { runs: { length: nRuns, value, positives: runPos, negatives: runNeg, nPositive: n1, nNegative: n0 }, twiceU, place };
}

/**
 * DeLong placements of every case in input order: for a positive,
 * V10 = (#negatives below + ½ #tied)/n₀; for a negative, V01 =
 * (#positives above + ½ #tied)/n₁ (DeLong et al. 1988; pROC's
 * `delongPlacements`), from one argsort of the pooled scores. O(n log n).
 */
export function delongPlacements(truth: ArrayLike<number>, score: ArrayLike<number>, options: { direction?: Direction } = {}): DelongPlacements {
  const direction = checkDirection(options.direction ?? "<");
  const counts = checkBinaryScores(truth, score);
  const { twiceU, place } = rankScore(truth, score, counts, direction, { runs: false });
  const positives = new Float64Array(counts.nPositive);
  const negatives = new Float64Array(counts.nNegative);
  let ip = 0;
  let ineg = 0;
  for (let i = 0; i < counts.n; i++) {
    if (truth[i] === 1) positives[ip++] = place[i]!;
    else negatives[ineg++] = place[i]!;
  }
  return { auc: twiceU / (2 * counts.nPositive * counts.nNegative), positives, negatives, direction };
}

/**
 * Paired DeLong test for two scores on the same cases (DeLong et al. 1988):
 * the covariance matrix of (θ₁, θ₂) is S10/n₁ + S01/n₀ with S the sample
 * covariance matrices (n − 1) of the placements; z = (θ₁ − θ₂)/√(LSLᵀ),
 * L = (1, −1), p = 2Φ(−|z|), CI of the difference d ± Φ⁻¹(1 − α/2)·se — pROC's
 * `roc.test(method = "delong", paired = TRUE)` incl. its `conf.int`. When the
 * difference and its variance are both 0, z = 0 (pROC's rule). One argsort
 * per score ({@link sortedRuns}) gives every case's placements: O(n log n).
 */
export function delongPairedTest(
  truth: ArrayLike<number>,
  score1: ArrayLike<number>,
  score2: ArrayLike<number>,
  options: DelongOptions = {},
): DelongPairedTest {
  const direction = checkDirection(options.direction ?? "<");
  const level = checkLevel(options.level ?? 0.95);
  const counts = checkBinaryScores(truth, score1, { name: "score 1" });
  checkBinaryScores(truth, score2, { name: "score 2" });
  const scratch = new ArgsortScratch(counts.n);
  const a = rankScore(truth, score1, counts, direction, { runs: false, scratch });
  const b = rankScore(truth, score2, counts, direction, { runs: false, scratch });
  return delongPairedFromRanked(truth, counts, a, b, direction, level);
}

/** {@link delongPairedTest} from the two scores ranked by {@link rankScore} with placements. O(n). */
export function delongPairedFromRanked(truth: ArrayLike<number>, counts: ClassCounts, a: RankedScore, b: RankedScore, direction: Direction, level = 0.95): DelongPairedTest {
  const n1 = counts.nPositive;
  const n0 = counts.nNegative;
  const auc1 = a.twiceU / (2 * n1 * n0);
  const auc2 = b.twiceU / (2 * n1 * n0);
  const difference = auc1 - auc2;
  const base = { auc1, auc2, difference, level, n: counts.n, nPositive: n1, nNegative: n0, direction };
  if (n1 < 2 || n0 < 2) {
    return { ...base, variance: null, ci: null, z: null, p: null, reason: `the DeLong test needs at least 2 events and 2 non-events (got ${n1} and ${n0})` };
  }
  // Var(d) = Σᵢ(aᵢ − bᵢ)²/((n₁−1)n₁) + Σⱼ(aⱼ − bⱼ)²/((n₀−1)n₀) with a, b the centred placements of the two
  // scores: the same quantity as L(S10/n₁ + S01/n₀)Lᵀ, summed without cancellation.
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < counts.n; i++) {
    const d = a.place[i]! - auc1 - (b.place[i]! - auc2);
    if (truth[i] === 1) sxx += d * d;
    else syy += d * d;
  }
  const sx = sxx / (n1 - 1) / n1;
  const sy = syy / (n0 - 1) / n0;
  const variance = Math.max(0, sx + sy);
  const sig = Math.sqrt(variance);
  const crit = normalQuantile(1 - (1 - level) / 2);
  const ci: [number, number] = [difference - crit * sig, difference + crit * sig];
  if (sig === 0) {
    if (difference === 0) return { ...base, variance, ci, z: 0, p: 1, reason: "both AUCs are equal and the variance of their difference is 0" };
    return { ...base, variance, ci, z: null, p: null, reason: "the variance of the AUC difference is 0 (e.g. perfect separation): the test is undefined" };
  }
  const z = difference / sig;
  return { ...base, variance, ci, z, p: normalTwoSidedP(z) };
}

/**
 * DeLong's test for two AUCs from independent samples (e.g. two cohorts):
 * statistic (θ₁ − θ₂)/√(V₁ + V₂) with each V the DeLong variance, Welch–
 * Satterthwaite df = (V₁ + V₂)²/(V₁²/(N₁ − 1) + V₂²/(N₂ − 1)) and a two-sided
 * t p-value — exactly pROC's `roc.test(method = "delong", paired = FALSE)` —
 * plus the normal p-value and a normal-quantile CI of the difference. O(n log n).
 */
export function delongUnpairedTest(
  truth1: ArrayLike<number>,
  score1: ArrayLike<number>,
  truth2: ArrayLike<number>,
  score2: ArrayLike<number>,
  options: DelongOptions = {},
): DelongUnpairedTest {
  const direction = checkDirection(options.direction ?? "<");
  const level = checkLevel(options.level ?? 0.95);
  const a = delongAuc(truth1, score1, { direction, level });
  const b = delongAuc(truth2, score2, { direction, level });
  const difference = a.auc - b.auc;
  const base = { auc1: a.auc, auc2: b.auc, difference, variance1: a.variance, variance2: b.variance, level, direction };
  if (a.variance === null || b.variance === null) {
    return { ...base, statistic: null, df: null, p: null, pNormal: null, ci: null, reason: a.reason ?? b.reason ?? "DeLong variance undefined" };
  }
  const v = a.variance + b.variance;
  if (v === 0) {
    return { ...base, statistic: null, df: null, p: null, pNormal: null, ci: null, reason: "both DeLong variances are 0: the test is undefined" };
  }
  const se = Math.sqrt(v);
  const statistic = difference / se;
  const df = (v * v) / ((a.variance * a.variance) / (a.n - 1) + (b.variance * b.variance) / (b.n - 1));
  const crit = normalQuantile(1 - (1 - level) / 2);
  return {
    ...base,
    statistic,
    df,
    p: studentTTwoSidedP(statistic, df),
    pNormal: normalTwoSidedP(statistic),
    ci: [difference - crit * se, difference + crit * se],
  };
}
