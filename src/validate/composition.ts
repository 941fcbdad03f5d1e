import { RadvalError } from "../core/errors.js";
import type { Prediction } from "../core/prediction.js";
import type { FeatureFrame } from "../preprocess/types.js";

/**
 * The score a stage workflow hands to the next model as a predictor: the
 * linear predictor (binary: the exact log-odds, else logit of the
 * probability; survival: the Cox linear predictor). Ordinal and nominal
 * stages have no single score.
 */
export function stageScore(prediction: Prediction, stage: string): Float64Array {
  if (prediction.kind === "binary") {
    if (prediction.logit) return prediction.logit;
    return Float64Array.from(prediction.prob, (p) => {
      const q = Math.min(1 - 1e-7, Math.max(1e-7, p));
      return Math.log(q) - Math.log1p(-q);
    });
  }
  if (prediction.kind === "survival") return prediction.lp;
  throw new RadvalError("INVALID_CONFIG", `stage "${stage}" predicts a ${prediction.kind} outcome, which has no single score to use as a predictor`, { hint: "A rad-score stage must be a binary or time-to-event model." });
}

/** The columns `names` of a frame, in that order (a missing one is an error naming it). O(n · names). */
export function selectColumns(frame: FeatureFrame, names: readonly string[], what = "the model"): FeatureFrame {
  const n = frame.x.nRows;
  const data = new Float64Array(n * names.length);
  names.forEach((name, j) => {
    const at = frame.names.indexOf(name);
    if (at < 0) throw new RadvalError("UNKNOWN_COLUMN", `${what} uses "${name}", which is not a feature column`, { where: { column: name }, hint: "Name feature columns of the data (data.features / data.groups)." });
    data.set(frame.x.data.subarray(at * n, (at + 1) * n), j * n);
  });
  return { names: [...names], x: { nRows: n, nCols: names.length, data }, ...(frame.context ? { context: frame.context } : {}) };
}

/** A frame with columns appended (e.g. a rad-score). O(n · p). */
export function appendColumns(frame: FeatureFrame, columns: ReadonlyArray<{ name: string; values: Float64Array }>): FeatureFrame {
  const n = frame.x.nRows;
  const data = new Float64Array(n * (frame.names.length + columns.length));
  data.set(frame.x.data.subarray(0, n * frame.names.length));
  columns.forEach((c, k) => data.set(c.values, (frame.names.length + k) * n));
  return { names: [...frame.names, ...columns.map((c) => c.name)], x: { nRows: n, nCols: frame.names.length + columns.length, data }, ...(frame.context ? { context: frame.context } : {}) };
}
