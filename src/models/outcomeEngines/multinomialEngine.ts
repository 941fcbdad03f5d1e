import { RadvalError } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import type { Response } from "../../core/response.js";
import { cvMultinomialElasticNet, stratifiedClassFolds } from "../elasticnet/multinomialCv.js";
import { multinomialCoef } from "../elasticnet/multinomialPredict.js";
import { multinomialElasticNetPath } from "../elasticnet/multinomialPath.js";
import type { FitOptions, ModelSpec, OutcomeEngine, OutcomeModel, ParamValue, SerializedModel } from "../types.js";
import { levelFittedModel } from "./levelModel.js";
import { isNumberArray, restoredState } from "./serialize.js";

/** Defaults of the multinomial elastic net. */
export const MULTINOMIAL_DEFAULTS: Readonly<Record<string, ParamValue>> = Object.freeze({
  penalty: "cv",
  mixture: 1,
  lambdaRule: "1se",
  nlambda: 100,
  innerFolds: 10,
  grouped: false,
  thresh: 1e-7,
});

interface MultinomialState {
  readonly kind: "ordinal" | "nominal";
  readonly levels: readonly string[];
  readonly intercept: readonly number[];
  /** K × p, original scale. */
  readonly beta: readonly (readonly number[])[];
  readonly nObservations: number;
  readonly details: Readonly<Record<string, unknown>>;
}

function model(spec: ModelSpec, featureNames: readonly string[], state: MultinomialState, warnings: OutcomeModel["warnings"]): OutcomeModel {
  const K = state.levels.length;
  const p = featureNames.length;
  return levelFittedModel(spec, featureNames, {
    kind: state.kind,
    levels: state.levels,
    probabilities: (x: ColumnMatrix) => {
      const n = x.nRows;
      const out = new Float64Array(n * K);
      const eta = new Float64Array(K);
      for (let i = 0; i < n; i++) {
        let m = -Infinity;
        for (let c = 0; c < K; c++) {
          let e = state.intercept[c]!;
          const b = state.beta[c]!;
          for (let j = 0; j < p; j++) if (b[j] !== 0) e += b[j]! * x.data[j * n + i]!;
          eta[c] = e;
          m = Math.max(m, e);
        }
        let s = 0;
        for (let c = 0; c < K; c++) s += eta[c] = Math.exp(eta[c]! - m);
        for (let c = 0; c < K; c++) out[i * K + c] = eta[c]! / s;
      }
      return out;
    },
    description: {
      nObservations: state.nObservations,
      details: { ...state.details, intercepts: Object.fromEntries(state.levels.map((l, c) => [l, state.intercept[c]!])), coefficientsByLevel: Object.fromEntries(state.levels.map((l, c) => [l, Object.fromEntries(featureNames.map((f, j) => [f, state.beta[c]![j]!]))])) },
    },
    state: () => state,
  }, warnings);
}

/**
 * The "radval" engine of model "elasticNet" for ordinal and nominal
 * outcomes: the multinomial elastic net equal to `glmnet(family =
 * "multinomial")` (params.grouped: type.multinomial = "grouped"); penalty
 * "cv" chooses λ by an inner `cv.glmnet` (deviance; folds stratified by level,
 * drawn from the fit's generator), a number fixes λ. Class probabilities are
 * the softmax of the K linear predictors at λ.
 */
export const multinomialEngine: OutcomeEngine = Object.freeze({
  model: "elasticNet",
  engine: "radval",
  kinds: Object.freeze(["nominal", "ordinal"] as const),
  defaults: MULTINOMIAL_DEFAULTS,
  fit(spec: ModelSpec, x: ColumnMatrix, response: Response, options: FitOptions): OutcomeModel {
    if (response.kind !== "ordinal" && response.kind !== "nominal") throw new RadvalError("INCOMPATIBLE_MODEL", `the multinomial elastic net fits ordinal or nominal outcomes, not ${response.kind} ones`);
    const params = { ...MULTINOMIAL_DEFAULTS, ...spec.params };
    const featureNames = options.featureNames ?? Array.from({ length: x.nCols }, (_, j) => `x${j + 1}`);
    const K = response.levels.length;
    const common = { alpha: params["mixture"] as number, nlambda: params["nlambda"] as number, thresh: params["thresh"] as number, grouped: params["grouped"] === true, featureNames, classes: response.levels };
    let lambda: number;
    let details: Record<string, unknown>;
    let path;
    let warnings;
    if (params["penalty"] === "cv") {
      const inner = params["innerFolds"] as number;
      const foldId = stratifiedClassFolds(response.codes, K, inner, options.rng);
      const cv = cvMultinomialElasticNet(x, response.codes, { ...common, foldId });
      const rule = params["lambdaRule"] === "min" ? "min" : "1se";
      lambda = rule === "min" ? cv.lambdaMin : cv.lambda1se;
      path = cv.fit;
      warnings = cv.warnings;
      details = { lambda, lambdaRule: rule, alpha: common.alpha, grouped: common.grouped, cv: { measure: cv.measure, lambdaMin: cv.lambdaMin, lambda1se: cv.lambda1se } };
    } else {
      const fixed = params["penalty"];
      if (typeof fixed !== "number" || !(fixed >= 0)) throw new RadvalError("INVALID_ARGUMENT", `penalty must be "cv" or a number ≥ 0, got ${JSON.stringify(fixed)}`, { where: { key: "penalty" } });
      lambda = fixed;
      const grid = multinomialElasticNetPath(x, response.codes, common);
      path = grid.lambda.includes(lambda) ? grid : multinomialElasticNetPath(x, response.codes, { ...common, lambda: [...new Set([lambda, ...grid.lambda])].sort((a, b) => b - a) });
      warnings = path.warnings ?? [];
      details = { lambda, alpha: common.alpha, grouped: common.grouped };
    }
    const coef = multinomialCoef(path, lambda);
    return model(spec, featureNames, { kind: response.kind, levels: [...response.levels], intercept: [...coef.intercept], beta: coef.beta.map((b) => [...b]), nObservations: x.nRows, details }, warnings);
  },
  restore(serialized: SerializedModel): OutcomeModel {
    const p = serialized.featureNames?.length ?? 0;
    const kind = serialized.kind === "ordinal" ? "ordinal" : "nominal";
    const { state, warnings } = restoredState(serialized, "elasticNet", "radval", kind, (s): s is MultinomialState => {
      const v = s as Partial<MultinomialState> | null;
      return !!v && Array.isArray(v.levels) && isNumberArray(v.intercept, v.levels.length) && Array.isArray(v.beta) && v.beta.every((b) => isNumberArray(b, p));
    });
    return model(serialized.spec, serialized.featureNames, state, warnings);
  },
});
