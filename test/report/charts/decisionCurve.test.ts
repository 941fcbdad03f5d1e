import { describe, expect, it } from "vitest";
import { decisionCurveChart } from "../../../src/report/charts/decisionCurve.js";
import { renderSvg } from "../../../src/report/render/svg.js";
import { compiledMarks } from "./inspect.js";

// prevalence 0.3: treat all = 0.3 − 0.7·t/(1 − t)
const rows = [0.1, 0.2, 0.3].map((t) => ({ threshold: t, netBenefit: 0.3 - 0.1 * t, treatAll: 0.3 - (0.7 * t) / (1 - t), treatNone: 0, interventionsAvoided: null }));

describe("decisionCurveChart", () => {
  const spec = decisionCurveChart([
    { label: "A", rows },
    { label: "B", rows: rows.map((r) => ({ ...r, netBenefit: r.netBenefit - 0.05 })) },
  ]);

  it("matches its snapshot", () => {
    expect(spec).toMatchSnapshot();
  });

  it("has one line per model plus treat all and treat none, clipped below 0", () => {
    const values = (spec["data"] as { values: Array<{ strategy: string; netBenefit: number }> }).values;
    expect([...new Set(values.map((v) => v.strategy))]).toEqual(["A", "B", "Treat all", "Treat none"]);
    expect(values.filter((v) => v.strategy === "Treat none").every((v) => v.netBenefit === 0)).toBe(true);
    const enc = spec["encoding"] as Record<string, any>;
    expect(enc["color"].scale.domain).toEqual(["A", "B", "Treat all", "Treat none"]);
    expect(enc["y"].scale.domain[0]).toBeLessThan(0);
    expect(enc["y"].scale.domain[1]).toBeCloseTo(0.29 * 1.05, 12); // the largest net benefit (model A at 0.1) + 5% headroom
    expect(enc["y"].scale.nice).toBe(false);
    expect(enc["x"].scale.domain).toEqual([0, 0.3]); // the models are useful up to the last threshold (0.3)
    expect((spec["mark"] as { clip: boolean }).clip).toBe(true);
  });

  it("stops the threshold axis a little past where every model stops being useful, and keeps the models' lowest value on the axis", () => {
    const thresholds = Array.from({ length: 99 }, (_, k) => (k + 1) / 100);
    const long = thresholds.map((t) => ({ threshold: t, netBenefit: 0.2 - 0.5 * t, treatAll: 0.3 - (0.7 * t) / (1 - t), treatNone: 0, interventionsAvoided: null }));
    const chart = decisionCurveChart([{ label: "M", rows: long }]);
    const enc = chart["encoding"] as Record<string, any>;
    // net benefit > 0 up to t = 0.39; ×1.1 = 0.429 → 0.45
    expect(enc["x"].scale.domain[1]).toBeCloseTo(0.45, 12);
    const values = (chart["data"] as { values: Array<{ strategy: string; threshold: number; netBenefit: number }> }).values;
    expect(Math.max(...values.map((v) => v.threshold))).toBeLessThanOrEqual(0.45);
    const lowest = Math.min(...values.filter((v) => v.strategy === "M").map((v) => v.netBenefit));
    expect(enc["y"].scale.domain[0]).toBeLessThanOrEqual(lowest);
    expect(enc["y"].scale.domain[1]).toBeGreaterThanOrEqual(Math.max(...values.map((v) => v.netBenefit)));
  });

  it("compiles without warnings and renders lines", async () => {
    const { marks, warnings } = compiledMarks(spec);
    expect(warnings).toEqual([]);
    expect(marks).toContain("line");
    expect(await renderSvg(spec)).toContain("Treat none");
  });
});
