import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "./runCli.js";
import { examplePath } from "../../src/io/examples.js";
import { summaryTable } from "../../src/cli/commands/validate.js";
import { parseStudyResults } from "../../src/report/resultsSchema.js";
import { exampleJson } from "../report/fixture.js";


describe("radval validate", () => {
  const dir = mkdtempSync(join(tmpdir(), "radval-validate-"));
  const config = join(dir, "pbc.yaml");
  let result: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    writeFileSync(
      config,
      [
        "seed: 5",
        "data:",
        `  file: ${examplePath("pbc")}`,
        "  outcome: cirrhosis",
        "  missingOutcome: drop",
        "  features: [bili, albumin, platelet, protime, age]",
        "  development: {column: cohort, value: trial}",
        "models:",
        "  - {name: Logistic, model: logistic}",
        "internal:",
        "  cv: {folds: 5}",
        "external:",
        "  cohorts: [{name: external, column: cohort, value: external}]",
        "",
      ].join("\n"),
    );
    result = await cli("validate", config, "--out", join(dir, "out"), "--workers", "1", "--quiet");
  });

  it("writes results.json and predictions.csv and prints a summary table", () => {
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("CV AUC"); // a CV-only study: its estimates are cross-validated, not "corrected"
    expect(result.stdout).not.toContain("corrected");
    const results = JSON.parse(readFileSync(join(dir, "out", "results.json"), "utf8"));
    expect(results.software.seed).toBe(5);
    expect(results.software.configHash).toMatch(/^[0-9a-f]{64}$/);
    // the 6 patients without a histologic stage are all in the external cohort
    expect(results.cohorts.map((c: { name: string; missing: { outcomeMissingDropped: number } }) => [c.name, c.missing.outcomeMissingDropped])).toEqual([
      ["development", 0],
      ["external", 6],
    ]);
    const csv = readFileSync(join(dir, "out", "predictions.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("id,model,scheme,split,outcome,prob");
    expect(csv.length - 1).toBe(312 + 312 + 100); // the final model on the development rows (scheme "apparent"), out-of-fold development predictions, the external cohort
  });

  it("its predictions.csv feeds radval evaluate, one model and scheme at a time (--where)", async () => {
    const file = join(dir, "out", "predictions.csv");
    const out = await cli("evaluate", file, "--outcome", "outcome", "--prob", "prob", "--where", "scheme=external", "--json");
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.n).toBe(100);
    const results = JSON.parse(readFileSync(join(dir, "out", "results.json"), "utf8"));
    const external = results.externalValidation.find((e: { cohort: string }) => e.cohort === "external");
    expect(json.auc.auc).toBeCloseTo(external.metrics.auc.estimate, 12); // the same predictions, the same AUC
    const unknown = await cli("evaluate", file, "--outcome", "outcome", "--prob", "prob", "--where", "modl=x");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Did you mean "model"');
  });
});

describe("the summary table of a bootstrap study", () => {
  it("shows .632+ and CV AUCs and a caution line for a model the optimism bootstrap under-corrects", () => {
    const json = exampleJson();
    const [enet, rf] = json["internalValidation"]["models"];
    const dot = (apparent: number, dot632plus: number) => [{ measure: "auc", apparent, outOfBag: 0.7, noInformation: 0.5, relativeOverfitting: 0.4, dot632: 0.8, dot632plus }];
    enet["dotPlus"] = dot(0.8004, 0.765);
    rf["apparent"]["auc"] = { estimate: 1, lower: 1, upper: 1, level: 0.95, method: "DeLong" };
    rf["dotPlus"] = dot(1, 0.6);
    const text = summaryTable(parseStudyResults(json));
    const lines = text.split("\n");
    expect(lines[1]).toMatch(/^model\s+apparent AUC\s+corrected AUC\s+\.632\+ AUC\s+corrected slope/);
    expect(lines.find((l) => l.startsWith("Random forest"))).toMatch(/\s1\s+0\.712\s+0\.6\s/);
    const cautions = lines.filter((l) => l.startsWith("caution: "));
    expect(cautions).toHaveLength(1);
    expect(cautions[0]).toContain("Random forest (500 trees): optimism-corrected AUC 0.712 (.632+ 0.600): 0.112 above the .632+ 0.600; with an apparent AUC of 1");
  });
});
