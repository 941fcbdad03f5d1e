// The harmonisation block of results.json from a fitted workflow, its schema, and the report charts/tables built
// from it. Numbers come from siteDiagnostics and combat(), tested against R and neuroCombat elsewhere.
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { combatStep } from "../../src/harmonize/combatStep.js";
import { siteDiagnostics } from "../../src/harmonize/diagnostics.js";
import { harmonizationResult } from "../../src/harmonize/results.js";
import { harmonizationSchema } from "../../src/harmonize/resultsSchema.js";
import { readFeatureTable } from "../../src/io/readTable.js";
import { specFromAlias } from "../../src/models/aliases.js";
import { frameOfRows } from "../../src/preprocess/frame.js";
import { standardize } from "../../src/preprocess/scale.js";
import { fitWorkflow, workflow } from "../../src/validate/workflow.js";

const data = readFeatureTable(new URL("../../examples/multisite.csv", import.meta.url).pathname, { outcome: "outcome", site: "site", date: "scan_date" });
const rows = Int32Array.from({ length: 600 }, (_, i) => i);
const wf = workflow({ id: "logistic", label: "logistic", steps: [combatStep({ unseen: "refuse" }), standardize()], model: specFromAlias("ridge", { penalty: 0.1 }) });

describe("harmonizationResult", () => {
  const fitted = fitWorkflow(wf, data, rows, createRng(3));
  const h = harmonizationResult(fitted, data, rows)!;

  it("reports settings and before/after diagnostics of the features ComBat saw", () => {
    expect(h.batches).toEqual(["A", "B", "C", "D"]);
    expect(h.rowsPerBatch).toEqual([200, 160, 140, 100]);
    expect(h.unseen).toBe("refuse");
    expect(h.policy).toMatch(/refused/);
    const direct = siteDiagnostics(frameOfRows(data, rows).x, data.featureNames, data.site!.values);
    expect(h.before.separating).toBe(direct.separating);
    expect(h.before.tests[0]!.p).toBe(direct.tests[0]!.p);
    expect(h.after.separating).toBeLessThan(h.before.separating);
    expect(h.after.distributions.map((d) => d.feature)).toEqual(h.before.distributions.map((d) => d.feature));
    expect(harmonizationSchema.parse(JSON.parse(JSON.stringify(h)))).toEqual(JSON.parse(JSON.stringify(h)));
  });

  it("is null without a ComBat step", () => {
    const plain = fitWorkflow(workflow({ ...wf, steps: [standardize()] }), data, rows, createRng(3));
    expect(harmonizationResult(plain, data, rows)).toBeNull();
  });
});
