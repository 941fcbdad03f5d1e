import { describe, expect, it } from "vitest";
import { iccChart } from "../../../src/report/charts/icc.js";
import { renderSvg } from "../../../src/report/render/svg.js";
import { compiledMarks } from "./inspect.js";

const reliability = {
  measure: "ICC(A,1)",
  cut: 0.75,
  rule: "estimate" as const,
  sourceFile: null,
  nCases: 40,
  nRaters: 3,
  features: [
    { feature: "f1", value: 0.95, lower: 0.9, upper: 0.97, band: "excellent" as const, kept: true },
    { feature: "f2", value: 0.8, lower: 0.7, upper: 0.88, band: "good" as const, kept: true },
    { feature: "f3", value: 0.42, lower: 0.2, upper: 0.6, band: "poor" as const, kept: false },
  ],
};

describe("iccChart", () => {
  const spec = iccChart(reliability);

  it("matches its snapshot", () => {
    expect(spec).toMatchSnapshot();
  });

  it("bins the values coloured by kept/dropped and draws the cut line", () => {
    const [bars, cut] = spec["layer"] as Array<Record<string, any>>;
    expect(bars!["data"].values.map((v: { status: string }) => v.status)).toEqual(["kept", "kept", "dropped"]);
    expect(bars!["encoding"].x.bin).toEqual({ step: 0.05, extent: [0, 1] });
    expect(cut!["data"].values).toEqual([{ cut: 0.75, label: "cut 0.75" }]);
    expect((spec["title"] as { subtitle: string }).subtitle).toBe("2 of 3 features kept (estimate ≥ 0.75)");
  });

  it("compiles without warnings and renders bars and the rule", async () => {
    const { marks, warnings } = compiledMarks(spec);
    expect(warnings).toEqual([]);
    expect(marks).toEqual(expect.arrayContaining(["rect", "rule", "text"]));
    expect(await renderSvg(spec)).toContain("mark-rect");
  });
});
