import type { ColumnMatrix } from "../../core/matrix.js";
import { type KernelSpec, kernelValue, powInt, toRowMajor } from "./kernel.js";

/**
 * A fitted kernel expansion f(x) = Σₖ cₖ K(svₖ, x) + b, oriented so that
 * f > 0 means class 1 (scikit-learn's `decision_function` convention for
 * binary SVC: positive = the second class label).
 */
export interface KernelExpansion {
  readonly kernel: KernelSpec;
  readonly nFeatures: number;
  /** Support vectors, row-major (m × p), at full precision (the training rows). */
  readonly supportVectors: Float64Array;
  /** Signed dual coefficients cₖ = yₖ αₖ with y = +1 for class 1. */
  readonly coef: Float64Array;
  readonly intercept: number;
}

/** Number of support vectors of an expansion. */
export function supportVectorCount(model: KernelExpansion): number {
  return model.coef.length;
}

/**
 * For a linear kernel the expansion collapses to f(x) = w·x + b with
 * w = Σₖ cₖ svₖ (the primal coefficients, on the scale of the features the
 * SVM saw). O(m p).
 */
export function linearWeights(model: KernelExpansion): Float64Array {
  const p = model.nFeatures;
  const w = new Float64Array(p);
  const m = model.coef.length;
  for (let k = 0; k < m; k++) {
    const c = model.coef[k]!;
    const off = k * p;
    for (let j = 0; j < p; j++) w[j] = w[j]! + c * model.supportVectors[off + j]!;
  }
  return w;
}

/**
 * Decision values f(x) of every row of `x` (column-major n × p): Σₖ cₖ K(svₖ, x) + b
 * in double precision (libsvm's `svm_predict_values`; for the linear kernel
 * through w = Σ cₖ svₖ, which differs from libsvm's summation order only by
 * rounding). O(n m p) (O(n p) linear).
 */
export function decisionValues(model: KernelExpansion, x: ColumnMatrix): Float64Array {
  const n = x.nRows;
  const p = model.nFeatures;
  const out = new Float64Array(n);
  if (model.kernel.kind === "linear") {
    const w = linearWeights(model);
    out.fill(model.intercept);
    for (let j = 0; j < p; j++) {
      const wj = w[j]!;
      const base = j * n;
      for (let i = 0; i < n; i++) out[i] = out[i]! + wj * x.data[base + i]!;
    }
    return out;
  }
  const rows = toRowMajor(x.data, n, p);
  const m = model.coef.length;
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (let k = 0; k < m; k++) f += model.coef[k]! * kernelValue(model.kernel, model.supportVectors, k * p, rows, i * p, p);
    out[i] = f + model.intercept;
  }
  return out;
}

/**
 * Largest nFree · m · p (multiply-adds) for which {@link libsvmRho} is run by
 * the libsvm engine (~0.2 s); above it the engine keeps libsvm's printed ρ
 * (6 significant digits: |error| ≤ 5e-6 |ρ|).
 */
export const RHO_RECOMPUTE_BUDGET = 2e8;

/** Number of free support vectors (0 < αᵢ < Cᵢ). */
export function freeSupportVectorCount(coef: Float64Array, upper: Float64Array): number {
  let nFree = 0;
  for (let i = 0; i < coef.length; i++) {
    const alpha = Math.abs(coef[i]!);
    if (alpha > 0 && alpha < upper[i]!) nFree++;
  }
  return nFree;
}

/**
 * libsvm's ρ recomputed at full precision (libsvm-js prints ρ with only 6
 * significant digits). At the solver's end, ρ = mean over free support
 * vectors (0 < αᵢ < Cᵢ) of yᵢ Gᵢ, where the gradient Gᵢ = Σⱼ yᵢ yⱼ αⱼ Qᵢⱼ − 1
 * uses libsvm's kernel cache, which stores Q in single precision (`Qfloat`)
 * and evaluates the RBF kernel as exp(−γ(‖a‖² + ‖b‖² − 2 a·b)). So
 * ρ = mean_free(Σⱼ coefⱼ fround(K(svⱼ, svᵢ)) − yᵢ), with coef and y in
 * libsvm's own orientation (y = +1 for the model's first label). Returns
 * undefined when no support vector is free (libsvm then takes the midpoint
 * of a feasible interval, which is not recomputed here). O(m_free m p).
 *
 * Reference: Chang & Lin 2011, "LIBSVM: a library for support vector
 * machines", ACM TIST 2(3), §4.1.5 (calculate_rho); libsvm's svm.cpp.
 */
export function libsvmRho(kernel: KernelSpec, sv: Float64Array, p: number, coef: Float64Array, y: Int8Array, upper: Float64Array): number | undefined {
  const m = coef.length;
  const norms = new Float64Array(m);
  if (kernel.kind === "rbf") {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let t = 0; t < p; t++) s += sv[j * p + t]! * sv[j * p + t]!;
      norms[j] = s;
    }
  }
  let sum = 0;
  let nFree = 0;
  for (let i = 0; i < m; i++) {
    const alpha = Math.abs(coef[i]!);
    if (!(alpha > 0 && alpha < upper[i]!)) continue;
    const oi = i * p;
    let g = 0;
    for (let j = 0; j < m; j++) {
      const oj = j * p;
      let dot = 0;
      for (let t = 0; t < p; t++) dot += sv[oj + t]! * sv[oi + t]!;
      let k: number;
      if (kernel.kind === "linear") k = dot;
      else if (kernel.kind === "rbf") k = Math.exp(-kernel.gamma * (norms[i]! + norms[j]! - 2 * dot));
      else if (kernel.kind === "sigmoid") k = Math.tanh(kernel.gamma * dot + kernel.coef0);
      else k = powInt(kernel.gamma * dot + kernel.coef0, kernel.degree);
      g += coef[j]! * Math.fround(k);
    }
    sum += g - y[i]!;
    nFree++;
  }
  return nFree > 0 ? sum / nFree : undefined;
}
