/**
 * `radval run --shard i/N` + `radval merge`: the merged output set equals, byte for byte, the single-machine
 * `radval run` of the same config (same --created-at) for N = 1, 2, 3 and 7 — results.json, predictions.csv,
 * model.json and the report (md, json). The config exercises every kind of executor call a study makes:
 * CV, optimism bootstrap, the permutation test (permuted outcome vectors), leave-one-site-out and model
 * updating by refit in an external cohort. No tolerance: the comparison is of bytes. Then the bad inputs:
 * a missing, foreign (another seed), duplicated or truncated shard, a changed config, and --shard values.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "./runCli.js";

const examples = new URL("../../examples/", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "radval-merge-test-"));
const CREATED = "2026-03-04T05:06:07Z";

const FEATURES = ["wavelet-LHL_glcm_Imc1", "wavelet-LHL_gldm_DependenceEntropy", "original_firstorder_Variance", "log-sigma-1-0-mm-3D_glcm_Idm"];
const STUDY = `seed: 11
data:
  file: ${examples}multisite.csv
  outcome: outcome
  site: site
  features: [${FEATURES.join(", ")}]
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
report:
  formats: [md, json]
`;
const config = join(dir, "small.study.yaml");
writeFileSync(config, STUDY);
// Not the SVG charts and so not manifest.json here: vega numbers its clip paths with a per-process counter, and this
// file renders many reports in one process (separate processes give the same bytes: test/cluster/slurm.test.ts).
const FILES = ["results.json", "predictions.csv", "model.json", "report.md", "report.json"];
const single = join(dir, "single");

async function shardRun(out: string, shard: string, ...extra: string[]) {
  return cli("run", config, "--shard", shard, "--out", out, "--workers", "1", "--quiet", ...extra);
}

beforeAll(async () => {
  const r = await cli("run", config, "--out", single, "--workers", "1", "--quiet", "--created-at", CREATED);
  expect(r.code, r.stderr).toBe(0);
}, 60_000);

describe("radval run --shard + radval merge: bit-identical to radval run", () => {
  for (const n of [1, 2, 3, 7]) {
    it(`N = ${n}: every output file byte-identical; each task computed by exactly one shard`, async () => {
      const shards = join(dir, `shards-${n}`);
      for (let i = 1; i <= n; i++) {
        const r = await shardRun(shards, `${i}/${n}`);
        expect(r.code, r.stderr).toBe(0);
      }
      expect(readdirSync(shards).sort()).toEqual(Array.from({ length: n }, (_, k) => `shard-${k + 1}-of-${n}.json`).sort());
      // Each task id in exactly one file; together all of them; the header records what the merge checks.
      const files = Array.from({ length: n }, (_, k) => JSON.parse(readFileSync(join(shards, `shard-${k + 1}-of-${n}.json`), "utf8")));
      const ids = files.flatMap((f) => f.tasks.map((t: { id: string }) => t.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(files[0].totalTasks);
      expect(files[0]).toMatchObject({ format: "radval-shard", version: 1, radvalVersion: expect.any(String), seed: 11, configHash: expect.stringMatching(/^[0-9a-f]{64}$/), shard: { index: 1, count: n } });
      const out = join(dir, `merged-${n}`);
      const m = await cli("merge", shards, "--out", out, "--quiet", "--created-at", CREATED);
      expect(m.code, m.stderr).toBe(0);
      for (const f of FILES) expect(readFileSync(join(out, f)).equals(readFileSync(join(single, f))), f).toBe(true);
    }, 120_000);
  }

  it("a shard computed on worker threads (--workers 2) merges to the same bytes; the merge also takes a list of files", async () => {
    const shards = join(dir, "shards-workers");
    expect((await shardRun(shards, "1/2", "--workers", "2")).code).toBe(0);
    expect((await shardRun(shards, "2/2")).code).toBe(0);
    const out = join(dir, "merged-workers");
    const m = await cli("merge", join(shards, "shard-2-of-2.json"), join(shards, "shard-1-of-2.json"), "--out", out, "--quiet", "--created-at", CREATED);
    expect(m.code, m.stderr).toBe(0);
    expect(readFileSync(join(out, "results.json")).equals(readFileSync(join(single, "results.json")))).toBe(true);
  }, 120_000);
});

describe("radval run --shard + radval merge: survival and ordinal studies", () => {
  const kinds = {
    survival: "  outcome: {type: survival, time: time, event: status, eventValue: 2, horizon: 1825}\n  features: [bili, albumin, protime, edema, age]\nmodels:\n  - {name: Cox, model: cox}\n",
    ordinal: "  outcome: {column: stage, type: ordinal, levels: [1, 2, 3, 4], cutoffs: [\">=2\", \">=3\", \"==4\"]}\n  missingOutcome: drop\n  features: [bili, albumin, platelet, protime, age]\nmodels:\n  - {name: Proportional odds, model: ordinalLogistic}\n",
  };
  for (const [kind, lines] of Object.entries(kinds)) {
    it(`${kind}: 2 shards merge to results.json, predictions.csv and model.json byte-identical to radval run`, async () => {
      const path = join(dir, `${kind}.study.yaml`);
      writeFileSync(path, `seed: 3\ndata:\n  file: ${examples}pbc.csv\n${lines.replace("\nmodels:", "\n  development: {column: cohort, value: trial}\nimpute: median\nmodels:")}internal:\n  cv: {folds: 3}\n  bootstrap: {replicates: 3}\nexternal:\n  cohorts: [{name: external, column: cohort, value: external}]\nreport:\n  formats: [json]\n`);
      const one = join(dir, `${kind}-single`);
      const r = await cli("run", path, "--out", one, "--workers", "1", "--quiet", "--created-at", CREATED);
      expect(r.code, r.stderr).toBe(0);
      const shards = join(dir, `${kind}-shards`);
      for (const i of [1, 2]) expect((await cli("run", path, "--shard", `${i}/2`, "--out", shards, "--workers", "1", "--quiet")).code).toBe(0);
      const out = join(dir, `${kind}-merged`);
      const m = await cli("merge", shards, "--out", out, "--quiet", "--created-at", CREATED);
      expect(m.code, m.stderr).toBe(0);
      for (const f of ["results.json", "predictions.csv", "model.json", "report.json"]) expect(readFileSync(join(out, f)).equals(readFileSync(join(one, f))), f).toBe(true);
      const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
      expect(results.outcomeKind.kind).toBe(kind);
      expect(JSON.parse(readFileSync(join(shards, "shard-1-of-2.json"), "utf8")).totalTasks).toBe(6); // 3 CV folds + 3 bootstrap replicates
    }, 120_000);
  }
});

describe("radval merge: bad shard sets are named", () => {
  const shards = join(dir, "shards-bad");
  beforeAll(async () => {
    for (const i of [1, 2, 3]) expect((await shardRun(shards, `${i}/3`)).code).toBe(0);
  }, 120_000);

  it("a missing shard: names its index and file name, exit 2", async () => {
    const partial = join(dir, "partial");
    mkdirSync(partial);
    for (const i of [1, 3]) copyFileSync(join(shards, `shard-${i}-of-3.json`), join(partial, `shard-${i}-of-3.json`));
    const r = await cli("merge", partial, "--out", join(dir, "x1"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error \[FILE_NOT_FOUND\]: .*partial: missing shard 2 of 3: shard-2-of-3\.json not found/);
    expect(r.stderr).toContain("--shard 2/3");
  });

  it("a foreign shard (another seed) is named", async () => {
    const foreign = join(dir, "foreign");
    expect((await shardRun(foreign, "2/3", "--seed", "12")).code).toBe(0);
    const r = await cli("merge", join(shards, "shard-1-of-3.json"), join(foreign, "shard-2-of-3.json"), join(shards, "shard-3-of-3.json"), "--out", join(dir, "x2"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/foreign\/shard-2-of-3\.json: foreign shard: its seed \(12\) differs from .*shard-1-of-3\.json's \(11\)/);
  }, 60_000);

  it("a shard from another N is foreign; a duplicated shard names both files", async () => {
    const other = join(dir, "other-n");
    expect((await shardRun(other, "1/2")).code).toBe(0);
    const mixed = await cli("merge", join(shards, "shard-1-of-3.json"), join(other, "shard-1-of-2.json"), "--out", join(dir, "x3"));
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/shard-1-of-2\.json: foreign shard: its shard count \(2\) differs/);
    const copy = join(dir, "copy-of-1.json");
    copyFileSync(join(shards, "shard-1-of-3.json"), copy);
    const dup = await cli("merge", shards, copy, "--out", join(dir, "x4"));
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/duplicated shard: .*shard-1-of-3\.json and .*copy-of-1\.json are both shard 1 of 3/);
  }, 60_000);

  it("a cut (truncated) shard file and a file that is no shard are named", async () => {
    const cut = join(dir, "cut");
    mkdirSync(cut);
    for (const i of [1, 2]) copyFileSync(join(shards, `shard-${i}-of-3.json`), join(cut, `shard-${i}-of-3.json`));
    const text = readFileSync(join(shards, "shard-3-of-3.json"), "utf8");
    writeFileSync(join(cut, "shard-3-of-3.json"), text.slice(0, text.length >> 1));
    const r = await cli("merge", cut, "--out", join(dir, "x5"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error \[INVALID_JSON\]: .*cut\/shard-3-of-3\.json: not valid JSON/);
    writeFileSync(join(dir, "results-like.json"), JSON.stringify({ schemaVersion: 1 }));
    const notShard = await cli("merge", join(dir, "results-like.json"), "--out", join(dir, "x6"));
    expect(notShard.stderr).toMatch(/results-like\.json: not a radval shard file/);
  });

  it("a config edited after the shards ran is refused; --out may not be the shard folder", async () => {
    const edited = join(dir, "edited.study.yaml");
    writeFileSync(edited, `${STUDY}# edited\n`);
    const r = await cli("merge", shards, "--config", edited, "--out", join(dir, "x7"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/edited\.study\.yaml, option --config: the config changed since the shards ran/);
    const same = await cli("merge", shards, "--out", shards);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("--out is the shard folder");
  });

  it("a rerun shard replaces its file atomically (no temporary file left, the merge still matches)", async () => {
    const before = readFileSync(join(shards, "shard-2-of-3.json"), "utf8");
    const rerun = await shardRun(shards, "2/3", "--json");
    expect(rerun.code).toBe(0);
    const summary = JSON.parse(rerun.stdout);
    expect(summary).toMatchObject({ file: join(shards, "shard-2-of-3.json"), shard: 2, of: 3, seed: 11 });
    expect(summary.computed).toBe(JSON.parse(before).tasks.length);
    expect(readdirSync(shards).sort()).toEqual(["shard-1-of-3.json", "shard-2-of-3.json", "shard-3-of-3.json"]);
    expect(readFileSync(join(shards, "shard-2-of-3.json"), "utf8")).toBe(before);
    const out = join(dir, "merged-rerun");
    expect((await cli("merge", shards, "--out", out, "--quiet", "--created-at", CREATED)).code).toBe(0);
    expect(readFileSync(join(out, "results.json")).equals(readFileSync(join(single, "results.json")))).toBe(true);
  }, 60_000);
});

describe("radval run --shard: bad values", () => {
  for (const [value, message] of [
    ["0/3", /the shard index i must be a whole number ≥ 1/],
    ["4/3", /shard 4 of 3 does not exist/],
    ["2of3", /expected i\/N, auto or auto\/N/],
    ["auto", /--shard auto found neither SLURM_ARRAY_TASK_ID .* nor JOB_COMPLETION_INDEX/],
  ] as const) {
    it(`--shard ${value}: error before any fitting, exit 2`, async () => {
      const saved = { ...process.env };
      delete process.env["SLURM_ARRAY_TASK_ID"];
      delete process.env["JOB_COMPLETION_INDEX"];
      try {
        const out = join(dir, `never-${value.replace("/", "-")}`);
        const r = await shardRun(out, value);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(existsSync(out)).toBe(false);
      } finally {
        process.env = saved;
      }
    });
  }
});
