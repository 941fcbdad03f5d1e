import type { DecisionCurveRow } from "../results.js";
import { type VegaLiteSpec, round, topLevel } from "./common.js";

/** One model's decision curve. */
export interface DecisionChartCurve {
  readonly label: string;
  readonly rows: readonly DecisionCurveRow[];
}

/**
 * Decision curve (Vickers & Elkin 2006): net benefit against threshold
 * probability for each model, with the treat-all and treat-none strategies.
 * Treat-all is taken from the first curve (it depends only on prevalence).
 * The y axis runs from a little below 0 to the largest net benefit, so the
 * steeply negative part of treat-all is clipped as in `dcurves`. Pure.
 */
export function decisionCurveChart(curves: readonly DecisionChartCurve[], options: { title?: string } = {}): VegaLiteSpec {
  const rows: Array<{ strategy: string; threshold: number; netBenefit: number }> = [];
  for (const c of curves) for (const r of c.rows) rows.push({ strategy: c.label, threshold: round(r.threshold), netBenefit: round(r.netBenefit) });
  const reference = curves[0]?.rows ?? [];
  for (const r of reference) rows.push({ strategy: "Treat all", threshold: round(r.threshold), netBenefit: round(r.treatAll) });
  for (const r of reference) rows.push({ strategy: "Treat none", threshold: round(r.threshold), netBenefit: round(r.treatNone) });
  const yMax = Math.max(0.01, ...rows.map((r) => r.netBenefit));
  const yMin = round(-0.1 * yMax);
  const xMax = Math.max(0.01, ...rows.map((r) => r.threshold));
  const domain = [...curves.map((c) => c.label), "Treat all", "Treat none"];
  const range = [...curves.map((_, i) => ["#4c78a8", "#f58518", "#54a24b", "#b279a2", "#e45756", "#72b7b2"][i % 6]!), "#555555", "#000000"];
  return topLevel(options.title ?? "Decision curve", {
    width: 420,
    height: 300,
    data: { values: rows },
    mark: { type: "line", clip: true, strokeWidth: 2 },
    encoding: {
      x: { field: "threshold", type: "quantitative", title: "Threshold probability", scale: { domain: [0, round(xMax)] } },
      y: { field: "netBenefit", type: "quantitative", title: "Net benefit", scale: { domain: [yMin, round(yMax)] } },
      color: { field: "strategy", type: "nominal", title: null, scale: { domain, range }, legend: { orient: "top-right" } },
      strokeDash: {
        field: "strategy",
        type: "nominal",
        title: null,
        scale: { domain, range: [...curves.map(() => [1, 0]), [6, 3], [2, 2]] },
      },
    },
  });
}
