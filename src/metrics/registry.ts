import { RadvalError } from "../core/errors.js";
import { AUC_INFO, aucMannWhitney } from "./auc.js";
import { integratedCalibrationIndex } from "./calibration/curve.js";
import { brierScore, calibrationSlopeIntercept, eoRatio, scaledBrier } from "./calibration/summary.js";
import { type ScalarMetric, defineMetric, metricInfo } from "./metricInfo.js";

function required(value: number | null, reason: string | undefined, what: string): number {
  if (value === null) throw new RadvalError("NOT_CONVERGED", `${what} is undefined: ${reason ?? "no estimate"}`);
  return value;
}

/**
 * The scalar metrics the validation engine evaluates on every split and
 * resample, each `(truth, prob) → number` with its {@link MetricInfo}
 * (name, direction, range, reference). An undefined value throws a
 * RadvalError (bootstrap helpers count it as a failed replicate).
 */
export const METRICS: Readonly<Record<string, ScalarMetric>> = Object.freeze({
  auc: defineMetric((t, p) => aucMannWhitney(t, p), AUC_INFO),
  brier: defineMetric(brierScore, metricInfo({ name: "brier", label: "Brier score", direction: "minimize", range: [0, 1], reference: "Brier 1950" })),
  scaledBrier: defineMetric(
    scaledBrier,
    metricInfo({ name: "scaledBrier", label: "Scaled Brier score", direction: "maximize", range: [-Infinity, 1], reference: "Steyerberg et al. 2010, Epidemiology 21:128" }),
  ),
  calibrationSlope: defineMetric(
    (t, p) => {
      const r = calibrationSlopeIntercept(t, p);
      return required(r.slope, r.reason, "the calibration slope");
    },
    metricInfo({ name: "calibrationSlope", label: "Calibration slope", direction: "target", target: 1, range: [-Infinity, Infinity], reference: "Cox 1958; rms::val.prob Slope" }),
  ),
  calibrationInTheLarge: defineMetric(
    (t, p) => {
      const r = calibrationSlopeIntercept(t, p);
      return required(r.calibrationInTheLarge, r.reason, "calibration-in-the-large");
    },
    metricInfo({
      name: "calibrationInTheLarge",
      label: "Calibration-in-the-large",
      direction: "target",
      target: 0,
      range: [-Infinity, Infinity],
      reference: "glm(y ~ 1, offset = qlogis(p), binomial); Van Calster et al. 2016",
    }),
  ),
  eoRatio: defineMetric(eoRatio, metricInfo({ name: "eoRatio", label: "E/O ratio", direction: "target", target: 1, range: [0, Infinity], reference: "Debray et al. 2017, BMJ 356:i6460" })),
  ici: defineMetric(
    (t, p) => integratedCalibrationIndex(t, p).ici,
    metricInfo({ name: "ici", label: "Integrated calibration index", direction: "minimize", range: [0, 1], reference: "Austin & Steyerberg 2019, Stat Med 38:4051" }),
  ),
});
