import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/report.js";
import { RADVAL_VERSION } from "../../src/version.js";
import { exampleResults } from "./fixture.js";

describe("buildReport", () => {
  const results = exampleResults();
  const report = buildReport(results);

  it("carries provenance and a summary with the key numbers and the flags", () => {
    expect(report).toMatchObject({ format: "radval-report", reportVersion: 1, radvalVersion: RADVAL_VERSION, seed: 2026 });
    expect(report.summary[0]).toBe("Development data: development: 600 patients, 186 events (31.0%).");
    expect(report.summary.at(-1)).toMatch(/^8 automatic checks not passed: At least 10 events per candidate parameter;.*Calibration slope within 0\.8–1\.25/);
  });

  it("builds every chart the issue lists from the example", () => {
    expect(report.charts.map((c) => c.id)).toEqual([
      "icc",
      "correlation",
      "path-enet",
      "roc-internal",
      "calibration-internal-enet",
      "calibration-internal-rf",
      "decision-internal",
      "optimism-enet",
      "optimism-rf",
      "roc-external-temporal-2021",
      "calibration-external-temporal-2021-enet",
      "calibration-external-temporal-2021-rf",
      "decision-external-temporal-2021",
      "forest-enet",
    ]);
    for (const c of report.charts) expect(c.spec.$schema).toContain("vega-lite/v6");
  });

  it("builds the tables with the numbers of the results", () => {
    expect(report.tables.map((t) => t.id)).toEqual(["cohorts", "sites", "missing", "reliability", "clusters", "preprocessing", "models", "model-enet", "model-rf", "performance", "heterogeneity", "updating", "case-mix-temporal-2021", "subgroups", "thresholds"]);
    const cohorts = report.tables.find((t) => t.id === "cohorts")!;
    expect(cohorts.rows[0]).toEqual(["development", "development", "examples/multisite.csv", 600, 186, 0.31, "2015-01-12", "2020-06-29", 4, 21]);
    const spec = report.tables.find((t) => t.id === "model-enet")!;
    expect(spec.rows[0]).toEqual(["(intercept)", "coefficient", -1.2731]);
    expect(spec.rows.filter((r) => r[1] === "coefficient")).toHaveLength(17);
    const perf = report.tables.find((t) => t.id === "performance")!;
    expect(perf.rows).toHaveLength(6);
    expect(perf.rows[1]!.slice(0, 3)).toEqual(["Elastic net (α = 0.5)", "development: optimism-corrected", "0.769 (0.728–0.811)"]);
    const reliability = report.tables.find((t) => t.id === "reliability")!;
    expect(reliability.rows).toHaveLength(120);
    expect(reliability.rows.filter((r) => r[5] === "dropped")).toHaveLength(80);
  });
});
