import { describe, expect, it } from "vitest";
import { forestChart } from "../../../src/report/charts/forest.js";
import { renderSvg } from "../../../src/report/render/svg.js";
import { compiledMarks } from "./inspect.js";

const site = (s: string, estimate: number) => ({ site: s, n: 100, events: 30, estimate, lower: estimate - 0.08, upper: estimate + 0.08 });
const het = (metric: "auc" | "calibrationSlope", values: number[]) => ({
  model: "m",
  metric,
  design: "leave-one-site-out",
  method: "REML",
  scale: metric === "auc" ? "logit" : "identity",
  sites: values.map((v, i) => site(String.fromCharCode(65 + i), v)),
  pooled: { estimate: 0.75, lower: 0.7, upper: 0.8, level: 0.95, method: "REML" },
  prediction: { lower: 0.6, upper: 0.88 },
  tau2: 0.01,
  i2: 0.4,
  q: 5,
  qPValue: 0.17,
});

describe("forestChart", () => {
  const spec = forestChart([het("auc", [0.7, 0.8, 0.76]), het("calibrationSlope", [0.9, 1.1, 0.8])]);

  it("matches its snapshot", () => {
    expect(spec).toMatchSnapshot();
  });

  it("has a panel per metric (stacked, so it stays narrow) with sites, pooled diamond, prediction interval and reference line", () => {
    expect(spec["hconcat"]).toBeUndefined();
    const panels = spec["vconcat"] as Array<Record<string, any>>;
    expect(panels.map((p) => p["title"])).toEqual(["AUC (τ² 0.0100, I² 40%)", "Calibration slope (τ² 0.0100, I² 40%)"]);
    const layers = panels[0]!["layer"] as Array<Record<string, any>>;
    expect(layers.map((l) => l["mark"].type)).toEqual(["rule", "rule", "rule", "square", "point"]);
    expect(layers[0]!["data"].values).toEqual([{ ref: 0.5 }]);
    expect(panels[1]!["layer"][0].data.values).toEqual([{ ref: 1 }]);
    expect(layers[4]!["mark"].shape).toBe("diamond");
    expect(layers[2]!["encoding"].y.sort).toEqual(["A (n=100, 30 ev.)", "B (n=100, 30 ev.)", "C (n=100, 30 ev.)", "Pooled (random effects)"]);
  });

  it("compiles without warnings and renders", async () => {
    const { marks, warnings } = compiledMarks(spec);
    expect(warnings).toEqual([]);
    expect(marks).toEqual(expect.arrayContaining(["rule", "symbol"]));
    expect(await renderSvg(spec)).toContain("Pooled (random effects)");
  });
});
