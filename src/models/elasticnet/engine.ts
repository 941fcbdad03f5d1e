import { RadvalError } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import { stratifiedFoldIds } from "../../resample/stratifiedKFold.js";
import { linearFittedModel, linearObservationWeights, restoreLinearState } from "../linearModel.js";
import type { CoefficientPathData, FitOptions, FittedModel, ModelEngine, ModelSpec, SerializedModel } from "../types.js";
import { cvElasticNet } from "./cv.js";
import { elasticNetPath } from "./path.js";
import { elasticNetCoef, pathPlotData } from "./predict.js";
import { ELASTIC_NET_DEFAULTS, checkElasticNetParams } from "./spec.js";
import type { CvMeasure, ElasticNetPath } from "./types.js";

/**
 * The "radval" engine of model "elasticNet": glmnet-equivalent elastic-net
 * logistic regression. penalty "cv": an inner `cv.glmnet` on the training
 * rows (stratified folds drawn from `options.rng`), then the full-data path's
 * coefficients at λ_1se (or λ_min), as `predict.cv.glmnet` does. A numeric
 * penalty: the solution at exactly that λ (glmnet's `coef(fit, s, exact =
 * TRUE)`: the default grid with s added). Class weights multiply the
 * observation weights. The fitted model predicts with the original-scale
 * coefficients.
 */
export const elasticNetEngine: ModelEngine = Object.freeze({
  model: "elasticNet",
  engine: "radval",
  defaults: ELASTIC_NET_DEFAULTS,
  fit(spec: ModelSpec, x: ColumnMatrix, y: Float64Array, options: FitOptions): FittedModel {
    if (spec.model !== "elasticNet") throw new RadvalError("INCOMPATIBLE_MODEL", `elasticNetEngine cannot fit model "${spec.model}"`);
    const params = { ...ELASTIC_NET_DEFAULTS, ...spec.params };
    checkElasticNetParams(params);
    const featureNames = options.featureNames ?? Array.from({ length: x.nCols }, (_, j) => `x${j + 1}`);
    const weights = linearObservationWeights(y, params["classWeight"], options.weights);
    const common = {
      alpha: params["mixture"] as number,
      nlambda: params["nlambda"] as number,
      standardize: params["standardize"] as boolean,
      thresh: params["thresh"] as number,
      ...(typeof params["lambdaMinRatio"] === "number" ? { lambdaMinRatio: params["lambdaMinRatio"] } : {}),
      featureNames,
      ...(weights ? { weights } : {}),
    };
    let path: ElasticNetPath;
    let lambda: number;
    let details: Record<string, unknown>;
    let cvCurve: CoefficientPathData["cv"] = null;
    let chosenRule = "fixed";
    if (params["penalty"] === "cv") {
      const inner = params["innerFolds"] as number;
      const foldId = stratifiedFoldIds(y, inner, options.rng, {
        label: `the inner ${inner}-fold CV that chooses λ (params.innerFolds = ${inner}, as cv.glmnet's nfolds) on the training rows of each split`,
        hint: `Lower the model's innerFolds (e.g. params: {innerFolds: 3}), use fewer outer folds so each training set keeps more events, or fix penalty.`,
      });
      const cv = cvElasticNet(x, y, { ...common, foldId, measure: params["measure"] as CvMeasure });
      path = cv.fit;
      const rule = params["lambdaRule"] as "min" | "1se";
      lambda = rule === "min" ? cv.lambdaMin : cv.lambda1se;
      const index = rule === "min" ? cv.indexMin : cv.index1se;
      chosenRule = rule === "min" ? "lambda.min" : "lambda.1se";
      cvCurve = { measure: cv.measure, cvm: cv.cvm, cvsd: cv.cvsd, nzero: cv.nzero, lambdaMin: cv.lambdaMin, lambda1se: cv.lambda1se };
      details = {
        lambda,
        lambdaRule: rule,
        alpha: cv.alpha,
        cv: { measure: cv.measure, nFolds: cv.folds.length, lambdaMin: cv.lambdaMin, lambda1se: cv.lambda1se, cvm: cv.cvm[index], cvsd: cv.cvsd[index] },
        path: { nLambda: path.lambda.length, lambdaMax: path.lambda[0], lambdaMinimum: path.lambda[path.lambda.length - 1], devRatio: path.devRatio[index], df: path.df[index] },
      };
      return build(cv.warnings);
    }
    lambda = params["penalty"] as number;
    const grid = elasticNetPath(x, y, common);
    path = grid.lambda.includes(lambda) ? grid : elasticNetPath(x, y, { ...common, lambda: [...new Set([lambda, ...grid.lambda])] });
    const at = path.lambda.indexOf(lambda);
    details = {
      lambda,
      alpha: path.alpha,
      path: {
        nLambda: grid.lambda.length,
        lambdaMax: grid.lambda[0],
        lambdaMinimum: grid.lambda[grid.lambda.length - 1],
        devRatio: at >= 0 ? path.devRatio[at] : null,
        df: at >= 0 ? path.df[at] : null,
      },
    };
    return build(path.warnings);

    function build(warnings: FittedModel["warnings"]): FittedModel {
      const coef = elasticNetCoef(path, lambda);
      const fitted = linearFittedModel(spec, featureNames, { intercept: coef.intercept, coefficients: coef.beta, nObservations: x.nRows, details: Object.freeze(details) }, warnings);
      const finalPath = path;
      const chosenLambda = lambda;
      const curve = cvCurve;
      const rule = chosenRule;
      return Object.freeze({
        ...fitted,
        coefficientPath: (): CoefficientPathData => {
          const plot = pathPlotData(finalPath, "standardized");
          return {
            lambda: [...finalPath.lambda],
            features: plot.series.map((s) => s.feature),
            coefficients: plot.series.map((s) => [...s.coefficient]),
            cv: curve,
            chosenLambda,
            chosenRule: rule,
          };
        },
      });
    }
  },
  restore(serialized: SerializedModel): FittedModel {
    const { state, warnings } = restoreLinearState(serialized, "elasticNet", "radval");
    return linearFittedModel(serialized.spec, serialized.featureNames, state, warnings);
  },
});
