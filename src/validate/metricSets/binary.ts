import { type Prediction, asBinary } from "../../core/prediction.js";
import type { Response } from "../../core/response.js";
import { RadvalError } from "../../core/errors.js";
import { performanceIndexes } from "../performance.js";
import type { MetricSet, MetricValues } from "./types.js";

/**
 * Harrell's `validate` indexes for a binary outcome (rms::validate.lrm): C
 * (AUC), Somers' Dxy, Brier score, calibration intercept and slope of
 * `glm(y ~ lp)`, calibration-in-the-large and Nagelkerke R² (test role: after
 * recalibration). Computed by {@link performanceIndexes}.
 */
export const binaryMetricSet: MetricSet = Object.freeze({
  kind: "binary",
  metrics: Object.freeze([
    { name: "auc", label: "C statistic (AUC)", ideal: "higher" },
    { name: "dxy", label: "Somers' Dxy", ideal: "higher" },
    { name: "brier", label: "Brier score", ideal: "lower" },
    { name: "intercept", label: "Calibration intercept", ideal: "zero" },
    { name: "slope", label: "Calibration slope", ideal: "one" },
    { name: "citl", label: "Calibration-in-the-large", ideal: "zero" },
    { name: "r2Nagelkerke", label: "Nagelkerke R²", ideal: "higher" },
  ] as const),
  compute(response: Response, prediction: Prediction, role: "apparent" | "test" = "apparent"): MetricValues {
    if (response.kind !== "binary") throw new RadvalError("INVALID_ARGUMENT", `the binary metric set got a ${response.kind} response`);
    const p = asBinary(prediction, "the binary metric set");
    const ix = performanceIndexes(response.y, p.prob, p.logit);
    return {
      auc: ix.auc,
      dxy: ix.dxy,
      brier: ix.brier,
      intercept: ix.intercept,
      slope: ix.slope,
      citl: ix.citl,
      r2Nagelkerke: role === "test" ? ix.r2NagelkerkeRecalibrated : ix.r2Nagelkerke,
    };
  },
});
