import { RadvalError, type RadvalWarning, isRadvalError } from "../core/errors.js";
import { type ColumnMatrix, gatherRows, gatherVector } from "../core/matrix.js";
import type { Rng } from "../core/rng.js";
import { aucMannWhitney } from "../metrics/auc.js";
import { fitStandardize, standardize } from "../preprocess/scale.js";
import type { Resamples } from "../resample/types.js";
import { fitModel } from "./registry.js";
import type { ModelSpec, ParamValue } from "./types.js";

/** One model to cross-validate: a label for the output and its spec. */
export interface CvEntry {
  readonly label: string;
  readonly spec: ModelSpec;
}

/** AUC of one model on one split's assessment rows. */
export interface CvFoldResult {
  /** 1-based position of the split (repeated CV: repeat r, fold k → (r − 1)·K + k). */
  readonly fold: number;
  /** Assessment rows. */
  readonly n: number;
  /** null when the assessment rows hold one class only. */
  readonly auc: number | null;
}

/** Cross-validated discrimination of one model (the `radval cv --json` shape). */
export interface CvModelResult {
  readonly model: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly folds: readonly CvFoldResult[];
  /** AUC of all held-out predictions pooled (each row once per repeat). */
  readonly pooledAuc: number | null;
  /** Mean of the fold AUCs. */
  readonly meanAuc: number | null;
  /** SD of the fold AUCs (ddof 1). */
  readonly sdAuc: number | null;
}

/** Options of {@link crossValidateModels}. */
export interface CrossValidateOptions {
  /** One child stream per split is drawn from it up front; every model of a split gets a copy of that split's stream. */
  readonly rng: Rng;
  readonly featureNames?: readonly string[];
  /** Standardise features inside each split (fit on the analysis rows). Default true. */
  readonly standardize?: boolean;
  /** Receives the warnings of every fit (and of the scaler), with the model label and split id. */
  readonly onWarning?: (warning: RadvalWarning & { readonly model: string; readonly split: string }) => void;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function sd(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const m = mean(values)!;
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
}

function safeAuc(truth: ArrayLike<number>, score: ArrayLike<number>): number | null {
  let n1 = 0;
  for (let i = 0; i < truth.length; i++) n1 += truth[i]!;
  return n1 === 0 || n1 === truth.length ? null : aucMannWhitney(truth, score);
}

/**
 * Compares models by cross-validated AUC on the same splits: for every split
 * the features are standardised on its analysis rows only (ddof 0, as
 * scikit-learn's StandardScaler in a pipeline), each model is fit there and
 * predicts P(y = 1) for the assessment rows. Reports the AUC per split, their
 * mean and SD, and the AUC of all held-out predictions pooled. Splits come
 * from `src/resample` (stratifiedKFold, repeatedStratifiedKFold,
 * splitsFromFoldIds) — no fold logic here. Cost: splits × models fits.
 */
export function crossValidateModels(x: ColumnMatrix, y: Float64Array, entries: readonly CvEntry[], resamples: Resamples, options: CrossValidateOptions): CvModelResult[] {
  if (resamples.n !== x.nRows || y.length !== x.nRows) {
    throw new RadvalError("DIMENSION_MISMATCH", `cross-validation: splits are for ${resamples.n} rows, x has ${x.nRows}, y has ${y.length}`);
  }
  const names = options.featureNames ?? Array.from({ length: x.nCols }, (_, j) => `x${j + 1}`);
  const splitRngs = options.rng.splitMany(resamples.splits.length);
  const folds: CvFoldResult[][] = entries.map(() => []);
  const pooledTruth: number[] = [];
  const pooledScore: number[][] = entries.map(() => []);
  resamples.splits.forEach((split, s) => {
    let train = gatherRows(x, split.analysis);
    let test = gatherRows(x, split.assessment);
    if (options.standardize !== false) {
      const scaler = fitStandardize(standardize(), { names, x: train });
      for (const w of scaler.warnings) options.onWarning?.({ ...w, model: "standardize", split: split.id });
      train = scaler.transform({ names, x: train }).x;
      test = scaler.transform({ names, x: test }).x;
    }
    const yTrain = gatherVector(y, split.analysis);
    const yTest = gatherVector(y, split.assessment);
    for (let k = 0; k < yTest.length; k++) pooledTruth.push(yTest[k]!);
    entries.forEach((entry, e) => {
      let prob: Float64Array;
      try {
        const model = fitModel(entry.spec, train, yTrain, { rng: splitRngs[s]!.clone(), featureNames: names });
        for (const w of model.warnings) options.onWarning?.({ ...w, model: entry.label, split: split.id });
        prob = model.predictProba(test);
      } catch (err) {
        if (isRadvalError(err)) {
          throw new RadvalError(err.code, `${entry.label}: ${err.message}`, { where: { split: split.id }, ...(err.hint ? { hint: err.hint } : {}) });
        }
        throw err;
      }
      for (let k = 0; k < prob.length; k++) pooledScore[e]!.push(prob[k]!);
      folds[e]!.push({ fold: s + 1, n: split.assessment.length, auc: safeAuc(yTest, prob) });
    });
  });
  return entries.map((entry, e) => {
    const aucs = folds[e]!.map((f) => f.auc).filter((a): a is number => a !== null);
    return {
      model: entry.label,
      params: entry.spec.params,
      folds: folds[e]!,
      pooledAuc: safeAuc(pooledTruth, pooledScore[e]!),
      meanAuc: mean(aucs),
      sdAuc: sd(aucs),
    };
  });
}
