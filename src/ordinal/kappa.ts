import { RadvalError } from "../core/errors.js";
import { normalQuantile } from "../stats/normal.js";

/** Agreement weights of a weighted kappa. */
export type KappaWeights = "unweighted" | "linear" | "quadratic";

/** A (weighted) kappa with its Fleiss–Cohen–Everitt standard error. */
export interface KappaEstimate {
  /** The weights used ("custom" for a matrix given by the caller). */
  readonly weights: KappaWeights | "custom";
  readonly estimate: number;
  /** Large-sample variance of Fleiss, Cohen & Everitt (1969) (= vcd::Kappa's ASE²). */
  readonly variance: number;
  readonly se: number;
  /** estimate ∓ z·se, clipped to [−1, 1]. */
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

/**
 * Agreement weight matrix (1 on the diagonal): linear w_ij = 1 − |i − j|/(K − 1),
 * quadratic 1 − (i − j)²/(K − 1)², unweighted the identity. O(K²).
 */
export function kappaWeightMatrix(K: number, weights: KappaWeights): number[][] {
  return Array.from({ length: K }, (_, i) =>
    Array.from({ length: K }, (_, j) => {
      if (weights === "unweighted") return i === j ? 1 : 0;
      const d = Math.abs(i - j) / (K - 1);
      return weights === "linear" ? 1 - d : 1 - d * d;
    }),
  );
}

/**
 * Cohen's weighted kappa of a K × K agreement table (rows = observed,
 * columns = predicted): p_ij = table/n, r_i and c_j the margins,
 * po = Σ w_ij p_ij, pe = Σ w_ij r_i c_j, κ_w = (po − pe)/(1 − pe); variance of
 * Fleiss, Cohen & Everitt (1969, Psychol Bull 72:323):
 * [Σ p_ij (w_ij (1 − pe) − (w̄_i. + w̄_.j)(1 − po))² − (po pe − 2 pe + po)²] / (n (1 − pe)⁴)
 * with w̄_i. = Σ_j c_j w_ij and w̄_.j = Σ_i r_i w_ij — `vcd::Kappa(table,
 * weights = W)` (its ASE²). psych::cohen.kappa uses r_j Σ_k w_jk for the
 * second term, so its weighted variance differs (fixtures' README). With
 * identity weights it is the unweighted kappa and its FCE variance (= psych's
 * and vcd's). CI = κ ∓ z·se clipped to [−1, 1]. O(K²).
 */
export function weightedKappa(table: ReadonlyArray<ArrayLike<number>>, weights: KappaWeights | ReadonlyArray<ArrayLike<number>> = "linear", options: { level?: number } = {}): KappaEstimate {
  const K = table.length;
  if (K < 2 || table.some((r) => r.length !== K)) {
    throw new RadvalError("DIMENSION_MISMATCH", `the agreement table must be square with at least 2 levels, got ${K} rows`, { hint: "Rows = observed levels, columns = predicted levels, same order." });
  }
  const W = typeof weights === "string" ? kappaWeightMatrix(K, weights) : weights;
  const level = options.level ?? 0.95;
  let n = 0;
  for (const row of table) for (let j = 0; j < K; j++) n += row[j]!;
  if (!(n > 0)) throw new RadvalError("INVALID_ARGUMENT", "the agreement table is empty", { hint: "Kappa needs at least one rated case." });
  const r = new Float64Array(K);
  const c = new Float64Array(K);
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < K; j++) {
      const pij = table[i]![j]! / n;
      r[i] = r[i]! + pij;
      c[j] = c[j]! + pij;
    }
  }
  let po = 0;
  let pe = 0;
  const wi = new Float64Array(K);
  const wj = new Float64Array(K);
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < K; j++) {
      const w = W[i]![j]!;
      po += w * (table[i]![j]! / n);
      pe += w * r[i]! * c[j]!;
      wi[i] = wi[i]! + c[j]! * w;
      wj[j] = wj[j]! + r[i]! * w;
    }
  }
  if (pe === 1) {
    throw new RadvalError("SINGLE_CLASS", "chance agreement is 1 (all cases in one level on both sides), so kappa is undefined", { hint: "Kappa needs more than one observed and predicted level." });
  }
  const estimate = (po - pe) / (1 - pe);
  let s = 0;
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < K; j++) {
      const d = W[i]![j]! * (1 - pe) - (wi[i]! + wj[j]!) * (1 - po);
      s += (table[i]![j]! / n) * d * d;
    }
  }
  const corr = po * pe - 2 * pe + po;
  const variance = (s - corr * corr) / (n * Math.pow(1 - pe, 4));
  const se = Math.sqrt(Math.max(variance, 0));
  const z = normalQuantile(1 - (1 - level) / 2);
  const name: KappaWeights | "custom" = typeof weights === "string" ? weights : "custom";
  return Object.freeze({ weights: name, estimate, variance, se, lower: Math.max(-1, estimate - z * se), upper: Math.min(1, estimate + z * se), level });
}
