import { RadvalError } from "../core/errors.js";
import type { ColumnMatrix } from "../core/matrix.js";
import { aucMannWhitney } from "../metrics/auc.js";
import { type Condensed, condensedGet } from "./condensed.js";

/** How a cluster's representative is chosen. */
export type RepresentativeRule = "variance" | "auc" | "medoid";

/** The rules radval implements. */
export const REPRESENTATIVE_RULES: readonly RepresentativeRule[] = Object.freeze(["variance", "auc", "medoid"]);

/** The choice for one cluster: the member (column index), the rule actually used and each member's score. */
export interface RepresentativeChoice {
  readonly member: number;
  /** The rule used; "medoid" when the requested "variance" rule was undefined for a member (mean 0). */
  readonly rule: RepresentativeRule;
  /** Score of each member (same order as the members): CV, AUC (direction-free) or mean |r| to the other members. */
  readonly scores: readonly number[];
}

/** Coefficient of variation sd / |mean| (sd with divisor n − 1) of a column; NaN when the mean is 0. O(n). */
export function coefficientOfVariation(column: ArrayLike<number>): number {
  const n = column.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += column[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (column[i]! - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  return mean === 0 ? NaN : sd / Math.abs(mean);
}

function argmax(scores: readonly number[]): number {
  let best = 0;
  for (let t = 1; t < scores.length; t++) if (scores[t]! > scores[best]!) best = t;
  return best;
}

/**
 * Picks one representative among the members (column indices, in input
 * order) of a correlation cluster, on the analysis rows it is given:
 *
 * - `variance`: the highest coefficient of variation sd/|mean| (the
 *   "largest relative dynamic range" rule of radiomics redundancy filters).
 *   When a member's mean is exactly 0 the CV is undefined and the cluster
 *   falls back to `medoid` (reported in `rule`).
 * - `auc`: the highest univariate AUC against the outcome `y` (0/1), taken
 *   direction-free as max(AUC, 1 − AUC) (Mann–Whitney, ties ½; `aucMannWhitney`).
 * - `medoid`: the member with the highest mean |r| to the other members.
 *
 * Ties go to the first member in input order. A singleton is its own
 * representative. O(m n) for variance, O(m n log n) for auc, O(m²) for medoid.
 */
export function chooseRepresentative(
  members: readonly number[],
  rule: RepresentativeRule,
  x: ColumnMatrix,
  absR: Condensed,
  y?: ArrayLike<number>,
): RepresentativeChoice {
  const column = (j: number) => x.data.subarray(j * x.nRows, (j + 1) * x.nRows);
  const medoidScores = () =>
    members.map((a) => {
      if (members.length === 1) return 1;
      let s = 0;
      for (const b of members) if (b !== a) s += condensedGet(absR, a, b);
      return s / (members.length - 1);
    });
  if (members.length === 1) {
    return { member: members[0]!, rule, scores: [rule === "medoid" ? 1 : NaN] };
  }
  if (rule === "variance") {
    const scores = members.map((j) => coefficientOfVariation(column(j)));
    if (scores.some((s) => !Number.isFinite(s))) {
      const m = medoidScores();
      return { member: members[argmax(m)]!, rule: "medoid", scores: m };
    }
    return { member: members[argmax(scores)]!, rule, scores };
  }
  if (rule === "auc") {
    if (!y) {
      throw new RadvalError("MISSING_ROLE", "the auc representative rule needs the outcome of the analysis rows", {
        hint: "Name the outcome (--outcome COL) or choose --representative variance or medoid.",
      });
    }
    const scores = members.map((j) => {
      const auc = aucMannWhitney(y, column(j));
      return auc >= 0.5 ? auc : 1 - auc;
    });
    return { member: members[argmax(scores)]!, rule, scores };
  }
  const m = medoidScores();
  return { member: members[argmax(m)]!, rule: "medoid", scores: m };
}
