import type { SelectionStability } from "../results.js";
import { type VegaLiteSpec, round, topLevel } from "./common.js";

/** Features shown in the selection-stability chart (most frequent first; the table lists all). */
export const SELECTION_CHART_MAX_FEATURES = 40;

/**
 * Selection stability of a penalised model: for each feature, the share of
 * internal-validation refits (bootstrap replicates and CV splits) that
 * selected it, final-model features highlighted, the 50% line drawn
 * (Heinze, Wallisch & Dunkler 2018). Pure: returns a Vega-Lite spec.
 */
export function selectionChart(selection: SelectionStability, options: { title?: string } = {}): VegaLiteSpec {
  const shown = selection.features.slice(0, SELECTION_CHART_MAX_FEATURES);
  const values = shown.map((f) => ({ feature: f.feature, frequency: round(f.frequency), final: f.inFinal ? "in the final model" : "not in the final model" }));
  const y = { field: "feature", type: "nominal", sort: shown.map((f) => f.feature), title: null };
  const layer = [
    {
      data: { values },
      mark: { type: "bar" },
      encoding: {
        y,
        x: { field: "frequency", type: "quantitative", title: "Share of refits that selected the feature", scale: { domain: [0, 1] }, axis: { format: "%" } },
        color: { field: "final", type: "nominal", title: null, scale: { domain: ["in the final model", "not in the final model"], range: ["#4c78a8", "#bab0ac"] }, legend: { orient: "bottom" } },
      },
    },
    { data: { values: [{ x: 0.5 }] }, mark: { type: "rule", strokeDash: [4, 3], color: "#333" }, encoding: { x: { field: "x", type: "quantitative" } } },
  ];
  const more = selection.features.length - shown.length;
  const subtitle = `${selection.refits} refits; ${selection.interceptOnly} intercept-only (${Math.round((100 * selection.interceptOnly) / Math.max(1, selection.refits))}%)${more > 0 ? `; ${more} less frequent features in the table` : ""}; dashed: 50%`;
  return topLevel(options.title ?? "Selection stability", { width: 360, height: Math.max(60, 16 * shown.length), layer }, subtitle);
}
