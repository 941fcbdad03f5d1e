import { RadvalError } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import type { Response } from "../../core/response.js";
import { stratifiedFoldIds } from "../../resample/stratifiedKFold.js";
import { baselineCumhazOfLp } from "../../survival/coxph.js";
import { cvCoxnet } from "../coxnet/cv.js";
import { coxnetPath } from "../coxnet/path.js";
import type { CoxnetMeasure, CoxnetPath } from "../coxnet/types.js";
import type { FitOptions, ModelSpec, OutcomeEngine, OutcomeModel, ParamValue, SerializedModel } from "../types.js";
import { type CoxModelState, coxFittedModel, isCoxModelState } from "./coxModel.js";
import { restoredState } from "./serialize.js";

/** Defaults of the Cox elastic net (the elastic net's names; measure "deviance" or "C"). */
export const COXNET_DEFAULTS: Readonly<Record<string, ParamValue>> = Object.freeze({
  penalty: "cv",
  mixture: 1,
  lambdaRule: "1se",
  nlambda: 100,
  innerFolds: 10,
  measure: "deviance",
  thresh: 1e-7,
});

/**
 * The "radval" engine of model "elasticNet" for time-to-event outcomes: the
 * Cox elastic net equal to `glmnet(family = "cox")`; penalty "cv" chooses λ
 * by an inner `cv.glmnet` on the training rows (folds stratified by event,
 * drawn from the fit's generator; λ_1se or λ_min), a number fixes λ. The
 * baseline hazard is Breslow's on the training rows with the chosen
 * coefficients (glmnet's survfit.coxnet), for the risk at the horizon.
 */
export const coxnetEngine: OutcomeEngine = Object.freeze({
  model: "elasticNet",
  engine: "radval",
  kinds: Object.freeze(["survival"] as const),
  defaults: COXNET_DEFAULTS,
  fit(spec: ModelSpec, x: ColumnMatrix, response: Response, options: FitOptions): OutcomeModel {
    if (response.kind !== "survival") throw new RadvalError("INCOMPATIBLE_MODEL", `the Cox elastic net fits time-to-event outcomes, not ${response.kind} ones`);
    const params = { ...COXNET_DEFAULTS, ...spec.params };
    const featureNames = options.featureNames ?? Array.from({ length: x.nCols }, (_, j) => `x${j + 1}`);
    const common = { alpha: params["mixture"] as number, nlambda: params["nlambda"] as number, thresh: params["thresh"] as number, featureNames };
    const { time, event } = response;
    let path: CoxnetPath;
    let index: number;
    let details: Record<string, unknown>;
    if (params["penalty"] === "cv") {
      const inner = params["innerFolds"] as number;
      const foldId = stratifiedFoldIds(event, inner, options.rng, {
        label: `the inner ${inner}-fold CV that chooses λ of the Cox elastic net (params.innerFolds = ${inner}) on the training rows of each split`,
        hint: "Lower the model's innerFolds (e.g. params: {innerFolds: 5}), use fewer outer folds, or fix penalty.",
      });
      const cv = cvCoxnet(x, time, event, { ...common, foldId, measure: params["measure"] as CoxnetMeasure });
      const rule = params["lambdaRule"] === "min" ? "min" : "1se";
      path = cv.fit;
      index = rule === "min" ? cv.indexMin : cv.index1se;
      details = { lambda: path.lambda[index], lambdaRule: rule, alpha: path.alpha, cv: { measure: cv.measure, nFolds: cv.nFolds, lambdaMin: cv.lambdaMin, lambda1se: cv.lambda1se, cvm: cv.cvm[index], cvsd: cv.cvsd[index] } };
    } else {
      const lambda = params["penalty"];
      if (typeof lambda !== "number" || !(lambda >= 0)) throw new RadvalError("INVALID_ARGUMENT", `penalty must be "cv" or a number ≥ 0, got ${JSON.stringify(lambda)}`, { where: { key: "penalty" } });
      const grid = coxnetPath(x, time, event, common);
      path = grid.lambda.includes(lambda) ? grid : coxnetPath(x, time, event, { ...common, lambda: [...new Set([lambda, ...grid.lambda])].sort((a, b) => b - a) });
      index = path.lambda.indexOf(lambda);
      details = { lambda, alpha: path.alpha };
    }
    const coefficients = path.beta.map((b) => b[index]!);
    const n = x.nRows;
    const lp = new Float64Array(n);
    coefficients.forEach((b, j) => {
      if (b !== 0) for (let i = 0; i < n; i++) lp[i] = lp[i]! + b * x.data[j * n + i]!;
    });
    const baseline = baselineCumhazOfLp(time, event, lp, "breslow");
    return coxFittedModel(spec, featureNames, {
      coefficients,
      baselineTime: Array.from(baseline.time),
      baselineCumhaz: Array.from(baseline.cumhaz),
      horizon: response.horizon,
      nObservations: path.nObservations,
      nEvents: path.nEvents,
      details: { ...details, devRatio: path.devRatio[index], df: path.df[index] },
    }, path.warnings);
  },
  restore(serialized: SerializedModel): OutcomeModel {
    const p = serialized.featureNames?.length ?? 0;
    const { state, warnings } = restoredState(serialized, "elasticNet", "radval", "survival", (s): s is CoxModelState => isCoxModelState(s, p));
    return coxFittedModel(serialized.spec, serialized.featureNames, state, warnings);
  },
});
