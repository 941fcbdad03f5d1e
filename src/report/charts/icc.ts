import type { ReliabilityLog } from "../results.js";
import { type VegaLiteSpec, round, sig, topLevel } from "./common.js";

/** Features drawn at most in the reliability dot plot; the others are in the reliability table. */
export const ICC_CHART_MAX_FEATURES = 50;

/**
 * Reliability (ICC or CCC) per feature as a sorted dot plot: each feature's
 * estimate with its 95% CI, coloured kept / dropped, and the reliability
 * filter's cut-off drawn as a vertical line — the chart answers "which
 * features are reliable, and how sure are we". With more than
 * `maxFeatures` features (default {@link ICC_CHART_MAX_FEATURES}) only the
 * ones nearest the cut-off are drawn (the decisions that could go either
 * way); the subtitle says so and the reliability table lists every feature.
 * Pure: returns a Vega-Lite spec.
 */
export function iccChart(reliability: ReliabilityLog, options: { title?: string; maxFeatures?: number } = {}): VegaLiteSpec {
  const max = options.maxFeatures ?? ICC_CHART_MAX_FEATURES;
  const all = reliability.features.map((f) => ({
    feature: f.feature,
    value: round(f.value),
    lower: f.lower === null || f.lower === undefined ? null : round(f.lower),
    upper: f.upper === null || f.upper === undefined ? null : round(f.upper),
    status: f.kept ? "kept" : "dropped",
  }));
  const kept = all.filter((v) => v.status === "kept").length;
  const criterion = (v: (typeof all)[number]) => (reliability.rule === "lowerBound" && v.lower !== null ? v.lower : v.value);
  const shown = all.length > max ? [...all].sort((a, b) => Math.abs(criterion(a) - reliability.cut) - Math.abs(criterion(b) - reliability.cut)).slice(0, max) : all;
  const values = [...shown].sort((a, b) => b.value - a.value);
  const sort = values.map((v) => v.feature);
  const xMin = Math.min(0, ...values.map((v) => v.lower ?? v.value));
  const x = { type: "quantitative", title: `${reliability.measure} (95% CI)`, scale: { domain: [round(Math.floor(xMin * 10) / 10), 1], nice: false } };
  const y = { field: "feature", type: "nominal", sort, title: null, axis: { labelFontSize: values.length > 30 ? 9 : 11 } };
  const color = { field: "status", type: "nominal", title: null, scale: { domain: ["kept", "dropped"], range: ["#4c78a8", "#d62728"] }, legend: { orient: "top" } };
  const rule = reliability.rule === "lowerBound" ? "lower 95% bound" : "estimate";
  const subtitle = `${kept} of ${all.length} features kept (${rule} ≥ ${sig(reliability.cut)})${shown.length < all.length ? `; the ${shown.length} features nearest the cut-off are shown, all ${all.length} are in the reliability table` : ""}`;
  return topLevel(
    options.title ?? `Feature reliability: ${reliability.measure}`,
    {
      width: 380,
      height: { step: values.length > 30 ? 12 : 18 },
      layer: [
        {
          data: { values: values.filter((v) => v.lower !== null && v.upper !== null) },
          mark: { type: "rule", strokeWidth: 1.5 },
          encoding: { y, x: { field: "lower", ...x }, x2: { field: "upper" }, color },
        },
        {
          data: { values },
          mark: { type: "point", filled: true, size: 40, opacity: 1 },
          encoding: {
            y,
            x: { field: "value", ...x },
            color,
            tooltip: [{ field: "feature" }, { field: "value", type: "quantitative", format: ".3f" }, { field: "lower", type: "quantitative", format: ".3f" }, { field: "upper", type: "quantitative", format: ".3f" }, { field: "status" }],
          },
        },
        {
          data: { values: [{ cut: reliability.cut, label: `cut-off ${sig(reliability.cut)}` }] },
          layer: [
            { mark: { type: "rule", color: "#333333", strokeWidth: 1.5, strokeDash: [5, 3] }, encoding: { x: { field: "cut", type: "quantitative" } } },
            { mark: { type: "text", align: "right", dx: -4, dy: 2, baseline: "top", color: "#333333" }, encoding: { x: { field: "cut", type: "quantitative" }, y: { value: 0 }, text: { field: "label" } } },
          ],
        },
      ],
    },
    subtitle,
  );
}
