import { describe, expect, it } from "vitest";
import { metricLabel, optimismChart } from "../../../src/report/charts/optimism.js";
import { renderSvg } from "../../../src/report/render/svg.js";
import { compiledMarks } from "./inspect.js";

describe("optimismChart", () => {
  const spec = optimismChart([
    { metric: "auc", mean: 0.03, values: [0.01, 0.02, 0.03, 0.04, 0.05] },
    { metric: "calibrationSlope", mean: 0.12, values: [0.05, 0.1, 0.12, 0.14, 0.19] },
  ]);

  it("matches its snapshot", () => {
    expect(spec).toMatchSnapshot();
  });

  it("has one histogram panel per metric with the mean marked", () => {
    const panels = spec["hconcat"] as Array<Record<string, any>>;
    expect(panels.map((p) => p["title"])).toEqual(["AUC: mean 0.030", "Calibration slope: mean 0.120"]);
    expect(panels[1]!["layer"][0].data.values).toHaveLength(5);
    expect(panels[1]!["layer"][1].data.values).toEqual([{ mean: 0.12 }]);
    expect(metricLabel("r2Nagelkerke")).toBe("Nagelkerke R²");
  });

  it("compiles without warnings and renders", async () => {
    const { marks, warnings } = compiledMarks(spec);
    expect(warnings).toEqual([]);
    expect(marks.filter((m) => m === "rect")).toHaveLength(2);
    expect(await renderSvg(spec)).toContain("mark-rule");
  });
});
