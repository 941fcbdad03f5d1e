import { describe, expect, it } from "vitest";
import { calibrationChart } from "../../../src/report/charts/calibration.js";
import { renderSvg } from "../../../src/report/render/svg.js";
import { compiledMarks, dataRows } from "./inspect.js";

const calibration = {
  method: "loess",
  smooth: [
    { predicted: 0.05, observed: 0.04, lower: 0.01, upper: 0.09 },
    { predicted: 0.3, observed: 0.33, lower: 0.25, upper: 0.41 },
    { predicted: 0.7, observed: 0.62, lower: 0.5, upper: 0.74 },
  ],
  bins: [
    { predicted: 0.1, observed: 0.08, lower: 0.03, upper: 0.18, n: 50, events: 4 },
    { predicted: 0.5, observed: 0.55, lower: 0.41, upper: 0.68, n: 50, events: 27 },
  ],
  riskHistogram: [
    { start: 0, end: 0.5, events: 10, nonEvents: 60 },
    { start: 0.5, end: 1, events: 21, nonEvents: 9 },
  ],
};
const slope = { estimate: 0.91, lower: 0.7, upper: 1.12, level: 0.95, method: "Wald" };

describe("calibrationChart", () => {
  const spec = calibrationChart(calibration, { slope });

  it("matches its snapshot", () => {
    expect(spec).toMatchSnapshot();
  });

  it("stacks the calibration panel over a risk histogram with events up and non-events down", () => {
    const [main, hist] = spec["vconcat"] as Array<Record<string, any>>;
    expect(main!["layer"].map((l: { mark: { type: string } }) => l.mark.type)).toEqual(["rule", "area", "line", "rule", "point"]);
    expect(hist!["encoding"].y.stack).toBeNull();
    expect(hist!["data"].values).toEqual([
      { start: 0, end: 0.5, outcome: "event", count: 10 },
      { start: 0, end: 0.5, outcome: "no event", count: -60 },
      { start: 0.5, end: 1, outcome: "event", count: 21 },
      { start: 0.5, end: 1, outcome: "no event", count: -9 },
    ]);
    expect(String((spec["title"] as { subtitle: string }).subtitle)).toContain("slope 0.910 (0.700–1.120)");
    expect(dataRows(spec).find((rows) => rows.length === 2 && "n" in rows[0]!)).toHaveLength(2);
  });

  it("compiles without warnings and renders points, lines and bars", async () => {
    const { marks, warnings } = compiledMarks(spec);
    expect(warnings).toEqual([]);
    expect(marks).toEqual(expect.arrayContaining(["symbol", "line", "area", "rect"]));
    const svg = await renderSvg(spec);
    expect(svg).toContain("mark-symbol");
    expect(svg).toContain("mark-rect");
  });

  it("is a single panel without a histogram", () => {
    const single = calibrationChart({ ...calibration, riskHistogram: [] });
    expect(single["vconcat"]).toBeUndefined();
    expect(single["layer"]).toHaveLength(5);
  });
});
