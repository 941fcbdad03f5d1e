import { RadvalError } from "../core/errors.js";
import { delongPlacements } from "../metrics/delong.js";
import { normalQuantile } from "../stats/normal.js";
import { checkCodes } from "./levels.js";

/** Obuchowski's ordinal concordance index with its variance. */
export interface ObuchowskiIndex {
  /** Ψ: proportion of correctly ordered pairs among pairs in different categories (score ties ½). */
  readonly estimate: number;
  readonly variance: number;
  readonly se: number;
  /** Ψ ∓ z·se (not clipped). */
  readonly ci: readonly [number, number];
  readonly level: number;
  readonly nPerCategory: readonly number[];
  /** Number of pairs in different categories, Σ_{i<j} N_i N_j. */
  readonly nPairs: number;
  /** θ_ij: AUC of category j vs category i (i < j), symmetric, diagonal null. */
  readonly pairwiseAuc: readonly (readonly (number | null)[])[];
  /** w_ij = N_i N_j / nPairs (diagonal 0). */
  readonly pairWeights: readonly (readonly number[])[];
  /** Unweighted mean of the θ_ij (another weighting some papers use). */
  readonly equalWeightMean: number;
}

/**
 * Obuchowski's multi-category concordance index (Obuchowski 2005, Acad
 * Radiol 12:1198; Lambert et al. 2008, Clin Chem 54:1372 for fibrosis):
 * penalty 0 within a category and 1 between, pairs weighted by count, so
 * Ψ = Σ_{i<j} N_i N_j θ_ij / Σ_{i<j} N_i N_j with θ_ij the AUC of category j
 * vs i (higher score = higher category, ties ½) — equal to
 * `survival::concordance(y ~ x)`. Variance as the fixtures' README derives
 * it: DeLong's structural components extended to the weighted sum with the
 * counts fixed: V_k^(j) = mean over category j of ψ(k, l) oriented 1 =
 * correctly ordered, Var = Σ_i s²_i / N_i where s²_i is the sample variance
 * (N_i − 1) over category i of Σ_{j≠i} w_ij V_k^(j); for 2 categories it is
 * DeLong's variance. Categories are the levels present in `codes` (0..K−1;
 * empty levels are skipped, at least two must be present). O(K² n log n).
 */
export function obuchowskiIndex(codes: ArrayLike<number>, score: ArrayLike<number>, nLevels: number, options: { level?: number } = {}): ObuchowskiIndex {
  if (score.length !== codes.length) {
    throw new RadvalError("DIMENSION_MISMATCH", `the outcome has ${codes.length} values but the score has ${score.length}`);
  }
  for (let i = 0; i < score.length; i++) {
    if (Number.isNaN(score[i]!)) throw new RadvalError("NON_FINITE", `the score is missing (NaN) at position ${i + 1}`, { hint: "Every case needs a score." });
  }
  const level = options.level ?? 0.95;
  const counts = checkCodes(codes, nLevels);
  const present: number[] = [];
  for (let k = 0; k < nLevels; k++) if (counts[k]! > 0) present.push(k);
  if (present.length < 2) {
    throw new RadvalError("SINGLE_CLASS", "the outcome has one level only, so no pair of categories can be ordered", { hint: "Obuchowski's index needs cases in at least two levels." });
  }
  const K = present.length;
  const rows: number[][] = present.map(() => []);
  const slot = new Int32Array(nLevels).fill(-1);
  present.forEach((k, a) => (slot[k] = a));
  for (let i = 0; i < codes.length; i++) rows[slot[codes[i]!]!]!.push(i);
  const N = rows.map((r) => r.length);
  let M = 0;
  for (let a = 0; a < K; a++) for (let b = a + 1; b < K; b++) M += N[a]! * N[b]!;
  const theta: (number | null)[][] = Array.from({ length: K }, () => new Array<number | null>(K).fill(null));
  const W: number[][] = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  // comb[a][k]: Σ_{b≠a} w_ab V_k^(b) for subject k of category a.
  const comb = N.map((n) => new Float64Array(n));
  let psi = 0;
  let sumTheta = 0;
  for (let a = 0; a < K; a++) {
    for (let b = a + 1; b < K; b++) {
      const sub = [...rows[a]!, ...rows[b]!];
      const truth = Float64Array.from(sub, (_, t) => (t < N[a]! ? 0 : 1));
      const s = Float64Array.from(sub, (i) => score[i]!);
      const pl = delongPlacements(truth, s, { direction: "<" });
      const w = (N[a]! * N[b]!) / M;
      theta[a]![b] = theta[b]![a] = pl.auc;
      W[a]![b] = W[b]![a] = w;
      psi += w * pl.auc;
      sumTheta += pl.auc;
      for (let t = 0; t < N[a]!; t++) comb[a]![t] = comb[a]![t]! + w * pl.negatives[t]!;
      for (let t = 0; t < N[b]!; t++) comb[b]![t] = comb[b]![t]! + w * pl.positives[t]!;
    }
  }
  let variance = 0;
  for (let a = 0; a < K; a++) {
    const n = N[a]!;
    if (n < 2) continue;
    let mean = 0;
    for (const v of comb[a]!) mean += v;
    mean /= n;
    let ss = 0;
    for (const v of comb[a]!) ss += (v - mean) * (v - mean);
    variance += ss / (n - 1) / n;
  }
  const se = Math.sqrt(variance);
  const z = normalQuantile(1 - (1 - level) / 2);
  // Back to the full level grid (empty levels: null AUCs, zero weights).
  const full = (m: (number | null)[][], empty: number | null) =>
    Array.from({ length: nLevels }, (_, i) => Array.from({ length: nLevels }, (_, j) => (slot[i]! >= 0 && slot[j]! >= 0 ? m[slot[i]!]![slot[j]!]! : empty)));
  return Object.freeze({
    estimate: psi,
    variance,
    se,
    ci: [psi - z * se, psi + z * se] as const,
    level,
    nPerCategory: Array.from(counts),
    nPairs: M,
    pairwiseAuc: full(theta, null),
    pairWeights: full(W, 0) as number[][],
    equalWeightMean: sumTheta / ((K * (K - 1)) / 2),
  });
}
