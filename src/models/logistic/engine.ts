import { RadvalError } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import { linearFittedModel, linearObservationWeights, restoreLinearState } from "../linearModel.js";
import type { FitOptions, FittedModel, ModelEngine, ModelSpec, SerializedModel } from "../types.js";
import { logisticRegression } from "./logisticRegression.js";
import { LOGISTIC_DEFAULTS } from "./spec.js";

/**
 * The "radval" engine of model "logistic": {@link logisticRegression} (R's
 * glm, binomial) with class weights multiplying the observation weights.
 * Aliased (collinear) coefficients predict as 0, as R's predict.glm does for
 * a rank-deficient fit (with a warning); describe() lists them in
 * details.aliased next to SEs, z and p.
 */
export const logisticEngine: ModelEngine = Object.freeze({
  model: "logistic",
  engine: "radval",
  defaults: LOGISTIC_DEFAULTS,
  fit(spec: ModelSpec, x: ColumnMatrix, y: Float64Array, options: FitOptions): FittedModel {
    if (spec.model !== "logistic") throw new RadvalError("INCOMPATIBLE_MODEL", `logisticEngine cannot fit model "${spec.model}"`);
    const params = { ...LOGISTIC_DEFAULTS, ...spec.params };
    const featureNames = options.featureNames ?? Array.from({ length: x.nCols }, (_, j) => `x${j + 1}`);
    const weights = linearObservationWeights(y, params["classWeight"], options.weights);
    const fit = logisticRegression(x, y, { featureNames, ...(weights ? { weights } : {}) });
    const details = Object.freeze({
      terms: fit.terms,
      stdErrors: fit.stdErrors,
      z: fit.z,
      pValues: fit.pValues,
      deviance: fit.deviance,
      nullDeviance: fit.nullDeviance,
      aic: fit.aic,
      iterations: fit.iterations,
      converged: fit.converged,
      aliased: fit.aliased,
      separation: fit.separation,
    });
    return linearFittedModel(
      spec,
      featureNames,
      { intercept: fit.coefficients[0] ?? 0, coefficients: fit.coefficients.slice(1).map((c) => c ?? 0), nObservations: fit.nObservations, details },
      fit.warnings,
    );
  },
  restore(serialized: SerializedModel): FittedModel {
    const { state, warnings } = restoreLinearState(serialized, "logistic", "radval");
    return linearFittedModel(serialized.spec, serialized.featureNames, state, warnings);
  },
});
