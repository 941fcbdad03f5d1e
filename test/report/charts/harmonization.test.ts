// Harmonisation charts, table and item-7 sentence, from a real harmonisation block (multisite example, final fit).
import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/rng.js";
import { combatStep } from "../../../src/harmonize/combatStep.js";
import { harmonizationResult } from "../../../src/harmonize/results.js";
import { readFeatureTable } from "../../../src/io/readTable.js";
import { specFromAlias } from "../../../src/models/aliases.js";
import { harmonizationDistributionChart, harmonizationPcaChart, harmonizationSeparationChart } from "../../../src/report/charts/harmonization.js";
import { HARMONIZATION_CHART_IDS, harmonizationCharts, harmonizationSentence, harmonizationTables } from "../../../src/report/charts/harmonizationReport.js";
import type { StudyResults } from "../../../src/report/results.js";
import { renderSvg } from "../../../src/report/render/svg.js";
import { fitWorkflow, workflow } from "../../../src/validate/workflow.js";
import { compiledMarks } from "./inspect.js";

const data = readFeatureTable(new URL("../../../examples/multisite.csv", import.meta.url).pathname, { outcome: "outcome", site: "site", date: "scan_date", exclude: [] });
const rows = Int32Array.from({ length: 600 }, (_, i) => i);
const fitted = fitWorkflow(workflow({ id: "r", label: "r", steps: [combatStep({ unseen: "self" })], model: specFromAlias("ridge", { penalty: 0.1 }) }), data, rows, createRng(1));
const h = harmonizationResult(fitted, data, rows)!;

describe("harmonisation charts", () => {
  for (const [name, build, marks] of [
    ["PCA", harmonizationPcaChart, ["symbol"]],
    ["separation", harmonizationSeparationChart, ["rect", "rule", "text"]],
    ["distributions", harmonizationDistributionChart, ["rule", "rect"]],
  ] as const) {
    it(`${name}: compiles without warnings and renders`, async () => {
      const spec = build(h);
      const compiled = compiledMarks(spec);
      expect(compiled.warnings).toEqual([]);
      expect(compiled.marks).toEqual(expect.arrayContaining([...marks]));
      expect(await renderSvg(spec)).toContain("<svg");
    });
  }

  it("PCA: one panel per stage, every development row", () => {
    const spec = harmonizationPcaChart(h) as Record<string, any>;
    expect(spec["hconcat"].length).toBe(2);
    expect(spec["hconcat"][0].data.values.length).toBe(600);
  });

  it("report wiring: charts, table and the item-7 sentence only when there is harmonisation", () => {
    const results = { harmonization: h } as unknown as StudyResults;
    expect(harmonizationCharts(results).map((c) => c.id)).toEqual([...HARMONIZATION_CHART_IDS]);
    const table = harmonizationTables(results)[0]!;
    expect(table.rows[0]![1]).toBe(h.before.separating);
    expect(table.rows[1]![1]).toBe(h.after.separating);
    expect(harmonizationSentence(results)).toMatch(/transductive/);
    const none = { harmonization: null } as unknown as StudyResults;
    expect(harmonizationCharts(none)).toEqual([]);
    expect(harmonizationTables(none)).toEqual([]);
    expect(harmonizationSentence(none)).toBeNull();
  });
});
