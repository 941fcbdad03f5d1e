import { RadvalError } from "../core/errors.js";
import type { Rng } from "../core/rng.js";
import { splitsFromFoldIds } from "./foldIds.js";
import type { Resamples } from "./types.js";

/** Counts of 0s and 1s in a binary outcome (checked to be 0/1). */
export function classCounts(y: ArrayLike<number>): [number, number] {
  let ones = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (v !== 0 && v !== 1) throw new RadvalError("INVALID_ARGUMENT", `outcome must be 0/1, got ${v} at row ${i + 1}`);
    ones += v;
  }
  return [y.length - ones, ones];
}

/**
 * Stratified fold ids 1..k: within each class the rows are shuffled with `rng`
 * and dealt round-robin to the folds, continuing the deal from one class to
 * the next, so every fold gets ⌊n_c/k⌋ or ⌈n_c/k⌉ rows of each class c and
 * fold sizes differ by at most one (as caret::createFolds and scikit-learn's
 * StratifiedKFold(shuffle = True) aim for; the exact assignment differs).
 * Error `TOO_FEW_EVENTS` when a class has fewer rows than folds. O(n).
 */
export function stratifiedFoldIds(y: ArrayLike<number>, k: number, rng: Rng, options: { readonly label?: string; readonly hint?: string } = {}): Int32Array {
  if (!Number.isInteger(k) || k < 2) {
    throw new RadvalError("INVALID_ARGUMENT", `number of folds must be a whole number ≥ 2, got ${k}`, { hint: "Use e.g. 5 or 10 folds." });
  }
  const [n0, n1] = classCounts(y);
  const smaller = Math.min(n0, n1);
  if (smaller < k) {
    const which = n1 <= n0 ? "events" : "non-events";
    // `label` names which CV (e.g. the inner CV of a model inside every split), so the message is not mistaken for --folds.
    const what = options.label ?? `${k}-fold stratified cross-validation`;
    throw new RadvalError("TOO_FEW_EVENTS", `${what} needs at least ${k} ${which}, but there are ${smaller}`, {
      hint: options.hint ?? (smaller >= 2 ? `Use at most ${smaller} folds, or a bootstrap scheme.` : `With ${smaller} ${smaller === 1 ? which.slice(0, -1) : which} no k-fold cross-validation is possible (2 folds need 2): use a bootstrap scheme or more data.`),
    });
  }
  const ids = new Int32Array(y.length);
  let deal = 0;
  for (const cls of [1, 0]) {
    const rows: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === cls) rows.push(i);
    rng.shuffle(rows);
    for (const row of rows) {
      ids[row] = (deal % k) + 1;
      deal++;
    }
  }
  return ids;
}

/** Stratified k-fold cross-validation splits (see {@link stratifiedFoldIds}). */
export function stratifiedKFold(y: ArrayLike<number>, k: number, rng: Rng): Resamples {
  const ids = stratifiedFoldIds(y, k, rng);
  const folds = splitsFromFoldIds(ids);
  return { ...folds, scheme: "stratified-kfold", params: { folds: k } };
}
