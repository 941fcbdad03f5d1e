import type { HeterogeneityResult } from "../results.js";
import { type VegaLiteSpec, round, topLevel } from "./common.js";
import { metricLabel } from "./optimism.js";

/** The "no effect" reference of a metric in a forest plot (AUC 0.5, calibration slope 1, intercept 0). */
function referenceValue(metric: string): number | null {
  if (metric === "auc") return 0.5;
  if (metric === "calibrationSlope") return 1;
  if (metric === "calibrationIntercept") return 0;
  return null;
}

/**
 * Per-site forest plot, one panel per metric (AUC and calibration slope), the panels stacked
 * (so the plot stays narrow enough for a phone or a printed page without shrinking its text):
 * each site's estimate with its CI, the pooled random-effects estimate as a
 * diamond with its CI and the 95% prediction interval (dashed), and a
 * reference line (AUC 0.5, slope 1). τ² and I² are in the panel title. Pure.
 */
export function forestChart(results: readonly HeterogeneityResult[], options: { title?: string } = {}): VegaLiteSpec {
  const panels = results.map((h) => {
    const pooledLabel = "Pooled (random effects)";
    const sites = h.sites.map((s) => ({ label: `${s.site} (n=${s.n}, ${s.events} ev.)`, estimate: round(s.estimate), lower: s.lower === null ? null : round(s.lower), upper: s.upper === null ? null : round(s.upper), kind: "site" }));
    const pooled = { label: pooledLabel, estimate: h.pooled.estimate === null ? null : round(h.pooled.estimate), lower: h.pooled.lower === null ? null : round(h.pooled.lower), upper: h.pooled.upper === null ? null : round(h.pooled.upper), kind: "pooled" };
    const rows = [...sites, pooled];
    const sort = rows.map((r) => r.label);
    const y = { field: "label", type: "nominal", sort, title: null };
    const layer: Record<string, unknown>[] = [];
    const ref = referenceValue(h.metric);
    if (ref !== null) layer.push({ data: { values: [{ ref }] }, mark: { type: "rule", color: "#999999", strokeDash: [4, 4] }, encoding: { x: { field: "ref", type: "quantitative" } } });
    if (h.prediction) {
      layer.push({
        data: { values: [{ label: pooledLabel, lower: round(h.prediction.lower), upper: round(h.prediction.upper) }] },
        mark: { type: "rule", strokeDash: [3, 2], color: "#e45756", strokeWidth: 1 },
        encoding: { y, x: { field: "lower", type: "quantitative" }, x2: { field: "upper" } },
      });
    }
    layer.push({
      data: { values: rows.filter((r) => r.lower !== null && r.upper !== null) },
      mark: { type: "rule", strokeWidth: 2 },
      encoding: { y, x: { field: "lower", type: "quantitative" }, x2: { field: "upper" }, color: { field: "kind", type: "nominal", scale: { domain: ["site", "pooled"], range: ["#4c78a8", "#e45756"] }, legend: null } },
    });
    const x = { field: "estimate", type: "quantitative", title: metricLabel(h.metric), scale: { zero: false } };
    const tooltip = [{ field: "label" }, { field: "estimate", format: ".3f" }, { field: "lower", format: ".3f" }, { field: "upper", format: ".3f" }];
    layer.push({ data: { values: sites.filter((r) => r.estimate !== null) }, mark: { type: "square", filled: true, size: 60, color: "#4c78a8", opacity: 1 }, encoding: { y, x, tooltip } });
    layer.push({ data: { values: [pooled].filter((r) => r.estimate !== null) }, mark: { type: "point", shape: "diamond", filled: true, size: 220, color: "#e45756", opacity: 1 }, encoding: { y, x, tooltip } });
    const stats = [h.tau2 !== null ? `τ² ${h.tau2.toPrecision(3)}` : null, h.i2 !== null ? `I² ${(100 * h.i2).toFixed(0)}%` : null].filter((s) => s !== null).join(", ");
    return { title: `${metricLabel(h.metric)}${stats ? ` (${stats})` : ""}`, width: 300, height: 24 * rows.length, layer };
  });
  const design = results[0]?.design ?? "";
  return topLevel(options.title ?? "Performance across sites", { vconcat: panels, spacing: 16 }, `${design}; ${results[0]?.method ?? ""} random-effects pooling; dashed red: 95% prediction interval`);
}
