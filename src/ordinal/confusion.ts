import { RadvalError } from "../core/errors.js";
import { checkCodes } from "./levels.js";

/**
 * Confusion matrix of observed vs predicted level codes (0..K−1): K × K
 * counts, rows = observed, columns = predicted (`table(obs, pred)` in R with
 * both as factors on the same levels). O(n + K²).
 */
export function confusionMatrix(observed: ArrayLike<number>, predicted: ArrayLike<number>, nLevels: number): number[][] {
  if (observed.length !== predicted.length) {
    throw new RadvalError("DIMENSION_MISMATCH", `${observed.length} observed levels but ${predicted.length} predicted`, { hint: "Give one predicted level per case." });
  }
  checkCodes(observed, nLevels, "observed");
  checkCodes(predicted, nLevels, "predicted");
  const t = Array.from({ length: nLevels }, () => new Array<number>(nLevels).fill(0));
  for (let i = 0; i < observed.length; i++) t[observed[i]!]![predicted[i]!]!++;
  return t;
}

/**
 * The predicted level of each case: the level with the largest probability
 * (ties: the lowest level, as R's `max.col(ties.method = "first")`). O(n K).
 */
export function argmaxClass(probs: ReadonlyArray<ArrayLike<number>>): Int32Array {
  const out = new Int32Array(probs.length);
  probs.forEach((row, i) => {
    let best = 0;
    for (let k = 1; k < row.length; k++) if (row[k]! > row[best]!) best = k;
    out[i] = best;
  });
  return out;
}
