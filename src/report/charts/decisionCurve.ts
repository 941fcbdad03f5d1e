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
 * Thresholds run from 0 to a little past the last threshold at which a model
 * still has positive net benefit (rounded up to 0.05; the thresholds beyond,
 * where every model is useless, carry no information). The y axis spans the
 * models' net benefit over that range with 5% headroom (never cut at the top)
 * and at least down to a little below 0; treat-all's steep fall below the
 * models' range is clipped, as in `dcurves`. Pure.
 */
export function decisionCurveChart(curves: readonly DecisionChartCurve[], options: { title?: string } = {}): VegaLiteSpec {
  const all = curves.flatMap((c) => c.rows);
  const dataMax = Math.max(0.01, ...all.map((r) => r.threshold));
  const useful = all.filter((r) => r.netBenefit > 0).map((r) => r.threshold);
  const xMax = useful.length ? Math.min(dataMax, Math.max(0.1, Math.ceil((Math.max(...useful) * 1.1) / 0.05) * 0.05)) : dataMax;
  const inRange = (t: number) => t <= xMax + 1e-12;
  const rows: Array<{ strategy: string; threshold: number; netBenefit: number }> = [];
  for (const c of curves) for (const r of c.rows) if (inRange(r.threshold)) rows.push({ strategy: c.label, threshold: round(r.threshold), netBenefit: round(r.netBenefit) });
  const reference = (curves[0]?.rows ?? []).filter((r) => inRange(r.threshold));
  for (const r of reference) rows.push({ strategy: "Treat all", threshold: round(r.threshold), netBenefit: round(r.treatAll) });
  for (const r of reference) rows.push({ strategy: "Treat none", threshold: round(r.threshold), netBenefit: round(r.treatNone) });
  const modelValues = rows.filter((r) => r.strategy !== "Treat all" && r.strategy !== "Treat none").map((r) => r.netBenefit);
  const top = Math.max(0.01, ...rows.map((r) => r.netBenefit));
  const yMax = round(top * 1.05);
  const yMin = round(Math.max(-top, Math.min(-0.05 * top, ...modelValues) * 1.05));
  const domain = [...curves.map((c) => c.label), "Treat all", "Treat none"];
  const range = [...curves.map((_, i) => ["#4c78a8", "#f58518", "#54a24b", "#b279a2", "#e45756", "#72b7b2"][i % 6]!), "#555555", "#000000"];
  return topLevel(options.title ?? "Decision curve", {
    width: 420,
    height: 300,
    data: { values: rows },
    mark: { type: "line", clip: true, strokeWidth: 2 },
    encoding: {
      x: { field: "threshold", type: "quantitative", title: "Threshold probability", scale: { domain: [0, round(xMax)], nice: false } },
      y: { field: "netBenefit", type: "quantitative", title: "Net benefit", scale: { domain: [yMin, yMax], nice: false } },
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
