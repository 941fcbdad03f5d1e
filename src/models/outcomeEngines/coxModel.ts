import type { RadvalWarning } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import type { SurvivalPrediction } from "../../core/prediction.js";
import { cumhazAt } from "../../survival/coxph.js";
import type { ModelDescription, ModelSpec, OutcomeModel } from "../types.js";
import { checkPredictInput } from "../validate.js";
import { isNumberArray, serializeOutcomeModel } from "./serialize.js";

/** What a fitted Cox model (unpenalised or elastic net) needs to predict: coefficients, baseline cumulative hazard at lp = 0, horizon. */
export interface CoxModelState {
  readonly coefficients: readonly number[];
  /** Distinct times (ascending) and the baseline cumulative hazard H₀ at each (lp = 0, uncentred). */
  readonly baselineTime: readonly number[];
  readonly baselineCumhaz: readonly number[];
  /** Prediction horizon: risk = 1 − exp(−H₀(horizon)·exp(lp)). */
  readonly horizon: number;
  readonly nObservations: number;
  readonly nEvents: number;
  readonly details: Readonly<Record<string, unknown>>;
}

/** True when `s` has the fields of a {@link CoxModelState} for `p` features. */
export function isCoxModelState(s: unknown, p: number): s is CoxModelState {
  const v = s as Partial<CoxModelState> | null;
  return !!v && isNumberArray(v.coefficients, p) && isNumberArray(v.baselineTime) && isNumberArray(v.baselineCumhaz, v.baselineTime!.length) &&
    typeof v.horizon === "number" && typeof v.nObservations === "number" && typeof v.nEvents === "number";
}

/**
 * A fitted Cox model as an {@link OutcomeModel}: linear predictor lp = x'β
 * (uncentred, as `predict(coxph, type = "lp")` + its centring constant), and
 * the risk by the horizon 1 − S(t | x) = 1 − exp(−H₀(t)·exp(lp)) from the
 * Breslow/Efron baseline (survfit.coxph). O(n p) per prediction.
 */
export function coxFittedModel(spec: ModelSpec, featureNames: readonly string[], state: CoxModelState, warnings: readonly RadvalWarning[]): OutcomeModel {
  const names = Object.freeze([...featureNames]);
  const beta = Float64Array.from(state.coefficients);
  const h0 = cumhazAt({ time: state.baselineTime, cumhaz: state.baselineCumhaz }, state.horizon);
  const describe = (): ModelDescription =>
    Object.freeze({
      model: spec.model,
      engine: spec.engine,
      params: spec.params,
      nObservations: state.nObservations,
      nFeatures: names.length,
      featureNames: names,
      coefficients: Object.freeze(Object.fromEntries(names.map((f, j) => [f, beta[j]!]))),
      details: Object.freeze({ ...state.details, horizon: state.horizon, baselineCumhazAtHorizon: h0, baselineSurvivalAtHorizon: Math.exp(-h0), nEvents: state.nEvents }),
    });
  return Object.freeze({
    kind: "survival" as const,
    spec,
    nFeatures: names.length,
    featureNames: names,
    predict(x: ColumnMatrix): SurvivalPrediction {
      checkPredictInput(spec.model, names, x);
      const n = x.nRows;
      const lp = new Float64Array(n);
      for (let j = 0; j < beta.length; j++) {
        const b = beta[j]!;
        if (b === 0) continue;
        for (let i = 0; i < n; i++) lp[i] = lp[i]! + b * x.data[j * n + i]!;
      }
      const risk = Float64Array.from(lp, (v) => -Math.expm1(-h0 * Math.exp(v)));
      return { kind: "survival", lp, risk };
    },
    describe,
    toJSON: () => serializeOutcomeModel("survival", spec, names, state),
    warnings: Object.freeze([...warnings]),
  });
}
