import { type VegaLiteSpec, diagonalLayer, round, topLevel } from "./common.js";

/** One risk group of a calibration-at-the-horizon chart. */
export interface SurvivalCalibrationPoint {
  readonly predicted: number;
  readonly observed: number;
  /** Greenwood standard error of the observed risk. */
  readonly se: number;
  readonly n: number;
  readonly events: number;
}

/**
 * Calibration of predicted risks at a horizon (Royston & Altman 2013): for
 * each risk group the mean predicted risk against the observed risk 1 − KM(t)
 * with its Greenwood 95% CI (observed ± 1.96·SE, clipped to [0, 1]), and the
 * ideal diagonal; the subtitle carries the calibration slope. Pure: returns a Vega-Lite spec.
 */
export function survivalCalibrationChart(groups: readonly SurvivalCalibrationPoint[], options: { title?: string; subtitle?: string; horizon?: number } = {}): VegaLiteSpec {
  const rows = groups.map((g) => ({
    predicted: round(g.predicted),
    observed: round(g.observed),
    lower: round(Math.max(0, g.observed - 1.959963984540054 * g.se)),
    upper: round(Math.min(1, g.observed + 1.959963984540054 * g.se)),
    n: g.n,
    events: g.events,
  }));
  const what = options.horizon === undefined ? "" : ` by ${options.horizon}`;
  const x = { field: "predicted", type: "quantitative", title: `Predicted risk${what}`, scale: { domain: [0, 1] } };
  const yScale = { domain: [0, 1] };
  const layer: Record<string, unknown>[] = [
    diagonalLayer(),
    { data: { values: rows }, mark: { type: "rule", color: "#222222" }, encoding: { x, y: { field: "lower", type: "quantitative", scale: yScale }, y2: { field: "upper" } } },
    {
      data: { values: rows },
      mark: { type: "point", filled: true, color: "#222222", size: 45 },
      encoding: {
        x,
        y: { field: "observed", type: "quantitative", title: `Observed risk${what} (1 − Kaplan–Meier)`, scale: yScale },
        tooltip: [
          { field: "predicted", type: "quantitative", format: ".3f" },
          { field: "observed", type: "quantitative", format: ".3f" },
          { field: "n", type: "quantitative" },
          { field: "events", type: "quantitative" },
        ],
      },
    },
  ];
  return topLevel(options.title ?? "Calibration at the horizon", { width: 360, height: 300, layer }, options.subtitle);
}
