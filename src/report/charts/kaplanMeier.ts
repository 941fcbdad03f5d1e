import { type VegaLiteSpec, round, sig, topLevel } from "./common.js";

/** One risk group's Kaplan–Meier curve to draw, with its legend label. */
export interface KaplanMeierChartGroup {
  readonly label: string;
  /** Step points (time, S(time)) of the right-continuous curve, from (0, 1). */
  readonly points: ReadonlyArray<{ readonly time: number; readonly surv: number }>;
}

const GROUP_COLORS = ["#54a24b", "#f58518", "#e45756", "#4c78a8", "#b279a2", "#72b7b2"];

/**
 * Kaplan–Meier curves of risk groups (Kaplan & Meier 1958): each group's
 * survival drawn as a step function (Vega-Lite `interpolate: "step-after"`,
 * S constant until the next event time), groups coloured from low (green) to
 * high risk (red), a dashed vertical rule at the prediction horizon, and the
 * groups' labels (with their hazard ratios) in the legend. Pure: returns a Vega-Lite spec.
 */
export function kaplanMeierChart(groups: readonly KaplanMeierChartGroup[], options: { title?: string; subtitle?: string; horizon?: number; timeTitle?: string } = {}): VegaLiteSpec {
  const domain = groups.map((g) => g.label);
  const range = groups.map((_, i) => GROUP_COLORS[i % GROUP_COLORS.length]!);
  const lines = groups.flatMap((g) => g.points.map((p, i) => ({ group: g.label, order: i, time: round(p.time), surv: round(p.surv) })));
  const x = { field: "time", type: "quantitative", title: options.timeTitle ?? "Time" };
  const layer: Record<string, unknown>[] = [
    {
      data: { values: lines },
      mark: { type: "line", interpolate: "step-after", strokeWidth: 2 },
      encoding: {
        x,
        y: { field: "surv", type: "quantitative", title: "Survival probability", scale: { domain: [0, 1] } },
        order: { field: "order", type: "quantitative" },
        color: { field: "group", type: "nominal", title: null, scale: { domain, range }, legend: { orient: "bottom", direction: "vertical" } },
      },
    },
  ];
  if (options.horizon !== undefined) {
    layer.push({
      data: { values: [{ time: round(options.horizon), label: `horizon ${sig(options.horizon)}` }] },
      layer: [
        { mark: { type: "rule", color: "#777777", strokeDash: [4, 4] }, encoding: { x } },
        { mark: { type: "text", align: "left", dx: 3, dy: -4, baseline: "top", color: "#555555", fontSize: 10 }, encoding: { x, y: { datum: 1 }, text: { field: "label" } } },
      ],
    });
  }
  return topLevel(options.title ?? "Kaplan–Meier curves by risk group", { width: 360, height: 260, layer }, options.subtitle);
}
