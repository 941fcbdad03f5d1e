import { RadvalError } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import type { Rng } from "../../core/rng.js";
import { checkClassCodes, multiclassWeightParam, resolveMulticlassWeights } from "../multiclass.js";
import { type ParamRules, resolveParams } from "../params.js";
import { type EncodedArray, decodeFloat64, decodeInt32, encodeArray } from "../serialize.js";
import type { ParamValue } from "../types.js";
import { checkPredictInput, defaultFeatureNames } from "../validate.js";
import { NodeStore, TreeGrower, prepareTreeData, treeLeaf } from "./cart.js";
import { drawBag } from "./forestEngine.js";
import { type ForestSettings, resolveForestSettings } from "./settings.js";
import { RANDOM_FOREST_PARAMS } from "./spec.js";

/** Hyperparameters of {@link fitForestClassifier} (the randomForest names; defaults as the binary forest). */
export interface ForestClassifierParams {
  /** Number of trees. Default 500. */
  trees?: number;
  /** Features tried per split; null (default) = ⌊√p⌋. Must be ≤ p. */
  mtry?: number | null;
  /** A node is split only when it holds at least this many distinct training rows. Default 2. */
  minNodeSize?: number;
  /** Maximum depth (root = 0); null (default) = unlimited. */
  maxDepth?: number | null;
  /** Share of n drawn per tree; null (default) = 1 with replacement, 0.632 without. */
  sampleFraction?: number | null;
  /** Bootstrap (default) or subsampling. */
  replace?: boolean;
  /** null, "balanced" (n / (K n_c)), {"c": w} by class code or K weights: multiplies each row's weight in the Gini criterion and leaf shares. */
  classWeight?: null | "balanced" | Readonly<Record<string, number>> | readonly number[];
}

/** Options of {@link fitForestClassifier} that are not hyperparameters. */
export interface ForestClassifierOptions {
  /** Feature names (default x1 … xp). */
  readonly featureNames?: readonly string[];
}

/** Parameter rules of the multi-class forest: the binary forest's, with a K-class `classWeight` and no permutation importance. */
export const FOREST_CLASSIFIER_PARAMS: ParamRules = Object.freeze({
  trees: RANDOM_FOREST_PARAMS["trees"]!,
  mtry: RANDOM_FOREST_PARAMS["mtry"]!,
  minNodeSize: RANDOM_FOREST_PARAMS["minNodeSize"]!,
  maxDepth: RANDOM_FOREST_PARAMS["maxDepth"]!,
  sampleFraction: RANDOM_FOREST_PARAMS["sampleFraction"]!,
  replace: RANDOM_FOREST_PARAMS["replace"]!,
  classWeight: multiclassWeightParam(),
});

/** Saved form of a {@link ForestClassifier} (plain JSON data; typed arrays as base64). */
export interface ForestClassifierJSON {
  readonly kind: "radval-forest-classifier";
  readonly schema: 1;
  readonly nClasses: number;
  readonly featureNames: readonly string[];
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly settings: ForestSettings;
  readonly classWeights: readonly number[];
  readonly nObservations: number;
  readonly roots: EncodedArray;
  readonly feature: EncodedArray;
  readonly threshold: EncodedArray;
  readonly left: EncodedArray;
  readonly right: EncodedArray;
  /** Class shares of every node, node-major (nodes × K). */
  readonly value: EncodedArray;
  readonly importance: readonly number[];
  readonly oobClassProbs: EncodedArray;
}

/** A fitted multi-class random forest (frozen). */
export interface ForestClassifier {
  readonly nClasses: number;
  readonly featureNames: readonly string[];
  readonly settings: ForestSettings;
  /** Class weights used (1 for every class unless `classWeight` was given). */
  readonly classWeights: readonly number[];
  /**
   * Class probabilities of every row of x (column-major n × p, the fit's
   * columns): row-major n × K, row i = the mean over trees of the class shares
   * of the leaf row i falls into (scikit-learn's `RandomForestClassifier.predict_proba`);
   * each row sums to 1 (up to rounding). O(n · trees · (depth + K)).
   */
  predictClassProbs(x: ColumnMatrix): Float64Array;
  /** Mean decrease in Gini impurity per feature (in column order), normalised to sum 1 (scikit-learn's `feature_importances_`). */
  readonly importance: Float64Array;
  /** Out-of-bag class probabilities of the training rows, row-major n × K (a row of NaN when every tree drew that row). */
  readonly oobClassProbs: Float64Array;
  toJSON(): ForestClassifierJSON;
}

interface Parts {
  nClasses: number;
  featureNames: readonly string[];
  params: Readonly<Record<string, ParamValue>>;
  settings: ForestSettings;
  classWeights: readonly number[];
  nObservations: number;
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  importance: Float64Array;
  oobClassProbs: Float64Array;
}

const LABEL = "randomForest (radval, multi-class)";

function classifier(parts: Parts): ForestClassifier {
  const K = parts.nClasses;
  const nodes = parts;
  const model: ForestClassifier = {
    nClasses: K,
    featureNames: parts.featureNames,
    settings: parts.settings,
    classWeights: parts.classWeights,
    importance: parts.importance,
    oobClassProbs: parts.oobClassProbs,
    predictClassProbs(x: ColumnMatrix): Float64Array {
      checkPredictInput(LABEL, parts.featureNames, x);
      const n = x.nRows;
      const out = new Float64Array(n * K);
      const trees = nodes.roots.length;
      for (let t = 0; t < trees; t++) {
        const root = nodes.roots[t]!;
        for (let i = 0; i < n; i++) {
          const leaf = treeLeaf(nodes, root, x.data, n, i);
          for (let c = 0; c < K; c++) out[i * K + c] = out[i * K + c]! + nodes.value[leaf * K + c]!;
        }
      }
      for (let k = 0; k < out.length; k++) out[k] = out[k]! / trees;
      return out;
    },
    toJSON(): ForestClassifierJSON {
      return {
        kind: "radval-forest-classifier",
        schema: 1,
        nClasses: K,
        featureNames: [...parts.featureNames],
        params: { ...parts.params },
        settings: { ...parts.settings },
        classWeights: [...parts.classWeights],
        nObservations: parts.nObservations,
        roots: encodeArray(nodes.roots),
        feature: encodeArray(nodes.feature),
        threshold: encodeArray(nodes.threshold),
        left: encodeArray(nodes.left),
        right: encodeArray(nodes.right),
        value: encodeArray(nodes.value),
        importance: Array.from(parts.importance),
        oobClassProbs: encodeArray(parts.oobClassProbs),
      };
    },
  };
  return Object.freeze(model);
}

/**
 * Fits a random forest (Breiman 2001) for K ≥ 2 classes natively: the binary
 * forest's CART trees ({@link TreeGrower}) with the K-class Gini criterion —
 * each tree is grown on a bootstrap sample (or subsample) drawn from its own
 * child of `rng` (drawn up front: the same seed gives the same forest), and
 * predicts the weighted class shares of its leaf; the forest averages them
 * (scikit-learn's `RandomForestClassifier`). `codes` are class codes
 * 0 … nClasses − 1, one per row of `x` (column-major n × p). Bad input is a
 * `RadvalError`: nClasses < 2, a code that is not a whole number in range
 * (naming the row), a class with no rows (naming the class), non-finite x.
 * Fit O(trees · mtry · n log² n) typical; the fit is deterministic given `rng`'s state.
 */
export function fitForestClassifier(
  x: ColumnMatrix,
  codes: ArrayLike<number>,
  nClasses: number,
  params: ForestClassifierParams,
  rng: Rng,
  options: ForestClassifierOptions = {},
): ForestClassifier {
  const featureNames = options.featureNames ?? defaultFeatureNames(x.nCols);
  const counts = checkClassCodes(LABEL, x, codes, nClasses, featureNames);
  const resolved = resolveParams("randomForest", FOREST_CLASSIFIER_PARAMS, params as Record<string, ParamValue | undefined>);
  const settings = resolveForestSettings({ ...resolved, importance: "impurity" }, x.nCols);
  const classWeights = resolveMulticlassWeights(resolved["classWeight"], counts);
  const K = nClasses;
  const n = x.nRows;
  const p = x.nCols;
  const data = prepareTreeData(x.data, n, p, codes, K);
  // The binary forest first splits off a stream for permutation importance; the same draw here makes
  // K = 2 reproduce the binary forest (radval engine) bit for bit.
  rng.split();
  const treeRngs = rng.splitMany(settings.trees);
  const grower = new TreeGrower(data);
  const store = new NodeStore(K);
  const roots = new Int32Array(settings.trees);
  const bag = new Int32Array(n);
  const oobSum = new Float64Array(n * K);
  const oobCount = new Int32Array(n);
  const mdi = new Float64Array(p);
  const treeSettings = { mtry: settings.mtry, minNodeSize: settings.minNodeSize, maxDepth: settings.maxDepth ?? Infinity };
  for (let t = 0; t < settings.trees; t++) {
    const treeRng = treeRngs[t]!;
    drawBag(treeRng, n, settings, bag);
    for (let i = 0; i < n; i++) grower.sampleWeight[i] = bag[i]! * classWeights[data.y[i]!]!;
    const before = store.size;
    roots[t] = grower.grow(store, treeSettings, treeRng);
    if (store.size - before > 1) {
      let total = 0;
      for (let f = 0; f < p; f++) total += grower.impurityDecrease[f]!;
      if (total > 0) for (let f = 0; f < p; f++) mdi[f] = mdi[f]! + grower.impurityDecrease[f]! / total;
    }
    for (let i = 0; i < n; i++) {
      if (bag[i] !== 0) continue;
      const leaf = treeLeaf(store, roots[t]!, x.data, n, i);
      for (let c = 0; c < K; c++) oobSum[i * K + c] = oobSum[i * K + c]! + store.value[leaf * K + c]!;
      oobCount[i]++;
    }
  }
  let mdiTotal = 0;
  for (let f = 0; f < p; f++) mdiTotal += mdi[f]!;
  const importance = new Float64Array(p);
  for (let f = 0; f < p; f++) importance[f] = mdiTotal > 0 ? mdi[f]! / mdiTotal : 0;
  for (let i = 0; i < n; i++) for (let c = 0; c < K; c++) oobSum[i * K + c] = oobCount[i]! > 0 ? oobSum[i * K + c]! / oobCount[i]! : NaN;
  return classifier({
    nClasses: K,
    featureNames: Object.freeze([...featureNames]),
    params: resolved,
    settings,
    classWeights: Object.freeze(Array.from(classWeights)),
    nObservations: n,
    roots,
    feature: store.feature.slice(0, store.size),
    threshold: store.threshold.slice(0, store.size),
    left: store.left.slice(0, store.size),
    right: store.right.slice(0, store.size),
    value: store.value.slice(0, store.size * K),
    importance,
    oobClassProbs: oobSum,
  });
}

function damaged(message: string): never {
  throw new RadvalError("INCOMPATIBLE_MODEL", `saved multi-class forest: ${message}`, { hint: "Save the model again with toJSON()." });
}

/** Restores a {@link ForestClassifier} from its `toJSON()` (the same predictions, bit for bit). Damaged data is `INCOMPATIBLE_MODEL`. O(size). */
export function restoreForestClassifier(json: ForestClassifierJSON): ForestClassifier {
  if (!json || json.kind !== "radval-forest-classifier") damaged(`expected kind "radval-forest-classifier", got ${JSON.stringify(json?.kind)}`);
  if (json.schema !== 1) damaged(`schema ${String(json.schema)} is not supported (this radval reads schema 1)`);
  const K = json.nClasses;
  if (!(Number.isInteger(K) && K >= 2)) damaged(`nClasses ${String(K)}`);
  const feature = decodeInt32(json.feature);
  const size = feature.length;
  const threshold = decodeFloat64(json.threshold);
  const left = decodeInt32(json.left);
  const right = decodeInt32(json.right);
  const value = decodeFloat64(json.value);
  if (threshold.length !== size || left.length !== size || right.length !== size || value.length !== size * K) damaged("node arrays differ in length");
  const roots = decodeInt32(json.roots);
  if (roots.length === 0) damaged("no trees");
  const p = json.featureNames.length;
  for (let k = 0; k < size; k++) {
    if (feature[k]! >= p || (feature[k]! >= 0 && (left[k]! <= k || right[k]! <= k || left[k]! >= size || right[k]! >= size))) damaged(`node ${k} is malformed`);
  }
  return classifier({
    nClasses: K,
    featureNames: Object.freeze([...json.featureNames]),
    params: Object.freeze({ ...json.params }),
    settings: Object.freeze({ ...json.settings }),
    classWeights: Object.freeze([...json.classWeights]),
    nObservations: json.nObservations,
    roots,
    feature,
    threshold,
    left,
    right,
    value,
    importance: Float64Array.from(json.importance),
    oobClassProbs: decodeFloat64(json.oobClassProbs),
  });
}
