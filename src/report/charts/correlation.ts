import type { RedundancyLog } from "../results.js";
import { type VegaLiteSpec, round, topLevel } from "./common.js";
import { dendrogramSegments } from "./dendrogram.js";

/**
 * Correlation heatmap of the candidate features ordered by the hierarchical
 * clustering, with the dendrogram on its left (aligned row for row) and the
 * tree cut at height 1 − threshold; cluster representatives are marked on
 * the axis. Needs `redundancy.matrix`; the tree is optional (without it the
 * matrix order is kept). Pure: returns a Vega-Lite spec.
 */
export function correlationChart(redundancy: RedundancyLog, options: { title?: string } = {}): VegaLiteSpec | null {
  const matrix = redundancy.matrix;
  if (!matrix || matrix.features.length === 0) return null;
  const tree = redundancy.tree;
  const order = tree ? tree.order.map((i) => tree.labels[i - 1]!).filter((f) => matrix.features.includes(f)) : [...matrix.features];
  for (const f of matrix.features) if (!order.includes(f)) order.push(f);
  const representatives = new Set(redundancy.clusters.map((c) => c.representative));
  const label = (f: string) => (representatives.has(f) ? `● ${f}` : f);
  const n = order.length;
  const cell = n > 60 ? 6 : n > 30 ? 10 : 16;
  const size = Math.max(120, cell * n);
  const cells: Array<{ row: string; col: string; r: number }> = [];
  matrix.features.forEach((fi, i) => matrix.features.forEach((fj, j) => cells.push({ row: label(fi), col: label(fj), r: round(matrix.values[i]![j]!) })));
  const sort = order.map(label);
  const showLabels = n <= 60;
  const heatmap = {
    width: size,
    height: size,
    data: { values: cells },
    mark: { type: "rect" },
    encoding: {
      x: { field: "col", type: "nominal", sort, title: null, axis: { labels: false, ticks: false } },
      y: { field: "row", type: "nominal", sort, title: null, axis: showLabels ? { labelFontSize: 9 } : { labels: false, ticks: false } },
      color: { field: "r", type: "quantitative", title: `${redundancy.correlation} r`, scale: { scheme: "redblue", domain: [-1, 1], reverse: true } },
      tooltip: [{ field: "row" }, { field: "col" }, { field: "r", type: "quantitative", format: ".2f" }],
    },
  };
  const subtitle = `${redundancy.clusters.length} clusters at |r| ≥ ${redundancy.threshold} (${redundancy.linkage} linkage); ● representative (${redundancy.representativeRule})`;
  if (!tree) return topLevel(options.title ?? "Feature correlation", heatmap, subtitle);
  const cutHeight = round(1 - redundancy.threshold);
  const segments = dendrogramSegments(tree).map((s) => ({ pos: round(s.pos), pos2: round(s.pos2), height: round(s.height), height2: round(s.height2) }));
  const maxHeight = Math.max(cutHeight, ...tree.height);
  const dendrogram = {
    width: 140,
    height: size,
    layer: [
      {
        data: { values: segments },
        mark: { type: "rule", color: "#555555" },
        encoding: {
          x: { field: "height", type: "quantitative", title: "1 − |r|", scale: { domain: [round(maxHeight), 0] }, axis: { tickCount: 3 } },
          x2: { field: "height2" },
          y: { field: "pos", type: "quantitative", axis: null, scale: { domain: [0, n], reverse: true, nice: false, zero: false } },
          y2: { field: "pos2" },
        },
      },
      {
        data: { values: [{ cut: cutHeight }] },
        mark: { type: "rule", color: "#e45756", strokeDash: [4, 3] },
        encoding: { x: { field: "cut", type: "quantitative" } },
      },
    ],
  };
  return topLevel(options.title ?? "Feature correlation and clustering", { hconcat: [dendrogram, heatmap], spacing: 2 }, subtitle);
}
