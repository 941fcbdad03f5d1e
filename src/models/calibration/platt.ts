import { RadvalError } from "../../core/errors.js";

/** A fitted Platt sigmoid: P(y = 1 | s) = 1 / (1 + exp(A s + B)). */
export interface PlattCalibrator {
  readonly method: "platt";
  readonly a: number;
  readonly b: number;
  /** Newton iterations used. */
  readonly iterations: number;
  /** Calibrated probabilities of the positive class for scores `s`. */
  apply(scores: ArrayLike<number>): Float64Array;
  toJSON(): { method: "platt"; a: number; b: number };
}

/** Options of {@link fitPlatt}. */
export interface PlattOptions {
  /** Observation weights (multiply each term of the log-likelihood). */
  readonly weights?: ArrayLike<number>;
  /** Stop when both gradient components are below this (libsvm uses 1e-5; default 1e-10). */
  readonly tolerance?: number;
  /** Maximum Newton iterations (default 100, as libsvm). */
  readonly maxIterations?: number;
}

/** 1 / (1 + exp(A s + B)) evaluated without overflow (libsvm's sigmoid_predict). */
export function plattProbability(a: number, b: number, score: number): number {
  const fApB = score * a + b;
  return fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
}

function freezeCalibrator(a: number, b: number, iterations: number): PlattCalibrator {
  return Object.freeze({
    method: "platt" as const,
    a,
    b,
    iterations,
    apply(scores: ArrayLike<number>): Float64Array {
      const out = new Float64Array(scores.length);
      for (let i = 0; i < scores.length; i++) out[i] = plattProbability(a, b, scores[i]!);
      return out;
    },
    toJSON: () => ({ method: "platt" as const, a, b }),
  });
}

/**
 * Platt scaling (Platt 1999, "Probabilistic outputs for support vector
 * machines"), fitted by the numerically robust Newton method with
 * backtracking line search of Lin, Lin & Weng 2007 (Machine Learning 68:
 * 267–276) — libsvm's `sigmoid_train`. Targets are smoothed as Platt
 * proposed: t₊ = (N₊ + 1)/(N₊ + 2) for events and t₋ = 1/(N₋ + 2) for
 * non-events (N = unweighted class counts, as libsvm and scikit-learn), and
 * A, B minimise −Σ wᵢ [tᵢ log pᵢ + (1 − tᵢ) log(1 − pᵢ)] with
 * pᵢ = 1/(1 + exp(A sᵢ + B)). Start A = 0, B = log((N₋ + 1)/(N₊ + 1)).
 * O(n) per iteration; converges in a few iterations.
 *
 * Fit it on held-out scores (cross-validated decision values), not on the
 * scores of the rows the model was trained on.
 */
export function fitPlatt(scores: ArrayLike<number>, y: ArrayLike<number>, options: PlattOptions = {}): PlattCalibrator {
  const l = scores.length;
  if (y.length !== l) throw new RadvalError("DIMENSION_MISMATCH", `Platt scaling: ${l} scores but ${y.length} outcomes`);
  const w = options.weights;
  if (w !== undefined && w.length !== l) throw new RadvalError("DIMENSION_MISMATCH", `Platt scaling: ${w.length} weights for ${l} scores`);
  let prior1 = 0;
  let prior0 = 0;
  for (let i = 0; i < l; i++) {
    if (!Number.isFinite(scores[i]!)) {
      throw new RadvalError("NON_FINITE", `Platt scaling: score ${i + 1} is ${scores[i]}`, { where: { row: i + 1 }, hint: "Calibrate finite scores only." });
    }
    if (y[i] === 1) prior1++;
    else if (y[i] === 0) prior0++;
    else throw new RadvalError("INVALID_ARGUMENT", `Platt scaling: outcome ${i + 1} is ${y[i]}, not 0/1`, { where: { row: i + 1 } });
  }
  if (prior1 === 0 || prior0 === 0) {
    throw new RadvalError("SINGLE_CLASS", `Platt scaling needs both classes among the held-out scores, got ${prior1} events and ${prior0} non-events`, {
      hint: "Calibrate on more held-out rows.",
    });
  }
  const maxIter = options.maxIterations ?? 100;
  const minStep = 1e-10;
  const sigma = 1e-12;
  const eps = options.tolerance ?? 1e-10;
  const hiTarget = (prior1 + 1) / (prior1 + 2);
  const loTarget = 1 / (prior0 + 2);
  const t = new Float64Array(l);
  const wt = new Float64Array(l);
  for (let i = 0; i < l; i++) {
    t[i] = y[i] === 1 ? hiTarget : loTarget;
    wt[i] = w ? w[i]! : 1;
  }
  const objective = (a: number, b: number): number => {
    let f = 0;
    for (let i = 0; i < l; i++) {
      const fApB = scores[i]! * a + b;
      f += wt[i]! * (fApB >= 0 ? t[i]! * fApB + Math.log1p(Math.exp(-fApB)) : (t[i]! - 1) * fApB + Math.log1p(Math.exp(fApB)));
    }
    return f;
  };
  let a = 0;
  let b = Math.log((prior0 + 1) / (prior1 + 1));
  let fval = objective(a, b);
  let iter = 0;
  for (; iter < maxIter; iter++) {
    let h11 = sigma;
    let h22 = sigma;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < l; i++) {
      const s = scores[i]!;
      const fApB = s * a + b;
      let p: number;
      let q: number;
      if (fApB >= 0) {
        const e = Math.exp(-fApB);
        p = e / (1 + e);
        q = 1 / (1 + e);
      } else {
        const e = Math.exp(fApB);
        p = 1 / (1 + e);
        q = e / (1 + e);
      }
      const d2 = wt[i]! * p * q;
      h11 += s * s * d2;
      h22 += d2;
      h21 += s * d2;
      const d1 = wt[i]! * (t[i]! - p);
      g1 += s * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < eps && Math.abs(g2) < eps) break;
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det;
    const dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let step = 1;
    let moved = false;
    while (step >= minStep) {
      const newA = a + step * dA;
      const newB = b + step * dB;
      const newF = objective(newA, newB);
      if (newF < fval + 0.0001 * step * gd) {
        a = newA;
        b = newB;
        fval = newF;
        moved = true;
        break;
      }
      step /= 2;
    }
    if (!moved) break; // line search cannot improve further: at the optimum to rounding
  }
  return freezeCalibrator(a, b, iter);
}

/** Restores a Platt calibrator from its `toJSON()`. */
export function plattFromJSON(state: { a: number; b: number }): PlattCalibrator {
  if (!state || !Number.isFinite(state.a) || !Number.isFinite(state.b)) {
    throw new RadvalError("INCOMPATIBLE_MODEL", "saved Platt calibration has no finite a, b", { hint: "Save the calibrated model again with toJSON()." });
  }
  return freezeCalibrator(state.a, state.b, 0);
}
