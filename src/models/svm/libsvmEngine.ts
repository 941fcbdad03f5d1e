import { RadvalError, type RadvalWarning } from "../../core/errors.js";
import { type ColumnMatrix, gatherRows } from "../../core/matrix.js";
import { resolveParams } from "../params.js";
import type { FitOptions, FittedModel, ModelEngine, ModelSpec, SerializedModel } from "../types.js";
import { checkFitInput } from "../validate.js";
import { svmClassMultipliers, kernelFromParams } from "./common.js";
import { type KernelExpansion, RHO_RECOMPUTE_BUDGET, decisionValues, freeSupportVectorCount, libsvmRho } from "./decision.js";
import { type SvmProbability, restoreSvm, svmFittedModel } from "./fitted.js";
import { type KernelSpec, toRowMajor } from "./kernel.js";
import { type LibsvmClass, loadLibsvm, requireLibsvm } from "./libsvmLoader.js";
import { parseLibsvmModel } from "./libsvmModelText.js";
import { crossValidatedPlatt } from "./probability.js";
import { SVM_PARAMS, probabilityMethod } from "./spec.js";
import { defaultsOf } from "../params.js";

const ENGINE = "libsvm";

const KERNEL_CODE: Record<KernelSpec["kind"], string> = { linear: "0", polynomial: "1", rbf: "2", sigmoid: "3" };

/** One libsvm training run on `rows` of x, turned into a full-precision kernel expansion. */
export interface LibsvmTrainResult {
  readonly expansion: KernelExpansion;
  /** Training-row indices (into x) of the support vectors, in expansion order. */
  readonly supportRows: Int32Array;
  readonly nSupportPerClass: [number, number];
  /**
   * "recomputed": ρ from the free support vectors at full precision; otherwise libsvm's printed ρ (6 significant
   * digits), when no support vector is free or when nFree · m · p exceeds {@link RHO_RECOMPUTE_BUDGET}.
   */
  readonly rhoSource: "recomputed" | "printed: no free support vector" | "printed: large problem";
  /** libsvm's own Platt parameters (probability: "libsvm"), oriented to class 1. */
  readonly libsvmPlatt?: SvmProbability;
}

/**
 * Trains libsvm-js (C-SVC) on `rows` of `x` and returns the decision function
 * at full precision. Rows are handed to libsvm class 0 first, then class 1,
 * each in the given order — the order scikit-learn's libsvm uses after sorting
 * the labels — so libsvm takes the same solver path as scikit-learn's SVC and
 * the label order is always [0, 1]. The support vectors are the training rows
 * at `getSVIndices()` (0-based, in the model's support-vector order; the
 * model text prints them rounded to 8 digits), the dual coefficients come
 * from the model text (printed exactly, `%.17g`) and ρ is recomputed from the
 * free support vectors ({@link libsvmRho}; for nFree · m · p above
 * {@link RHO_RECOMPUTE_BUDGET} libsvm's printed ρ is kept). O(libsvm) +
 * O(min(m_free m p, budget)).
 */
export function trainLibsvm(
  SVM: LibsvmClass,
  x: ColumnMatrix,
  y: Float64Array,
  rows: Int32Array,
  kernel: KernelSpec,
  options: { cost: number; tolerance: number; classMultipliers: [number, number]; libsvmProbability: boolean; rhoBudget?: number; cacheSize?: number },
): LibsvmTrainResult {
  const p = x.nCols;
  const ordered: number[] = [];
  for (const cls of [0, 1]) for (let k = 0; k < rows.length; k++) if (y[rows[k]!] === cls) ordered.push(rows[k]!);
  const rowMajor = toRowMajor(x.data, x.nRows, p, ordered);
  const samples: Float64Array[] = new Array(ordered.length);
  const labels: number[] = new Array(ordered.length);
  for (let k = 0; k < ordered.length; k++) {
    samples[k] = rowMajor.subarray(k * p, (k + 1) * p);
    labels[k] = y[ordered[k]!]!;
  }
  const svm = new SVM({
    type: SVM.SVM_TYPES.C_SVC,
    kernel: KERNEL_CODE[kernel.kind],
    ...(kernel.kind === "linear" ? { gamma: 1 } : { gamma: kernel.gamma }),
    degree: kernel.degree,
    coef0: kernel.coef0,
    cost: options.cost,
    tolerance: options.tolerance,
    ...(options.cacheSize !== undefined ? { cacheSize: options.cacheSize } : {}),
    shrinking: true,
    probabilityEstimates: options.libsvmProbability,
    weight: { "0": options.classMultipliers[0], "1": options.classMultipliers[1] },
    quiet: true, // last: libsvm-js writes "-q 1" and libsvm stops reading options at the "1"
  });
  let text: string;
  let svIndices: number[];
  try {
    svm.train(samples, labels);
    text = svm.serializeModel();
    svIndices = svm.getSVIndices();
  } finally {
    svm.free();
  }
  const parsed = parseLibsvmModel(text, p);
  const m = svIndices.length;
  if (parsed.nrClass !== 2 || parsed.totalSv !== m || parsed.labels.length !== 2) {
    throw new RadvalError("INCOMPATIBLE_MODEL", `libsvm returned ${parsed.nrClass} classes and ${parsed.totalSv} support vectors for ${m} indices`, {
      hint: "This is a bug in the libsvm engine; please report it.",
    });
  }
  const firstLabel = parsed.labels[0]!;
  const sign = firstLabel === 1 ? 1 : -1; // libsvm's f > 0 means its first label
  const sv = new Float64Array(m * p);
  const coef = new Float64Array(m);
  const libCoef = new Float64Array(m);
  const yLib = new Int8Array(m);
  const upper = new Float64Array(m);
  const supportRows = new Int32Array(m);
  const perClass: [number, number] = [0, 0];
  for (let k = 0; k < m; k++) {
    const position = svIndices[k]!;
    const row = ordered[position]!;
    supportRows[k] = row;
    sv.set(rowMajor.subarray(position * p, (position + 1) * p), k * p);
    // getSVIndices must point at the rows the model text prints (to its 8 digits): checked on ≤ 16 SVs spread over the list.
    if (k % Math.max(1, Math.floor(m / 16)) === 0 || k === m - 1) {
      const printed = parsed.supportVector(k);
      for (let j = 0; j < p; j++) {
        const full = rowMajor[position * p + j]!;
        if (Math.abs(full - printed[j]!) > 1e-7 * Math.max(1, Math.abs(full))) {
          throw new RadvalError("INCOMPATIBLE_MODEL", `libsvm support vector ${k + 1} does not match training row ${row + 1} (feature ${j + 1})`, {
            hint: "libsvm-js's getSVIndices() is assumed 0-based; this is a bug in the libsvm engine, please report it.",
          });
        }
      }
    }
    const cls = y[row]! as 0 | 1;
    perClass[cls]++;
    libCoef[k] = parsed.svCoef[k]!;
    coef[k] = sign * parsed.svCoef[k]!;
    yLib[k] = cls === firstLabel ? 1 : -1;
    upper[k] = options.cost * options.classMultipliers[cls];
  }
  const nFree = freeSupportVectorCount(libCoef, upper);
  const recomputed = nFree * m * p <= (options.rhoBudget ?? RHO_RECOMPUTE_BUDGET) ? libsvmRho(kernel, sv, p, libCoef, yLib, upper) : undefined;
  const rho = recomputed ?? parsed.rho[0]!;
  const expansion: KernelExpansion = Object.freeze({ kernel, nFeatures: p, supportVectors: sv, coef, intercept: -sign * rho });
  let libsvmPlatt: SvmProbability | undefined;
  if (options.libsvmProbability) {
    const a = parsed.probA?.[0];
    const b = parsed.probB?.[0];
    if (a === undefined || b === undefined) {
      throw new RadvalError("INCOMPATIBLE_MODEL", "libsvm was asked for probability estimates but wrote no probA/probB", { hint: 'Use probability: "platt".' });
    }
    // libsvm: P(first label) = 1/(1 + exp(A f_lib + B)), f_lib = sign · f.
    libsvmPlatt = sign === 1 ? { method: "libsvm", a, b } : { method: "libsvm", a, b: -b };
  }
  return {
    expansion,
    supportRows,
    nSupportPerClass: perClass,
    rhoSource: recomputed !== undefined ? "recomputed" : nFree === 0 ? "printed: no free support vector" : "printed: large problem",
    ...(libsvmPlatt ? { libsvmPlatt } : {}),
  };
}

function fitLibsvm(spec: ModelSpec, x: ColumnMatrix, y: Float64Array, options: FitOptions): FittedModel {
  const featureNames = checkFitInput(`svm (${ENGINE})`, x, y, options);
  const params = resolveParams("svm", SVM_PARAMS, spec.params);
  const SVM = requireLibsvm();
  const kernel = kernelFromParams(params, x);
  const classMultipliers = svmClassMultipliers(ENGINE, y, params["classWeight"]!, options.weights);
  const method = probabilityMethod(params["probability"]!);
  const solver = { cost: params["cost"] as number, tolerance: params["tolerance"] as number, cacheSize: params["cacheSize"] as number, classMultipliers };
  const n = x.nRows;
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const main = trainLibsvm(SVM, x, y, all, kernel, { ...solver, libsvmProbability: method === "libsvm" });
  const warnings: RadvalWarning[] = [];
  let probability: SvmProbability | null = null;
  if (method === "platt") {
    const platt = crossValidatedPlatt(y, options.rng, (analysis, assessment) => {
      const fold = trainLibsvm(SVM, x, y, analysis, kernel, { ...solver, libsvmProbability: false });
      return decisionValues(fold.expansion, gatherRows(x, assessment));
    });
    probability = { method: "platt", a: platt.a, b: platt.b };
  } else if (method === "libsvm") {
    probability = main.libsvmPlatt!;
    warnings.push({
      code: "UNSEEDED_PROBABILITY",
      message: "libsvm's own probability estimates (-b 1) use folds from libsvm's internal unseeded generator: refitting gives slightly different probabilities",
    });
  }
  if (main.rhoSource === "printed: no free support vector") {
    warnings.push({ code: "RHO_PRINTED", message: "no free support vector: the intercept is libsvm's printed ρ (6 significant digits)" });
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
      solver: "libsvm (libsvm-js, WebAssembly): C-SVC, SMO with second-order working-set selection and shrinking",
      classCostMultipliers: { "0": classMultipliers[0], "1": classMultipliers[1] },
      interceptPrecision:
        main.rhoSource === "recomputed"
          ? "full (ρ recomputed from the free support vectors)"
          : `6 significant digits (libsvm's printed ρ; ${main.rhoSource.replace("printed: ", "")})`,
    }),
    warnings,
  });
}

/**
 * The `svm` model's default engine: libsvm (Chang & Lin 2011) through
 * libsvm-js (WebAssembly), the solver scikit-learn's SVC and R's e1071 use.
 * Needs `await loadLibsvm()` (or `prepare()`) once before `fit`. Decision
 * values are computed by radval at full precision from the training rows;
 * prediction and restore need no WebAssembly. Fit: libsvm's O(n²)–O(n³)
 * SMO, plus 5 more fits for probability "platt".
 */
export const libsvmEngine: ModelEngine = Object.freeze({
  model: "svm",
  engine: ENGINE,
  defaults: defaultsOf(SVM_PARAMS),
  fit: fitLibsvm,
  restore: (serialized: SerializedModel) => restoreSvm(serialized, ENGINE),
  prepare: async () => {
    await loadLibsvm();
  },
});
