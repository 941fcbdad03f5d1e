import { describe, expect, it } from "vitest";
import { correlationChart } from "../../../src/report/charts/correlation.js";
import { renderSvg } from "../../../src/report/render/svg.js";
import { compiledMarks } from "./inspect.js";

const redundancy = {
  correlation: "spearman",
  linkage: "average",
  threshold: 0.7,
  representativeRule: "highest AUC",
  clusters: [
    { id: 1, members: ["a", "b"], representative: "a", meanAbsR: 0.9 },
    { id: 2, members: ["c"], representative: "c", meanAbsR: null },
  ],
  tree: { labels: ["a", "b", "c"], merge: [[-1, -2], [-3, 1]] as Array<[number, number]>, height: [0.1, 0.8], order: [3, 1, 2] },
  matrix: { features: ["a", "b", "c"], values: [[1, 0.9, 0.2], [0.9, 1, 0.1], [0.2, 0.1, 1]] },
};

describe("correlationChart", () => {
  const spec = correlationChart(redundancy)!;

  it("matches its snapshot", () => {
    expect(spec).toMatchSnapshot();
  });

  it("puts the dendrogram left of a heatmap ordered by the tree, marking representatives", () => {
    const [dendrogram, heatmap] = spec["hconcat"] as Array<Record<string, any>>;
    expect(heatmap!["encoding"].y.sort).toEqual(["● c", "● a", "b"]);
    expect(heatmap!["data"].values).toHaveLength(9);
    expect(heatmap!["data"].values[1]).toEqual({ row: "● a", col: "b", r: 0.9 });
    expect(dendrogram!["height"]).toBe(heatmap!["height"]);
    expect(dendrogram!["layer"][0].data.values).toHaveLength(6);
    expect(dendrogram!["layer"][1].data.values).toEqual([{ cut: 0.3 }]);
  });

  it("compiles without warnings and renders cells and tree segments", async () => {
    const { marks, warnings } = compiledMarks(spec);
    expect(warnings).toEqual([]);
    expect(marks).toEqual(expect.arrayContaining(["rect", "rule"]));
    const svg = await renderSvg(spec);
    expect(svg).toContain("mark-rect");
    expect(svg).toContain("mark-rule");
  });

  it("keeps the matrix order without a tree and returns null without a matrix", () => {
    const flat = correlationChart({ ...redundancy, tree: null })!;
    expect((flat["encoding"] as Record<string, any>)["y"].sort).toEqual(["● a", "b", "● c"]);
    expect(correlationChart({ ...redundancy, matrix: null })).toBeNull();
  });

  it("summarises a large matrix (> 50 features) by the representatives of the largest clusters, named, in tree order", async () => {
    const n = 64;
    const features = Array.from({ length: n }, (_, i) => `feature_${i}`);
    const values = features.map((_, i) => features.map((_, j) => (i === j ? 1 : Math.cos(i * 7 + j * 7) * 0.5)));
    const merge = features.slice(1).map((_, k) => (k === 0 ? [-1, -2] : [-(k + 2), k]) as [number, number]);
    const height = merge.map((_, k) => 0.01 * (k + 1));
    const order = [...Array.from({ length: n - 2 }, (_, k) => n - k), 1, 2];
    // 60 clusters: feature_0..4 together (size 5), the rest singletons
    const clusters = [{ id: 1, members: features.slice(0, 5), representative: "feature_0", meanAbsR: 0.9 }, ...features.slice(5).map((f, k) => ({ id: k + 2, members: [f], representative: f, meanAbsR: null }))];
    const chart = correlationChart({ ...redundancy, clusters, tree: { labels: features, merge, height, order }, matrix: { features, values } })!;
    expect(chart["hconcat"]).toBeUndefined();
    const sort = (chart["encoding"] as Record<string, any>)["y"].sort as string[];
    expect(sort).toHaveLength(50);
    expect(sort).toContain("feature_0 (5)"); // the largest cluster first in the top-k
    // top-k: feature_0's cluster, then the singletons by cluster id (feature_5 … feature_53); shown in tree order (64, 63, …, 1, 2)
    expect(sort[0]).toBe("feature_53 (1)");
    expect(sort.at(-1)).toBe("feature_0 (5)");
    expect((chart["data"] as { values: unknown[] }).values).toHaveLength(50 * 50);
    expect(((chart["title"] as { subtitle: string[] }).subtitle).join(" ")).toContain("64 features in 60 clusters");
    const { warnings } = compiledMarks(chart);
    expect(warnings).toEqual([]);
    expect(await renderSvg(chart)).toContain("feature_0 (5)");
  });

  it("encodes a large matrix (> 60 features, no labels, when asked for all) compactly, with the same cells in tree order", async () => {
    const n = 64;
    const features = Array.from({ length: n }, (_, i) => `feature_${i}`);
    const values = features.map((_, i) => features.map((_, j) => (i === j ? 1 : Math.cos(i * 7 + j * 7) * 0.5 + (Math.abs(i - j) === 1 ? 0.45 : 0))));
    // A chain tree: step 1 joins leaves 1 and 2, step k adds leaf k + 1 to step k − 1 (R's merge conventions).
    const merge = features.slice(1).map((_, k) => (k === 0 ? [-1, -2] : [-(k + 2), k]) as [number, number]);
    const height = merge.map((_, k) => 0.01 * (k + 1));
    const order = [...Array.from({ length: n - 2 }, (_, k) => n - k), 1, 2]; // 64, 63, …, 3, 1, 2 (1-based)
    const big = { ...redundancy, clusters: [{ id: 1, members: ["feature_0"], representative: "feature_0", meanAbsR: null }], tree: { labels: features, merge, height, order }, matrix: { features, values } };
    const chart = correlationChart(big, { maxFeatures: 100 })!;
    const heatmap = (chart["hconcat"] as Array<Record<string, any>>)[1]!;
    const rows = heatmap["data"].values as Array<{ i: number; j: number[]; r: number[] }>;
    expect(rows).toHaveLength(n); // one row per feature, not n² cells
    // row 0 is the first feature in tree order (feature_63), its r values in tree order, rounded to 3 decimals
    expect(rows[0]!.r[0]).toBe(1);
    expect(rows[0]!.r[1]).toBe(Math.round(values[63]![62]! * 1000) / 1000);
    expect(heatmap["transform"][0]).toEqual({ flatten: ["j", "r"] });
    expect(heatmap["mark"]).toEqual({ type: "rect", aria: false });
    expect(JSON.stringify(chart).length).toBeLessThan(60_000); // the labelled form would be ~300 KB
    const { warnings } = compiledMarks(chart);
    expect(warnings).toEqual([]);
    const svg = await renderSvg(chart);
    expect(svg.match(/<path[^>]*d="M[^"]*h\d+(\.\d+)?v/g)?.length ?? 0).toBeGreaterThanOrEqual(n * n); // every cell drawn
    expect(svg).not.toContain("aria-label=\"col:");
  });
});
