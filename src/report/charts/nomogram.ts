import { rPretty } from "../../nomogram/pretty.js";
import type { Nomogram } from "../../nomogram/types.js";
import { type VegaLiteSpec, round, topLevel } from "./common.js";

/** One tick of a nomogram axis: position as a fraction of the drawing width, its label ("" = tick without label). */
interface Tick {
  readonly axis: string;
  readonly x: number;
  readonly label: string;
}

/** Short label of an axis value: up to 4 significant decimals, no trailing float noise (2.4000000000000004 → 2.4). */
function valueLabel(v: number | string): string {
  return typeof v === "string" ? v : String(Number(v.toPrecision(4)));
}

/** Keeps labels at least `gap` apart (first kept, then left to right), like rms's plot dropping overlapping labels. */
function thinLabels(ticks: Tick[], gap: number): Tick[] {
  const sorted = [...ticks].sort((a, b) => a.x - b.x);
  let last = -Infinity;
  return sorted.map((t) => {
    if (t.x - last >= gap) {
      last = t.x;
      return t;
    }
    return { ...t, label: "" };
  });
}

/**
 * The nomogram as rms's plot.nomogram draws it, as a Vega-Lite spec (print
 * quality once rendered to SVG): a Points axis (0–maxscale) on top, one axis
 * per predictor with its values at their points (categorical predictors as
 * labelled ticks), then Total Points (0–max of the total-points axis across
 * the same width), the linear predictor and each function axis (risk,
 * survival at a horizon) at their total-points positions. Overlapping tick
 * labels are thinned; all ticks are drawn. Pure.
 */
export function nomogramChart(nom: Nomogram, options: { title?: string; width?: number; lpLabel?: string } = {}): VegaLiteSpec {
  const width = options.width ?? 640;
  const gap = 26 / width;
  const pointsScale = (p: number) => p / nom.maxscale;
  const totalMax = Math.max(...nom.totalPointsAxis);
  const totalScale = (p: number) => p / totalMax;
  const rows: { axis: string; ticks: Tick[] }[] = [];
  const add = (axis: string, positions: readonly number[], labels: readonly string[], scale: (p: number) => number): void => {
    const ticks = positions.map((p, k) => ({ axis, x: round(scale(p)), label: labels[k]! }));
    rows.push({ axis, ticks: thinLabels(ticks, gap) });
  };
  const pointsAxis = rPretty(0, nom.maxscale, 10);
  add("Points", pointsAxis, pointsAxis.map(valueLabel), pointsScale);
  for (const p of nom.predictors) add(p.name, p.points, p.values.map(valueLabel), pointsScale);
  add("Total Points", nom.totalPointsAxis, nom.totalPointsAxis.map(valueLabel), totalScale);
  add(options.lpLabel ?? "Linear Predictor", nom.lpAxis.positions, nom.lpAxis.values.map(valueLabel), totalScale);
  for (const f of nom.functionAxes) add(f.label, f.positions, f.ticks.map(valueLabel), totalScale);

  const order = rows.map((r) => r.axis);
  const lines = rows.map((r) => ({ axis: r.axis, x: Math.min(...r.ticks.map((t) => t.x)), x2: Math.max(...r.ticks.map((t) => t.x)) }));
  const ticks = rows.flatMap((r) => r.ticks);
  const x = { field: "x", type: "quantitative", scale: { domain: [0, 1], nice: false }, axis: null };
  const y = { field: "axis", type: "nominal", sort: order, title: null, axis: { grid: false, domain: false, ticks: false, labelFontSize: 12, labelFontWeight: "bold", labelPadding: 10, labelLimit: 200 } };
  return topLevel(
    options.title ?? "Nomogram",
    {
      width,
      height: 42 * rows.length,
      layer: [
        { data: { values: lines }, mark: { type: "rule", color: "#000000", strokeWidth: 1 }, encoding: { y, x, x2: { field: "x2" } } },
        { data: { values: ticks }, mark: { type: "tick", orient: "vertical", color: "#000000", thickness: 1, size: 8 }, encoding: { y, x } },
        {
          data: { values: ticks.filter((t) => t.label !== "") },
          mark: { type: "text", baseline: "bottom", dy: -6, fontSize: 10, color: "#000000" },
          encoding: { y, x, text: { field: "label", type: "nominal" } },
        },
      ],
    },
    `points scale: the widest predictor spans 0–${nom.maxscale}; total points → ${nom.functionAxes.map((f) => f.label).join(", ") || "linear predictor"}`,
  );
}
