import { describe, expect, it } from "vitest";
import { buildTables, missingPatterns } from "../../src/report/tables.js";
import { parseStudyResults } from "../../src/report/resultsSchema.js";
import { exampleJson } from "./fixture.js";

describe("missingness by pattern", () => {
  it("collapses features with the same missing count into one group, largest count first, zero counts left out", () => {
    expect(missingPatterns({ a: 3, b: 0, c: 3, d: 7, e: 3 })).toEqual([
      { missing: 7, features: ["d"] },
      { missing: 3, features: ["a", "c", "e"] },
    ]);
    expect(missingPatterns({})).toEqual([]);
  });

  it("makes one table row for 2,016 features that miss the same rows", () => {
    const json = exampleJson();
    const byFeature = Object.fromEntries(Array.from({ length: 2016 }, (_, i) => [`original_f${i}`, 12]));
    json["cohorts"][0].missing = { cells: 12 * 2016, rowsWithMissing: 12, byFeature, outcomeMissingDropped: 0 };
    const results = parseStudyResults(json);
    const table = buildTables(results).find((t) => t.id === "missing")!;
    const rows = table.rows.filter((r) => r[0] === results.cohorts[0]!.name);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 3)).toEqual([results.cohorts[0]!.name, 2016, 12]);
    expect(rows[0]![3]).toBeCloseTo(12 / results.cohorts[0]!.n, 15);
    expect(String(rows[0]![4]).split(", ")).toHaveLength(2016);
  });
});

describe("numbers and wording in tables", () => {
  it("rounds tuned values to 3 significant digits and never prints null", () => {
    const json = exampleJson();
    json["models"][0].tuning = { ...json["models"][0].tuning, selected: { lambda: 0.009955599586962087, mtry: null, alpha: 0.5 } };
    const models = buildTables(parseStudyResults(json)).find((t) => t.id === "models")!;
    const selected = String(models.rows[0]![4]);
    expect(selected).toBe("lambda = 0.00996, mtry = default, alpha = 0.5");
    expect(JSON.stringify(models.rows)).not.toContain("null");
  });

  it("prints a footnote shared by several model-updating rows once", () => {
    const json = exampleJson();
    const u = json["updating"][0];
    json["updating"] = Array.from({ length: 8 }, () => ({ ...u }));
    const table = buildTables(parseStudyResults(json)).find((t) => t.id === "updating")!;
    if (u.evaluation) expect(table.note!.split(u.evaluation).length - 1).toBe(1);
    expect(table.rows).toHaveLength(8);
  });
});

describe("wording in the report's prose (minimal fixes in tripodContent)", () => {
  it("names an external cohort called 'external' once, and leaves unset hyperparameters out instead of printing null", async () => {
    const { buildReport } = await import("../../src/report/report.js");
    const json = exampleJson();
    const ext = json["cohorts"].find((c: { role: string }) => c.role === "external");
    const oldName = ext.name as string;
    const text = JSON.stringify(json).split(JSON.stringify(oldName)).join(JSON.stringify("external"));
    const renamed = JSON.parse(text);
    renamed["cohorts"].find((c: { role: string }) => c.role === "external").design = "external";
    renamed["models"][1].final.hyperparameters = { trees: 500, mtry: null, minNodeSize: 10, penalty: 0.009955599586962087 };
    const report = buildReport(parseStudyResults(renamed));
    const prose = report.checklist.flatMap((e) => e.radval).join("\n") + report.summary.join("\n");
    expect(prose).not.toContain("external (external");
    expect(prose).toContain("External data: external: ");
    expect(prose).not.toMatch(/= null/);
    expect(prose).toContain("penalty = 0.00996");
  });
});
