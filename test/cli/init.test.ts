/** `radval init`: guessed roles → a commented starter config that loads as written; never overwrites; long tables refused. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./runCli.js";
import { loadStudy } from "../../src/io/readStudy.js";
import { createRng } from "../../src/core/rng.js";
import { parseDocument } from "yaml";

const examples = new URL("../../examples/", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "radval-init-test-"));


describe("radval init", () => {
  it("writes a starter config for the multisite table that loads as written (data path relative to the config)", async () => {
    const out = join(dir, "sub", "multisite.study.yaml");
    const { code, stdout, stderr } = await cli("init", `${examples}multisite.csv`, "--out", out);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/site +site +\(CHECK\)/);
    expect(stdout).toContain("features 120");
    expect(stdout).toContain("then run: radval run");
    const text = readFileSync(out, "utf8");
    expect(text).toContain("# CHECK");
    const loaded = loadStudy(out);
    expect(loaded.inputs.data.featureNames).toHaveLength(120);
    expect(loaded.inputs.data.site?.name).toBe("site");
    expect(loaded.inputs.data.outcome?.name).toBe("outcome");
    expect(loaded.inputs.config.external?.leaveOneSiteOut).toBe(true);
  });

  it("never overwrites without --force", async () => {
    const out = join(dir, "exists.yaml");
    writeFileSync(out, "# mine\n");
    const refused = await cli("init", `${examples}wdbc.csv`, "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^radval: error \[FILE_EXISTS\]: .*exists\.yaml already exists/);
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(out, "utf8")).toBe("# mine\n");
    const forced = await cli("init", `${examples}wdbc.csv`, "--out", out, "--force", "--quiet");
    expect(forced).toMatchObject({ code: 0, stdout: "", stderr: "" });
    expect(loadStudy(out).inputs.data.outcome?.name).toBe("malignant");
  });

  it("--json prints the guessed roles", async () => {
    const { stdout } = await cli("init", `${examples}asah.csv`, "--out", join(dir, "asah.yaml"), "--json");
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ layout: "wide", outcome: { column: "outcome" }, positive: { value: "Poor", by: "minority" } });
    expect(out.profiles).toBeUndefined();
  });

  it("refuses a long test-retest table, naming its case and reader columns and where it belongs", async () => {
    const out = join(dir, "retest.yaml");
    const { code, stderr } = await cli("init", `${examples}test_retest.csv`, "--out", out);
    expect(code).toBe(2);
    expect(stderr).toMatch(/error \[NOT_A_STUDY_TABLE\]: .*test_retest\.csv: this is a long test-retest table .*case column "case_id", reader column "reader"/);
    expect(stderr).toContain("reliability: {file: test_retest.csv, id: case_id, rater: reader}");
    expect(existsSync(out)).toBe(false);
  });

  it("a missing CSV is a one-line error", async () => {
    const { code, stderr } = await cli("init", join(dir, "nope.csv"), "--out", join(dir, "x.yaml"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^radval: error \[FILE_NOT_FOUND\]: .*nope\.csv: file not found\n/);
  });
});

/**
 * A naively merged PyRadiomics + clinical table (as a new user builds it): id, diagnostics and image features,
 * baseline clinical columns, the outcome, and follow-up / outcome-derived columns that must never be predictors.
 */
function mergedTable(n = 120): string {
  const rng = createRng(15);
  const header = [
    "ID", "diagnostics_Versions_PyRadiomics", "original_shape_Sphericity", "original_firstorder_Mean", "original_glcm_Contrast",
    "wavelet-LLH_glszm_ZoneEntropy", "lbp-3D-m1_firstorder_Median", "Age", "AFP", "outcome", "1_mRECIST_FU", "1_EASL_FU", "2_mRECIST", "3_mRECIST",
    "TTP", "Death_1_StillAliveorLostToFU_0", "Censored_0_progressed_1", "Interval_FU", "post_score",
  ];
  const lines = [header.join(",")];
  for (let i = 0; i < n; i++) {
    const y = i % 3 === 0 ? 1 : 0;
    const s = rng.normal() + 0.5 * y; // weak image signal
    const response = y ? (rng.uniform() < 0.85 ? 1 : 0) : rng.uniform() < 0.15 ? 1 : 0; // a post-baseline response assessment
    lines.push([
      `P${i + 1}`, "v3.0.1", (0.6 + 0.05 * rng.normal()).toFixed(4), (40 + 10 * s).toFixed(3), (2 + rng.normal()).toFixed(3),
      (5 + rng.normal()).toFixed(3), rng.uniform() < 0.5 ? "0.5" : "1.5", String(50 + Math.round(10 * rng.normal())), (100 + 30 * rng.normal() + 10 * y).toFixed(1), String(y),
      String(response), String(response), String(rng.uniform() < 0.5 ? 1 : 0), String(rng.uniform() < 0.5 ? 1 : 0),
      (12 - 6 * y + 2 * rng.normal()).toFixed(1), String(rng.uniform() < 0.3 ? 1 : 0), String(rng.uniform() < 0.5 ? 1 : 0), (3 + rng.normal()).toFixed(2),
      (y * 3 + rng.normal()).toFixed(3),
    ].join(","));
  }
  return `${lines.join("\n")}\n`;
}

const POST_BASELINE = ["1_mRECIST_FU", "1_EASL_FU", "2_mRECIST", "3_mRECIST", "TTP", "Death_1_StillAliveorLostToFU_0", "Censored_0_progressed_1", "Interval_FU", "post_score"];

describe("radval init guesses time-to-event and ordinal staging outcomes (issues 17, 18)", () => {
  it("pbc.csv: time + status → a survival outcome with the event value and a horizon to fill in; Cox models", async () => {
    const out = join(dir, "pbc", "study.yaml");
    const { code } = await cli("init", `${examples}pbc.csv`, "--out", out);
    expect(code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toMatch(/type: survival/);
    expect(text).toMatch(/time: time/);
    expect(text).toMatch(/event: status/);
    expect(text).toMatch(/eventValue: 2 +# CHECK/);
    expect(text).toMatch(/horizon: \d+ +# CHECK/);
    expect(text).toMatch(/model: cox/);
    // The config loads as written: time and status are roles, not features.
    const loaded = loadStudy(out);
    expect(loaded.inputs.data.time?.name).toBe("time");
    expect(loaded.inputs.data.featureNames).not.toContain("status");
  });

  it("a fibrosis table: F0–F4 in fibrosis_stage → an ordinal outcome with its levels in order and cut-offs", async () => {
    const rng = createRng(3);
    const rows = Array.from({ length: 60 }, (_, i) => `${i + 1},F${i % 5},${(rng.uniform() * 10).toFixed(3)},${(rng.uniform() * 5).toFixed(3)}`);
    const csv = join(dir, "fibrosis.csv");
    writeFileSync(csv, `patient_id,fibrosis_stage,original_firstorder_Mean,original_glcm_Contrast\n${rows.join("\n")}\n`);
    const out = join(dir, "fibrosis.study.yaml");
    expect((await cli("init", csv, "--out", out)).code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toMatch(/column: fibrosis_stage/);
    expect(text).toMatch(/type: ordinal/);
    expect(text).toMatch(/levels: \[F0, F1, F2, F3, F4\]/);
    expect(text).toMatch(/cutoffs: \[">=F1", ">=F2", ">=F3", ">=F4"\]/);
    expect(text).toMatch(/model: ordinalLogistic/);
    const loaded = loadStudy(out);
    expect(loaded.inputs.data.levelOutcome?.name).toBe("fibrosis_stage");
    expect(loaded.inputs.data.featureNames).toEqual(["original_firstorder_Mean", "original_glcm_Contrast"]);
  });
});

describe("radval init on a naively merged PyRadiomics + clinical table", () => {
  const csv = join(dir, "merged.csv");
  writeFileSync(csv, mergedTable());

  it("excludes every follow-up and outcome-derived column, each with its reason, and warns", async () => {
    const out = join(dir, "merged.study.yaml");
    const { code, stderr } = await cli("init", csv, "--out", out);
    expect(code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toMatch(/- "1_mRECIST_FU" +# name suggests post-baseline or outcome-derived information \(RECIST, FU\)/);
    expect(text).toMatch(/- Death_1_StillAliveorLostToFU_0 +# name suggests .*\(Death, Aliveor, FU\)/);
    expect(text).toMatch(/- post_score +# .*alone has AUC 0\.9\d\d/);
    expect(stderr).toContain("radval: warning: excluded TTP:");
    const loaded = loadStudy(out);
    expect(loaded.inputs.data.outcome?.name).toBe("outcome");
    const features = loaded.inputs.data.featureNames;
    for (const leak of POST_BASELINE) expect(features).not.toContain(leak);
    expect(features).toEqual(expect.arrayContaining(["original_firstorder_Mean", "lbp-3D-m1_firstorder_Median", "Age", "AFP"]));
  });

  it("raw PyRadiomics output without an outcome: refuses to guess an image feature as the outcome and asks for --outcome", async () => {
    const raw = join(dir, "raw.csv");
    const rows = mergedTable().trim().split("\n").map((l) => l.split(",").slice(0, 7).join(","));
    writeFileSync(raw, `${rows.join("\n")}\n`);
    const { code, stderr } = await cli("init", raw, "--out", join(dir, "raw.yaml"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/error \[MISSING_ROLE\]: .*no column of raw\.csv is recognisably the binary outcome/);
    expect(stderr).toContain("--outcome COLUMN");
    expect(existsSync(join(dir, "raw.yaml"))).toBe(false);
  });

  it("--outcome names the outcome; a typo gets a suggestion, a continuous column is refused", async () => {
    const ok = await cli("init", csv, "--out", join(dir, "named.yaml"), "--outcome", "outcome", "--quiet");
    expect(ok.code).toBe(0);
    const typo = await cli("init", csv, "--out", join(dir, "typo.yaml"), "--outcome", "outcom");
    expect(typo.stderr).toMatch(/\[UNKNOWN_COLUMN\].*Did you mean "outcome"/s);
    const continuous = await cli("init", csv, "--out", join(dir, "cont.yaml"), "--outcome", "AFP");
    expect(continuous.stderr).toMatch(/\[INVALID_OPTION\]: .*"AFP" has more than 20 distinct values; a binary outcome has exactly 2/);
  });
});

describe("radval run on the config radval init wrote for the merged table", () => {
  it("runs without a single post-baseline predictor; the report lists the clinical predictors and passes the leak screen", async () => {
    const csv = join(dir, "merged-run.csv");
    writeFileSync(csv, mergedTable());
    const config = join(dir, "merged-run.study.yaml");
    expect((await cli("init", csv, "--out", config, "--quiet")).code).toBe(0);
    // Only the run settings are made quick; the data section is as init wrote it.
    const doc = parseDocument(readFileSync(config, "utf8"));
    doc.set("models", [{ name: "Logistic", model: "logistic" }]);
    doc.set("internal", { cv: { folds: 5 } });
    writeFileSync(config, doc.toString());
    const out = join(dir, "merged-run-out");
    const run = await cli("run", config, "--out", out, "--workers", "1", "--format", "json");
    expect(run.stderr).not.toContain("suspected leakage");
    expect(run.code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    for (const leak of POST_BASELINE) expect(results.predictors.candidates).not.toContain(leak);
    expect(results.predictors.suspectedLeaks).toEqual([]);
    expect(results.predictors.clinical).toEqual(["Age", "AFP"]);
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    const checks = JSON.stringify(report);
    expect(checks).toContain("Non-image candidate predictors: Age, AFP.");
  });

  it("a config that keeps a follow-up column: run warns at the start and the report flags it (and the separating feature)", async () => {
    const csv = join(dir, "merged-leaky.csv");
    writeFileSync(csv, mergedTable().replace("post_score", "score2"));
    const config = join(dir, "leaky.study.yaml");
    writeFileSync(config, `data: {file: merged-leaky.csv, id: ID, outcome: outcome, features: [original_firstorder_Mean, Age, 1_mRECIST_FU, score2, TTP]}\nmodels: [{model: logistic}]\ninternal: {cv: {folds: 5}}\n`);
    const out = join(dir, "leaky-out");
    const run = await cli("run", config, "--out", out, "--workers", "1", "--format", "json");
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/radval: warning: suspected leakage: 1_mRECIST_FU: name suggests/);
    const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(results.predictors.suspectedLeaks.map((l: { feature: string }) => l.feature)).toEqual(["1_mRECIST_FU", "score2", "TTP"]);
    const report = JSON.stringify(JSON.parse(readFileSync(join(out, "report.json"), "utf8")));
    expect(report).toContain("3 candidate predictor(s) look post-baseline or outcome-derived");
  });
});
