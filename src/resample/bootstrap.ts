import { RadvalError } from "../core/errors.js";
import type { Rng } from "../core/rng.js";
import { type Resamples, type Split, complementRows, freezeResamples, padIndex } from "./types.js";

/**
 * Bootstrap resamples: each analysis set is n rows drawn with replacement
 * (Efron 1979); the assessment set is the out-of-bag rows (never drawn). With
 * `strata` (e.g. the outcome) the draw is made within each stratum so every
 * sample keeps the class counts (rsample::bootstraps(strata =)). O(B n).
 */
export function bootstrap(n: number, times: number, rng: Rng, options: { strata?: ArrayLike<number> } = {}): Resamples {
  if (!Number.isInteger(times) || times < 1) throw new RadvalError("INVALID_ARGUMENT", `bootstrap replicates must be a whole number ≥ 1, got ${times}`);
  const strata = options.strata;
  let groups: number[][] | null = null;
  if (strata) {
    const byLevel = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const level = strata[i]!;
      if (!byLevel.has(level)) byLevel.set(level, []);
      byLevel.get(level)!.push(i);
    }
    groups = [...byLevel.entries()].sort((a, b) => a[0] - b[0]).map(([, rows]) => rows);
  }
  const splits: Split[] = [];
  for (let b = 0; b < times; b++) {
    let analysis: Int32Array;
    if (groups) {
      analysis = new Int32Array(n);
      let k = 0;
      for (const rows of groups) for (let j = 0; j < rows.length; j++) analysis[k++] = rows[rng.integer(rows.length)]!;
    } else {
      analysis = rng.sampleWithReplacement(n, n);
    }
    splits.push({ id: `Bootstrap${padIndex(b + 1, times)}`, analysis, assessment: complementRows(n, analysis) });
  }
  return freezeResamples({ scheme: "bootstrap", n, splits, params: { times, stratified: Boolean(strata) } });
}

/**
 * Bootstrap splits from index vectors made elsewhere (e.g. R's
 * `sample.int(n, n, replace = TRUE)`), so results can be compared exactly.
 * `base` 1 for R's 1-based indices, 0 for 0-based. Out-of-bag rows are the
 * assessment set.
 */
export function bootstrapFromIndices(n: number, indices: ReadonlyArray<ArrayLike<number>>, base: 0 | 1 = 1): Resamples {
  const splits: Split[] = indices.map((vector, b) => {
    const analysis = new Int32Array(vector.length);
    for (let k = 0; k < vector.length; k++) {
      const row = vector[k]! - base;
      if (!Number.isInteger(row) || row < 0 || row >= n) {
        throw new RadvalError("INVALID_ARGUMENT", `bootstrap vector ${b + 1} has index ${vector[k]} outside ${base}..${n - 1 + base}`, {
          hint: base === 1 ? "Indices from R are 1-based (base = 1)." : "Indices are 0-based (base = 0).",
        });
      }
      analysis[k] = row;
    }
    return { id: `Bootstrap${padIndex(b + 1, indices.length)}`, analysis, assessment: complementRows(n, analysis) };
  });
  return freezeResamples({ scheme: "user-bootstrap", n, splits, params: { times: indices.length } });
}
