import { type ParamRules, booleanParam, classWeightParam, eitherParam, enumParam, makeSpec, numberParam, resolveParams } from "../params.js";
import type { ModelSpec, ParamValue } from "../types.js";

/** Hyperparameters of {@link svm} (standard names; each engine translates them). */
export interface SvmParams {
  /** "rbf" (default), "linear", "polynomial" or "sigmoid" (tanh(γ u·v + r)). */
  kernel?: "linear" | "polynomial" | "rbf" | "sigmoid";
  /** Cost C of margin violations (libsvm -c, scikit-learn C, kernlab C). Default 1. */
  cost?: number;
  /** Kernel scale γ: a number > 0, "scale" (default: 1/(p·Var X), scikit-learn's default) or "auto" (1/p). */
  gamma?: number | "scale" | "auto";
  /** Polynomial degree. Default 3. */
  degree?: number;
  /** Offset r in the polynomial (γ u·v + r)^d and sigmoid tanh(γ u·v + r) kernels. Default 0. */
  coef0?: number;
  /** Solver stopping tolerance (libsvm -e, scikit-learn tol). Default 1e-3. */
  tolerance?: number;
  /**
   * Kernel-row cache budget in MB (libsvm -m, scikit-learn cache_size).
   * Default 200 (scikit-learn's). Engines allocate only what the problem
   * needs (at most n² single-precision entries); results do not depend on it.
   */
  cacheSize?: number;
  /**
   * How `predictProba` is obtained: "platt" (default) — radval's Platt scaling
   * of decision values cross-validated in 5 stratified folds drawn from the
   * fit's Rng (libsvm's own procedure, made reproducible); "libsvm" — libsvm's
   * internal `-b 1` estimate (its folds come from libsvm's own unseeded
   * generator: not reproducible); "none" — no probabilities (fastest; only
   * `predictScore`). `true`/`false` mean "platt"/"none".
   */
  probability?: "platt" | "libsvm" | "none" | boolean;
  /** null, "balanced" or {"0": w0, "1": w1}: C is multiplied by the class's weight (libsvm -wi). */
  classWeight?: null | "balanced" | Readonly<Record<string, number>> | readonly number[];
}

/** Parameter rules of the svm model family (shared by its engines). */
export const SVM_PARAMS: ParamRules = Object.freeze({
  kernel: enumParam("rbf", 'kernel: "linear", "polynomial", "rbf" or "sigmoid"', ["linear", "polynomial", "rbf", "sigmoid"]),
  cost: numberParam(1, "cost C of margin violations, > 0", { min: 0, exclusiveMin: true }),
  gamma: eitherParam(
    "scale",
    'kernel scale γ > 0, or "scale" (1/(p·Var X)) or "auto" (1/p)',
    numberParam(null, "γ", { min: 0, exclusiveMin: true }),
    enumParam("scale", "γ rule", ["scale", "auto"]),
  ),
  degree: numberParam(3, "polynomial degree, a whole number ≥ 1", { min: 1, integer: true }),
  coef0: numberParam(0, "offset r in (γ u·v + r)^d (polynomial) and tanh(γ u·v + r) (sigmoid)", {}),
  tolerance: numberParam(1e-3, "solver stopping tolerance, > 0 (libsvm -e)", { min: 0, exclusiveMin: true }),
  cacheSize: numberParam(200, "kernel-row cache in MB, > 0 (libsvm -m; results do not depend on it)", { min: 0, exclusiveMin: true }),
  probability: eitherParam(
    "platt",
    'probabilities: "platt" (cross-validated Platt scaling, seeded), "libsvm" (libsvm -b 1, unseeded) or "none"',
    enumParam("platt", "method", ["platt", "libsvm", "none"]),
    booleanParam(true, "true = platt, false = none"),
  ),
  classWeight: classWeightParam(),
});

/** The probability method a resolved `probability` value means. */
export function probabilityMethod(value: ParamValue): "platt" | "libsvm" | "none" {
  if (value === true) return "platt";
  if (value === false) return "none";
  return value as "platt" | "libsvm" | "none";
}

/**
 * Support vector machine classifier spec (C-SVC; Cortes & Vapnik 1995;
 * parsnip's `svm_linear` / `svm_rbf` / `svm_poly` in one). Engines:
 * "radval" (default: radval's own implementation of libsvm's C-SVC solver
 * with WebAssembly SIMD kernels — the same support vectors and decision
 * values as scikit-learn's SVC, and at or below its time), "libsvm"
 * (libsvm-js, libsvm compiled to WebAssembly: the reference, and the only
 * engine offering libsvm's own `-b 1` probabilities) and "ml-svm"
 * (simplified SMO, for comparison). Returns frozen plain
 * data with every parameter filled in; unknown or invalid parameters are
 * errors naming the parameter. O(1).
 */
export function svm(params: SvmParams = {}, engine = "radval"): ModelSpec {
  return makeSpec("svm", engine, resolveParams("svm", SVM_PARAMS, params as Record<string, ParamValue | undefined>));
}
