import type { ColumnMatrix } from "../../core/matrix.js";
import { type KernelSpec, powInt } from "./kernel.js";
import { expKernel } from "./radval/exp.js";
import { PANEL, createSvmKernels } from "./radval/kernels.js";

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
 * in double precision, the sum in support-vector order (libsvm's
 * `svm_predict_values`). For the linear kernel through w = Σ cₖ svₖ (differs
 * from libsvm's summation order only by rounding). Other kernels: the support
 * vectors are packed into panels and each row's dot products (RBF: squared
 * distances Σₜ (xₜ − svₜ)², libsvm's prediction-time form) come from the
 * WebAssembly SIMD kernels of `radval/kernels.ts` (`prefer: "js"`: their
 * plain-JavaScript twins, identical results), summed feature by feature in
 * order; the RBF exponential is {@link expKernel} (< 1 ulp; e^x for
 * x < −110 is taken as e^−110 ≈ 1.7e−48). O(n m p) (O(n p) linear).
 */
export function decisionValues(model: KernelExpansion, x: ColumnMatrix, prefer: "simd" | "js" = "simd"): Float64Array {
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
  const m = model.coef.length;
  if (m === 0 || n === 0) return out.fill(model.intercept);
  const nPanels = Math.ceil(m / PANEL);
  const panelsB = 0;
  const xrowB = nPanels * PANEL * p * 8;
  const dotsB = xrowB + Math.ceil(p / 2) * 16;
  const kernels = createSvmKernels(dotsB + nPanels * PANEL * 8, prefer);
  try {
    const f64 = new Float64Array(kernels.heap);
    const sv = model.supportVectors;
    for (let b = 0, at = 0; b < nPanels; b++) {
      for (let t = 0; t < p; t++) {
        for (let lane = 0; lane < PANEL; lane++, at++) {
          const k = b * PANEL + lane;
          f64[at] = k < m ? sv[k * p + t]! : 0;
        }
      }
    }
    const xrow = xrowB >> 3;
    const dots = dotsB >> 3;
    const { kind, gamma, coef0, degree } = model.kernel;
    const coef = model.coef;
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < p; t++) f64[xrow + t] = x.data[t * n + i]!;
      let f = 0;
      if (kind === "rbf") {
        kernels.panelSqDist(xrowB, panelsB, dotsB, p, nPanels);
        for (let k = 0; k < m; k++) f += coef[k]! * expKernel(-gamma * f64[dots + k]!);
      } else {
        kernels.panelDots(xrowB, panelsB, dotsB, p, nPanels);
        if (kind === "polynomial") for (let k = 0; k < m; k++) f += coef[k]! * powInt(gamma * f64[dots + k]! + coef0, degree);
        else for (let k = 0; k < m; k++) f += coef[k]! * Math.tanh(gamma * f64[dots + k]! + coef0);
      }
      out[i] = f + model.intercept;
    }
  } finally {
    kernels.release();
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
