import type { Nomogram } from "./types.js";

/** One row of a nomogram's points table. */
export interface PointsTableRow {
  /** Predictor name, "Total points" or a function label. */
  readonly axis: string;
  /** Predictor value / level, total points, or function value. */
  readonly value: number | string;
  /** Points for that value (for function rows: the total points where the function takes that value). */
  readonly points: number;
}

/**
 * The nomogram as a table, for readers who cannot use the chart: for each
 * predictor the points of every axis value, then for each function axis
 * (risk, survival at a horizon) the total points at each tick. Same numbers
 * as the chart (rms's positions). O(axis sizes).
 */
export function nomogramPointsTable(nom: Nomogram): PointsTableRow[] {
  const rows: PointsTableRow[] = [];
  for (const p of nom.predictors) p.values.forEach((v, k) => rows.push({ axis: p.name, value: v, points: p.points[k]! }));
  for (const f of nom.functionAxes) f.ticks.forEach((t, k) => rows.push({ axis: f.label, value: t, points: f.positions[k]! }));
  return rows;
}
