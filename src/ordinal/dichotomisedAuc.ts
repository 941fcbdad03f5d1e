import { RadvalError } from "../core/errors.js";
import { delongAuc } from "../metrics/delong.js";
import { type Cutoff, cutoffIndicator } from "./cutoffs.js";

/** AUC of one cut-off with its DeLong CI. */
export interface CutoffAuc {
  /** The cut-off label as given (">=F2"). */
  readonly cutoff: string;
  readonly n: number;
  /** Cases: rows whose level satisfies the cut-off. */
  readonly cases: number;
  readonly controls: number;
  readonly auc: number;
  /** DeLong variance (null when a side has a single row). */
  readonly variance: number | null;
  readonly se: number | null;
  /** DeLong Wald interval clipped to [0, 1] (pROC's ci.auc). */
  readonly ci: readonly [number, number] | null;
}

/**
 * The score of a cut-off from class probabilities (n × K, rows = cases,
 * columns = levels): the probability of the case side, Σ_{k case} P(Y = k) —
 * for "≥ F2" the cumulative probability P(Y ≥ F2). O(n K).
 */
export function cutoffProbability(probs: ReadonlyArray<ArrayLike<number>>, cutoff: Cutoff): Float64Array {
  const K = cutoff.caseLevels.length;
  const out = new Float64Array(probs.length);
  probs.forEach((row, i) => {
    if (row.length !== K) {
      throw new RadvalError("DIMENSION_MISMATCH", `row ${i + 1} has ${row.length} class probabilities for ${K} levels`, { hint: "Give one probability column per level, lowest level first." });
    }
    let s = 0;
    for (let k = 0; k < K; k++) if (cutoff.caseLevels[k]) s += row[k]!;
    out[i] = s;
  });
  return out;
}

/**
 * Dichotomised AUC per cut-off, as fibrosis-staging papers report it: for
 * each cut-off, cases = rows whose level satisfies it, controls = the rest,
 * the AUC of `score` (higher = more severe, never flipped; pROC's
 * `roc(case, x, levels = c(0, 1), direction = "<")`) with DeLong's variance
 * and CI (`ci.auc(method = "delong")`) from {@link delongAuc}. `score` is one
 * marker for every cut-off, or a function giving the cut-off's own score
 * (e.g. {@link cutoffProbability} of a model's class probabilities). A
 * cut-off with an empty side is an `EMPTY_CUTOFF_SIDE` error.
 * O(C n log n).
 */
export function dichotomisedAuc(
  codes: ArrayLike<number>,
  score: ArrayLike<number> | ((cutoff: Cutoff) => ArrayLike<number>),
  cutoffs: readonly Cutoff[],
  options: { level?: number } = {},
): CutoffAuc[] {
  return cutoffs.map((c) => {
    const truth = cutoffIndicator(codes, c);
    const s = typeof score === "function" ? score(c) : score;
    const r = delongAuc(truth, s, { direction: "<", level: options.level ?? 0.95 });
    return Object.freeze({ cutoff: c.label, n: r.n, cases: r.nPositive, controls: r.nNegative, auc: r.auc, variance: r.variance, se: r.se, ci: r.ci });
  });
}
