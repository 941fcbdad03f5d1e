import { type VegaLiteSpec, round, topLevel } from "../report/charts/common.js";
import type { BlandAltman } from "./blandAltman.js";
import type { SegmentationCase } from "./summary.js";

/**
 * Distribution of per-case Dice: a box plot per reader (or one for all
 * cases) with every case as a point (tooltip: case id, Dice, HD95). Pure:
 * returns a Vega-Lite spec.
 */
export function diceDistributionChart(cases: readonly SegmentationCase[], options: { title?: string } = {}): VegaLiteSpec {
  const values = cases.map((c) => ({ case: c.caseId, reader: c.reader ?? "all cases", dice: round(c.metrics.dice), hd95: c.metrics.hd95 === null ? null : round(c.metrics.hd95) }));
  const y = { field: "reader", type: "nominal", title: null };
  const x = { field: "dice", type: "quantitative", title: "Dice", scale: { domain: [Math.min(0, ...values.map((v) => v.dice)), 1] } };
  return topLevel(
    options.title ?? "Dice per case",
    {
      width: 520,
      height: { step: 46 },
      data: { values },
      layer: [
        { mark: { type: "boxplot", extent: 1.5, color: "#4c78a8", opacity: 0.35, size: 26 }, encoding: { x, y } },
        {
          mark: { type: "point", filled: true, size: 36, color: "#1d1d1f", opacity: 0.75 },
          encoding: {
            x,
            y,
            tooltip: [
              { field: "case", type: "nominal" },
              { field: "dice", type: "quantitative", format: ".4f" },
              { field: "hd95", type: "quantitative", format: ".2f", title: "HD95 (mm)" },
            ],
          },
        },
      ],
    },
    `${values.length} compared pairs; box: quartiles, whiskers 1.5 IQR`,
  );
}

/**
 * Bland–Altman plot of volumes: per case the mean of the two volumes against
 * their difference, the bias and the limits of agreement as lines, their
 * confidence intervals as shaded bands. Pure: returns a Vega-Lite spec.
 */
export function blandAltmanChart(ba: BlandAltman, caseIds: readonly string[], options: { title?: string; difference?: string; unit?: string } = {}): VegaLiteSpec {
  const unit = options.unit ?? "ml";
  const points = ba.points.map((p, i) => ({ case: caseIds[i] ?? String(i + 1), mean: round(p.mean), difference: round(p.difference) }));
  const pct = Math.round(100 * ba.level);
  const lines = [
    { name: "bias", y: round(ba.bias), lo: round(ba.biasCi[0]), hi: round(ba.biasCi[1]) },
    { name: `lower ${pct}% limit`, y: round(ba.lowerLimit), lo: round(ba.lowerLimitCi[0]), hi: round(ba.lowerLimitCi[1]) },
    { name: `upper ${pct}% limit`, y: round(ba.upperLimit), lo: round(ba.upperLimitCi[0]), hi: round(ba.upperLimitCi[1]) },
  ];
  const color = { field: "name", type: "nominal", title: null, scale: { domain: lines.map((l) => l.name), range: ["#e45756", "#4c78a8", "#4c78a8"] } };
  return topLevel(
    options.title ?? "Bland–Altman: volumes",
    {
      width: 460,
      height: 300,
      layer: [
        { data: { values: lines }, mark: { type: "rect", opacity: 0.15 }, encoding: { y: { field: "lo", type: "quantitative" }, y2: { field: "hi" }, color } },
        { data: { values: lines }, mark: { type: "rule", strokeWidth: 1.5, strokeDash: [5, 3] }, encoding: { y: { field: "y", type: "quantitative" }, color } },
        {
          data: { values: points },
          mark: { type: "point", filled: true, size: 45, color: "#1d1d1f" },
          encoding: {
            x: { field: "mean", type: "quantitative", title: `Mean of the two volumes (${unit})`, scale: { zero: false } },
            y: { field: "difference", type: "quantitative", title: `${options.difference ?? "Prediction − reference"} (${unit})` },
            tooltip: [
              { field: "case", type: "nominal" },
              { field: "mean", type: "quantitative", format: ".2f" },
              { field: "difference", type: "quantitative", format: ".2f" },
            ],
          },
        },
      ],
    },
    `bias ${ba.bias.toFixed(2)} ${unit} (${pct}% CI ${ba.biasCi[0].toFixed(2)} to ${ba.biasCi[1].toFixed(2)}); limits ${ba.lowerLimit.toFixed(2)} to ${ba.upperLimit.toFixed(2)} ${unit}; bands: ${pct}% CIs`,
  );
}
