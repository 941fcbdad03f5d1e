import { RadvalError } from "../core/errors.js";
import type { Rng } from "../core/rng.js";
import { splitsFromFoldIds } from "./foldIds.js";
import { type Resamples } from "./types.js";

/**
 * Grouped k-fold: every group (patient, lesion, scanner…) lies in exactly one
 * fold, so no group is in both the analysis and the assessment rows. Groups are
 * shuffled with `rng`, then sorted by size (largest first, stable) and each is
 * put in the currently smallest fold (scikit-learn's GroupKFold balancing, with
 * a seeded order among equal sizes). Error when there are fewer groups than
 * folds. O(n + G log G).
 */
export function groupKFold(groups: readonly string[], k: number, rng: Rng): Resamples {
  const rowsOf = new Map<string, number[]>();
  groups.forEach((g, i) => {
    if (g === "") throw new RadvalError("INVALID_ARGUMENT", `row ${i + 1} has no group label`, { hint: "Every row needs a group for grouped cross-validation." });
    if (!rowsOf.has(g)) rowsOf.set(g, []);
    rowsOf.get(g)!.push(i);
  });
  const labels = rng.shuffle([...rowsOf.keys()]);
  if (labels.length < k) {
    throw new RadvalError("INVALID_ARGUMENT", `grouped ${k}-fold cross-validation needs at least ${k} groups, found ${labels.length}`, {
      hint: `Use at most ${labels.length} folds (leave-one-group-out).`,
    });
  }
  labels.sort((a, b) => rowsOf.get(b)!.length - rowsOf.get(a)!.length);
  const foldSize = new Array<number>(k).fill(0);
  const ids = new Int32Array(groups.length);
  for (const label of labels) {
    let best = 0;
    for (let f = 1; f < k; f++) if (foldSize[f]! < foldSize[best]!) best = f;
    for (const row of rowsOf.get(label)!) ids[row] = best + 1;
    foldSize[best]! += rowsOf.get(label)!.length;
  }
  const folds = splitsFromFoldIds(ids);
  return { ...folds, scheme: "group-kfold", params: { folds: k, groups: labels.length } };
}
