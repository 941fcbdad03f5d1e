import type { ReliabilityLog } from "../results.js";
import { type VegaLiteSpec, round, topLevel } from "./common.js";

/**
 * Distribution of the features' reliability (ICC or CCC) as a histogram
 * coloured by kept / dropped, with the cut line of the reliability filter.
 * Pure: returns a Vega-Lite spec.
 */
export function iccChart(reliability: ReliabilityLog, options: { title?: string } = {}): VegaLiteSpec {
  const values = reliability.features.map((f) => ({ feature: f.feature, value: round(f.value), status: f.kept ? "kept" : "dropped" }));
  const kept = values.filter((v) => v.status === "kept").length;
  const xMin = Math.min(0, ...values.map((v) => v.value));
  return topLevel(
    options.title ?? `Feature reliability: ${reliability.measure}`,
    {
      width: 420,
      height: 240,
      layer: [
        {
          data: { values },
          mark: { type: "bar", binSpacing: 1 },
          encoding: {
            x: { field: "value", type: "quantitative", bin: { step: 0.05, extent: [round(Math.floor(xMin * 20) / 20), 1] }, title: reliability.measure },
            y: { aggregate: "count", type: "quantitative", title: "Features" },
            color: { field: "status", type: "nominal", title: null, scale: { domain: ["kept", "dropped"], range: ["#4c78a8", "#bab0ac"] } },
          },
        },
        {
          data: { values: [{ cut: reliability.cut, label: `cut ${reliability.cut}` }] },
          layer: [
            { mark: { type: "rule", color: "#e45756", strokeWidth: 2 }, encoding: { x: { field: "cut", type: "quantitative" } } },
            { mark: { type: "text", align: "right", dx: -4, dy: -4, baseline: "top", color: "#e45756" }, encoding: { x: { field: "cut", type: "quantitative" }, y: { value: 0 }, text: { field: "label" } } },
          ],
        },
      ],
    },
    `${kept} of ${values.length} features kept (${reliability.rule === "lowerBound" ? "lower 95% bound" : "estimate"} ≥ ${reliability.cut})`,
  );
}
