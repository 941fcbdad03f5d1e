import { RadvalError, type RadvalWarning } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import type { Rng } from "../../core/rng.js";
import { aucMannWhitney } from "../../metrics/auc.js";
import { observationWeights } from "../classWeights.js";
import { defaultsOf, resolveParams } from "../params.js";
import { checkSerialized, decodeFloat64, decodeInt32, type EncodedArray, encodeArray, serializeFit } from "../serialize.js";
import type { FitOptions, FittedModel, ModelDescription, ModelEngine, ModelSpec, SerializedModel } from "../types.js";
import { checkFitInput, checkPredictInput } from "../validate.js";
import { NodeStore, TreeGrower, prepareTreeData, treeLeaf, treeValue } from "./cart.js";
import { type ForestSettings, resolveForestSettings } from "./settings.js";
import { RANDOM_FOREST_PARAMS } from "./spec.js";

const ENGINE = "radval";
/** State schema of saved radval forests. */
export const FOREST_SCHEMA = 1;

/** Flat node arrays of all trees; tree t's root is `roots[t]`. */
export interface ForestNodes {
  readonly roots: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
}

/** A fitted random forest: a {@link FittedModel} plus out-of-bag results and importances. */
export interface FittedForest extends FittedModel {
  /** Out-of-bag P(y = 1) of each training row (mean over the trees that did not draw it; NaN if every tree drew it). */
  readonly oobPredictions: Float64Array;
  /** AUC of the out-of-bag predictions (rows with at least one OOB tree); NaN when undefined. */
  readonly oobAuc: number;
  /** Mean decrease in Gini impurity per feature, normalised to sum 1 (scikit-learn's feature_importances_). */
  readonly impurityImportance: Readonly<Record<string, number>>;
  /** Decrease in OOB AUC when each feature is permuted (importance: "permutation"), else undefined. */
  readonly permutationImportance: Readonly<Record<string, number>> | undefined;
}

/** Mean of the trees' leaf values for every row of x. O(n · trees · depth). */
export function forestPredict(nodes: ForestNodes, x: ColumnMatrix): Float64Array {
  const n = x.nRows;
  const out = new Float64Array(n);
  const trees = nodes.roots.length;
  for (let t = 0; t < trees; t++) {
    const root = nodes.roots[t]!;
    for (let i = 0; i < n; i++) out[i] = out[i]! + treeValue(nodes, root, x.data, n, i);
  }
  for (let i = 0; i < n; i++) out[i] = out[i]! / trees;
  return out;
}

/** The binary forest's node values: each node's share of class 1 (the K = 2 store holds both shares). */
function classOneShare(store: NodeStore): Float64Array {
  const out = new Float64Array(store.size);
  for (let k = 0; k < store.size; k++) out[k] = store.value[2 * k + 1]!;
  return out;
}

/**
 * Bag counts of one tree: `counts[i]` = times row i is drawn — max(1, round(sampleFraction · n))
 * draws with replacement from `rng`, or that many distinct rows without. O(n).
 */
export function drawBag(rng: Rng, n: number, settings: ForestSettings, counts: Int32Array): void {
  counts.fill(0);
  const size = Math.max(1, Math.round(settings.sampleFraction * n));
  if (settings.replace) {
    for (let k = 0; k < size; k++) counts[rng.integer(n)]++;
  } else {
    const rows = rng.sampleWithoutReplacement(n, Math.min(size, n));
    for (let k = 0; k < rows.length; k++) counts[rows[k]!] = 1;
  }
}

function oobAucOf(y: Float64Array, sum: Float64Array, count: Int32Array): number {
  const keepY: number[] = [];
  const keepP: number[] = [];
  for (let i = 0; i < y.length; i++) {
    if (count[i]! > 0) {
      keepY.push(y[i]!);
      keepP.push(sum[i]! / count[i]!);
    }
  }
  const n1 = keepY.reduce((a, b) => a + b, 0);
  return n1 > 0 && n1 < keepY.length ? aucMannWhitney(keepY, keepP) : NaN;
}

function fitForest(spec: ModelSpec, x: ColumnMatrix, y: Float64Array, options: FitOptions): FittedModel {
  const featureNames = checkFitInput(`randomForest (${ENGINE})`, x, y, options);
  const params = resolveParams("randomForest", RANDOM_FOREST_PARAMS, spec.params);
  const settings = resolveForestSettings(params, x.nCols);
  const n = x.nRows;
  const p = x.nCols;
  const weights = observationWeights(y, params["classWeight"]!, options.weights);
  const data = prepareTreeData(x.data, n, p, y);
  const permutationRng = options.rng.split();
  const treeRngs = options.rng.splitMany(settings.trees);
  const grower = new TreeGrower(data);
  const store = new NodeStore();
  const roots = new Int32Array(settings.trees);
  const counts = new Int32Array(n);
  const oobSum = new Float64Array(n);
  const oobCount = new Int32Array(n);
  const mdi = new Float64Array(p);
  let usefulTrees = 0;
  const wantPermutation = params["importance"] === "permutation";
  const inBag = wantPermutation ? new Uint8Array(settings.trees * n) : undefined;
  const treeSettings = { mtry: settings.mtry, minNodeSize: settings.minNodeSize, maxDepth: settings.maxDepth ?? Infinity };
  for (let t = 0; t < settings.trees; t++) {
    const rng = treeRngs[t]!;
    drawBag(rng, n, settings, counts);
    for (let i = 0; i < n; i++) grower.sampleWeight[i] = counts[i]! * weights[i]!;
    const before = store.size;
    roots[t] = grower.grow(store, treeSettings, rng);
    if (store.size - before > 1) {
      let total = 0;
      for (let f = 0; f < p; f++) total += grower.impurityDecrease[f]!;
      if (total > 0) {
        for (let f = 0; f < p; f++) mdi[f] = mdi[f]! + grower.impurityDecrease[f]! / total;
        usefulTrees++;
      }
    }
    for (let i = 0; i < n; i++) {
      if (counts[i] === 0) {
        oobSum[i] = oobSum[i]! + store.value[2 * treeLeaf(store, roots[t]!, x.data, n, i) + 1]!;
        oobCount[i]++;
      } else if (inBag) inBag[t * n + i] = 1;
    }
  }
  const nodes: ForestNodes = {
    roots,
    feature: store.feature.slice(0, store.size),
    threshold: store.threshold.slice(0, store.size),
    left: store.left.slice(0, store.size),
    right: store.right.slice(0, store.size),
    value: classOneShare(store),
  };
  const oob = new Float64Array(n);
  for (let i = 0; i < n; i++) oob[i] = oobCount[i]! > 0 ? oobSum[i]! / oobCount[i]! : NaN;
  const oobAuc = oobAucOf(y, oobSum, oobCount);
  let mdiTotal = 0;
  for (let f = 0; f < p; f++) mdiTotal += mdi[f]!;
  const impurity: Record<string, number> = {};
  featureNames.forEach((name, f) => (impurity[name] = mdiTotal > 0 ? mdi[f]! / mdiTotal : 0));
  let permutation: Record<string, number> | undefined;
  if (inBag) permutation = oobPermutationImportance(nodes, x, y, inBag, oobAuc, featureNames, permutationRng);
  const warnings: RadvalWarning[] = [];
  let noOob = 0;
  for (let i = 0; i < n; i++) if (oobCount[i] === 0) noOob++;
  if (noOob > 0) warnings.push({ code: "NO_OOB", message: `${noOob} training row(s) were drawn by every tree and have no out-of-bag prediction` });
  return forestModel({
    spec,
    featureNames: Object.freeze([...featureNames]),
    settings,
    nodes,
    nObservations: n,
    oobPredictions: oob,
    oobAuc,
    impurity: Object.freeze(impurity),
    permutation: permutation ? Object.freeze(permutation) : undefined,
    warnings,
  });
}

/**
 * Breiman's (2001) out-of-bag permutation importance, measured by AUC: for
 * each feature, its column is permuted once (one permutation from `rng`),
 * every tree predicts its own OOB rows with the permuted column, and the
 * importance is OOB AUC − permuted OOB AUC. O(p · trees · n · depth).
 */
function oobPermutationImportance(
  nodes: ForestNodes,
  x: ColumnMatrix,
  y: Float64Array,
  inBag: Uint8Array,
  oobAuc: number,
  featureNames: readonly string[],
  rng: Rng,
): Record<string, number> {
  const n = x.nRows;
  const p = x.nCols;
  const trees = nodes.roots.length;
  const permuted = new Float64Array(x.data);
  const sum = new Float64Array(n);
  const count = new Int32Array(n);
  const out: Record<string, number> = {};
  for (let f = 0; f < p; f++) {
    const perm = rng.permutation(n);
    const base = f * n;
    for (let i = 0; i < n; i++) permuted[base + i] = x.data[base + perm[i]!]!;
    sum.fill(0);
    count.fill(0);
    for (let t = 0; t < trees; t++) {
      for (let i = 0; i < n; i++) {
        if (inBag[t * n + i]) continue;
        sum[i] = sum[i]! + treeValue(nodes, nodes.roots[t]!, permuted, n, i);
        count[i]++;
      }
    }
    out[featureNames[f]!] = oobAuc - oobAucOf(y, sum, count);
    permuted.set(x.data.subarray(base, base + n), base);
  }
  return out;
}

interface ForestParts {
  spec: ModelSpec;
  featureNames: readonly string[];
  settings: ForestSettings;
  nodes: ForestNodes;
  nObservations: number;
  oobPredictions: Float64Array;
  oobAuc: number;
  impurity: Readonly<Record<string, number>>;
  permutation: Readonly<Record<string, number>> | undefined;
  warnings: readonly RadvalWarning[];
}

function forestModel(parts: ForestParts): FittedForest {
  const { spec, featureNames, nodes, settings } = parts;
  const label = `randomForest (${ENGINE})`;
  const nNodes = nodes.feature.length;
  let leaves = 0;
  for (let k = 0; k < nNodes; k++) if (nodes.feature[k]! < 0) leaves++;
  const model: FittedForest = {
    spec,
    nFeatures: featureNames.length,
    featureNames,
    warnings: Object.freeze([...parts.warnings]),
    oobPredictions: parts.oobPredictions,
    oobAuc: parts.oobAuc,
    impurityImportance: parts.impurity,
    permutationImportance: parts.permutation,
    predictProba(x: ColumnMatrix): Float64Array {
      checkPredictInput(label, featureNames, x);
      return forestPredict(nodes, x);
    },
    describe(): ModelDescription {
      return {
        model: spec.model,
        engine: spec.engine,
        params: spec.params,
        nObservations: parts.nObservations,
        nFeatures: featureNames.length,
        featureNames,
        details: {
          trees: nodes.roots.length,
          mtry: settings.mtry,
          minNodeSize: settings.minNodeSize,
          maxDepth: settings.maxDepth,
          sampleFraction: settings.sampleFraction,
          replace: settings.replace,
          splitRule: "Gini impurity, exact thresholds (midpoints between distinct values)",
          probability: "mean over trees of the leaf's weighted share of class 1",
          nodes: nNodes,
          meanLeavesPerTree: leaves / nodes.roots.length,
          oobAuc: Number.isNaN(parts.oobAuc) ? null : parts.oobAuc,
          impurityImportance: parts.impurity,
          ...(parts.permutation ? { permutationImportance: parts.permutation } : {}),
        },
      };
    },
    toJSON(): SerializedModel {
      return serializeFit(spec, featureNames, FOREST_SCHEMA, {
        settings,
        nObservations: parts.nObservations,
        roots: encodeArray(nodes.roots),
        feature: encodeArray(nodes.feature),
        threshold: encodeArray(nodes.threshold),
        left: encodeArray(nodes.left),
        right: encodeArray(nodes.right),
        value: encodeArray(nodes.value),
        oobPredictions: encodeArray(parts.oobPredictions),
        oobAuc: Number.isNaN(parts.oobAuc) ? null : parts.oobAuc,
        impurityImportance: parts.impurity,
        permutationImportance: parts.permutation ?? null,
      });
    },
  };
  return Object.freeze(model);
}

interface ForestState {
  settings: ForestSettings;
  nObservations: number;
  roots: EncodedArray;
  feature: EncodedArray;
  threshold: EncodedArray;
  left: EncodedArray;
  right: EncodedArray;
  value: EncodedArray;
  oobPredictions: EncodedArray;
  oobAuc: number | null;
  impurityImportance: Record<string, number>;
  permutationImportance: Record<string, number> | null;
}

function restoreForest(serialized: SerializedModel): FittedModel {
  const warnings = checkSerialized(serialized, { model: "randomForest", engine: ENGINE, schema: FOREST_SCHEMA });
  const s = serialized.state as ForestState;
  if (!s || !s.roots || !s.feature) throw new RadvalError("INCOMPATIBLE_MODEL", "saved forest has no trees", { hint: "Save the model again with toJSON()." });
  const nodes: ForestNodes = {
    roots: decodeInt32(s.roots),
    feature: decodeInt32(s.feature),
    threshold: decodeFloat64(s.threshold),
    left: decodeInt32(s.left),
    right: decodeInt32(s.right),
    value: decodeFloat64(s.value),
  };
  const size = nodes.feature.length;
  if ([nodes.threshold, nodes.left, nodes.right, nodes.value].some((a) => a.length !== size)) {
    throw new RadvalError("INCOMPATIBLE_MODEL", "saved forest: node arrays differ in length", { hint: "Save the model again with toJSON()." });
  }
  return forestModel({
    spec: Object.freeze({ ...serialized.spec, params: Object.freeze({ ...serialized.spec.params }) }),
    featureNames: Object.freeze([...serialized.featureNames]),
    settings: Object.freeze({ ...s.settings }),
    nodes,
    nObservations: s.nObservations,
    oobPredictions: decodeFloat64(s.oobPredictions),
    oobAuc: s.oobAuc ?? NaN,
    impurity: Object.freeze({ ...s.impurityImportance }),
    permutation: s.permutationImportance ? Object.freeze({ ...s.permutationImportance }) : undefined,
    warnings,
  });
}

/**
 * The `randomForest` model's default engine: radval's own forest of CART
 * trees ({@link TreeGrower}) — exact Gini splits like scikit-learn's
 * RandomForestClassifier, bootstrap or subsampling per tree from child Rngs
 * drawn up front (the same seed gives the same forest), out-of-bag
 * predictions and AUC, impurity and (optionally) OOB permutation importance.
 * Fit O(trees · mtry · n log² n) typical; predict O(n · trees · depth).
 */
export const forestEngine: ModelEngine = Object.freeze({
  model: "randomForest",
  engine: ENGINE,
  defaults: defaultsOf(RANDOM_FOREST_PARAMS),
  fit: fitForest,
  restore: restoreForest,
});
