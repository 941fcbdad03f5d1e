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
});
