import { RadvalError, type RadvalWarning } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import { stratifiedFoldIds } from "../../resample/stratifiedKFold.js";
import { checkClassCounts, checkDesignAndOutcome, resolveFeatureNames, resolveWeights } from "../inputs.js";
import { hashRows } from "./duplicates.js";
import { CV_MEASURE_NAMES, chooseLambda, higherIsBetter, observationLoss, weightedAuc } from "./measures.js";
import { type PathFit, type PathSettings, fitBinomialPath, publicPath, resolvePathSettings } from "./path.js";
import { lambdaInterp } from "./predict.js";
import type { CvElasticNetOptions, CvElasticNetResult, CvMeasure, ElasticNetOptions } from "./types.js";

const MEASURES: readonly CvMeasure[] = ["deviance", "auc", "class", "brier", "mse"];

/**
 * Fold ids as 1..K: the given ids (any whole numbers, relabelled by ascending
 * value) or a stratified draw with `rng`. cv.glmnet needs K ≥ 3. O(n log n).
 */
export function resolveFoldIds(y: ArrayLike<number>, options: Pick<CvElasticNetOptions, "foldId" | "nFolds" | "rng">): Int32Array {
  const n = y.length;
  if (options.foldId !== undefined) {
    const given = options.foldId;
    if (given.length !== n) {
      throw new RadvalError("DIMENSION_MISMATCH", `${given.length} fold ids were given for ${n} rows`, { where: { key: "foldId" } });
    }
    const labels = new Set<number>();
    for (let i = 0; i < n; i++) {
      const f = given[i]!;
      if (!Number.isInteger(f)) {
        throw new RadvalError("INVALID_ARGUMENT", `fold id of row ${i + 1} is ${f}, not a whole number`, { where: { row: i + 1, key: "foldId" } });
      }
      labels.add(f);
    }
    const sorted = [...labels].sort((a, b) => a - b);
    if (sorted.length < 3) {
      throw new RadvalError("INVALID_ARGUMENT", `the fold ids have ${sorted.length} distinct value(s); cross-validation needs at least 3 folds (as cv.glmnet)`, {
        where: { key: "foldId" },
        hint: "Use 10 folds (5 for small data).",
      });
    }
    const code = new Map(sorted.map((f, k) => [f, k + 1]));
    return Int32Array.from({ length: n }, (_, i) => code.get(given[i]!)!);
  }
  const k = options.nFolds ?? 10;
  if (!Number.isInteger(k) || k < 3) {
    throw new RadvalError("INVALID_ARGUMENT", `the number of folds must be a whole number ≥ 3, got ${k}`, { where: { key: "nFolds" }, hint: "Use 10 folds (5 for small data)." });
  }
  if (!options.rng) {
    throw new RadvalError("INVALID_ARGUMENT", "drawing folds needs a random generator: pass rng (createRng(seed)) or foldId", { where: { key: "rng" } });
  }
  return stratifiedFoldIds(y, k, options.rng);
}

/** Held-out linear predictors of one fold at each master λ (cv.glmnet's buildPredmat, alignment = "lambda"). */
function foldPredictions(x: ColumnMatrix, held: Int32Array, fit: PathFit, master: Float64Array, out: Float64Array, nMaster: number): void {
  const nk = held.length;
  const p = fit.p;
  const Lf = fit.lambda.length;
  // η at each fold λ for the held-out rows, then linear interpolation in λ (coefficients are linear, so η is too).
  const etaFold = new Float64Array(Lf * nk);
  const n = x.nRows;
  for (let l = 0; l < Lf; l++) {
    const row = l * p;
    const base = l * nk;
    etaFold.fill(fit.a0[l]!, base, base + nk);
    for (let j = 0; j < p; j++) {
      const b = fit.beta[row + j]!;
      if (b === 0) continue;
      const off = j * n;
      for (let t = 0; t < nk; t++) etaFold[base + t] = etaFold[base + t]! + b * x.data[off + held[t]!]!;
    }
  }
  for (let l = 0; l < nMaster; l++) {
    const { left, right, frac } = lambdaInterp(fit.lambda, master[l]!);
    for (let t = 0; t < nk; t++) {
      out[l * x.nRows + held[t]!] = frac * etaFold[left * nk + t]! + (1 - frac) * etaFold[right * nk + t]!;
    }
  }
}

/** The fold fits of one cross-validation, shared by every measure computed from them (internal). */
interface FoldFits {
  readonly n: number;
  readonly K: number;
  readonly y: Float64Array;
  readonly weights: Float64Array;
  readonly foldId: Int32Array;
  readonly settings: PathSettings;
  readonly featureNames: readonly string[];
  readonly full: PathFit;
  /** Held-out linear predictors, λ-major: eta[l * n + i]. */
  readonly eta: Float64Array;
  readonly heldOut: readonly Int32Array[];
  readonly folds: readonly { fold: number; nTrain: number; nLambda: number; jerr: number }[];
  readonly warnings: readonly RadvalWarning[];
}

function checkMeasure(measure: CvMeasure): void {
  if (!MEASURES.includes(measure)) {
    throw new RadvalError("INVALID_ARGUMENT", `unknown CV measure "${String(measure)}"`, { where: { key: "measure" }, hint: `Use one of ${MEASURES.join(", ")}.` });
  }
}

function fitFolds(x: ColumnMatrix, y: ArrayLike<number>, options: CvElasticNetOptions): FoldFits {
  const featureNames = resolveFeatureNames(x.nCols, options.featureNames);
  checkDesignAndOutcome(x, y, featureNames);
  const n = x.nRows;
  const p = x.nCols;
  const weights = resolveWeights(n, options.weights);
  const warnings: RadvalWarning[] = [...checkClassCounts(y, weights)];
  const foldId = resolveFoldIds(y, options);
  let K = 0;
  for (let i = 0; i < n; i++) if (foldId[i]! > K) K = foldId[i]!;
  const yy = Float64Array.from(y);
  const settings = resolvePathSettings(n, p, options);
  const rowHash = hashRows(x);
  const full = fitBinomialPath(x, null, yy, weights, settings, rowHash);
  const master = full.lambda;
  const L = master.length;
  const eta = new Float64Array(L * n);
  const folds: { fold: number; nTrain: number; nLambda: number; jerr: number }[] = [];
  const heldOut: Int32Array[] = [];
  for (let k = 1; k <= K; k++) {
    let nHeld = 0;
    for (let i = 0; i < n; i++) if (foldId[i] === k) nHeld++;
    const held = new Int32Array(nHeld);
    const train = new Int32Array(n - nHeld);
    for (let i = 0, a = 0, b = 0; i < n; i++) {
      if (foldId[i] === k) held[a++] = i;
      else train[b++] = i;
    }
    heldOut.push(held);
    const label = `fold ${k}`;
    const yTrain = new Float64Array(train.length);
    const wTrain = new Float64Array(train.length);
    for (let t = 0; t < train.length; t++) {
      yTrain[t] = yy[train[t]!]!;
      wTrain[t] = weights[train[t]!]!;
    }
    warnings.push(...checkClassCounts(yTrain, wTrain, { split: label }));
    const foldSettings: PathSettings =
      options.lambdaMinRatio === undefined ? resolvePathSettings(train.length, p, options as ElasticNetOptions) : settings;
    const fit = fitBinomialPath(x, train, yTrain, wTrain, foldSettings, rowHash);
    folds.push({ fold: k, nTrain: train.length, nLambda: fit.lambda.length, jerr: fit.jerr });
    for (const w of fit.warnings) warnings.push({ ...w, message: `${label}: ${w.message}`, where: { split: label } });
    foldPredictions(x, held, fit, master, eta, L);
  }
  return { n, K, y: yy, weights, foldId, settings, featureNames, full, eta, heldOut, folds, warnings };
}

/** True when the held-out rows of a fold (those with positive weight) hold one class only: its AUC is undefined. */
function heldOutSingleClass(held: Int32Array, y: Float64Array, weights: Float64Array): boolean {
  let pos = 0;
  let count = 0;
  for (const i of held) {
    if (!(weights[i]! > 0)) continue;
    pos += y[i]!;
    count++;
  }
  return pos === 0 || pos === count;
}

function summarize(ff: FoldFits, measure: CvMeasure, extraWarnings: readonly RadvalWarning[]): CvElasticNetResult {
  const { n, K, y, weights, eta, heldOut, full } = ff;
  const L = full.lambda.length;
  const foldRaw: number[][] = [];
  const foldWeights: number[] = [];
  const notes: RadvalWarning[] = [];
  const prob = new Float64Array(n);
  for (let k = 0; k < K; k++) {
    const held = heldOut[k]!;
    let wk = 0;
    for (const i of held) wk += weights[i]!;
    foldWeights.push(wk);
    const row = new Array<number>(L);
    if (measure === "auc" && heldOutSingleClass(held, y, weights)) {
      // cv.glmnet: the fold's AUC is NaN and weighted.mean(na.rm = TRUE) leaves it (and its weight) out.
      row.fill(Number.NaN);
      const label = `fold ${k + 1}`;
      notes.push({
        code: "CV_FOLD_AUC_UNDEFINED",
        message: `${label}: the held-out rows hold one class only, so its AUC is undefined and left out of cvm and cvsd (as cv.glmnet)`,
        where: { split: label },
      });
      foldRaw.push(row);
      continue;
    }
    for (let l = 0; l < L; l++) {
      for (const i of held) prob[i] = 1 / (1 + Math.exp(-eta[l * n + i]!));
      if (measure === "auc") {
        row[l] = weightedAuc(y, prob, weights, held);
      } else {
        let s = 0;
        for (const i of held) s += weights[i]! * observationLoss(measure, y[i]!, prob[i]!);
        row[l] = s / wk;
      }
    }
    foldRaw.push(row);
  }
  if (notes.length === K) {
    throw new RadvalError("SINGLE_CLASS", "the held-out rows of every fold hold one class only, so no fold has an AUC", {
      where: { key: "foldId" },
      hint: "Use stratified folds (radval draws them with --folds/--seed), fewer folds, or the deviance measure.",
    });
  }
  // Weighted means over the folds with a value; (K − 1) counts every fold, as cv.glmnet's N − 1.
  let totalW = 0;
  for (let k = 0; k < K; k++) if (!Number.isNaN(foldRaw[k]![0]!)) totalW += foldWeights[k]!;
  const cvm = new Array<number>(L);
  const cvsd = new Array<number>(L);
  for (let l = 0; l < L; l++) {
    let m = 0;
    for (let k = 0; k < K; k++) {
      const v = foldRaw[k]![l]!;
      if (!Number.isNaN(v)) m += foldWeights[k]! * v;
    }
    m /= totalW;
    let v = 0;
    for (let k = 0; k < K; k++) {
      const d = foldRaw[k]![l]! - m;
      if (!Number.isNaN(d)) v += foldWeights[k]! * d * d;
    }
    cvm[l] = m;
    cvsd[l] = Math.sqrt(v / totalW / (K - 1));
  }
  const lambda = Array.from(full.lambda);
  const { indexMin, index1se } = chooseLambda(lambda, cvm, cvsd, higherIsBetter(measure));
  const fit = publicPath(full, ff.settings, ff.featureNames, []);
  return Object.freeze({
    alpha: ff.settings.alpha,
    measure,
    measureName: CV_MEASURE_NAMES[measure],
    lambda: Object.freeze(lambda),
    cvm: Object.freeze(cvm),
    cvsd: Object.freeze(cvsd),
    cvup: Object.freeze(cvm.map((m, l) => m + cvsd[l]!)),
    cvlo: Object.freeze(cvm.map((m, l) => m - cvsd[l]!)),
    nzero: fit.df,
    lambdaMin: lambda[indexMin]!,
    lambda1se: lambda[index1se]!,
    indexMin,
    index1se,
    foldId: Object.freeze(Array.from(ff.foldId)),
    foldRaw: Object.freeze(foldRaw.map((r) => Object.freeze(r))),
    foldWeights: Object.freeze(foldWeights),
    folds: Object.freeze(ff.folds.map((f) => Object.freeze({ ...f }))),
    fit,
    warnings: Object.freeze([...ff.warnings, ...extraWarnings, ...notes, ...full.warnings]),
  });
}

/** cv.glmnet falls back from AUC to deviance with fewer than 10 observations per fold. */
function effectiveMeasure(measure: CvMeasure, n: number, nFolds: number, warnings: RadvalWarning[]): CvMeasure {
  if (measure === "auc" && n / nFolds < 10) {
    warnings.push({ code: "CV_MEASURE_CHANGED", message: "too few (< 10) observations per fold for the AUC; measure changed to deviance (as cv.glmnet)" });
    return "deviance";
  }
  return measure;
}

function foldCount(y: ArrayLike<number>, options: CvElasticNetOptions): number {
  if (options.foldId === undefined) return options.nFolds ?? 10;
  return new Set(Array.from(options.foldId)).size;
}

/**
 * Cross-validated elastic-net logistic regression: glmnet's
 * `cv.glmnet(x, y, family = "binomial", foldid, type.measure, alpha, …)`
 * (glmnet 4.1-6). The full-data fit gives the λ sequence; each fold's
 * training rows are fitted with their OWN λ sequence (same options), and the
 * held-out linear predictors at the full-data λ values come from linear
 * interpolation in λ between that fold's path solutions, clamped to its first
 * or last solution outside its range — so a fold whose path stopped early
 * contributes its last solution at the smaller λ values. Per fold, the
 * measure is the weighted mean over its held-out rows (AUC: the fold's
 * weighted AUC); cvm = Σ_k W_k m_k / Σ_k W_k with W_k the fold's total weight,
 * cvsd = √(Σ_k W_k (m_k − cvm)² / Σ_k W_k / (K − 1)); λ_min and λ_1se by
 * {@link chooseLambda}. Folds: `foldId`, or a stratified draw of `nFolds`
 * (default 10) with `rng`. A fold whose training rows hold fewer than 2 of a
 * class is an error naming the fold. For AUC, a fold whose held-out rows hold
 * one class only has no AUC: as cv.glmnet, it is left out of cvm and cvsd
 * (its `foldRaw` row is NaN) with a warning naming it; an error if no fold has
 * one. O(K × cost of one path).
 */
export function cvElasticNet(x: ColumnMatrix, y: ArrayLike<number>, options: CvElasticNetOptions = {}): CvElasticNetResult {
  const requested = options.measure ?? "deviance";
  checkMeasure(requested);
  const notes: RadvalWarning[] = [];
  const measure = effectiveMeasure(requested, x.nRows, foldCount(y, options), notes);
  const ff = fitFolds(x, y, options);
  return summarize(ff, measure, notes);
}

/**
 * Several CV measures from ONE set of fold fits (the fits do not depend on the
 * measure): the same as calling {@link cvElasticNet} once per measure, at the
 * cost of one. Returns the results in the order of `measures`.
 */
export function cvElasticNetMeasures(
  x: ColumnMatrix,
  y: ArrayLike<number>,
  measures: readonly CvMeasure[],
  options: Omit<CvElasticNetOptions, "measure"> = {},
): readonly CvElasticNetResult[] {
  if (measures.length === 0) throw new RadvalError("INVALID_ARGUMENT", "no CV measure was asked for", { where: { key: "measures" } });
  measures.forEach(checkMeasure);
  const notes: RadvalWarning[] = [];
  const K = foldCount(y, options);
  const effective = measures.map((m) => effectiveMeasure(m, x.nRows, K, notes));
  const ff = fitFolds(x, y, options);
  return Object.freeze(effective.map((m) => summarize(ff, m, notes)));
}

/** Result of {@link cvElasticNetAlphas}: one cross-validation per α on the same folds, and the best α. */
export interface CvAlphaGridResult {
  readonly alphas: readonly number[];
  readonly results: readonly CvElasticNetResult[];
  /** Position in `alphas` of the α whose best cvm (at its λ_min) is best. */
  readonly bestIndex: number;
  readonly bestAlpha: number;
  readonly foldId: readonly number[];
}

/**
 * Tunes the mixture α: runs {@link cvElasticNet} for each α on the SAME folds
 * (drawn once, or `foldId`), so the curves are comparable, and picks the α
 * whose cvm at its λ_min is best (ties: the first α listed). O(|α| × CV cost).
 */
export function cvElasticNetAlphas(
  x: ColumnMatrix,
  y: ArrayLike<number>,
  options: Omit<CvElasticNetOptions, "alpha"> & { readonly alphas: readonly number[] },
): CvAlphaGridResult {
  const { alphas, ...rest } = options;
  if (!Array.isArray(alphas) || alphas.length === 0) {
    throw new RadvalError("INVALID_ARGUMENT", "alphas must be a non-empty list of mixtures in [0, 1]", { where: { key: "alphas" } });
  }
  if (y.length !== x.nRows) {
    throw new RadvalError("DIMENSION_MISMATCH", `the outcome has ${y.length} values but the feature matrix has ${x.nRows} rows`);
  }
  const foldId = resolveFoldIds(y, rest);
  const results = alphas.map((alpha) => cvElasticNet(x, y, { ...rest, alpha, foldId }));
  const higher = higherIsBetter(results[0]!.measure);
  let bestIndex = 0;
  for (let a = 1; a < results.length; a++) {
    const r = results[a]!;
    const b = results[bestIndex]!;
    const better = higher ? r.cvm[r.indexMin]! > b.cvm[b.indexMin]! : r.cvm[r.indexMin]! < b.cvm[b.indexMin]!;
    if (better) bestIndex = a;
  }
  return Object.freeze({
    alphas: Object.freeze([...alphas]),
    results: Object.freeze(results),
    bestIndex,
    bestAlpha: alphas[bestIndex]!,
    foldId: Object.freeze(Array.from(foldId)),
  });
}
