import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/report/report.js";
import { renderJson } from "../../../src/report/render/json.js";
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
