import type { RedundancyLog } from "../results.js";
import { type VegaLiteSpec, round, topLevel } from "./common.js";
import { dendrogramSegments } from "./dendrogram.js";

type Matrix = NonNullable<RedundancyLog["matrix"]>;

/** One cell per feature pair with both names: readable specs, for matrices small enough to label (≤ 60). */
function labelledHeatmap(matrix: Matrix, label: (f: string) => string, sort: string[], size: number, color: object, tooltip: object[]) {
  const cells: Array<{ row: string; col: string; r: number }> = [];
  matrix.features.forEach((fi, i) => matrix.features.forEach((fj, j) => cells.push({ row: label(fi), col: label(fj), r: round(matrix.values[i]![j]!) })));
  return {
    width: size,
    height: size,
    data: { values: cells },
    mark: { type: "rect" },
    encoding: {
      x: { field: "col", type: "nominal", sort, title: null, axis: { labels: false, ticks: false } },
      y: { field: "row", type: "nominal", sort, title: null, axis: { labelFontSize: 9 } },
      color,
      tooltip,
    },
  };
}

/**
 * Large matrices (no axis labels): one row of correlations (3 decimals, what a colour can show) per
 * feature in tree order, expanded by Vega-Lite's flatten transform, names joined back by lookup for the
 * tooltip; cells carry no ARIA labels. About 10× smaller specs and SVGs than one named object per cell.
 */
function compactHeatmap(matrix: Matrix, order: readonly string[], label: (f: string) => string, size: number, color: object, tooltip: object[]) {
  const index = new Map(matrix.features.map((f, i) => [f, i]));
  const positions = order.map((_, j) => j);
  const rows = order.map((f, i) => ({ i, j: positions, r: order.map((g) => Math.round(matrix.values[index.get(f)!]![index.get(g)!]! * 1000) / 1000 + 0) }));
  const names = order.map((f, k) => ({ k, name: label(f) }));
  const lookup = (field: string, as: string) => ({ lookup: field, from: { data: { values: names }, key: "k", fields: ["name"] }, as: [as] });
  const axis = { type: "ordinal", title: null, axis: { labels: false, ticks: false, domain: false } };
  return {
    width: size,
    height: size,
    data: { values: rows },
    transform: [{ flatten: ["j", "r"] }, lookup("i", "row"), lookup("j", "col")],
    mark: { type: "rect", aria: false },
    encoding: { x: { field: "j", ...axis }, y: { field: "i", ...axis }, color, tooltip },
  };
}

/** Features drawn at most with their names in the correlation chart; beyond, the chart shows cluster representatives. */
export const CORRELATION_CHART_MAX_FEATURES = 50;

/**
 * Large feature sets: the correlations among the representatives of the largest clusters (top-k by
 * cluster size, at most `max`), in the clustering's leaf order, every cell named; the clusters table
 * lists every member. (A heatmap and dendrogram of hundreds of features has no readable labels.)
 */
function representativesChart(redundancy: RedundancyLog, matrix: Matrix, max: number, title: string | undefined): VegaLiteSpec {
  const inMatrix = new Set(matrix.features);
  const chosen = [...redundancy.clusters]
    .filter((c) => inMatrix.has(c.representative))
    .sort((a, b) => b.members.length - a.members.length || a.id - b.id)
    .slice(0, max);
  const size = new Map(chosen.map((c) => [c.representative, c.members.length]));
  const tree = redundancy.tree;
  const treeOrder = tree ? tree.order.map((i) => tree.labels[i - 1]!) : [...matrix.features];
  const rank = new Map(treeOrder.map((f, i) => [f, i]));
  const order = [...size.keys()].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  const index = new Map(matrix.features.map((f, i) => [f, i]));
  const label = (f: string) => `${f} (${size.get(f)})`;
  const sort = order.map(label);
  const cells: Array<{ row: string; col: string; r: number }> = [];
  for (const a of order) for (const b of order) cells.push({ row: label(a), col: label(b), r: round(matrix.values[index.get(a)!]![index.get(b)!]!) });
  const n = order.length;
  const cellSize = n > 30 ? 11 : 16;
  const color = { field: "r", type: "quantitative", title: `${redundancy.correlation} r`, scale: { scheme: "redblue", domain: [-1, 1], reverse: true } };
  const heatmap = {
    width: Math.max(120, cellSize * n),
    height: Math.max(120, cellSize * n),
    data: { values: cells },
    mark: { type: "rect" },
    encoding: {
      x: { field: "col", type: "nominal", sort, title: null, axis: { labelAngle: -90, labelFontSize: 9 } },
      y: { field: "row", type: "nominal", sort, title: null, axis: { labelFontSize: 9 } },
      color,
      tooltip: [{ field: "row" }, { field: "col" }, { field: "r", type: "quantitative", format: ".2f" }],
    },
  };
  const subtitle = `${matrix.features.length} features in ${redundancy.clusters.length} clusters at |r| ≥ ${redundancy.threshold} (${redundancy.linkage} linkage): the representatives of the ${n} largest clusters (cluster size in brackets), in clustering order; the clusters table lists every member`;
  return topLevel(title ?? "Feature correlation: cluster representatives", heatmap, subtitle);
}

/**
 * Correlation heatmap of the candidate features ordered by the hierarchical
 * clustering, with the dendrogram on its left (aligned row for row) and the
 * tree cut at height 1 − threshold; cluster representatives are marked on
 * the axis. Needs `redundancy.matrix`; the tree is optional (without it the
 * matrix order is kept). With more than `maxFeatures` features (default
 * {@link CORRELATION_CHART_MAX_FEATURES}) it shows the correlations among the
 * representatives of the largest clusters instead, named, in clustering order.
 * Pure: returns a Vega-Lite spec.
 */
export function correlationChart(redundancy: RedundancyLog, options: { title?: string; maxFeatures?: number } = {}): VegaLiteSpec | null {
  const matrix = redundancy.matrix;
  if (!matrix || matrix.features.length === 0) return null;
  const max = options.maxFeatures ?? CORRELATION_CHART_MAX_FEATURES;
  if (matrix.features.length > max) return representativesChart(redundancy, matrix, max, options.title);
  const tree = redundancy.tree;
  const order = tree ? tree.order.map((i) => tree.labels[i - 1]!).filter((f) => matrix.features.includes(f)) : [...matrix.features];
  for (const f of matrix.features) if (!order.includes(f)) order.push(f);
  const representatives = new Set(redundancy.clusters.map((c) => c.representative));
  const label = (f: string) => (representatives.has(f) ? `● ${f}` : f);
  const n = order.length;
  const cell = n > 60 ? 6 : n > 30 ? 10 : 16;
  const size = Math.max(120, cell * n);
  const sort = order.map(label);
  const showLabels = n <= 60;
  const color = { field: "r", type: "quantitative", title: `${redundancy.correlation} r`, scale: { scheme: "redblue", domain: [-1, 1], reverse: true } };
  const tooltip = [{ field: "row" }, { field: "col" }, { field: "r", type: "quantitative", format: ".2f" }];
  const heatmap = showLabels ? labelledHeatmap(matrix, label, sort, size, color, tooltip) : compactHeatmap(matrix, order, label, size, color, tooltip);
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
