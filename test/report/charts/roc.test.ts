import { describe, expect, it } from "vitest";
import { rocChart } from "../../../src/report/charts/roc.js";
import { VEGA_LITE_SCHEMA } from "../../../src/report/charts/common.js";
import { renderSvg } from "../../../src/report/render/svg.js";
import { compiledMarks, dataRows } from "./inspect.js";

const curveA = {
  label: "Model A",
  roc: {
    points: [
      { fpr: 0, tpr: 0, threshold: null },
      { fpr: 0.1, tpr: 0.5, threshold: 0.7 },
      { fpr: 0.4, tpr: 0.85, threshold: 0.4 },
      { fpr: 1, tpr: 1, threshold: 0.05 },
    ],
    band: [
      { fpr: 0, tprLower: 0, tprUpper: 0.2 },
      { fpr: 0.5, tprLower: 0.75, tprUpper: 0.95 },
      { fpr: 1, tprLower: 1, tprUpper: 1 },
    ],
    bandMethod: "bootstrap",
  },
  auc: { estimate: 0.81, lower: 0.75, upper: 0.87, level: 0.95, method: "DeLong" },
};
const curveB = { label: "Model B", roc: { points: [{ fpr: 0, tpr: 0, threshold: null }, { fpr: 0.5, tpr: 0.7, threshold: 0.3 }, { fpr: 1, tpr: 1, threshold: 0.1 }], band: null, bandMethod: null } };

describe("rocChart", () => {
  const spec = rocChart([curveA, curveB]);

  it("matches its snapshot", () => {
    expect(spec).toMatchSnapshot();
  });

  it("layers the diagonal, one CI band (model A only) and one line per model, coloured by model with AUC in the legend", () => {
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    const layers = spec["layer"] as Array<{ mark: { type: string }; encoding: Record<string, { field?: string }> }>;
    expect(layers.map((l) => l.mark.type)).toEqual(["rule", "area", "line"]);
    expect(layers[2]!.encoding["color"]!.field).toBe("model");
    const [, band, lines] = dataRows(spec);
    expect(band).toHaveLength(3);
    expect(lines).toHaveLength(7);
    expect(lines![1]).toEqual({ model: "Model A: AUC 0.810 (0.750–0.870)", order: 1, fpr: 0.1, tpr: 0.5 });
    expect(lines!.filter((r) => r["model"] === "Model B")).toHaveLength(3);
  });

  it("compiles without warnings and renders lines and an area to SVG", async () => {
    const { marks, warnings } = compiledMarks(spec);
    expect(warnings).toEqual([]);
    expect(marks).toEqual(expect.arrayContaining(["rule", "area", "line"]));
    const svg = await renderSvg(spec);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("mark-line");
    expect(svg).toContain("mark-area");
    expect(svg).toContain("Model B");
  });

  it("omits the band layer when no curve has one", () => {
    const layers = rocChart([curveB])["layer"] as Array<{ mark: { type: string } }>;
    expect(layers.map((l) => l.mark.type)).toEqual(["rule", "line"]);
  });
});
