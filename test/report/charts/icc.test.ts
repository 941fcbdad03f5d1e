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

  it("draws one dot per feature with its CI, sorted, coloured kept/dropped, and the cut-off line", () => {
    const [cis, dots, cut] = spec["layer"] as Array<Record<string, any>>;
    expect(dots!["mark"].type).toBe("point");
    expect(dots!["data"].values.map((v: { feature: string }) => v.feature)).toEqual(["f1", "f2", "f3"]);
    expect(dots!["data"].values.map((v: { status: string }) => v.status)).toEqual(["kept", "kept", "dropped"]);
    expect(cis!["encoding"].x.field).toBe("lower");
    expect(cis!["encoding"].x2.field).toBe("upper");
    expect(dots!["encoding"].y.sort).toEqual(["f1", "f2", "f3"]);
    expect(cut!["data"].values).toEqual([{ cut: 0.75, label: "cut-off 0.75" }]);
    expect((spec["title"] as { subtitle: string }).subtitle).toBe("2 of 3 features kept (estimate ≥ 0.75)");
  });

  it("shows only the features nearest the cut-off when there are many, and says so", () => {
    const features = Array.from({ length: 200 }, (_, i) => ({ feature: `g${i}`, value: i / 200, lower: i / 200 - 0.05, upper: Math.min(1, i / 200 + 0.05), band: "good" as const, kept: i / 200 >= 0.75 }));
    const big = iccChart({ ...reliability, features });
    const dots = (big["layer"] as Array<Record<string, any>>)[1]!;
    const shown = dots["data"].values as Array<{ value: number }>;
    expect(shown).toHaveLength(50);
    expect(Math.max(...shown.map((v) => Math.abs(v.value - 0.75)))).toBeLessThanOrEqual(0.125);
    expect(((big["title"] as { subtitle: string[] }).subtitle).join(" ")).toContain("the 50 features nearest the cut-off are shown, all 200 are in the reliability table");
  });

  it("compiles without warnings and renders dots, CIs and the rule", async () => {
    const { marks, warnings } = compiledMarks(spec);
    expect(warnings).toEqual([]);
    expect(marks).toEqual(expect.arrayContaining(["rule", "symbol", "text"]));
    expect(await renderSvg(spec)).toContain("mark-symbol");
  });
});
