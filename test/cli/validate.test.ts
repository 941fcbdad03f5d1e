import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run.js";
import { examplePath } from "../../src/io/examples.js";

async function cli(...args: string[]) {
  const io = memoryIo();
  const code = await runCli(args, io);
  return { code, stdout: io.out.join(""), stderr: io.err.join("") };
}

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
    expect(result.stdout).toContain("corrected AUC");
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
    expect(csv.length - 1).toBe(312 + 100); // out-of-fold development predictions + the external cohort
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
