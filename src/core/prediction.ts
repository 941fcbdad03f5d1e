import { RadvalError } from "./errors.js";

/** Binary prediction: P(event) and, for models with a linear predictor, its exact log-odds. */
export interface BinaryPrediction {
  readonly kind: "binary";
  readonly prob: Float64Array;
  /** The model's exact log-odds (linear models), else null (calibration then uses the clipped logit of `prob`). */
  readonly logit: Float64Array | null;
}

/** Ordinal or nominal prediction: class probabilities, row-major n × K (rows sum to 1; level order of the response). */
export interface LevelPrediction {
  readonly kind: "ordinal" | "nominal";
  readonly nLevels: number;
  readonly probs: Float64Array;
}

/** Time-to-event prediction: a risk score (higher = higher risk; the Cox linear predictor) and the risk P(event by horizon). */
export interface SurvivalPrediction {
  readonly kind: "survival";
  readonly lp: Float64Array;
  readonly risk: Float64Array;
}

/**
 * One prediction type per outcome kind. The validation engine moves
 * predictions between tasks without looking inside; the kind's metric set
 * reads them.
 */
export type Prediction = BinaryPrediction | LevelPrediction | SurvivalPrediction;

/** Number of predicted rows. */
export function predictionLength(p: Prediction): number {
  switch (p.kind) {
    case "binary":
      return p.prob.length;
    case "survival":
      return p.lp.length;
    default:
      return p.probs.length / p.nLevels;
  }
}

/** The predictions at `positions` (indexes into the predicted rows). O(positions × K). */
export function predictionAt(p: Prediction, positions: ArrayLike<number>): Prediction {
  const pick = (v: Float64Array) => Float64Array.from({ length: positions.length }, (_, k) => v[positions[k]!]!);
  switch (p.kind) {
    case "binary":
      return { kind: "binary", prob: pick(p.prob), logit: p.logit ? pick(p.logit) : null };
    case "survival":
      return { kind: "survival", lp: pick(p.lp), risk: pick(p.risk) };
    default: {
      const K = p.nLevels;
      const out = new Float64Array(positions.length * K);
      for (let k = 0; k < positions.length; k++) out.set(p.probs.subarray(positions[k]! * K, positions[k]! * K + K), k * K);
      return { kind: p.kind, nLevels: K, probs: out };
    }
  }
}

/**
 * Predictions of several parts (e.g. CV folds) pooled into one, in the order
 * given by `order` (the positions, over the concatenated parts, to take). All
 * parts must be of one kind; binary logits are kept only when every part has them.
 */
export function concatPredictions(parts: readonly Prediction[], order?: ArrayLike<number>): Prediction {
  if (parts.length === 0) throw new RadvalError("INVALID_ARGUMENT", "no predictions to pool");
  const first = parts[0]!;
  if (parts.some((p) => p.kind !== first.kind)) throw new RadvalError("INVALID_ARGUMENT", "cannot pool predictions of different outcome kinds");
  const cat = (arrays: Float64Array[]) => {
    const out = new Float64Array(arrays.reduce((a, v) => a + v.length, 0));
    let at = 0;
    for (const v of arrays) {
      out.set(v, at);
      at += v.length;
    }
    return out;
  };
  let joined: Prediction;
  switch (first.kind) {
    case "binary": {
      const all = parts as BinaryPrediction[];
      const logits = all.every((p) => p.logit !== null) ? cat(all.map((p) => p.logit!)) : null;
      joined = { kind: "binary", prob: cat(all.map((p) => p.prob)), logit: logits };
      break;
    }
    case "survival": {
      const all = parts as SurvivalPrediction[];
      joined = { kind: "survival", lp: cat(all.map((p) => p.lp)), risk: cat(all.map((p) => p.risk)) };
      break;
    }
    default: {
      const all = parts as LevelPrediction[];
      joined = { kind: first.kind, nLevels: first.nLevels, probs: cat(all.map((p) => p.probs)) };
    }
  }
  return order ? predictionAt(joined, order) : joined;
}

/** The binary prediction, or an error naming the kind (for code that only handles binary outcomes). */
export function asBinary(p: Prediction, what = "this step"): BinaryPrediction {
  if (p.kind !== "binary") throw new RadvalError("INVALID_ARGUMENT", `${what} needs binary predictions, got ${p.kind} ones`);
  return p;
}

/** Row i of a level prediction's class probabilities (a view). */
export function classRow(p: LevelPrediction, i: number): Float64Array {
  return p.probs.subarray(i * p.nLevels, (i + 1) * p.nLevels);
}

/** All rows of a level prediction as views (the `ReadonlyArray<ArrayLike<number>>` the ordinal metrics take). */
export function classRows(p: LevelPrediction): Float64Array[] {
  const n = p.probs.length / p.nLevels;
  return Array.from({ length: n }, (_, i) => classRow(p, i));
}
