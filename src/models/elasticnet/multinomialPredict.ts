import { RadvalError } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import type { MultinomialElasticNetPath } from "./multinomialPath.js";
import { lambdaInterp } from "./predict.js";

/** Intercepts and coefficients of every class at one λ (original scale). */
export interface MultinomialCoefficients {
  readonly lambda: number;
  /** Length K. */
  readonly intercept: readonly number[];
  /** K × p. */
  readonly beta: readonly (readonly number[])[];
}

/**
 * `coef(fit, s)` of a multinomial glmnet (exact = FALSE): each class's
 * intercept and coefficients at λ = s, linearly interpolated between the two
 * path solutions that bracket s (clamped outside the path). O(K p + log L).
 */
export function multinomialCoef(path: MultinomialElasticNetPath, s: number): MultinomialCoefficients {
  if (!Number.isFinite(s) || s < 0) throw new RadvalError("INVALID_ARGUMENT", `λ must be finite and ≥ 0, got ${s}`, { where: { key: "s" } });
  const { left, right, frac } = lambdaInterp(path.lambda, s);
  const mix = (v: readonly number[]) => frac * v[left]! + (1 - frac) * v[right]!;
  return Object.freeze({
    lambda: s,
    intercept: Object.freeze(path.a0.map(mix)),
    beta: Object.freeze(path.beta.map((cls) => Object.freeze(cls.map(mix)))),
  });
}

/**
 * `predict(fit, x, s, type = "response" | "link" | "class")` of a multinomial
 * glmnet: the linear predictors η_c = a0_c + x'β_c at λ = s (interpolated as
 * {@link multinomialCoef}), the class probabilities softmax(η) (one row per
 * case, K columns in the order of `path.classes`), or the most probable
 * class index (ties: the first). O(n p K).
 */
export function multinomialPredict(path: MultinomialElasticNetPath, x: ColumnMatrix, s: number, type: "response" | "link" = "response"): Float64Array[] {
  const p = path.featureNames.length;
  if (x.nCols !== p) {
    throw new RadvalError("DIMENSION_MISMATCH", `the model has ${p} features but ${x.nCols} columns were given`, { hint: `Pass the columns ${path.featureNames.join(", ")} in this order.` });
  }
  const coef = multinomialCoef(path, s);
  const n = x.nRows;
  const K = path.classes.length;
  const out: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const eta = new Float64Array(K);
    for (let c = 0; c < K; c++) {
      let e = coef.intercept[c]!;
      const b = coef.beta[c]!;
      for (let j = 0; j < p; j++) if (b[j] !== 0) e += b[j]! * x.data[j * n + i]!;
      eta[c] = e;
    }
    if (type === "response") {
      let m = -Infinity;
      for (const e of eta) m = Math.max(m, e);
      let s2 = 0;
      for (let c = 0; c < K; c++) {
        eta[c] = Math.exp(eta[c]! - m);
        s2 += eta[c]!;
      }
      for (let c = 0; c < K; c++) eta[c] = eta[c]! / s2;
    }
    out.push(eta);
  }
  return out;
}
