/**
 * `radval plan`: the fit tasks of a study by stage (counted from the config by hand below, and equal to the
 * total a shard run records), pilot fits per model, memory, and the shard count for a target (its arithmetic in
 * test/validate/shard/plan.test.ts). No timing is asserted here (times are measured in bench/shard.bench.mjs).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./runCli.js";

const examples = new URL("../../examples/", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "radval-plan-test-"));
const config = join(dir, "small.study.yaml");
writeFileSync(
  config,
  `seed: 11
data:
  file: ${examples}multisite.csv
  outcome: outcome
  site: site
  features: [wavelet-LHL_glcm_Imc1, original_firstorder_Variance, log-sigma-1-0-mm-3D_glcm_Idm]
models:
  - {name: Logistic, model: logistic}
  - {name: LASSO, model: lasso, params: {lambdaMinRatio: 0.01, nlambda: 20, innerFolds: 3}}
internal:
  cv: {folds: 3}
  bootstrap: {replicates: 3}
  permutations: 1
external:
  leaveOneSiteOut: true
  cohorts: [{name: siteD, column: site, value: D}]
  updating: [intercept, refit]
`,
);

describe("radval plan", () => {
  it("--json: fit tasks by stage, pilots per model, memory, a shard count; the total equals a shard run's", async () => {
    const r = await cli("plan", config, "--json", "--target", "10m", "--workers", "2");
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout);
    // 2 models × (3 CV folds; 3 bootstrap replicates (the original fit is the final model); permutation test: the
    // observed 3-fold CV + 1 permutation × 3 folds; 3 development sites held out; 5-fold refit in site D).
    expect(plan.stages.map((s: { stage: string; tasks: number }) => [s.stage, s.tasks])).toEqual([
      ["cross-validation", 6],
      ["optimism bootstrap", 6],
      ["permutation test", 12],
      ["leave-one-site-out", 6],
      ["model updating", 10],
    ]);
    expect(plan.fitTasks).toBe(40);
    expect(plan.pilots.map((p: { model: string; fits: number }) => [p.model, p.fits])).toEqual([["logistic", 2], ["lasso", 2]]);
    for (const p of plan.pilots) expect(p.secondsPerFit).toBeGreaterThan(0);
    expect(plan.memory.datasetBytes).toBe(600 * 3 * 8 + 600 * 8); // 600 rows × 3 features + the outcome, float64
    expect(plan.memory.peakRssBytes).toBeGreaterThan(plan.memory.datasetBytes);
    expect(plan.target).toMatchObject({ seconds: 600, workersPerShard: 2, shards: 1 });
    const shard = await cli("run", config, "--shard", "1/1", "--out", join(dir, "shards"), "--workers", "1", "--quiet");
    expect(shard.code, shard.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "shards", "shard-1-of-1.json"), "utf8")).totalTasks).toBe(plan.fitTasks);
  }, 60_000);

  it("text output names the stages and the suggestion; an unreachable target says why", async () => {
    const r = await cli("plan", config, "--target", "1h");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/small\.study\.yaml: 40 fit tasks/);
    expect(r.stdout).toMatch(/optimism bootstrap +6 /);
    expect(r.stdout).toMatch(/for a wall time of 60\.0 min with 1 worker per shard: --shard i\/1/);
    // 1 ms: below any machine's time to load a study (the overhead every shard pays).
    const tight = await cli("plan", config, "--target", "0.001");
    expect(tight.stdout).toMatch(/a wall time of 1 ms is not reachable: every shard needs .* of overhead/);
  }, 60_000);

  it("a bad --target is an error naming the option, before any work", async () => {
    const r = await cli("plan", config, "--target", "soon");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/option --target: expected a duration such as 90s, 45m, 2h or 1h30m, got "soon"/);
  });
});
