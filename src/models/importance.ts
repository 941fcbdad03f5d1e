import { RadvalError } from "../core/errors.js";
import type { ColumnMatrix } from "../core/matrix.js";
import type { Rng } from "../core/rng.js";
import { aucMannWhitney } from "../metrics/auc.js";
import type { FittedModel } from "./types.js";

/** Permutation importance of one feature. */
export interface PermutationImportance {
  readonly feature: string;
  /** Mean decrease in AUC over the repeats. */
  readonly mean: number;
  /** SD of the decreases (ddof 0, as scikit-learn's importances_std). */
  readonly sd: number;
  /** The decrease of each repeat. */
  readonly values: readonly number[];
}

/**
 * Model-agnostic permutation importance (Breiman 2001; Fisher, Rudin &
 * Dominici 2019; scikit-learn's `permutation_importance(scoring = "roc_auc")`):
 * for each feature, its column in `x` (held-out rows, ideally) is permuted
 * with `rng` — `repeats` times — and the importance is the AUC of the model's
 * probabilities on the original rows minus the AUC with the permuted column.
 * The model and x are not modified. O(p · repeats · predict).
 */
export function permutationImportance(model: FittedModel, x: ColumnMatrix, y: Float64Array, options: { rng: Rng; repeats?: number }): PermutationImportance[] {
  const repeats = options.repeats ?? 5;
  if (!Number.isInteger(repeats) || repeats < 1) throw new RadvalError("INVALID_ARGUMENT", `repeats must be a whole number ≥ 1, got ${repeats}`);
  if (y.length !== x.nRows) throw new RadvalError("DIMENSION_MISMATCH", `permutation importance: x has ${x.nRows} rows but y has ${y.length}`);
  const baseline = aucMannWhitney(y, model.predictProba(x));
  const n = x.nRows;
  const work = new Float64Array(x.data);
  const permuted: ColumnMatrix = { nRows: n, nCols: x.nCols, data: work };
  return model.featureNames.map((feature, j) => {
    const base = j * n;
    const values: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const perm = options.rng.permutation(n);
      for (let i = 0; i < n; i++) work[base + i] = x.data[base + perm[i]!]!;
      values.push(baseline - aucMannWhitney(y, model.predictProba(permuted)));
    }
    work.set(x.data.subarray(base, base + n), base);
    const mean = values.reduce((a, b) => a + b, 0) / repeats;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / repeats);
    return { feature, mean, sd, values };
  });
}
