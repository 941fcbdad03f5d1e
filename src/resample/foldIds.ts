import { RadvalError } from "../core/errors.js";
import { type Resamples, type Split, freezeResamples, padIndex } from "./types.js";

/**
 * Splits from fold ids: row i is assessed in fold `foldIds[i]` and used for
 * analysis in every other fold (user-supplied folds, e.g. `foldid` from
 * cv.glmnet or a column of the table). Fold labels are the distinct values in
 * ascending order; NaN / negative ids are an error. O(n k).
 */
export function splitsFromFoldIds(foldIds: ArrayLike<number>, options: { source?: string } = {}): Resamples {
  const n = foldIds.length;
  const labels = new Set<number>();
  for (let i = 0; i < n; i++) {
    const f = foldIds[i]!;
    if (!Number.isInteger(f)) {
      throw new RadvalError("INVALID_ARGUMENT", `fold id of row ${i + 1} is ${String(f)}, not a whole number`, {
        where: { row: i + 1, ...(options.source ? { column: options.source } : {}) },
        hint: "Fold ids must be whole numbers (e.g. 1..10), one per row.",
      });
    }
    labels.add(f);
  }
  const folds = [...labels].sort((a, b) => a - b);
  if (folds.length < 2) {
    throw new RadvalError("INVALID_ARGUMENT", `fold ids have ${folds.length} distinct value(s); cross-validation needs at least 2 folds`, {
      ...(options.source ? { where: { column: options.source } } : {}),
    });
  }
  const splits: Split[] = folds.map((fold) => {
    let nAssess = 0;
    for (let i = 0; i < n; i++) if (foldIds[i] === fold) nAssess++;
    const assessment = new Int32Array(nAssess);
    const analysis = new Int32Array(n - nAssess);
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      if (foldIds[i] === fold) assessment[a++] = i;
      else analysis[b++] = i;
    }
    return { id: `Fold${padIndex(fold, folds[folds.length - 1]!)}`, analysis, assessment };
  });
  return freezeResamples({ scheme: "user-folds", n, splits, params: { folds: folds.length, ...(options.source ? { source: options.source } : {}) } });
}

/** The fold id (1-based position in `resamples.splits`) of every row, from splits whose assessment sets partition the rows. */
export function foldIdsOf(resamples: Resamples): Int32Array {
  const ids = new Int32Array(resamples.n);
  resamples.splits.forEach((split, f) => {
    for (let k = 0; k < split.assessment.length; k++) ids[split.assessment[k]!] = f + 1;
  });
  return ids;
}
