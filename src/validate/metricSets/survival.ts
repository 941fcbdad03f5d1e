import { RadvalError } from "../../core/errors.js";
import type { Prediction } from "../../core/prediction.js";
import type { Response } from "../../core/response.js";
import { concordance } from "../../survival/concordance.js";
import { coxph } from "../../survival/coxph.js";
import { survivalBrierScore, timeDependentAuc } from "../../survival/timeDependent.js";
import type { MetricSet, MetricValues } from "./types.js";
import { orNull } from "./types.js";

/**
 * The indexes of a time-to-event model (rms::validate.cph's Dxy and slope;
 * riskRegression::Score's AUC and Brier at the horizon):
 * Harrell's C of the risk score (`survival::concordance`), Somers' Dxy = 2C − 1,
 * the calibration slope = coefficient of `coxph(Surv(time, event) ~ lp)`,
 * cumulative/dynamic AUC and Brier score of the risk at the horizon with
 * IPCW (Kaplan–Meier censoring model). Undefined values (no events, horizon
 * beyond the rows' follow-up) are null.
 */
export const survivalMetricSet: MetricSet = Object.freeze({
  kind: "survival",
  metrics: Object.freeze([
    { name: "c", label: "Harrell's C", ideal: "higher" },
    { name: "dxy", label: "Somers' Dxy", ideal: "higher" },
    { name: "slope", label: "Calibration slope (Cox on the linear predictor)", ideal: "one" },
    { name: "auc", label: "Time-dependent AUC at the horizon", ideal: "higher" },
    { name: "brier", label: "Brier score at the horizon", ideal: "lower" },
  ] as const),
  compute(response: Response, prediction: Prediction): MetricValues {
    if (response.kind !== "survival" || prediction.kind !== "survival") {
      throw new RadvalError("INVALID_ARGUMENT", `the survival metric set got a ${response.kind} response and ${prediction.kind} predictions`);
    }
    const { time, event, horizon } = response;
    const c = orNull(() => concordance(time, event, prediction.lp).c);
    return {
      c,
      dxy: c === null ? null : 2 * c - 1,
      slope: orNull(() => {
        const fit = coxph({ nRows: prediction.lp.length, nCols: 1, data: prediction.lp }, time, event, { ties: "breslow" });
        return fit.converged ? fit.coefficients[0]! : null;
      }),
      auc: orNull(() => timeDependentAuc(time, event, prediction.risk, horizon).estimate),
      brier: orNull(() => survivalBrierScore(time, event, prediction.risk, horizon).estimate),
    };
  },
});
