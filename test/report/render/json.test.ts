import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/report/report.js";
import { formatJson, renderJson } from "../../../src/report/render/json.js";
import { exampleResults } from "../fixture.js";

describe("JSON report", () => {
  it("holds the report model and every number of the results", () => {
    const results = exampleResults();
    const report = buildReport(results);
    const out = JSON.parse(renderJson(report, results));
    expect(out.format).toBe("radval-report-json");
    expect(out.results).toEqual(JSON.parse(JSON.stringify(results)));
    expect(out.report.checklist).toHaveLength(52);
    expect(out.report.sampleSize.riley.required).toBe(report.sampleSize!.riley!.required);
    expect(out.report.charts.map((c: { id: string }) => c.id)).toEqual(report.charts.map((c) => c.id));
  });
});

describe("formatJson", () => {
  it("parses back to the same value, keeps short records and number arrays on one line", () => {
    const value = { a: [1, 2.5, null, -3e-9], b: { x: 1, y: "two" }, long: Array.from({ length: 30 }, (_, i) => ({ threshold: i / 4, netBenefit: i / 8 })), text: "a [1, 2] \"quoted\"", empty: [], skip: undefined };
    const text = formatJson(value, 60);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
    const lines = text.split("\n");
    expect(lines).toContain('  "a": [1,2.5,null,-3e-9],');
    expect(lines).toContain('  "b": {"x":1,"y":"two"},');
    expect(lines.filter((l) => /^ {4}\{"threshold":/.test(l))).toHaveLength(30); // one record per line
    expect(text).not.toContain("skip");
  });

  it("is smaller than fully indented JSON for curve data", () => {
    const results = exampleResults();
    expect(formatJson(results).length).toBeLessThan(JSON.stringify(results, null, 2).length * 0.8);
  });
});
