import { RadvalError } from "../../core/errors.js";
import type { Rng } from "../../core/rng.js";
import { splitsFromFoldIds } from "../../resample/foldIds.js";
import { stratifiedFoldIds } from "../../resample/stratifiedKFold.js";
import { type PlattCalibrator, fitPlatt } from "../calibration/platt.js";

/**
 * Platt scaling of cross-validated decision values, as libsvm's
 * `svm_binary_svc_probability` does (Lin, Lin & Weng 2007) but with
 * stratified folds drawn from `rng` so the result is reproducible: the rows
 * are split into min(5, smaller class size) stratified folds; for each fold
 * the SVM is refit on the other folds (`fitScore(analysis, assessment)`
 * returns the held-out decision values); the sigmoid is fit on the pooled
 * held-out values. Costs `folds` extra SVM fits.
 */
export function crossValidatedPlatt(
  y: Float64Array,
  rng: Rng,
  fitScore: (analysis: Int32Array, assessment: Int32Array) => Float64Array,
  folds = 5,
): PlattCalibrator {
  let n1 = 0;
  for (let i = 0; i < y.length; i++) n1 += y[i]!;
  const smaller = Math.min(n1, y.length - n1);
  if (smaller < 2) {
    throw new RadvalError("TOO_FEW_EVENTS", `Platt scaling of the SVM needs at least 2 rows of each class for its internal cross-validation, got ${smaller}`, {
      where: { key: "probability" },
      hint: 'Use probability: "none" (decision values only) or more data.',
    });
  }
  const k = Math.min(folds, smaller);
  const splits = splitsFromFoldIds(stratifiedFoldIds(y, k, rng)).splits;
  const held = new Float64Array(y.length);
  for (const split of splits) {
    const scores = fitScore(split.analysis, split.assessment);
    for (let t = 0; t < split.assessment.length; t++) held[split.assessment[t]!] = scores[t]!;
  }
  return fitPlatt(held, y);
}
