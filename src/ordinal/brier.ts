import { RadvalError } from "../core/errors.js";
import { checkCodes } from "./levels.js";

/**
 * Multi-class Brier score (Brier 1950, Mon Weather Rev 78:1): the mean over
 * cases of Σ_k (p_ik − 1[y_i = k])², from 0 (perfect) to 2. With two classes
 * it is twice the binary Brier score. `probs` has one row per case and one
 * column per level (rows should sum to 1). O(n K).
 */
export function multiclassBrier(codes: ArrayLike<number>, probs: ReadonlyArray<ArrayLike<number>>): number {
  if (probs.length !== codes.length) {
    throw new RadvalError("DIMENSION_MISMATCH", `the outcome has ${codes.length} values but there are ${probs.length} probability rows`);
  }
  if (codes.length === 0) throw new RadvalError("INVALID_ARGUMENT", "no cases to score");
  const K = probs[0]!.length;
  checkCodes(codes, K);
  let s = 0;
  probs.forEach((row, i) => {
    if (row.length !== K) throw new RadvalError("DIMENSION_MISMATCH", `row ${i + 1} has ${row.length} probabilities, expected ${K}`);
    for (let k = 0; k < K; k++) {
      const p = row[k]!;
      if (!(p >= 0 && p <= 1)) {
        throw new RadvalError("PROBABILITY_OUT_OF_RANGE", `probability ${p} of level ${k + 1} at row ${i + 1} is not in [0, 1]`, { hint: "Pass class probabilities, not scores." });
      }
      const d = p - (codes[i] === k ? 1 : 0);
      s += d * d;
    }
  });
  return s / codes.length;
}
