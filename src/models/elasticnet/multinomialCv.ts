import { RadvalError, type RadvalWarning } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import type { Rng } from "../../core/rng.js";
import { resolveFoldIds } from "./cv.js";
import { chooseLambda } from "./measures.js";
import { type MultinomialElasticNetOptions, type MultinomialElasticNetPath, checkMultinomialOutcome, fitMultinomialPath, prepareMultinomial, publicMultinomialPath } from "./multinomialPath.js";
import { lambdaInterp } from "./predict.js";
import { type PathSettings, resolvePathSettings } from "./path.js";

/** cv.glmnet's `type.measure` for the multinomial family. */
export type MultinomialCvMeasure = "deviance" | "class" | "mse" | "mae";

/** cv.glmnet's `name` of each multinomial measure. */
export const MULTINOMIAL_CV_MEASURE_NAMES: Readonly<Record<MultinomialCvMeasure, string>> = Object.freeze({
  deviance: "Multinomial Deviance",
  class: "Misclassification Error",
  mse: "Mean-Squared Error",
  mae: "Mean Absolute Error",
});

/** Options of {@link cvMultinomialElasticNet}. */
export interface CvMultinomialOptions extends MultinomialElasticNetOptions {
  /** Fold of each row (any whole numbers, ≥ 3 distinct). */
  readonly foldId?: ArrayLike<number>;
  /** Number of folds drawn (stratified by class) with `rng`. Default 10. */
  readonly nFolds?: number;
  readonly rng?: Rng;
  /** Default "deviance". */
  readonly measure?: MultinomialCvMeasure;
}

/** Result of {@link cvMultinomialElasticNet}: cv.glmnet's object as frozen plain data. */
export interface CvMultinomialResult {
  readonly measure: MultinomialCvMeasure;
  readonly measureName: string;
  readonly lambda: readonly number[];
  readonly cvm: readonly number[];
  readonly cvsd: readonly number[];
  readonly cvup: readonly number[];
  readonly cvlo: readonly number[];
  readonly nzero: readonly number[];
  readonly lambdaMin: number;
  readonly lambda1se: number;
  readonly indexMin: number;
  readonly index1se: number;
  readonly foldId: readonly number[];
  readonly fit: MultinomialElasticNetPath;
  readonly warnings: readonly RadvalWarning[];
}

const MEASURES: readonly MultinomialCvMeasure[] = ["deviance", "class", "mse", "mae"];
const PROB_MIN = 1e-5;

/**
 * Stratified fold ids 1..k for class codes 0..K−1: each class's rows are
 * shuffled with `rng` and dealt to the folds in turn, one class after another
 * (so every fold holds about the same share of each class). Needs at least k
 * rows in the rarest class. O(n).
 */
export function stratifiedClassFolds(codes: ArrayLike<number>, K: number, k: number, rng: Rng): Int32Array {
  const byClass: number[][] = Array.from({ length: K }, () => []);
  for (let i = 0; i < codes.length; i++) byClass[codes[i]!]!.push(i);
  const smallest = Math.min(...byClass.map((r) => r.length));
  if (smallest < k) {
    throw new RadvalError("TOO_FEW_CASES", `${k}-fold stratified cross-validation needs at least ${k} rows of every class, but the rarest class has ${smallest}`, {
      hint: `Use at most ${Math.max(3, smallest)} folds, or merge rare classes.`,
    });
  }
  const ids = new Int32Array(codes.length);
  let deal = 0;
  for (let c = K - 1; c >= 0; c--) {
    const rows = byClass[c]!;
    rng.shuffle(rows);
    for (const r of rows) ids[r] = (deal++ % k) + 1;
  }
  return ids;
}

/** One held-out case's loss at linear predictors `eta` (length K) with true class `y` (cv.multnet). */
function caseLoss(measure: MultinomialCvMeasure, eta: Float64Array, y: number): number {
  const K = eta.length;
  let m = -Infinity;
  for (const e of eta) m = Math.max(m, e);
  let s = 0;
  for (let c = 0; c < K; c++) s += Math.exp(eta[c]! - m);
  const prob = (c: number) => Math.exp(eta[c]! - m) / s;
  switch (measure) {
    case "deviance": {
      const p = Math.min(Math.max(prob(y), PROB_MIN), 1 - PROB_MIN);
      return -2 * Math.log(p);
    }
    case "class": {
      let best = 0;
      for (let c = 1; c < K; c++) if (eta[c]! > eta[best]!) best = c;
      return best === y ? 0 : 1;
    }
    case "mse": {
      let t = 0;
      for (let c = 0; c < K; c++) t += (prob(c) - (c === y ? 1 : 0)) ** 2;
      return t;
    }
    case "mae": {
      let t = 0;
      for (let c = 0; c < K; c++) t += Math.abs(prob(c) - (c === y ? 1 : 0));
      return t;
    }
  }
}

/** Fold fits of one cross-validation, shared by every measure (internal). */
interface MultinomialFolds {
  readonly K: number;
  readonly nf: number;
  readonly foldId: Int32Array;
  readonly weights: Float64Array;
  /** Held-out linear predictors at the full-data λ: eta[(l n + i) K + c]. */
  readonly eta: Float64Array;
  readonly heldOut: readonly number[][];
  readonly lambda: Float64Array;
  readonly fit: MultinomialElasticNetPath;
  readonly warnings: readonly RadvalWarning[];
}

function checkMeasure(measure: MultinomialCvMeasure): void {
  if (!MEASURES.includes(measure)) {
    throw new RadvalError("INVALID_ARGUMENT", `unknown CV measure "${String(measure)}" for the multinomial family`, { where: { key: "measure" }, hint: `Use one of ${MEASURES.join(", ")}.` });
  }
}

function fitFolds(x: ColumnMatrix, codes: ArrayLike<number>, options: Omit<CvMultinomialOptions, "measure">): MultinomialFolds {
  const prep = prepareMultinomial(x, codes, options);
  const { K, weights, settings, grouped } = prep;
  const n = x.nRows;
  const p = x.nCols;
  const foldId =
    options.foldId !== undefined
      ? resolveFoldIds(codes, { foldId: options.foldId })
      : options.rng
        ? stratifiedClassFolds(codes, K, options.nFolds ?? 10, options.rng)
        : resolveFoldIds(codes, { nFolds: options.nFolds ?? 10 });
  let nf = 0;
  for (let i = 0; i < n; i++) nf = Math.max(nf, foldId[i]!);
  if (!(nf >= 3)) throw new RadvalError("INVALID_ARGUMENT", `cross-validation needs at least 3 folds, got ${nf}`, { where: { key: "nFolds" } });
  const warnings: RadvalWarning[] = [...prep.warnings];
  const full = fitMultinomialPath(x, null, codes, K, weights, settings, grouped);
  const master = full.lambda;
  const L = master.length;
  const eta = new Float64Array(L * n * K);
  const heldOut: number[][] = [];
  for (let k = 1; k <= nf; k++) {
    const held: number[] = [];
    const train: number[] = [];
    for (let i = 0; i < n; i++) (foldId[i] === k ? held : train).push(i);
    heldOut.push(held);
    const label = `fold ${k}`;
    const codesTrain = Int32Array.from(train, (i) => codes[i]!);
    const wTrain = Float64Array.from(train, (i) => weights[i]!);
    warnings.push(...checkMultinomialOutcome(codesTrain, K, prep.classes, wTrain, label));
    const foldSettings: PathSettings = options.lambdaMinRatio === undefined ? resolvePathSettings(train.length, p, options) : settings;
    const fit = fitMultinomialPath(x, Int32Array.from(train), codesTrain, K, wTrain, foldSettings, grouped);
    for (const w of fit.warnings) warnings.push({ ...w, message: `${label}: ${w.message}`, where: { split: label } });
    for (let l = 0; l < L; l++) {
      const { left, right, frac } = lambdaInterp(fit.lambda, master[l]!);
      for (const i of held) {
        for (let c = 0; c < K; c++) {
          let eL = fit.a0[left * K + c]!;
          let eR = fit.a0[right * K + c]!;
          for (let j = 0; j < p; j++) {
            const xv = x.data[j * n + i]!;
            eL += fit.beta[(left * K + c) * p + j]! * xv;
            eR += fit.beta[(right * K + c) * p + j]! * xv;
          }
          eta[(l * n + i) * K + c] = frac * eL + (1 - frac) * eR;
        }
      }
    }
  }
  const fitPublic = publicMultinomialPath(full, settings, grouped, prep.classes, prep.featureNames, []);
  return { K, nf, foldId, weights, eta, heldOut, lambda: master, fit: fitPublic, warnings: [...warnings, ...full.warnings] };
}

function summarize(ff: MultinomialFolds, codes: ArrayLike<number>, measure: MultinomialCvMeasure): CvMultinomialResult {
  const { K, nf, weights, heldOut } = ff;
  const L = ff.lambda.length;
  const n = codes.length;
  const foldRaw: number[][] = [];
  const foldWeights: number[] = [];
  for (const held of heldOut) {
    let wk = 0;
    for (const i of held) wk += weights[i]!;
    foldWeights.push(wk);
    const row = new Array<number>(L);
    for (let l = 0; l < L; l++) {
      let s = 0;
      for (const i of held) s += weights[i]! * caseLoss(measure, ff.eta.subarray((l * n + i) * K, (l * n + i + 1) * K), codes[i]!);
      row[l] = s / wk;
    }
    foldRaw.push(row);
  }
  let totalW = 0;
  for (const wk of foldWeights) totalW += wk;
  const cvm = new Array<number>(L);
  const cvsd = new Array<number>(L);
  for (let l = 0; l < L; l++) {
    let m = 0;
    for (let k = 0; k < nf; k++) m += foldWeights[k]! * foldRaw[k]![l]!;
    m /= totalW;
    let v = 0;
    for (let k = 0; k < nf; k++) v += foldWeights[k]! * (foldRaw[k]![l]! - m) ** 2;
    cvm[l] = m;
    cvsd[l] = Math.sqrt(v / totalW / (nf - 1));
  }
  const lambda = Array.from(ff.lambda);
  const { indexMin, index1se } = chooseLambda(lambda, cvm, cvsd, false);
  return Object.freeze({
    measure,
    measureName: MULTINOMIAL_CV_MEASURE_NAMES[measure],
    lambda: Object.freeze(lambda),
    cvm: Object.freeze(cvm),
    cvsd: Object.freeze(cvsd),
    cvup: Object.freeze(cvm.map((m, l) => m + cvsd[l]!)),
    cvlo: Object.freeze(cvm.map((m, l) => m - cvsd[l]!)),
    nzero: ff.fit.df,
    lambdaMin: lambda[indexMin]!,
    lambda1se: lambda[index1se]!,
    indexMin,
    index1se,
    foldId: Object.freeze(Array.from(ff.foldId)),
    fit: ff.fit,
    warnings: Object.freeze([...ff.warnings]),
  });
}

/**
 * Cross-validated multinomial elastic net: glmnet's `cv.glmnet(x, y, family =
 * "multinomial", foldid, type.measure, …)` (glmnet 4.1-6, cv.multnet). The
 * full-data fit gives the λ sequence; each fold's training rows are fitted with
 * their own λ sequence, and the held-out linear predictors at the full-data λ
 * come from linear interpolation in λ (clamped), as predict.multnet. Per case:
 * deviance −2 log p_y (p clipped to [1e-5, 1 − 1e-5]), class 1[argmax ≠ y],
 * mse Σ_c (1[y = c] − p_c)², mae Σ_c |1[y = c] − p_c|; per fold the weighted
 * mean, cvm the fold-weighted mean, cvsd = √(Σ_k W_k (m_k − cvm)² / Σ W / (K − 1)),
 * λ_min and λ_1se as getOptcv.glmnet. Folds: `foldId`, or a class-stratified
 * draw of `nFolds` with `rng`. O(folds × path cost).
 */
export function cvMultinomialElasticNet(x: ColumnMatrix, codes: ArrayLike<number>, options: CvMultinomialOptions = {}): CvMultinomialResult {
  const measure = options.measure ?? "deviance";
  checkMeasure(measure);
  return summarize(fitFolds(x, codes, options), codes, measure);
}

/**
 * Several CV measures from ONE set of fold fits: the same as calling
 * {@link cvMultinomialElasticNet} once per measure, at the cost of one.
 */
export function cvMultinomialElasticNetMeasures(
  x: ColumnMatrix,
  codes: ArrayLike<number>,
  measures: readonly MultinomialCvMeasure[],
  options: Omit<CvMultinomialOptions, "measure"> = {},
): readonly CvMultinomialResult[] {
  if (measures.length === 0) throw new RadvalError("INVALID_ARGUMENT", "no CV measure was asked for", { where: { key: "measures" } });
  measures.forEach(checkMeasure);
  const ff = fitFolds(x, codes, options);
  return Object.freeze(measures.map((m) => summarize(ff, codes, m)));
}
