import { describe, expect, it } from "vitest";
import { computeFlags } from "../../src/report/flags.js";
import { sig } from "../../src/report/format.js";
import { keyResults } from "../../src/report/keyResults.js";
import { buildReport } from "../../src/report/report.js";
import { exampleResults } from "./fixture.js";

// Issue 13, item 8: the "Key results" block. Every number in it is read from one fitted model and one scheme of the results.
describe("key results at the top of the report", () => {
  const results = exampleResults();
  const flags = computeFlags(results);
  const lines = keyResults(results, flags);
  const primary = results.models.find((m) => m.id === results.primaryModel)!;
  const iv = results.internalValidation!.models.find((m) => m.model === primary.id)!;

  it("names the primary final model and its size", () => {
    expect(lines[0]).toContain(`Final model (${primary.label}, fitted on ${primary.final.nObservations} patients, ${primary.final.nEvents} events)`);
  });

  it("quotes the internal estimate of that model under its scheme's name, with the same numbers as the results", () => {
    const internal = lines.find((l) => l.startsWith("Internal validation"))!;
    expect(internal).toContain(`optimism-corrected AUC ${sig(iv.corrected.auc!.estimate, 3)}`);
    expect(internal).toContain(`apparent AUC ${sig(iv.apparent.auc!.estimate, 3)}`);
  });

  it("quotes each external cohort's AUC with its CI and the net benefit at round thresholds of the grid", () => {
    const e = results.externalValidation.find((x) => x.model === primary.id && x.site === null)!;
    const line = lines.find((l) => l.startsWith(`External validation in ${e.cohort}`))!;
    expect(line).toContain(`AUC ${sig(e.metrics.auc!.estimate, 3)} (95% CI ${sig(e.metrics.auc!.lower, 3)}–${sig(e.metrics.auc!.upper, 3)})`);
    const at10 = e.decisionCurve.find((r) => Math.abs(r.threshold - 0.1) < 1e-9);
    if (at10) expect(line).toContain(`${sig(at10.netBenefit, 3)} at 10%`);
  });

  it("counts the open flags as the checks do, and the report carries the block first", () => {
    const open = flags.checks.filter((c) => c.status === "flag").length;
    expect(lines.at(-1)).toContain(`Open flags: ${open} checks not passed`);
    expect(buildReport(results).keyResults).toEqual(lines);
  });
});
