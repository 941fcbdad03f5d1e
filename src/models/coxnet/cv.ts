import { RadvalError } from "../../core/errors.js";
import { gatherRows, type ColumnMatrix } from "../../core/matrix.js";
import type { Rng } from "../../core/rng.js";
import { concordance } from "../../survival/concordance.js";
import { resolveFoldIds } from "../elasticnet/cv.js";
import { lambdaInterp } from "../elasticnet/predict.js";
import { coxnetDeviance } from "./deviance.js";
import { coxnetPath } from "./path.js";
import type { CoxnetMeasure, CoxnetOptions, CvCoxnetResult } from "./types.js";

/** Options of {@link cvCoxnet}: the path options plus the folds and the measure. */
export interface CvCoxnetOptions extends CoxnetOptions {
  /** Fold of each row (any integer labels, at least 3 distinct). */
  readonly foldId?: ArrayLike<number>;
  /** Number of folds drawn with `rng` (stratified by event status) when foldId is not given (default 10). */
  readonly nFolds?: number;
  readonly rng?: Rng;
  /** "deviance" (default) or "C" (Harrell's C). */
  readonly measure?: CoxnetMeasure;
}

/**
 * K-fold cross-validation of the Cox elastic net equal to cv.glmnet(x, Surv, family = "cox") (glmnet 4.1): each
 * training part fitted on its own default path and its coefficients read at the full-data λ values by glmnet's
 * linear interpolation in λ (alignment = "lambda"); measure "deviance" = grouped (Verweij & van Houwelingen) partial-likelihood
 * deviance, dev(all rows) − dev(training rows) at the fold's β, divided by the fold's events and averaged with event
 * weights; "C" = Harrell's C of the held-out linear predictor per fold, averaged with fold-size weights; cvsd =
 * sqrt(weighted variance / (K − 1)); λ_min and λ_1se as glmnet's getOptcv. Reference: Simon et al. (2011) J Stat
 * Softw 39(5); Verweij & van Houwelingen (1993) Stat Med 12:2305. Cost (K + 1) path fits.
 */
export function cvCoxnet(x: ColumnMatrix, time: ArrayLike<number>, event: ArrayLike<number>, options: CvCoxnetOptions = {}): CvCoxnetResult {
  const measure = options.measure ?? "deviance";
  if (measure !== "deviance" && measure !== "C") {
    throw new RadvalError("INVALID_OPTION", `unknown Cox measure "${String(measure)}"`, { where: { option: "--measure" }, hint: 'Use "deviance" or "C".' });
  }
  const fit = coxnetPath(x, time, event, options);
  const n = x.nRows;
  const foldId = resolveFoldIds(event, options);
  const nFolds = Math.max(...foldId);
  const L = fit.lambda.length;
  const cvraw: Float64Array[] = [];
  const weights = new Float64Array(nFolds);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let k = 1; k <= nFolds; k++) {
    const train: number[] = [], test: number[] = [];
    for (let i = 0; i < n; i++) (foldId[i] === k ? test : train).push(i);
    const tr = Int32Array.from(train), te = Int32Array.from(test);
    const trTime = Float64Array.from(tr, (i) => time[i]!);
    const trEvent = Float64Array.from(tr, (i) => event[i]!);
    // glmnet 4.x fits each fold on its own default grid and reads it at the full-data λ (alignment = "lambda")
    const foldPath = coxnetPath(gatherRows(x, tr), trTime, trEvent, { ...options, lambda: undefined });
    const foldFit = { beta: foldPath.beta.map((b) => fit.lambda.map((s) => {
      const { left, right, frac } = lambdaInterp(foldPath.lambda, s);
      return frac * b[left]! + (1 - frac) * b[right]!;
    })) };
    const row = new Float64Array(L);
    if (measure === "deviance") {
      const full = coxnetDeviance(x, time, event, all, foldFit.beta, L);
      const part = coxnetDeviance(x, time, event, tr, foldFit.beta, L);
      let ev = 0;
      for (const i of te) ev += event[i]!;
      weights[k - 1] = ev;
      for (let l = 0; l < L; l++) row[l] = (full[l]! - part[l]!) / ev;
    } else {
      weights[k - 1] = te.length;
      const teTime = Float64Array.from(te, (i) => time[i]!);
      const teEvent = Float64Array.from(te, (i) => event[i]!);
      const lp = new Float64Array(te.length);
      for (let l = 0; l < L; l++) {
        lp.fill(0);
        for (let j = 0; j < x.nCols; j++) {
          const b = foldFit.beta[j]![l]!;
          if (b === 0) continue;
          te.forEach((i, q) => (lp[q]! += b * x.data[j * n + i]!));
        }
        row[l] = concordance(teTime, teEvent, lp).c;
      }
    }
    cvraw.push(row);
  }
  const cvm: number[] = [], cvsd: number[] = [];
  let wsum = 0;
  for (let k = 0; k < nFolds; k++) wsum += weights[k]!;
  for (let l = 0; l < L; l++) {
    let m = 0;
    for (let k = 0; k < nFolds; k++) m += weights[k]! * cvraw[k]![l]!;
    m /= wsum;
    let v = 0;
    for (let k = 0; k < nFolds; k++) v += weights[k]! * (cvraw[k]![l]! - m) ** 2;
    v /= wsum;
    cvm.push(m);
    cvsd.push(Math.sqrt(v / (nFolds - 1)));
  }
  // getOptcv: C is maximised (compare −cvm)
  const sign = measure === "C" ? -1 : 1;
  let best = Infinity;
  for (let l = 0; l < L; l++) best = Math.min(best, sign * cvm[l]!);
  let indexMin = -1;
  for (let l = 0; l < L; l++) if (sign * cvm[l]! <= best && (indexMin < 0 || fit.lambda[l]! > fit.lambda[indexMin]!)) indexMin = l;
  const semin = sign * cvm[indexMin]! + cvsd[indexMin]!;
  let index1se = -1;
  for (let l = 0; l < L; l++) if (sign * cvm[l]! <= semin && (index1se < 0 || fit.lambda[l]! > fit.lambda[index1se]!)) index1se = l;
  return {
    fit,
    measure,
    lambda: fit.lambda,
    cvm,
    cvsd,
    cvup: cvm.map((m, l) => m + cvsd[l]!),
    cvlo: cvm.map((m, l) => m - cvsd[l]!),
    nzero: fit.df,
    lambdaMin: fit.lambda[indexMin]!,
    lambda1se: fit.lambda[index1se]!,
    indexMin,
    index1se,
    foldId,
    nFolds,
  };
}
