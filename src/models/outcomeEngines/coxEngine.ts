import { RadvalError, type RadvalWarning } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import type { Response } from "../../core/response.js";
import { type CoxTies, coxph } from "../../survival/coxph.js";
import type { FitOptions, ModelSpec, OutcomeEngine, OutcomeModel, SerializedModel } from "../types.js";
import { type CoxModelState, coxFittedModel, isCoxModelState } from "./coxModel.js";
import { restoredState } from "./serialize.js";

/**
 * The "radval" engine of model "cox": unpenalised Cox proportional-hazards
 * regression equal to `survival::coxph` (Efron ties by default, Breslow on
 * request: params.ties), with its Breslow/Efron baseline cumulative hazard
 * for the risk at the study's horizon. Non-convergence is a warning.
 */
export const coxEngine: OutcomeEngine = Object.freeze({
  model: "cox",
  engine: "radval",
  kinds: Object.freeze(["survival"] as const),
  defaults: Object.freeze({ ties: "efron" }),
  fit(spec: ModelSpec, x: ColumnMatrix, response: Response, options: FitOptions): OutcomeModel {
    if (response.kind !== "survival") throw new RadvalError("INCOMPATIBLE_MODEL", `model "cox" fits time-to-event outcomes, not ${response.kind} ones`, { hint: "Set outcome.type: survival with time and event columns, or choose a model for this outcome." });
    const ties = (spec.params["ties"] ?? "efron") as CoxTies;
    if (ties !== "efron" && ties !== "breslow") throw new RadvalError("INVALID_ARGUMENT", `ties must be "efron" or "breslow", got "${String(ties)}"`, { where: { key: "ties" } });
    const featureNames = options.featureNames ?? Array.from({ length: x.nCols }, (_, j) => `x${j + 1}`);
    const fit = coxph(x, response.time, response.event, { ties, featureNames });
    const warnings: RadvalWarning[] = [];
    if (!fit.converged) warnings.push({ code: "NOT_CONVERGED", message: `Cox regression did not converge in ${fit.iterations} iterations (separation or collinear features?)` });
    return coxFittedModel(spec, featureNames, {
      coefficients: Array.from(fit.coefficients),
      baselineTime: Array.from(fit.baseline.time),
      baselineCumhaz: Array.from(fit.baseline.cumhaz),
      horizon: response.horizon,
      nObservations: fit.nObservations,
      nEvents: fit.nEvents,
      details: { ties, loglik: [...fit.loglik], stdErrors: Object.fromEntries(featureNames.map((f, j) => [f, fit.stdErrors[j]!])), iterations: fit.iterations },
    }, warnings);
  },
  restore(serialized: SerializedModel): OutcomeModel {
    const p = serialized.featureNames?.length ?? 0;
    const { state, warnings } = restoredState(serialized, "cox", "radval", "survival", (s): s is CoxModelState => isCoxModelState(s, p));
    return coxFittedModel(serialized.spec, serialized.featureNames, state, warnings);
  },
});
