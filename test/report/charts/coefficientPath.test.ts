import { describe, expect, it } from "vitest";
import { coefficientPathChart } from "../../../src/report/charts/coefficientPath.js";
import { renderSvg } from "../../../src/report/render/svg.js";
import { compiledMarks } from "./inspect.js";

const path = {
  lambda: [0.2, 0.1, 0.05, 0.025],
  features: ["a", "b", "never"],
  coefficients: [
    [0, 0.2, 0.5, 0.7],
    [0, 0, -0.1, -0.3],
    [0, 0, 0, 0],
  ],
  cv: [
    { lambda: 0.2, mean: 1.3, se: 0.05, nonzero: 0 },
    { lambda: 0.1, mean: 1.1, se: 0.05, nonzero: 1 },
    { lambda: 0.05, mean: 1.0, se: 0.04, nonzero: 2 },
    { lambda: 0.025, mean: 1.02, se: 0.04, nonzero: 2 },
  ],
  measure: "deviance",
  lambdaMin: 0.05,
  lambda1se: 0.1,
  chosenLambda: 0.1,
  chosenRule: "lambda.1se",
};

describe("coefficientPathChart", () => {
  const spec = coefficientPathChart(path);

  it("matches its snapshot", () => {
    expect(spec).toMatchSnapshot();
  });

  it("draws only features that enter the path, on a reversed log λ axis, with λ rules", () => {
    const [pathPanel, cvPanel] = spec["hconcat"] as Array<Record<string, any>>;
    const rows = pathPanel!["layer"][0].data.values as Array<{ feature: string }>;
    expect([...new Set(rows.map((r) => r.feature))]).toEqual(["a", "b"]);
    expect(rows).toHaveLength(8);
    expect(pathPanel!["layer"][0].encoding.x.scale).toEqual({ type: "log", domain: [0.025, 0.2], reverse: true, nice: false });
    expect(pathPanel!["layer"][1].data.values).toEqual([
      { lambda: 0.1, rule: "chosen (lambda.1se)" },
      { lambda: 0.05, rule: "λmin" },
    ]);
    expect(cvPanel!["layer"][0].data.values[0]).toEqual({ lambda: 0.2, mean: 1.3, lower: 1.25, upper: 1.35, nonzero: 0 });
  });

  it("compiles without warnings and renders lines, points and rules", async () => {
    const { marks, warnings } = compiledMarks(spec);
    expect(warnings).toEqual([]);
    expect(marks).toEqual(expect.arrayContaining(["line", "symbol", "rule"]));
    expect(await renderSvg(spec)).toContain("mark-line");
  });
});
