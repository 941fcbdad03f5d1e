import { nomogramPointsTable } from "../../nomogram/pointsTable.js";
import type { Nomogram } from "../../nomogram/types.js";
import type { ReportTable } from "../model.js";

/**
 * The nomogram's points table as a report table (id `nomogram-points` unless
 * given): the points of every predictor value, then the total points at each
 * tick of the risk / survival axes (rms's positions). Pure.
 */
export function nomogramTable(nom: Nomogram, options: { id?: string; title?: string } = {}): ReportTable {
  const rows = nomogramPointsTable(nom).map((r) => [r.axis, typeof r.value === "number" ? Number(r.value.toPrecision(6)) : r.value, Number(r.points.toFixed(2))]);
  return {
    id: options.id ?? "nomogram-points",
    title: options.title ?? "Nomogram points",
    columns: ["Axis", "Value", "Points"],
    rows,
    note: `Points per unit of the linear predictor ${nom.scale.toPrecision(6)}; linear predictor at 0 points ${nom.lpAtZero.toPrecision(6)}. Function rows give the total points at which the function takes that value (rms::nomogram).`,
  };
}
