import type { Rng } from "../core/rng.js";
import { stratifiedKFold } from "./stratifiedKFold.js";
import { type Resamples, type Split, freezeResamples, padIndex } from "./types.js";

/**
 * Repeated stratified k-fold cross-validation: `repeats` independent
 * stratified k-fold partitions, each drawn from its own child of `rng`
 * (split ids "Repeat2.Fold05", as rsample::vfold_cv(repeats = R)).
 */
export function repeatedStratifiedKFold(y: ArrayLike<number>, k: number, repeats: number, rng: Rng): Resamples {
  const streams = rng.splitMany(repeats);
  const splits: Split[] = [];
  streams.forEach((stream, r) => {
    for (const split of stratifiedKFold(y, k, stream).splits) {
      splits.push({ ...split, id: `Repeat${padIndex(r + 1, repeats)}.${split.id}` });
    }
  });
  return freezeResamples({ scheme: "repeated-stratified-kfold", n: y.length, splits, params: { folds: k, repeats } });
}
