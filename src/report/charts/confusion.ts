import { type VegaLiteSpec, round, topLevel } from "./common.js";

/**
 * Confusion-matrix heatmap: observed level (rows) × predicted level
 * (columns), each cell shaded by its row percentage (the share of the
 * observed level predicted as that level) and labelled with its count and
 * row percentage. Pure: returns a Vega-Lite spec.
 */
export function confusionChart(levels: readonly string[], table: readonly (readonly number[])[], options: { title?: string; subtitle?: string; predictedTitle?: string } = {}): VegaLiteSpec {
  const rows = table.flatMap((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((count, j) => {
      const share = total > 0 ? count / total : 0;
      return { observed: levels[i]!, predicted: levels[j]!, count, rowShare: round(share), rowPercent: total > 0 ? `${Math.round(share * 100)}%` : "—" };
    });
  });
  const side = Math.max(160, Math.min(340, 60 * levels.length));
  const x = { field: "predicted", type: "ordinal", title: options.predictedTitle ?? "Predicted level (most probable)", sort: [...levels], axis: { labelAngle: 0 } };
  const y = { field: "observed", type: "ordinal", title: "Observed level", sort: [...levels] };
  const textColor = { condition: { test: "datum.rowShare > 0.5", value: "white" }, value: "black" };
  return topLevel(
    options.title ?? "Confusion matrix",
    {
      width: side,
      height: side,
      data: { values: rows },
      encoding: { x, y },
      layer: [
        { mark: { type: "rect", stroke: "white" }, encoding: { color: { field: "rowShare", type: "quantitative", title: "Row share", scale: { domain: [0, 1], range: ["#f7fbff", "#08519c"] }, legend: { format: ".0%" } } } },
        { mark: { type: "text", dy: -7, fontSize: 12, fontWeight: "bold" }, encoding: { text: { field: "count", type: "quantitative" }, color: textColor } },
        { mark: { type: "text", dy: 8, fontSize: 10 }, encoding: { text: { field: "rowPercent", type: "nominal" }, color: textColor } },
      ],
    },
    options.subtitle,
  );
}
