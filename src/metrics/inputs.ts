import { type ErrorLocation, RadvalError } from "../core/errors.js";
import { sortFloat64 } from "../stats/argsort.js";

/** Which way the score points: "<" = higher score means positive (pROC's `direction = "<"`), ">" the reverse. */
export type Direction = "<" | ">";

/**
 * Optional context for error messages: a name for the score ("prob",
 * a column name) and a function that turns a 0-based position into a place
 * (file, line, column) — the CLI passes one so errors name the file line.
 */
export interface InputContext {
  readonly name?: string;
  readonly locate?: (index: number) => ErrorLocation;
}

/** Class counts of a checked binary outcome. */
export interface ClassCounts {
  readonly n: number;
  readonly nPositive: number;
  readonly nNegative: number;
}

function place(context: InputContext | undefined, index: number): { where?: ErrorLocation; text: string } {
  const where = context?.locate?.(index);
  return where ? { where, text: "" } : { text: ` at position ${index + 1}` };
}

/** Checks a direction option ("<" or ">"). */
export function checkDirection(direction: unknown): Direction {
  if (direction !== "<" && direction !== ">") {
    throw new RadvalError("INVALID_OPTION", `direction must be "<" (higher score = positive) or ">" (lower score = positive), got ${JSON.stringify(direction)}`, {
      where: { option: "direction" },
      hint: 'Use "<" unless lower scores mean the event (radval never flips the direction automatically).',
    });
  }
  return direction;
}

/**
 * Checks a 0/1 outcome and a score of the same length: every truth value is
 * 0 or 1, no score is NaN, both classes are present. Infinite scores are
 * allowed (they still rank). Throws `DIMENSION_MISMATCH`, `INVALID_ARGUMENT`,
 * `NON_FINITE` or `SINGLE_CLASS`. O(n).
 */
export function checkBinaryScores(truth: ArrayLike<number>, score: ArrayLike<number>, context?: InputContext): ClassCounts {
  const n = truth.length;
  const name = context?.name ?? "score";
  if (score.length !== n) {
    throw new RadvalError("DIMENSION_MISMATCH", `truth has ${n} values but ${name} has ${score.length}`, {
      hint: "Pass one prediction per case, in the same order as the outcomes.",
    });
  }
  let nPositive = 0;
  for (let i = 0; i < n; i++) {
    const t = truth[i]!;
    if (t !== 0 && t !== 1) {
      const at = place(context, i);
      throw new RadvalError("INVALID_ARGUMENT", `the outcome must be 0/1, got ${t}${at.text}`, { ...(at.where ? { where: at.where } : {}), hint: "Code the event as 1 and the non-event as 0." });
    }
    if (Number.isNaN(score[i]!)) {
      const at = place(context, i);
      throw new RadvalError("NON_FINITE", `${name} is missing (NaN)${at.text}`, { ...(at.where ? { where: at.where } : {}), hint: "Remove cases without a prediction first (radval does not drop them silently)." });
    }
    nPositive += t;
  }
  const nNegative = n - nPositive;
  if (nPositive === 0 || nNegative === 0) {
    throw new RadvalError("SINGLE_CLASS", `the outcome has ${nPositive} events and ${nNegative} non-events; discrimination needs both classes`, {
      hint: "Evaluate on data that contain both events and non-events.",
    });
  }
  return { n, nPositive, nNegative };
}

/**
 * Checks predicted probabilities: every value finite and in [0, 1]
 * (`PROBABILITY_OUT_OF_RANGE` otherwise, naming the position). With
 * `open: true` exactly 0 or 1 is rejected too (`PROBABILITY_ZERO_ONE`): the
 * logit is infinite there, so logistic calibration is undefined. O(n).
 */
export function checkProbabilities(prob: ArrayLike<number>, context?: InputContext & { open?: boolean }): void {
  const name = context?.name ?? "prob";
  for (let i = 0; i < prob.length; i++) {
    const p = prob[i]!;
    if (!(p >= 0 && p <= 1)) {
      const at = place(context, i);
      throw new RadvalError(
        Number.isNaN(p) ? "NON_FINITE" : "PROBABILITY_OUT_OF_RANGE",
        Number.isNaN(p) ? `${name} is missing (NaN)${at.text}` : `${name} must be a probability in [0, 1], got ${p}${at.text}`,
        {
          ...(at.where ? { where: at.where } : {}),
          hint: Number.isNaN(p)
            ? "Remove cases without a prediction first."
            : "Pass predicted probabilities (e.g. predict_proba / type = \"response\"), not scores or logits; use radval auc for arbitrary scores.",
        },
      );
    }
    if (context?.open && (p === 0 || p === 1)) {
      const at = place(context, i);
      throw new RadvalError("PROBABILITY_ZERO_ONE", `${name} is exactly ${p}${at.text}: its logit is infinite, so logistic calibration is undefined`, {
        ...(at.where ? { where: at.where } : {}),
        hint: 'Clip the predictions away from 0 and 1 (e.g. to [1e-8, 1 − 1e-8]), or leave them out of the logistic statistics as rms::val.prob does (CLI: --extremes exclude; library: { extremes: "exclude" }).',
      });
    }
  }
}

/**
 * Splits scores by class into two new arrays sorted ascending, oriented so
 * that a higher value always means "more positive" (scores are negated for
 * direction ">"). Inputs must already be checked. O(n log n): two native
 * integer-key sorts ({@link sortFloat64}); −0 becomes +0.
 */
export function sortedClassScores(
  truth: ArrayLike<number>,
  score: ArrayLike<number>,
  counts: ClassCounts,
  direction: Direction,
): { positives: Float64Array; negatives: Float64Array } {
  const positives = new Float64Array(counts.nPositive);
  const negatives = new Float64Array(counts.nNegative);
  let ip = 0;
  let ineg = 0;
  const n = counts.n;
  if (direction === "<") {
    for (let i = 0; i < n; i++) {
      if (truth[i] === 1) positives[ip++] = score[i]!;
      else negatives[ineg++] = score[i]!;
    }
  } else {
    for (let i = 0; i < n; i++) {
      if (truth[i] === 1) positives[ip++] = -score[i]!;
      else negatives[ineg++] = -score[i]!;
    }
  }
  return { positives: sortFloat64(positives), negatives: sortFloat64(negatives) };
}
