import type { Estimate, RocCurve } from "../results.js";
import { type VegaLiteSpec, diagonalLayer, formatEstimate, round, topLevel } from "./common.js";

/** One ROC curve to draw: a label (model name), the curve, and its AUC for the legend. */
export interface RocChartCurve {
  readonly label: string;
  readonly roc: RocCurve;
  readonly auc?: Estimate | null;
}

/**
 * ROC curves of several models in one chart: each model's empirical curve
 * (1 − specificity vs sensitivity, pROC's convention), its confidence band of
 * sensitivity at fixed specificity when present (pROC `ci.se`), the chance
 * diagonal, and the AUC with its CI in the legend. Pure: returns a Vega-Lite spec.
 */
export function rocChart(curves: readonly RocChartCurve[], options: { title?: string; subtitle?: string } = {}): VegaLiteSpec {
  const name = (c: RocChartCurve) => (c.auc && c.auc.estimate !== null ? `${c.label}: AUC ${formatEstimate(c.auc.estimate, c.auc.lower, c.auc.upper)}` : c.label);
  const domain = curves.map(name);
  const lines = curves.flatMap((c) => c.roc.points.map((p, i) => ({ model: name(c), order: i, fpr: round(p.fpr), tpr: round(p.tpr) })));
  const bands = curves.flatMap((c) => (c.roc.band ?? []).map((b) => ({ model: name(c), fpr: round(b.fpr), lower: round(b.tprLower), upper: round(b.tprUpper) })));
  const color = { field: "model", type: "nominal", title: null, scale: { domain }, legend: { orient: "bottom-right", direction: "vertical" } };
  const x = { field: "fpr", type: "quantitative", title: "1 − specificity", scale: { domain: [0, 1] } };
  const layer: Record<string, unknown>[] = [diagonalLayer()];
  if (bands.length > 0) {
    layer.push({
      data: { values: bands },
      mark: { type: "area", opacity: 0.18, interpolate: "step-after" },
      encoding: { x, y: { field: "lower", type: "quantitative" }, y2: { field: "upper" }, color },
    });
  }
  layer.push({
    data: { values: lines },
    mark: { type: "line", strokeWidth: 2 },
    encoding: { x, y: { field: "tpr", type: "quantitative", title: "Sensitivity", scale: { domain: [0, 1] } }, order: { field: "order", type: "quantitative" }, color },
  });
  const subtitle = options.subtitle ?? (bands.length > 0 ? "Shaded: 95% confidence band of sensitivity" : undefined);
  return topLevel(options.title ?? "ROC curves", { width: 360, height: 360, layer }, subtitle);
}
