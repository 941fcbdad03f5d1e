import { RadvalError } from "../../core/errors.js";
import { type ColumnMatrix, gatherRows } from "../../core/matrix.js";
import type { Rng } from "../../core/rng.js";
import { defaultsOf, resolveParams } from "../params.js";
import type { FitOptions, FittedModel, ModelEngine, ModelSpec, SerializedModel } from "../types.js";
import { checkFitInput } from "../validate.js";
import { kernelFromParams, svmClassMultipliers } from "./common.js";
import { type KernelExpansion, decisionValues } from "./decision.js";
import { type SvmProbability, restoreSvm, svmFittedModel } from "./fitted.js";
import { type KernelSpec, kernelValue, toRowMajor } from "./kernel.js";
import { crossValidatedPlatt } from "./probability.js";
import { SVM_PARAMS, probabilityMethod } from "./spec.js";

const ENGINE = "ml-svm";

interface MlSvmInstance {
  train(features: number[][], labels: number[]): void;
  toJSON(): { X?: number[][]; Y?: number[]; alphas?: number[]; b: number };
  supportVectors(): number[];
  iterations: number;
}
type MlSvmClass = new (options: Record<string, unknown>) => MlSvmInstance;

/** ml-svm, once {@link loadMlSvm} has imported it (on demand: most runs never fit this engine). */
let mlSvmClass: MlSvmClass | undefined;

/** Imports ml-svm (the engine's `prepare`; idempotent). */
async function loadMlSvm(): Promise<void> {
  mlSvmClass ??= ((await import("ml-svm")) as unknown as { default: MlSvmClass }).default;
}

function requireMlSvm(): MlSvmClass {
  if (!mlSvmClass) {
    throw new RadvalError("ENGINE_NOT_LOADED", "the ml-svm engine is not loaded yet (ml-svm is imported on demand)", {
      hint: "Call `await prepareEngines([spec])` (or use fitModelAsync) once before fitting an svm spec with engine \"ml-svm\".",
    });
  }
  return mlSvmClass;
}

/** ml-svm's kernel hook: an object with compute(a, b) (used for every kernel so the parametrisation is libsvm's). */
function kernelObject(kernel: KernelSpec): { compute(a: number[], b: number[]): number } {
  return {
    compute(a, b) {
      const av = Float64Array.from(a);
      const bv = Float64Array.from(b);
      return kernelValue(kernel, av, 0, bv, 0, av.length);
    },
  };
}

/**
 * One ml-svm fit on `rows` of x. ml-svm implements the *simplified* SMO of
 * Platt 1998 (as in Stanford CS229 notes): the second multiplier is drawn at
 * random (from `rng` here), the loop stops after `maxPasses` passes without a
 * change, and multipliers moving less than 1e-3 are not updated — so it
 * stops well short of the optimum libsvm reaches. Labels are ±1 with +1 =
 * class 1; f(x) = Σ αᵢ yᵢ K(xᵢ, x) + b.
 */
function trainMlSvm(x: ColumnMatrix, y: Float64Array, rows: Int32Array, kernel: KernelSpec, cost: number, tolerance: number, rng: Rng): { expansion: KernelExpansion; supportRows: Int32Array; iterations: number } {
  const p = x.nCols;
  const rowMajor = toRowMajor(x.data, x.nRows, p, rows);
  const features: number[][] = new Array(rows.length);
  const labels: number[] = new Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    features[k] = Array.from(rowMajor.subarray(k * p, (k + 1) * p));
    labels[k] = y[rows[k]!] === 1 ? 1 : -1;
  }
  const Svm = requireMlSvm();
  const svm = new Svm({
    C: cost,
    tol: tolerance,
    maxPasses: 10,
    maxIterations: 100000,
    alphaTol: 1e-6,
    kernel: kernel.kind === "linear" ? "linear" : kernelObject(kernel),
    random: () => rng.uniform(),
    whitening: false,
  });
  try {
    svm.train(features, labels);
  } catch (e) {
    throw new RadvalError("NOT_CONVERGED", `svm (ml-svm) did not converge: ${(e as Error).message}`, {
      hint: 'Use the default engine ("libsvm"), or standardise the features.',
    });
  }
  const supportPositions = svm.supportVectors();
  const state = svm.toJSON() as { b: number };
  const internal = svm as unknown as { alphas: number[]; Y: number[] };
  const m = supportPositions.length;
  const sv = new Float64Array(m * p);
  const coef = new Float64Array(m);
  const supportRows = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const position = supportPositions[k]!;
    sv.set(rowMajor.subarray(position * p, (position + 1) * p), k * p);
    coef[k] = internal.alphas[k]! * internal.Y[k]!;
    supportRows[k] = rows[position]!;
  }
  return { expansion: Object.freeze({ kernel, nFeatures: p, supportVectors: sv, coef, intercept: state.b }), supportRows, iterations: svm.iterations };
}

function fitMlSvm(spec: ModelSpec, x: ColumnMatrix, y: Float64Array, options: FitOptions): FittedModel {
  const featureNames = checkFitInput(`svm (${ENGINE})`, x, y, options);
  const params = resolveParams("svm", SVM_PARAMS, spec.params);
  const multipliers = svmClassMultipliers(ENGINE, y, params["classWeight"]!, options.weights);
  if (multipliers[0] !== multipliers[1]) {
    throw new RadvalError("NOT_IMPLEMENTED_OPTION", "svm (ml-svm) has one cost for both classes: class weights are not supported", {
      where: { key: "classWeight" },
      hint: 'Use the "libsvm" engine for class weights.',
    });
  }
  const method = probabilityMethod(params["probability"]!);
  if (method === "libsvm") {
    throw new RadvalError("NOT_IMPLEMENTED_OPTION", 'probability: "libsvm" needs the libsvm engine', { where: { key: "probability" }, hint: 'Use probability: "platt" with ml-svm.' });
  }
  const kernel = kernelFromParams(params, x);
  const cost = (params["cost"] as number) * multipliers[0];
  const tolerance = params["tolerance"] as number;
  const n = x.nRows;
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const [mainRng, plattRng] = options.rng.splitMany(2) as [Rng, Rng];
  const main = trainMlSvm(x, y, all, kernel, cost, tolerance, mainRng);
  let probability: SvmProbability | null = null;
  if (method === "platt") {
    const platt = crossValidatedPlatt(y, plattRng, (analysis, assessment) => {
      const fold = trainMlSvm(x, y, analysis, kernel, cost, tolerance, plattRng);
      return decisionValues(fold.expansion, gatherRows(x, assessment));
    });
    probability = { method: "platt", a: platt.a, b: platt.b };
  }
  const perClass: [number, number] = [0, 0];
  for (const row of main.supportRows) perClass[y[row]! as 0 | 1]++;
  return svmFittedModel({
    spec,
    featureNames: Object.freeze([...featureNames]),
    expansion: main.expansion,
    probability,
    nObservations: n,
    nSupportPerClass: perClass,
    supportIndices: Object.freeze(Array.from(main.supportRows)),
    engineDetails: Object.freeze({
      solver: "ml-svm: simplified SMO (random second multiplier, 10 passes without change, multiplier steps < 1e-3 skipped); support vectors = α > 1e-6",
      iterations: main.iterations,
    }),
    warnings: [],
  });
}

/**
 * The `svm` model's second engine: ml-svm 2.1 (named by the project's
 * design). Its simplified SMO stops short of the optimum: on standardised
 * WDBC (C = 1) its decision values differ from libsvm's (= scikit-learn's) by
 * up to 0.7–1.3 with the linear kernel (the intercept is off; depends on the
 * seed) and ~3e-3 with RBF (γ = 0.05), though its ranking (AUC) agrees to
 * ~1e-4 (`test/models/svm/mlSvmEngine.test.ts`). It is also slow: seconds
 * for a linear fit on 569 rows. Random draws come from the fit's Rng (ml-svm's
 * `random` option). No class weights; polynomial and RBF kernels are handed
 * to ml-svm as kernel objects with libsvm's parametrisation (ml-kernel's own
 * polynomial kernel fails to load under Node's ESM/CJS interop).
 */
export const mlSvmEngine: ModelEngine = Object.freeze({
  model: "svm",
  engine: ENGINE,
  defaults: defaultsOf(SVM_PARAMS),
  fit: fitMlSvm,
  restore: (serialized: SerializedModel) => restoreSvm(serialized, ENGINE),
  prepare: loadMlSvm,
});
