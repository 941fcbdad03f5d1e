import { RadvalError } from "../../core/errors.js";
import { type ClassWeightInput, normalizeClassWeight } from "../linearModel.js";
import type { ModelSpec, ParamValue } from "../types.js";
import type { CvMeasure } from "./types.js";

/** Parameters of {@link elasticNet} (parsnip's `logistic_reg(penalty, mixture)` with engine "glmnet"). */
export interface ElasticNetSpecParams {
  /** λ on glmnet's scale, or "cv" (default): choose λ by an inner cv.glmnet on the training rows. */
  readonly penalty?: number | "cv";
  /** α ∈ [0, 1] (default 1, the lasso). */
  readonly mixture?: number;
  /** With penalty "cv": "1se" (default, as predict.cv.glmnet) or "min". */
  readonly lambdaRule?: "min" | "1se";
  /** Length of the λ grid (default 100). */
  readonly nlambda?: number;
  /** Inner folds for penalty "cv" (default 10), stratified, drawn from the fit's rng. */
  readonly innerFolds?: number;
  /** Inner CV measure (default "deviance"). */
  readonly measure?: CvMeasure;
  /** "balanced" (n / (2 n_c)) or per-class weights { "0": w0, "1": w1 }. */
  readonly classWeight?: ClassWeightInput;
  /** glmnet's standardize (default true). */
  readonly standardize?: boolean;
  /** glmnet's thresh (default 1e-7, glmnet's default). */
  readonly thresh?: number;
  /** Smallest λ as a fraction of λmax (glmnet's lambda.min.ratio); null = glmnet's default (1e-4 if n > p, else 1e-2). */
  readonly lambdaMinRatio?: number | null;
}

/** Default parameters of the elastic-net spec. */
export const ELASTIC_NET_DEFAULTS: Readonly<Record<string, ParamValue>> = Object.freeze({
  penalty: "cv",
  mixture: 1,
  lambdaRule: "1se",
  nlambda: 100,
  innerFolds: 10,
  measure: "deviance",
  classWeight: null,
  standardize: true,
  thresh: 1e-7,
  lambdaMinRatio: null,
});

/**
 * Model spec for elastic-net logistic regression (model "elasticNet", engine
 * "radval"): frozen plain data. `penalty` is λ on glmnet's scale or "cv"
 * (inner stratified cv.glmnet on the training rows, λ_1se by default).
 * Checked here so a bad spec fails before any fitting. O(1).
 */
export function elasticNet(params: ElasticNetSpecParams = {}): ModelSpec {
  const merged: Record<string, ParamValue> = { ...ELASTIC_NET_DEFAULTS };
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (!(key in ELASTIC_NET_DEFAULTS)) {
      throw new RadvalError("INVALID_ARGUMENT", `unknown elasticNet parameter "${key}"`, { where: { key }, hint: `Known: ${Object.keys(ELASTIC_NET_DEFAULTS).join(", ")}.` });
    }
    merged[key] = key === "classWeight" ? normalizeClassWeight(value as ClassWeightInput) : (value as ParamValue);
  }
  checkElasticNetParams(merged);
  return Object.freeze({ model: "elasticNet", engine: "radval", params: Object.freeze(merged) });
}

/** Validates merged elastic-net parameters (used by the spec builder and the engine). */
export function checkElasticNetParams(p: Readonly<Record<string, ParamValue>>): void {
  const bad = (key: string, what: string): never => {
    throw new RadvalError("INVALID_ARGUMENT", `elasticNet ${key} must be ${what}, got ${JSON.stringify(p[key])}`, { where: { key } });
  };
  const penalty = p["penalty"];
  if (penalty !== "cv" && !(typeof penalty === "number" && Number.isFinite(penalty) && penalty >= 0)) bad("penalty", 'a λ ≥ 0 or "cv"');
  const mixture = p["mixture"];
  if (!(typeof mixture === "number" && mixture >= 0 && mixture <= 1)) bad("mixture", "a number in [0, 1]");
  if (p["lambdaRule"] !== "min" && p["lambdaRule"] !== "1se") bad("lambdaRule", '"min" or "1se"');
  const nlambda = p["nlambda"];
  if (!(typeof nlambda === "number" && Number.isInteger(nlambda) && nlambda >= 1)) bad("nlambda", "a whole number ≥ 1");
  const folds = p["innerFolds"];
  if (!(typeof folds === "number" && Number.isInteger(folds) && folds >= 3)) bad("innerFolds", "a whole number ≥ 3");
  if (!["deviance", "auc", "class", "brier", "mse"].includes(p["measure"] as string)) bad("measure", "deviance, auc, class, brier or mse");
  if (typeof p["standardize"] !== "boolean") bad("standardize", "true or false");
  const thresh = p["thresh"];
  if (!(typeof thresh === "number" && thresh > 0)) bad("thresh", "a positive number");
  const ratio = p["lambdaMinRatio"];
  if (ratio !== null && ratio !== undefined && !(typeof ratio === "number" && ratio > 0 && ratio < 1)) bad("lambdaMinRatio", "null (glmnet's default) or a number in (0, 1)");
}
