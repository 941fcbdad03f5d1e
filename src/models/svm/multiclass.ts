import { RadvalError, type RadvalWarning } from "../../core/errors.js";
import { type ColumnMatrix, gatherRows } from "../../core/matrix.js";
import type { Rng } from "../../core/rng.js";
import { fitPlatt, plattProbability } from "../calibration/platt.js";
import { checkClassCodes, multiclassWeightParam, resolveMulticlassWeights } from "../multiclass.js";
import { type ParamRules, booleanParam, eitherParam, enumParam, resolveParams } from "../params.js";
import { type EncodedArray, decodeFloat64, encodeArray } from "../serialize.js";
import type { ParamValue } from "../types.js";
import { checkPredictInput, defaultFeatureNames } from "../validate.js";
import { kernelFromParams } from "./common.js";
import { type KernelExpansion, decisionValues } from "./decision.js";
import type { KernelSpec } from "./kernel.js";
import { requireLibsvm } from "./libsvmLoader.js";
import { trainLibsvm } from "./libsvmEngine.js";
import { pairwiseCoupling } from "./pairwiseCoupling.js";
import { trainRadvalSvm } from "./radval/engine.js";
import { SklearnLibsvmRandom } from "./sklearnRandom.js";
import { SVM_PARAMS } from "./spec.js";

/** Hyperparameters of {@link fitSvmClassifier} (the svm names and defaults). */
export interface SvmClassifierParams {
  kernel?: "linear" | "polynomial" | "rbf" | "sigmoid";
  cost?: number;
  gamma?: number | "scale" | "auto";
  degree?: number;
  coef0?: number;
  tolerance?: number;
  cacheSize?: number;
  /** "platt" (default, or true): libsvm's pairwise Platt scaling and coupling; "none" (or false): decision values and votes only. */
  probability?: "platt" | "none" | boolean;
  /** null, "balanced" (n / (K n_c)), {"c": w} by class code or K weights: class c's cost is C·w_c (libsvm -wc). */
  classWeight?: null | "balanced" | Readonly<Record<string, number>> | readonly number[];
}

/** Options of {@link fitSvmClassifier} that are not hyperparameters. */
export interface SvmClassifierOptions {
  /** Binary solver of each pair: "radval" (default; radval's libsvm solver) or "libsvm" (libsvm-js; `await loadLibsvm()` first). */
  readonly engine?: "radval" | "libsvm";
  /** Feature names (default x1 … xp). */
  readonly featureNames?: readonly string[];
  /**
   * Draw the probability folds as scikit-learn's `SVC(probability=True, random_state=…)`
   * does: its libsvm's Mersenne Twister seeded with this value (scikit-learn's
   * `RandomState(random_state).randint(iinfo('i').max)`), so probA/probB are
   * scikit-learn's. Default: the folds come from the fit's `rng`.
   */
  readonly sklearnSeed?: number;
  /**
   * Draw the probability folds as plain libsvm (svm.cpp, e.g. libsvm-js) does:
   * `rand()` of its C library, one stream across all pairs, j = t + rand() mod (l − t);
   * its fold models order the classes by first appearance (+1 first). Only to
   * reproduce such a libsvm; ignored when `sklearnSeed` is given.
   */
  readonly libsvmRand?: () => number;
}

/** Parameter rules of the multi-class SVM: the svm family's, with a K-class `classWeight` and probability "platt" | "none". */
export const SVM_CLASSIFIER_PARAMS: ParamRules = Object.freeze({
  kernel: SVM_PARAMS["kernel"]!,
  cost: SVM_PARAMS["cost"]!,
  gamma: SVM_PARAMS["gamma"]!,
  degree: SVM_PARAMS["degree"]!,
  coef0: SVM_PARAMS["coef0"]!,
  tolerance: SVM_PARAMS["tolerance"]!,
  cacheSize: SVM_PARAMS["cacheSize"]!,
  probability: eitherParam(
    "platt",
    'probabilities: "platt" (libsvm\'s pairwise Platt scaling on 5-fold decision values, then pairwise coupling) or "none"',
    enumParam("platt", "method", ["platt", "none"]),
    booleanParam(true, "true = platt, false = none"),
  ),
  classWeight: multiclassWeightParam(),
});

/** One binary problem of the one-vs-one scheme: class i (libsvm's +1) against class j (i < j). */
export interface SvmPair {
  readonly i: number;
  readonly j: number;
  /** Decision function in libsvm's orientation: f > 0 votes for class i. */
  readonly expansion: KernelExpansion;
  /** Training-row indices of its support vectors (class i first, then class j). */
  readonly supportRows: Int32Array;
  /** libsvm's probA, probB: P(class i | i or j) = 1 / (1 + exp(A f + B)); NaN without probabilities. */
  readonly probA: number;
  readonly probB: number;
}

/** Saved form of an {@link SvmClassifier} (plain JSON data; typed arrays as base64). */
export interface SvmClassifierJSON {
  readonly kind: "radval-svm-classifier";
  readonly schema: 1;
  readonly engine: "radval" | "libsvm";
  readonly nClasses: number;
  readonly featureNames: readonly string[];
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly kernel: KernelSpec;
  readonly classWeights: readonly number[];
  readonly probability: boolean;
  readonly nObservations: number;
  readonly pairs: readonly {
    readonly i: number;
    readonly j: number;
    readonly supportVectors: EncodedArray;
    readonly coef: EncodedArray;
    readonly intercept: number;
    readonly supportRows: readonly number[];
    readonly probA: number | null;
    readonly probB: number | null;
  }[];
}

/** A fitted one-vs-one SVM for K classes (frozen). */
export interface SvmClassifier {
  readonly nClasses: number;
  readonly featureNames: readonly string[];
  readonly engine: "radval" | "libsvm";
  readonly kernel: KernelSpec;
  readonly classWeights: readonly number[];
  /** The K(K−1)/2 pairs in libsvm's (and scikit-learn's) order (0,1), (0,2), …, (0,K−1), (1,2), …, (K−2,K−1). */
  readonly pairs: readonly SvmPair[];
  /** True when fit with probability "platt". */
  readonly hasProbability: boolean;
  readonly warnings: readonly RadvalWarning[];
  /** Decision values, row-major n × K(K−1)/2 in pair order (scikit-learn's `decision_function_shape="ovo"`): > 0 votes for the pair's first class. O(n · Σ pairs' support vectors · p). */
  decisionValues(x: ColumnMatrix): Float64Array;
  /** Predicted class by libsvm's vote: each pair votes for i when f > 0, else j; the most votes wins, ties → the lowest class. */
  predictClass(x: ColumnMatrix): Int32Array;
  /**
   * Class probabilities, row-major n × K, as libsvm's `svm_predict_probability`:
   * pairwise r_ij = clip(1/(1 + exp(A f + B)), 1e-7, 1 − 1e-7), then
   * {@link pairwiseCoupling} (for K = 2, r itself, as libsvm). `NO_PROBABILITY` when fit with probability "none".
   */
  predictClassProbs(x: ColumnMatrix): Float64Array;
  toJSON(): SvmClassifierJSON;
}

/** Pair solver: trains class 0 (libsvm's first label) against class 1 of `y01` on `rows`; returns f with f > 0 → class 1. */
type PairSolver = (
  y01: Float64Array,
  rows: Int32Array,
  multipliers: [number, number],
) => { expansion: KernelExpansion; supportRows: Int32Array; hitIterationLimit: boolean };

const LIBSVM_MIN_PROB = 1e-7;
const FOLDS = 5;

/** The same expansion with its sign flipped (exact: negation does not round). */
function negate(e: KernelExpansion): KernelExpansion {
  return Object.freeze({ ...e, coef: e.coef.map((c) => -c), intercept: -e.intercept });
}

/**
 * Source of the probability folds' shuffle: `integer(range)` in [0, range), `trained()` after a fold model was fit;
 * `iFirst`: fold models take class i as libsvm's first label (plain libsvm) instead of class j (scikit-learn's sorted −1, +1).
 */
interface FoldShuffle {
  integer(range: number): number;
  trained(): void;
  readonly iFirst: boolean;
}

/**
 * libsvm's `svm_binary_svc_probability` for one pair: the pair's rows (class i
 * first, then class j, as in the pair problem) are shuffled by the
 * Fisher–Yates loop perm[t] ↔ perm[t + rand(l − t)], cut into 5 consecutive
 * folds [⌊f l/5⌋, ⌊(f+1) l/5⌋); each fold's decision values come from a model
 * fit on the other folds (C_i, C_j as the pair; a fold whose training part has
 * one class gets ±1); A, B are fit to them by libsvm's `sigmoid_train`
 * (Newton with backtracking, stopping at |gradient| < 1e-5). The fold models
 * see their rows in shuffled order grouped by class with class j first, as
 * scikit-learn's libsvm (which sorts labels: −1 before +1), or class i first
 * (`shuffle.iFirst`, plain libsvm).
 */
function pairPlatt(rowsI: Int32Array, rowsJ: Int32Array, classOf: Uint8Array, x: ColumnMatrix, solve: PairSolver, multipliers: [number, number], shuffle: FoldShuffle, y01: Float64Array, onLimit: () => void): { a: number; b: number } {
  const l = rowsI.length + rowsJ.length;
  const prob = new Int32Array(l);
  prob.set(rowsI);
  prob.set(rowsJ, rowsI.length);
  const perm = new Int32Array(l);
  for (let t = 0; t < l; t++) perm[t] = t;
  for (let t = 0; t < l; t++) {
    const s = t + shuffle.integer(l - t);
    const tmp = perm[t]!;
    perm[t] = perm[s]!;
    perm[s] = tmp;
  }
  const dec = new Float64Array(l);
  const isI = (k: number) => classOf[prob[k]!] === 1;
  for (let f = 0; f < FOLDS; f++) {
    const begin = Math.floor((f * l) / FOLDS);
    const end = Math.floor(((f + 1) * l) / FOLDS);
    const train: number[] = [];
    for (let t = 0; t < begin; t++) train.push(prob[perm[t]!]!);
    for (let t = end; t < l; t++) train.push(prob[perm[t]!]!);
    let nI = 0;
    for (const row of train) if (classOf[row] === 1) nI++;
    const nJ = train.length - nI;
    if (nI === 0 || nJ === 0) {
      for (let t = begin; t < end; t++) dec[perm[t]!] = nI > 0 ? 1 : nJ > 0 ? -1 : 0;
      continue;
    }
    // Fold model with class j as libsvm's first label (y01 = 0) and class i second (y01 = 1): f > 0 → class i;
    // or, iFirst, the other way round: f > 0 → class j.
    const iLabel = shuffle.iFirst ? 0 : 1;
    for (const row of train) y01[row] = classOf[row] === 1 ? iLabel : 1 - iLabel;
    const fit = solve(y01, Int32Array.from(train), shuffle.iFirst ? multipliers : [multipliers[1], multipliers[0]]);
    shuffle.trained();
    if (fit.hitIterationLimit) onLimit();
    const held = new Int32Array(end - begin);
    for (let t = begin; t < end; t++) held[t - begin] = prob[perm[t]!]!;
    const values = decisionValues(shuffle.iFirst ? negate(fit.expansion) : fit.expansion, gatherRows(x, held));
    for (let t = begin; t < end; t++) dec[perm[t]!] = values[t - begin]!;
  }
  const labels = new Float64Array(l);
  for (let k = 0; k < l; k++) labels[k] = isI(k) ? 1 : 0;
  const platt = fitPlatt(dec, labels, { tolerance: 1e-5, maxIterations: 100 });
  return { a: platt.a, b: platt.b };
}

function pairSolver(engine: "radval" | "libsvm", x: ColumnMatrix, kernel: KernelSpec, params: Readonly<Record<string, ParamValue>>): PairSolver {
  const cost = params["cost"] as number;
  const tolerance = params["tolerance"] as number;
  const cacheSize = params["cacheSize"] as number;
  if (engine === "libsvm") {
    const SVM = requireLibsvm();
    return (y01, rows, multipliers) => {
      const fit = trainLibsvm(SVM, x, y01, rows, kernel, { cost, tolerance, cacheSize, classMultipliers: multipliers, libsvmProbability: false });
      return { expansion: fit.expansion, supportRows: fit.supportRows, hitIterationLimit: false };
    };
  }
  return (y01, rows, multipliers) => {
    const fit = trainRadvalSvm(x, y01, rows, kernel, { cost, tolerance, cacheSize, classMultipliers: multipliers });
    return { expansion: fit.expansion, supportRows: fit.supportRows, hitIterationLimit: fit.hitIterationLimit };
  };
}

/**
 * Fits a C-SVC for K ≥ 2 classes one-vs-one, as libsvm (Chang & Lin 2011,
 * §7; Hsu & Lin 2002) and scikit-learn's SVC: for every pair i < j, a binary
 * C-SVC of class i (libsvm's +1) against class j on the rows of the two
 * classes (class i's rows first, then class j's, each in row order), with
 * costs C·w_i and C·w_j; each is solved by radval's libsvm solver (engine
 * "radval") or libsvm-js (engine "libsvm", the reference). Class order = the
 * codes' order 0 … K − 1, which is scikit-learn's (it sorts the labels);
 * plain libsvm would order classes by first appearance. With probability
 * "platt", each pair's Platt sigmoid is fit on libsvm's internal 5-fold
 * decision values ({@link pairPlatt}; the shuffle from a child of `rng` per
 * pair, or scikit-learn's generator with `options.sklearnSeed`) and
 * predictions couple the pairwise probabilities ({@link pairwiseCoupling}).
 * Bad input is a `RadvalError`: nClasses < 2, a code not a whole number in
 * range (naming the row), a class with no rows (naming it), non-finite x.
 * γ = "scale" reads all n rows. O(Σ pairs' solver cost) (× 6 with probabilities).
 */
export function fitSvmClassifier(x: ColumnMatrix, codes: ArrayLike<number>, nClasses: number, params: SvmClassifierParams, rng: Rng, options: SvmClassifierOptions = {}): SvmClassifier {
  const engine = options.engine ?? "radval";
  const label = `svm (${engine}, multi-class)`;
  const featureNames = options.featureNames ?? defaultFeatureNames(x.nCols);
  const counts = checkClassCodes(label, x, codes, nClasses, featureNames);
  const resolved = resolveParams("svm", SVM_CLASSIFIER_PARAMS, params as Record<string, ParamValue | undefined>);
  const classWeights = resolveMulticlassWeights(resolved["classWeight"], counts);
  const probability = resolved["probability"] === true || resolved["probability"] === "platt";
  const kernel = kernelFromParams(resolved, x);
  const solve = pairSolver(engine, x, kernel, resolved);
  const K = nClasses;
  const n = x.nRows;
  const rowsOf: Int32Array[] = [];
  for (let c = 0; c < K; c++) rowsOf.push(new Int32Array(counts[c]!));
  const fill = new Int32Array(K);
  for (let i = 0; i < n; i++) rowsOf[codes[i]!]![fill[codes[i]!]!++] = i;
  const nPairs = (K * (K - 1)) / 2;
  const pairRngs = rng.splitMany(nPairs);
  const sklearn = options.sklearnSeed !== undefined ? new SklearnLibsvmRandom(options.sklearnSeed) : undefined;
  const libsvmRand = options.libsvmRand;
  let reseed = true;
  const y01 = new Float64Array(n);
  const classOf = new Uint8Array(n);
  let hitLimit = false;
  const pairs: SvmPair[] = [];
  for (let i = 0, p = 0; i < K; i++) {
    for (let j = i + 1; j < K; j++, p++) {
      const rowsI = rowsOf[i]!;
      const rowsJ = rowsOf[j]!;
      classOf.fill(0);
      for (const row of rowsI) classOf[row] = 1;
      const multipliers: [number, number] = [classWeights[i]!, classWeights[j]!];
      let probA = NaN;
      let probB = NaN;
      if (probability) {
        let shuffle: FoldShuffle;
        if (sklearn) {
          // scikit-learn's libsvm re-seeds at every svm_train: a pair's shuffle starts afresh after any fold model was fit.
          if (reseed) sklearn.seed(options.sklearnSeed!);
          reseed = false;
          shuffle = { integer: (range) => sklearn.boundedInt(range), trained: () => (reseed = true), iFirst: false };
        } else if (libsvmRand) {
          shuffle = { integer: (range) => libsvmRand() % range, trained: () => undefined, iFirst: true };
        } else {
          const pairRng = pairRngs[p]!;
          shuffle = { integer: (range) => pairRng.integer(range), trained: () => undefined, iFirst: false };
        }
        const platt = pairPlatt(rowsI, rowsJ, classOf, x, solve, multipliers, shuffle, y01, () => (hitLimit = true));
        probA = platt.a;
        probB = platt.b;
      }
      const rows = new Int32Array(rowsI.length + rowsJ.length);
      rows.set(rowsI);
      rows.set(rowsJ, rowsI.length);
      for (const row of rowsI) y01[row] = 0;
      for (const row of rowsJ) y01[row] = 1;
      const fit = solve(y01, rows, multipliers);
      hitLimit ||= fit.hitIterationLimit;
      pairs.push(Object.freeze({ i, j, expansion: negate(fit.expansion), supportRows: fit.supportRows, probA, probB }));
    }
  }
  const warnings: RadvalWarning[] = [];
  if (hitLimit) {
    warnings.push({ code: "NOT_CONVERGED", message: `an SVM pair problem stopped at libsvm's iteration limit before reaching tolerance ${String(resolved["tolerance"])}` });
  }
  return classifier({ engine, nClasses: K, featureNames: Object.freeze([...featureNames]), params: resolved, kernel, classWeights: Object.freeze(Array.from(classWeights)), probability, nObservations: n, pairs: Object.freeze(pairs), warnings: Object.freeze(warnings) });
}

interface Parts {
  engine: "radval" | "libsvm";
  nClasses: number;
  featureNames: readonly string[];
  params: Readonly<Record<string, ParamValue>>;
  kernel: KernelSpec;
  classWeights: readonly number[];
  probability: boolean;
  nObservations: number;
  pairs: readonly SvmPair[];
  warnings: readonly RadvalWarning[];
}

function classifier(parts: Parts): SvmClassifier {
  const K = parts.nClasses;
  const { pairs, featureNames } = parts;
  const label = `svm (${parts.engine}, multi-class)`;
  const decision = (x: ColumnMatrix): Float64Array => {
    checkPredictInput(label, featureNames, x);
    const n = x.nRows;
    const m = pairs.length;
    const out = new Float64Array(n * m);
    pairs.forEach((pair, p) => {
      const f = decisionValues(pair.expansion, x);
      for (let i = 0; i < n; i++) out[i * m + p] = f[i]!;
    });
    return out;
  };
  const model: SvmClassifier = {
    nClasses: K,
    featureNames,
    engine: parts.engine,
    kernel: parts.kernel,
    classWeights: parts.classWeights,
    pairs,
    hasProbability: parts.probability,
    warnings: parts.warnings,
    decisionValues: decision,
    predictClass(x: ColumnMatrix): Int32Array {
      const dec = decision(x);
      const n = x.nRows;
      const m = pairs.length;
      const out = new Int32Array(n);
      const votes = new Int32Array(K);
      for (let r = 0; r < n; r++) {
        votes.fill(0);
        pairs.forEach((pair, p) => votes[dec[r * m + p]! > 0 ? pair.i : pair.j]++);
        let best = 0;
        for (let c = 1; c < K; c++) if (votes[c]! > votes[best]!) best = c;
        out[r] = best;
      }
      return out;
    },
    predictClassProbs(x: ColumnMatrix): Float64Array {
      if (!parts.probability) {
        throw new RadvalError("NO_PROBABILITY", "this multi-class SVM was fit with probability: \"none\", so it has decision values and votes but no probabilities", {
          where: { key: "probability" },
          hint: 'Refit with probability: "platt" (the default), or use decisionValues() / predictClass().',
        });
      }
      const dec = decision(x);
      const n = x.nRows;
      const m = pairs.length;
      const out = new Float64Array(n * K);
      const r = new Float64Array(K * K);
      for (let row = 0; row < n; row++) {
        pairs.forEach((pair, p) => {
          const rij = Math.min(Math.max(plattProbability(pair.probA, pair.probB, dec[row * m + p]!), LIBSVM_MIN_PROB), 1 - LIBSVM_MIN_PROB);
          r[pair.i * K + pair.j] = rij;
          r[pair.j * K + pair.i] = 1 - rij;
        });
        if (K === 2) {
          out[row * 2] = r[1]!;
          out[row * 2 + 1] = r[2]!;
        } else out.set(pairwiseCoupling(r, K), row * K);
      }
      return out;
    },
    toJSON(): SvmClassifierJSON {
      return {
        kind: "radval-svm-classifier",
        schema: 1,
        engine: parts.engine,
        nClasses: K,
        featureNames: [...featureNames],
        params: { ...parts.params },
        kernel: { ...parts.kernel },
        classWeights: [...parts.classWeights],
        probability: parts.probability,
        nObservations: parts.nObservations,
        pairs: pairs.map((pair) => ({
          i: pair.i,
          j: pair.j,
          supportVectors: encodeArray(pair.expansion.supportVectors),
          coef: encodeArray(pair.expansion.coef),
          intercept: pair.expansion.intercept,
          supportRows: Array.from(pair.supportRows),
          probA: Number.isNaN(pair.probA) ? null : pair.probA,
          probB: Number.isNaN(pair.probB) ? null : pair.probB,
        })),
      };
    },
  };
  return Object.freeze(model);
}

function damaged(message: string): never {
  throw new RadvalError("INCOMPATIBLE_MODEL", `saved multi-class SVM: ${message}`, { hint: "Save the model again with toJSON()." });
}

/** Restores an {@link SvmClassifier} from its `toJSON()` (the same decision values and probabilities, bit for bit; no WebAssembly needed). Damaged data is `INCOMPATIBLE_MODEL`. */
export function restoreSvmClassifier(json: SvmClassifierJSON): SvmClassifier {
  if (!json || json.kind !== "radval-svm-classifier") damaged(`expected kind "radval-svm-classifier", got ${JSON.stringify(json?.kind)}`);
  if (json.schema !== 1) damaged(`schema ${String(json.schema)} is not supported (this radval reads schema 1)`);
  const K = json.nClasses;
  if (!(Number.isInteger(K) && K >= 2) || !Array.isArray(json.pairs) || json.pairs.length !== (K * (K - 1)) / 2) damaged(`${String(K)} classes need ${(K * (K - 1)) / 2} pairs`);
  const p = json.featureNames.length;
  const kernel = Object.freeze({ ...json.kernel });
  const pairs = json.pairs.map((s) => {
    const coef = decodeFloat64(s.coef);
    const supportVectors = decodeFloat64(s.supportVectors);
    if (supportVectors.length !== coef.length * p) damaged(`pair (${s.i}, ${s.j}): support vectors and coefficients disagree in size`);
    if (json.probability && (typeof s.probA !== "number" || typeof s.probB !== "number")) damaged(`pair (${s.i}, ${s.j}) has no probA/probB`);
    return Object.freeze({
      i: s.i,
      j: s.j,
      expansion: Object.freeze({ kernel, nFeatures: p, supportVectors, coef, intercept: s.intercept }),
      supportRows: Int32Array.from(s.supportRows),
      probA: s.probA ?? NaN,
      probB: s.probB ?? NaN,
    });
  });
  let k = 0;
  for (let i = 0; i < K; i++) for (let j = i + 1; j < K; j++, k++) if (pairs[k]!.i !== i || pairs[k]!.j !== j) damaged(`pair ${k + 1} is (${pairs[k]!.i}, ${pairs[k]!.j}), expected (${i}, ${j})`);
  return classifier({
    engine: json.engine,
    nClasses: K,
    featureNames: Object.freeze([...json.featureNames]),
    params: Object.freeze({ ...json.params }),
    kernel,
    classWeights: Object.freeze([...json.classWeights]),
    probability: json.probability,
    nObservations: json.nObservations,
    pairs: Object.freeze(pairs),
    warnings: Object.freeze([]),
  });
}
