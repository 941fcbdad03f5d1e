import { RadvalError } from "../../core/errors.js";
import { chiSquareUpperTail } from "../../stats/chiSquare.js";
import { quantileSorted } from "../../stats/quantile.js";
import { checkBinaryScores, checkProbabilities } from "../inputs.js";

/** One risk group of the Hosmer–Lemeshow table. */
export interface HosmerLemeshowGroup {
  /** Interval (lower, upper] of predicted risk (the first is closed: [lower, upper]). */
  readonly lower: number;
  readonly upper: number;
  readonly n: number;
  /** Observed events O_g = Σ y. */
  readonly observed: number;
  /** Expected events E_g = Σ p. */
  readonly expected: number;
}

/** The Hosmer–Lemeshow goodness-of-fit test. */
export interface HosmerLemeshow {
  /** Σ (O_g − E_g)² / (E_g (1 − E_g/n_g)); null when a group has E_g = 0 or E_g = n_g. */
  readonly statistic: number | null;
  /** Number of groups G (fewer than requested when quantiles tie). */
  readonly groups: number;
  /** Degrees of freedom of `p`: G − 2 ("development", the classic test) or G ("validation"); null when below 1. */
  readonly df: number | null;
  readonly p: number | null;
  /** The two conventions side by side. */
  readonly dfDevelopment: number | null;
  readonly pDevelopment: number | null;
  readonly dfValidation: number;
  readonly pValidation: number | null;
  readonly table: readonly HosmerLemeshowGroup[];
  /** Zero-based group of each case. */
  readonly group: Int32Array;
  readonly reason?: string;
}

/** Options of {@link hosmerLemeshow}. */
export interface HosmerLemeshowOptions {
  /** Requested number of groups g (default 10, deciles of risk). */
  readonly groups?: number;
  /**
   * Which df `df`/`p` report: "development" (G − 2, for the data the model
   * was fitted on; default) or "validation" (G, for new data — Hosmer &
   * Lemeshow 2013 §5.2.2).
   */
  readonly df?: "development" | "validation";
}

/**
 * Break points of g quantile groups as the fixture's R code makes them:
 * `unique(quantile(p, seq(0, 1, length.out = g + 1), type = 7))`, where
 * `seq` gives k·(1/g) and exactly 1 at the end. O(n log n).
 */
export function quantileBreaks(prob: ArrayLike<number>, groups: number): Float64Array {
  const sorted = Float64Array.from(prob).sort();
  const step = 1 / groups;
  const out: number[] = [];
  for (let k = 0; k <= groups; k++) {
    const q = quantileSorted(sorted, k === groups ? 1 : k === 0 ? 0 : k * step);
    if (out.length === 0 || out[out.length - 1] !== q) out.push(q);
  }
  return Float64Array.from(out);
}

/** Zero-based interval of v for breaks b: (b[k], b[k+1]], the first closed on the left (R's `cut(…, include.lowest = TRUE, right = TRUE)`). */
export function cutIndex(breaks: Float64Array, v: number): number {
  // The first k ≥ 1 with v ≤ breaks[k], minus 1.
  let lo = 1;
  let hi = breaks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v <= breaks[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

/**
 * Hosmer–Lemeshow test over quantile groups of predicted risk (Hosmer &
 * Lemeshow 1980, Commun Stat A9:1043): groups from the type-7 quantiles
 * (deciles by default) with tied breaks merged, intervals (a, b] with the
 * first closed; statistic Σ (O_g − E_g)²/(E_g(1 − E_g/n_g)); p from
 * chi-square with G − 2 df (development) or G df (validation).
 * Known weaknesses (reported, not hidden): the result depends on the
 * number of groups and on how ties split them, the test has little power in
 * small samples and rejects trivial miscalibration in large ones, and a
 * non-significant p does not show good calibration — prefer the
 * calibration curve, slope and intercept. O(n log n).
 */
export function hosmerLemeshow(truth: ArrayLike<number>, prob: ArrayLike<number>, options: HosmerLemeshowOptions = {}): HosmerLemeshow {
  const g = options.groups ?? 10;
  if (!Number.isInteger(g) || g < 2) {
    throw new RadvalError("INVALID_OPTION", `the number of Hosmer–Lemeshow groups must be a whole number ≥ 2, got ${g}`, { where: { option: "groups" } });
  }
  const which = options.df ?? "development";
  if (which !== "development" && which !== "validation") {
    throw new RadvalError("INVALID_OPTION", `df must be "development" or "validation", got ${JSON.stringify(which)}`, { where: { option: "df" } });
  }
  checkBinaryScores(truth, prob, { name: "prob" });
  checkProbabilities(prob);
  const breaks = quantileBreaks(prob, g);
  const G = Math.max(1, breaks.length - 1);
  const n = new Float64Array(G);
  const o = new Float64Array(G);
  const e = new Float64Array(G);
  const group = new Int32Array(truth.length);
  for (let i = 0; i < truth.length; i++) {
    const k = breaks.length < 2 ? 0 : cutIndex(breaks, prob[i]!);
    group[i] = k;
    n[k]!++;
    o[k]! += truth[i]!;
    e[k]! += prob[i]!;
  }
  let statistic: number | null = 0;
  let reason: string | undefined;
  for (let k = 0; k < G; k++) {
    const den = e[k]! * (1 - e[k]! / n[k]!);
    if (!(den > 0)) {
      statistic = null;
      reason = `risk group ${k + 1} has expected events ${e[k]} of ${n[k]}: its term is undefined (predictions of exactly 0 or 1)`;
      break;
    }
    statistic += ((o[k]! - e[k]!) * (o[k]! - e[k]!)) / den;
  }
  const dfDevelopment = G - 2 >= 1 ? G - 2 : null;
  const dfValidation = G;
  const pDevelopment = statistic === null || dfDevelopment === null ? null : chiSquareUpperTail(statistic, dfDevelopment);
  const pValidation = statistic === null ? null : chiSquareUpperTail(statistic, dfValidation);
  if (statistic !== null && dfDevelopment === null) reason = `only ${G} distinct risk groups: the development test (G − 2 df) is undefined`;
  const table: HosmerLemeshowGroup[] = [];
  for (let k = 0; k < G; k++) table.push({ lower: breaks[k] ?? breaks[0]!, upper: breaks[k + 1] ?? breaks[0]!, n: n[k]!, observed: o[k]!, expected: e[k]! });
  return {
    statistic,
    groups: G,
    df: which === "development" ? dfDevelopment : dfValidation,
    p: which === "development" ? pDevelopment : pValidation,
    dfDevelopment,
    pDevelopment,
    dfValidation,
    pValidation,
    table,
    group,
    ...(reason ? { reason } : {}),
  };
}
