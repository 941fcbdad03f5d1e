import { RadvalError, type RadvalWarning } from "../../../core/errors.js";
import { type ColumnMatrix, gatherRows } from "../../../core/matrix.js";
import { defaultsOf, resolveParams } from "../../params.js";
import type { FitOptions, FittedModel, ModelEngine, ModelSpec, SerializedModel } from "../../types.js";
import { checkFitInput } from "../../validate.js";
import { kernelFromParams, svmClassMultipliers } from "../common.js";
import { type KernelExpansion, decisionValues } from "../decision.js";
import { type SvmProbability, restoreSvm, svmFittedModel } from "../fitted.js";
import type { KernelSpec } from "../kernel.js";
import { crossValidatedPlatt } from "../probability.js";
import { SVM_PARAMS, probabilityMethod } from "../spec.js";
import { createQMatrix } from "./qmatrix.js";
import { type CsvcSolution, SOLVER_VECTORS, solveCsvc } from "./solver.js";

const ENGINE = "radval";

/** Options of {@link trainRadvalSvm}. */
export interface RadvalSvmOptions {
  readonly cost: number;
  readonly tolerance: number;
  /** C multipliers [class 0, class 1] (class weights, libsvm -w0 / -w1). */
  readonly classMultipliers: readonly [number, number];
  /** Kernel-row cache budget in MB. Default 200. */
  readonly cacheSize?: number;
  /** "simd" (default) or "js": force the plain-JavaScript kernels (same results, bit for bit). */
  readonly kernels?: "simd" | "js";
  readonly shrinking?: boolean;
  /** Iteration limit (default libsvm's max(10⁷, 100 l)); reaching it sets `hitIterationLimit`. */
  readonly maxIterations?: number;
}

/** One run of radval's C-SVC solver on some rows of x. */
export interface RadvalSvmTrainResult {
  readonly expansion: KernelExpansion;
  /** Training-row indices (into x) of the support vectors, in expansion order (class 0 first, then class 1). */
  readonly supportRows: Int32Array;
  readonly nSupportPerClass: [number, number];
  /** αᵢ of the support vectors (expansion order; coef = ±α). */
  readonly alpha: Float64Array;
  /** libsvm's ρ (decision value = Σ cₖ K + ρ in radval's orientation). */
  readonly rho: number;
  readonly objective: number;
  readonly iterations: number;
  readonly hitIterationLimit: boolean;
  /** True when the kernel rows ran as WebAssembly SIMD. */
  readonly simd: boolean;
  /** Kernel rows (or row extensions) computed, and the kernel entries they hold. */
  readonly kernelRows: number;
  readonly kernelEntries: number;
}

/**
 * Trains radval's C-SVC (libsvm's algorithm, {@link solveCsvc}) on `rows` of
 * `x`. As scikit-learn's libsvm, the rows are handed to the solver class 0
 * first, then class 1, each in the given order, and class 0 is libsvm's
 * first label (y = +1), so the solver takes libsvm's path; the decision
 * function is returned in radval's orientation (f > 0 → class 1):
 * coefficients cₖ = +αₖ for class 1, −αₖ for class 0, intercept ρ. Bounds
 * Cᵢ = cost · classMultipliers[class]. O(l p) setup + the solver.
 */
export function trainRadvalSvm(x: ColumnMatrix, y: Float64Array, rows: Int32Array, kernel: KernelSpec, options: RadvalSvmOptions): RadvalSvmTrainResult {
  const p = x.nCols;
  const all = new Int32Array(rows.length);
  let l = 0;
  for (const cls of [0, 1]) for (let k = 0; k < rows.length; k++) if (y[rows[k]!] === cls) all[l++] = rows[k]!;
  const ordered = all.subarray(0, l); // rows labelled 0 or 1 (the engine checks there are no others)
  const yLib = new Float64Array(l);
  for (let s = 0; s < l; s++) yLib[s] = y[ordered[s]!] === 0 ? 1 : -1;
  const q = createQMatrix({
    x,
    rows: ordered,
    y: yLib,
    kernel,
    cacheBytes: (options.cacheSize ?? 200) * 1048576,
    prefer: options.kernels ?? "simd",
    extraVectors: SOLVER_VECTORS,
  });
  let solution: CsvcSolution;
  try {
    solution = solveCsvc(q, {
      cPositive: options.cost * options.classMultipliers[0],
      cNegative: options.cost * options.classMultipliers[1],
      eps: options.tolerance,
      ...(options.shrinking !== undefined ? { shrinking: options.shrinking } : {}),
      ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
    });
  } finally {
    q.release();
  }
  let m = 0;
  for (let s = 0; s < l; s++) if (solution.alpha[s]! > 0) m++;
  const sv = new Float64Array(m * p);
  const coef = new Float64Array(m);
  const alpha = new Float64Array(m);
  const supportRows = new Int32Array(m);
  const perClass: [number, number] = [0, 0];
  let k = 0;
  for (let s = 0; s < l; s++) {
    const a = solution.alpha[s]!;
    if (!(a > 0)) continue;
    const row = ordered[s]!;
    const cls = y[row]! as 0 | 1;
    for (let j = 0; j < p; j++) sv[k * p + j] = x.data[j * x.nRows + row]!;
    coef[k] = cls === 1 ? a : -a;
    alpha[k] = a;
    supportRows[k] = row;
    perClass[cls]++;
    k++;
  }
  return {
    expansion: Object.freeze({ kernel, nFeatures: p, supportVectors: sv, coef, intercept: solution.rho }),
    supportRows,
    nSupportPerClass: perClass,
    alpha,
    rho: solution.rho,
    objective: solution.objective,
    iterations: solution.iterations,
    hitIterationLimit: solution.hitIterationLimit,
    simd: q.kernels.simd,
    kernelRows: q.stats.rowsComputed,
    kernelEntries: q.stats.entriesComputed,
  };
}

function fitRadvalSvm(spec: ModelSpec, x: ColumnMatrix, y: Float64Array, options: FitOptions): FittedModel {
  const featureNames = checkFitInput(`svm (${ENGINE})`, x, y, options);
  const params = resolveParams("svm", SVM_PARAMS, spec.params);
  const kernel = kernelFromParams(params, x);
  const classMultipliers = svmClassMultipliers(ENGINE, y, params["classWeight"]!, options.weights);
  const method = probabilityMethod(params["probability"]!);
  if (method === "libsvm") {
    throw new RadvalError("NOT_IMPLEMENTED_OPTION", 'svm (radval) has no probability: "libsvm" (libsvm\'s unseeded -b 1 estimate)', {
      where: { key: "probability" },
      hint: 'Use probability: "platt" (the same Platt scaling on cross-validated decision values, with seeded stratified folds), or engine "libsvm".',
    });
  }
  const solver: RadvalSvmOptions = {
    cost: params["cost"] as number,
    tolerance: params["tolerance"] as number,
    cacheSize: params["cacheSize"] as number,
    classMultipliers,
  };
  const n = x.nRows;
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const main = trainRadvalSvm(x, y, all, kernel, solver);
  const warnings: RadvalWarning[] = [];
  let hitLimit = main.hitIterationLimit;
  let probability: SvmProbability | null = null;
  if (method === "platt") {
    const platt = crossValidatedPlatt(y, options.rng, (analysis, assessment) => {
      const fold = trainRadvalSvm(x, y, analysis, kernel, solver);
      hitLimit ||= fold.hitIterationLimit;
      return decisionValues(fold.expansion, gatherRows(x, assessment));
    });
    probability = { method: "platt", a: platt.a, b: platt.b };
  }
  if (hitLimit) {
    warnings.push({
      code: "NOT_CONVERGED",
      message: `the SVM solver stopped at libsvm's iteration limit (max(10⁷, 100 n)) before reaching tolerance ${solver.tolerance}`,
    });
  }
  return svmFittedModel({
    spec,
    featureNames: Object.freeze([...featureNames]),
    expansion: main.expansion,
    probability,
    nObservations: n,
    nSupportPerClass: main.nSupportPerClass,
    supportIndices: Object.freeze(Array.from(main.supportRows)),
    engineDetails: Object.freeze({
      solver: "radval: libsvm's C-SVC algorithm (SMO, second-order working-set selection, shrinking), WebAssembly SIMD kernel rows",
      classCostMultipliers: { "0": classMultipliers[0], "1": classMultipliers[1] },
      iterations: main.iterations,
      objective: main.objective,
      kernelRowsComputed: main.kernelRows,
      simd: main.simd,
      interceptPrecision: "full (ρ from the solver's gradient, as libsvm)",
    }),
    warnings,
  });
}

/**
 * The `svm` model's "radval" engine: radval's own implementation of libsvm's
 * C-SVC solver (Chang & Lin 2011; Fan, Chen & Lin 2005), which reproduces
 * libsvm's iterates and so its solution, with kernel rows computed by
 * WebAssembly SIMD (plain-JavaScript fallback, identical results). Kernels
 * linear, polynomial, RBF and sigmoid in libsvm's parametrisation; class
 * weights as libsvm -w. Needs no `prepare()`. Fit: O(iterations · n) plus
 * O(n p) per kernel row computed (at most n rows when the cache holds them),
 * plus 5 more fits for probability "platt".
 */
export const radvalSvmEngine: ModelEngine = Object.freeze({
  model: "svm",
  engine: ENGINE,
  defaults: defaultsOf(SVM_PARAMS),
  fit: fitRadvalSvm,
  restore: (serialized: SerializedModel) => restoreSvm(serialized, ENGINE),
});
