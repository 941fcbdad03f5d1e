import { RadvalError } from "../../core/errors.js";

/** A fitted isotonic (monotone non-decreasing) calibration map. */
export interface IsotonicCalibrator {
  readonly method: "isotonic";
  /** Distinct scores (ascending) where the fitted step function is defined. */
  readonly thresholdsX: Float64Array;
  /** Fitted probabilities at `thresholdsX` (non-decreasing). */
  readonly thresholdsY: Float64Array;
  /** Calibrated probabilities: linear interpolation between thresholds, clipped outside their range. */
  apply(scores: ArrayLike<number>): Float64Array;
  toJSON(): { method: "isotonic"; x: number[]; y: number[] };
}

function interpolate(xs: Float64Array, ys: Float64Array, v: number): number {
  const m = xs.length;
  if (v <= xs[0]!) return ys[0]!;
  if (v >= xs[m - 1]!) return ys[m - 1]!;
  let lo = 0;
  let hi = m - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= v) lo = mid;
    else hi = mid;
  }
  const x0 = xs[lo]!;
  const x1 = xs[hi]!;
  return ys[lo]! + ((ys[hi]! - ys[lo]!) * (v - x0)) / (x1 - x0);
}

function freezeIsotonic(xs: Float64Array, ys: Float64Array): IsotonicCalibrator {
  return Object.freeze({
    method: "isotonic" as const,
    thresholdsX: xs,
    thresholdsY: ys,
    apply(scores: ArrayLike<number>): Float64Array {
      const out = new Float64Array(scores.length);
      for (let i = 0; i < scores.length; i++) out[i] = interpolate(xs, ys, scores[i]!);
      return out;
    },
    toJSON: () => ({ method: "isotonic" as const, x: Array.from(xs), y: Array.from(ys) }),
  });
}

/**
 * Isotonic calibration (Zadrozny & Elkan 2002): the non-decreasing step
 * function of the score that minimises Σ wᵢ (yᵢ − g(sᵢ))², by the
 * pool-adjacent-violators algorithm (Ayer et al. 1955; Barlow et al. 1972).
 * As scikit-learn's `IsotonicRegression(out_of_bounds = "clip")` (used by
 * `CalibratedClassifierCV(method = "isotonic")`): tied scores are first
 * merged into one point (weighted mean outcome, summed weight); predictions
 * interpolate linearly between the fitted points and are clipped to the end
 * values outside the fitted range. O(n log n) fit (one sort), O(log m) per
 * prediction.
 */
export function fitIsotonic(scores: ArrayLike<number>, y: ArrayLike<number>, options: { weights?: ArrayLike<number> } = {}): IsotonicCalibrator {
  const n = scores.length;
  if (y.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `isotonic calibration: ${n} scores but ${y.length} outcomes`);
  if (n === 0) throw new RadvalError("INVALID_ARGUMENT", "isotonic calibration needs at least one score");
  const w = options.weights;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(scores[i]!)) throw new RadvalError("NON_FINITE", `isotonic calibration: score ${i + 1} is ${scores[i]}`, { where: { row: i + 1 } });
    if (!Number.isFinite(y[i]!)) throw new RadvalError("NON_FINITE", `isotonic calibration: outcome ${i + 1} is ${y[i]}`, { where: { row: i + 1 } });
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((i, j) => scores[i]! - scores[j]! || y[i]! - y[j]!);
  // Merge ties: one point per distinct score.
  const ux: number[] = [];
  const uy: number[] = [];
  const uw: number[] = [];
  for (let k = 0; k < n; ) {
    const s = scores[order[k]!]!;
    let sw = 0;
    let swy = 0;
    while (k < n && scores[order[k]!]! === s) {
      const i = order[k]!;
      const wi = w ? w[i]! : 1;
      sw += wi;
      swy += wi * y[i]!;
      k++;
    }
    ux.push(s);
    uy.push(sw > 0 ? swy / sw : 0);
    uw.push(sw);
  }
  // Pool adjacent violators on blocks (value, weight, length).
  const m = ux.length;
  const value = new Float64Array(m);
  const weight = new Float64Array(m);
  const size = new Int32Array(m);
  let top = -1;
  for (let k = 0; k < m; k++) {
    top++;
    value[top] = uy[k]!;
    weight[top] = uw[k]!;
    size[top] = 1;
    while (top > 0 && value[top - 1]! >= value[top]!) {
      const wsum = weight[top - 1]! + weight[top]!;
      value[top - 1] = wsum > 0 ? (weight[top - 1]! * value[top - 1]! + weight[top]! * value[top]!) / wsum : value[top]!;
      weight[top - 1] = wsum;
      size[top - 1] = size[top - 1]! + size[top]!;
      top--;
    }
  }
  const fitted = new Float64Array(m);
  let pos = 0;
  for (let b = 0; b <= top; b++) for (let r = 0; r < size[b]!; r++) fitted[pos++] = value[b]!;
  return freezeIsotonic(Float64Array.from(ux), fitted);
}

/** Restores an isotonic calibrator from its `toJSON()`. */
export function isotonicFromJSON(state: { x: number[]; y: number[] }): IsotonicCalibrator {
  if (!state || !Array.isArray(state.x) || !Array.isArray(state.y) || state.x.length !== state.y.length || state.x.length === 0) {
    throw new RadvalError("INCOMPATIBLE_MODEL", "saved isotonic calibration has no thresholds", { hint: "Save the calibrated model again with toJSON()." });
  }
  return freezeIsotonic(Float64Array.from(state.x), Float64Array.from(state.y));
}
