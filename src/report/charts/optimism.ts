import type { OptimismDistribution } from "../results.js";
import { type VegaLiteSpec, round, topLevel } from "./common.js";

const METRIC_LABELS: Readonly<Record<string, string>> = {
  auc: "AUC",
  brier: "Brier score",
  calibrationIntercept: "Calibration intercept",
  calibrationSlope: "Calibration slope",
  eavg: "Eavg",
  e90: "E90",
  emax: "Emax",
  r2Nagelkerke: "Nagelkerke R²",
  r2CoxSnell: "Cox–Snell R²",
};

/** Display name of a metric ("calibrationSlope" → "Calibration slope"). */
export function metricLabel(metric: string): string {
  return METRIC_LABELS[metric] ?? metric;
}

/**
 * Distribution of the bootstrap optimism (bootstrap-sample performance minus
 * the bootstrap model's performance on the original data; Harrell's
 * optimism bootstrap), one histogram per metric, with the mean optimism
 * marked. Pure: returns a Vega-Lite spec.
 */
export function optimismChart(distributions: readonly OptimismDistribution[], options: { title?: string } = {}): VegaLiteSpec {
  const panels = distributions.map((d) => ({
    title: `${metricLabel(d.metric)}: mean ${d.mean.toFixed(3)}`,
    width: 220,
    height: 160,
    layer: [
      {
        data: { values: d.values.map((v) => ({ optimism: round(v) })) },
        mark: { type: "bar", color: "#72b7b2" },
        encoding: {
          x: { field: "optimism", type: "quantitative", bin: { maxbins: 25 }, title: "Optimism" },
          y: { aggregate: "count", type: "quantitative", title: "Replicates" },
        },
      },
      {
        data: { values: [{ mean: round(d.mean) }] },
        mark: { type: "rule", color: "#e45756", strokeWidth: 2 },
        encoding: { x: { field: "mean", type: "quantitative" } },
      },
    ],
  }));
  const n = distributions[0]?.values.length ?? 0;
  return topLevel(options.title ?? "Optimism distribution", { hconcat: panels }, `${n} bootstrap replicates; red: mean optimism`);
}
