import type { CalibrationCurve, Estimate } from "../results.js";
import { type VegaLiteSpec, diagonalLayer, formatEstimate, round, sig, topLevel } from "./common.js";

/**
 * Calibration plot (as rms `val.prob` and Van Calster et al. 2016 recommend):
 * the flexible (loess) calibration curve with its pointwise confidence band
 * when present, binned observed proportions with their CIs against the mean
 * predicted risk, the ideal diagonal, and below it a histogram of predicted
 * risks split by outcome (events up, non-events down). The flexible curve
 * and its band are drawn only over the range of predicted risk that has data
 * (the histogram's occupied bins, else the risk groups), where a smoother says
 * something. Risk-group dots are black, so they do not share a colour with the
 * histogram's "event" legend entry. Pure: returns a Vega-Lite spec.
 */
export function calibrationChart(
  calibration: CalibrationCurve,
  options: { title?: string; slope?: Estimate | null; intercept?: Estimate | null } = {},
): VegaLiteSpec {
  const x = { field: "predicted", type: "quantitative", title: "Predicted probability", scale: { domain: [0, 1] } };
  const yScale = { domain: [0, 1] };
  const layer: Record<string, unknown>[] = [diagonalLayer()];
  const occupied = calibration.riskHistogram.filter((h) => h.events + h.nonEvents > 0);
  const [lo, hi] = occupied.length
    ? [Math.min(...occupied.map((h) => h.start)), Math.max(...occupied.map((h) => h.end))]
    : calibration.bins.length
      ? [Math.min(...calibration.bins.map((b) => b.predicted)), Math.max(...calibration.bins.map((b) => b.predicted))]
      : [0, 1];
  const smooth = calibration.smooth.filter((p) => p.predicted >= lo - 1e-12 && p.predicted <= hi + 1e-12).map((p) => ({ predicted: round(p.predicted), observed: round(p.observed), lower: p.lower === null ? null : round(p.lower), upper: p.upper === null ? null : round(p.upper) }));
  if (smooth.some((p) => p.lower !== null && p.upper !== null)) {
    layer.push({
      data: { values: smooth.filter((p) => p.lower !== null && p.upper !== null) },
      mark: { type: "area", color: "#4c78a8", opacity: 0.2, clip: true },
      encoding: { x, y: { field: "lower", type: "quantitative", scale: yScale }, y2: { field: "upper" } },
    });
  }
  if (smooth.length > 0) {
    layer.push({
      data: { values: smooth },
      mark: { type: "line", color: "#4c78a8", strokeWidth: 2, clip: true },
      encoding: { x, y: { field: "observed", type: "quantitative", title: "Observed proportion", scale: yScale } },
    });
  }
  const bins = calibration.bins.map((b) => ({ predicted: round(b.predicted), observed: round(b.observed), lower: b.lower === null ? null : round(b.lower), upper: b.upper === null ? null : round(b.upper), n: b.n, events: b.events }));
  if (bins.length > 0) {
    layer.push({
      data: { values: bins.filter((b) => b.lower !== null && b.upper !== null) },
      mark: { type: "rule", color: "#222222" },
      encoding: { x, y: { field: "lower", type: "quantitative", scale: yScale }, y2: { field: "upper" } },
    });
    layer.push({
      data: { values: bins },
      mark: { type: "point", filled: true, color: "#222222", size: 45 },
      encoding: {
        x,
        y: { field: "observed", type: "quantitative", title: "Observed proportion", scale: yScale },
        tooltip: [
          { field: "predicted", type: "quantitative", format: ".3f" },
          { field: "observed", type: "quantitative", format: ".3f" },
          { field: "n", type: "quantitative" },
          { field: "events", type: "quantitative" },
        ],
      },
    });
  }
  const main = { width: 360, height: 300, layer };
  const parts: string[] = [];
  if (calibration.method) parts.push(`Line: ${calibration.method}`);
  if (calibration.smooth.length && (lo > 0 || hi < 1)) parts.push(`drawn over the predicted risks observed (${sig(lo, 2)}–${sig(hi, 2)})`);
  if (bins.length) parts.push("black dots: risk groups with 95% CI");
  if (options.intercept?.estimate != null) parts.push(`intercept ${formatEstimate(options.intercept.estimate, options.intercept.lower, options.intercept.upper)}`);
  if (options.slope?.estimate != null) parts.push(`slope ${formatEstimate(options.slope.estimate, options.slope.lower, options.slope.upper)}`);
  const subtitle = parts.length ? parts.join("; ") : undefined;
  if (calibration.riskHistogram.length === 0) return topLevel(options.title ?? "Calibration", main, subtitle);
  const histogram = calibration.riskHistogram.flatMap((h) => [
    { start: round(h.start), end: round(h.end), outcome: "event", count: h.events },
    { start: round(h.start), end: round(h.end), outcome: "no event", count: h.nonEvents === 0 ? 0 : -h.nonEvents },
  ]);
  const hist = {
    width: 360,
    height: 90,
    data: { values: histogram },
    mark: { type: "bar" },
    encoding: {
      x: { field: "start", type: "quantitative", title: "Predicted probability", scale: { domain: [0, 1] } },
      x2: { field: "end" },
      y2: { datum: 0 },
      y: { field: "count", type: "quantitative", stack: null, title: "Patients", axis: { format: "~s", labelExpr: "abs(datum.value)" } },
      color: { field: "outcome", type: "nominal", title: null, scale: { domain: ["event", "no event"], range: ["#e45756", "#bab0ac"] }, legend: { orient: "right" } },
    },
  };
  return topLevel(options.title ?? "Calibration", { vconcat: [main, hist], spacing: 8 }, subtitle);
}
