/**
 * `radval run` end to end on small configs (in-process, --workers 1 unless said otherwise), its defaults,
 * and the bad-input contract of study configs: a missing file, a role column that does not exist and a
 * model name that does not exist are each one error line (plus a hint) naming the config key, exit 2.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./runCli.js";
import { createdAtOf } from "../../src/cli/commands/validate.js";
import { defaultRunOutDir } from "../../src/cli/commands/run.js";

const examples = new URL("../../examples/", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "radval-run-test-"));


function config(name: string, yaml: string): string {
  const path = join(dir, name);
  writeFileSync(path, yaml);
  return path;
}

// A small but complete study: development and external cohorts, CV + bootstrap, updating, decision curves.
const PBC = `seed: 7
data:
  file: ${examples}pbc.csv
  outcome: cirrhosis
  missingOutcome: drop
  features: [bili, albumin, platelet, protime, age]
  development: {column: cohort, value: trial}
models:
  - {name: Logistic, model: logistic}
internal:
  cv: {folds: 5}
  bootstrap: {replicates: 8}
external:
  cohorts: [{name: external, column: cohort, value: external}]
  updating: [intercept]
`;

describe("radval run", () => {
  it("runs a config end to end: results.json and the report in html, md (+ SVG charts) and json; summary on stdout", async () => {
    const out = join(dir, "pbc-out");
    const { code, stdout, stderr } = await cli("run", config("pbc.study.yaml", PBC), "--out", out, "--workers", "1", "--created-at", "2026-01-02T03:04:05Z");
    expect(stderr).toContain("radval: optimism bootstrap: 8 fits done"); // 8 replicates (the original is the final model, not refit); not a TTY: one line per stage
    expect(code).toBe(0);
    for (const f of ["results.json", "report.html", "report.md", "report.json"]) expect(existsSync(join(out, f))).toBe(true);
    expect(readdirSync(join(out, "charts")).filter((f) => f.endsWith(".svg")).length).toBeGreaterThan(3);
    const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(results.createdAt).toBe("2026-01-02T03:04:05.000Z");
    expect(results.software).toMatchObject({ seed: 7, command: expect.stringMatching(/^radval run .*pbc\.study\.yaml$/) });
    expect(results.externalValidation.map((e: { cohort: string }) => e.cohort)).toEqual(["external"]);
    expect(results.updating).toHaveLength(1);
    expect(stdout).toMatch(/Logistic +0\.\d{3}/);
    expect(stdout).toContain("AUC external");
    expect(stdout).toMatch(/charts\/ \(\d+ SVG charts\)/);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("<html");
  }, 60_000);

  it("gives identical results for the same seed, whatever the number of workers (--format json only)", async () => {
    const a = join(dir, "repro-a");
    const b = join(dir, "repro-b");
    const file = config("repro.study.yaml", PBC);
    expect((await cli("run", file, "--out", a, "--workers", "1", "--format", "json", "--quiet", "--created-at", "2026-01-01")).code).toBe(0);
    expect((await cli("run", file, "--out", b, "--workers", "2", "--format", "json", "--quiet", "--created-at", "2026-01-01")).code).toBe(0);
    expect(readFileSync(join(a, "results.json"), "utf8")).toBe(readFileSync(join(b, "results.json"), "utf8"));
    expect(existsSync(join(a, "report.html"))).toBe(false);
    expect(existsSync(join(a, "report.json"))).toBe(true);
    // --seed changes the resampling, not the final model
    const c = join(dir, "repro-c");
    expect((await cli("run", file, "--out", c, "--workers", "1", "--format", "json", "--quiet", "--seed", "8")).code).toBe(0);
    const [ra, rc] = [a, c].map((d) => JSON.parse(readFileSync(join(d, "results.json"), "utf8")));
    expect(rc.software.seed).toBe(8);
    expect(rc.internalValidation.models[0].apparent).toEqual(ra.internalValidation.models[0].apparent);
    expect(rc.internalValidation.models[0].corrected.auc.estimate).not.toBe(ra.internalValidation.models[0].corrected.auc.estimate);
  }, 60_000);

  it("writes into reports/<config name> by default; created-at from the option, SOURCE_DATE_EPOCH or now", () => {
    expect(defaultRunOutDir("examples/multisite.study.yaml")).toBe(join("reports", "multisite"));
    expect(defaultRunOutDir("/x/my-study.yml")).toBe(join("reports", "my-study"));
    expect(defaultRunOutDir("conf.json")).toBe(join("reports", "conf"));
    expect(createdAtOf("2026-03-01", {})).toBe("2026-03-01T00:00:00.000Z");
    expect(createdAtOf(undefined, { SOURCE_DATE_EPOCH: "86400" })).toBe("1970-01-02T00:00:00.000Z");
    expect(Date.parse(createdAtOf(undefined, {}))).toBeGreaterThan(Date.parse("2025-01-01"));
    expect(() => createdAtOf("yesterday", {})).toThrow(/--created-at/);
  });

  it("is listed in radval --help with init", async () => {
    const { stdout } = await cli("--help");
    expect(stdout).toMatch(/\n  run \[options\] <study\.yaml> +run a study config end to end/);
    expect(stdout).toMatch(/\n  init \[options\] <file\.csv>/);
  });
});

describe("study config bad input: one error line naming the key, exit 2", () => {
  const base = (data: string, models = "models:\n  - model: lasso\n") => `data:\n${data}${models}`;
  const cases: Array<[string, string, string, RegExp]> = [
    ["a data file that does not exist", base("  file: no-such-file.csv\n  outcome: y\n"), "FILE_NOT_FOUND", /no-such-file\.csv, config key "data\.file": file not found/],
    ["a role column that does not exist", base(`  file: ${examples}multisite.csv\n  outcome: outcome\n  site: centre\n`), "UNKNOWN_COLUMN", /config key "data\.site": the site column "centre" is not in the file/],
    ["an outcome column that does not exist", base(`  file: ${examples}wdbc.csv\n  outcome: malignnt\n`), "UNKNOWN_COLUMN", /config key "data\.outcome": the outcome column "malignnt" is not in the file/],
    ["a model name that does not exist", base(`  file: ${examples}wdbc.csv\n  outcome: malignant\n`, "models:\n  - model: lassso\n"), "UNKNOWN_MODEL", /config key "models\[0\]\.model": no model named "lassso"/],
    ["a model parameter that does not exist", base(`  file: ${examples}wdbc.csv\n  outcome: malignant\n`, "models:\n  - model: rf\n  - model: svm\n    params: {kernal: rbf}\n"), "INVALID_CONFIG", /config key "models\[1\]\.params": model "svm" \(svm\) has no parameter "kernal"/],
    ["a test-retest file that does not exist", `${base(`  file: ${examples}wdbc.csv\n  outcome: malignant\n`)}reliability: {file: retest.csv, rater: reader}\n`, "FILE_NOT_FOUND", /retest\.csv, config key "reliability\.file"/],
    ["a misspelt key", `${base(`  file: ${examples}wdbc.csv\n  outcome: malignant\n`)}internal: {bootstrapp: {replicates: 5}}\n`, "INVALID_CONFIG", /config key "internal\.bootstrapp": unknown key/],
  ];
  it.each(cases)("%s", async (_name, yaml, code, message) => {
    const file = config(`bad-${code}-${Math.abs(hash(yaml))}.yaml`, yaml);
    const result = await cli("run", file, "--out", join(dir, "bad"), "--workers", "1", "--quiet");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0]).toContain(`radval: error [${code}]: `);
    expect(lines[0]).toMatch(message);
    expect(lines.length).toBeLessThanOrEqual(2); // the error, then one hint line
    if (lines[1]) expect(lines[1]).toMatch(/^ {2}hint: /);
  });

  it("a config file that does not exist", async () => {
    const { code, stderr } = await cli("run", join(dir, "nope.study.yaml"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^radval: error \[FILE_NOT_FOUND\]: .*nope\.study\.yaml: file not found\n/);
  });

  it("hints that config paths are relative to the config file", async () => {
    const { stderr } = await cli("run", config("rel.yaml", base("  file: data/missing.csv\n  outcome: y\n")), "--workers", "1");
    expect(stderr).toContain(`${join(dir, "data/missing.csv")}, config key "data.file"`);
    expect(stderr).toContain("relative to the config file's folder");
  });
});

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

describe("radval run: atomic, self-consistent, injection-safe outputs (issue 15)", () => {
  const hostile = ['=HYPERLINK("http://evil","x")', "@cmd", "+1", "-2+3"];
  const rows = ["id,f1,f2,y"];
  for (let i = 0; i < 40; i++) rows.push(`${i < hostile.length ? `"${hostile[i]!.replace(/"/g, '""')}"` : `P${i}`},${(i % 7) / 3},${((i * 5) % 11) / 4},${i % 2}`);
  writeFileSync(join(dir, "hostile.csv"), `${rows.join("\n")}\n`);
  const study = config("hostile.study.yaml", "data: {file: hostile.csv, id: id, outcome: y}\nmodels: [{model: logistic}]\ninternal: {cv: {folds: 5}}\n");

  it("predictions.csv neutralises formula-like ids; --format html into an old folder leaves no old report.md; manifest last", async () => {
    const out = join(dir, "hostile-out");
    expect((await cli("run", study, "--out", out, "--workers", "1", "--format", "md,json", "--quiet")).code).toBe(0);
    expect(existsSync(join(out, "report.md"))).toBe(true);
    const second = await cli("run", study, "--out", out, "--workers", "1", "--format", "html", "--quiet");
    expect(second.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["manifest.json", "model.json", "predictions.csv", "report.html", "results.json"]);
    const csv = readFileSync(join(out, "predictions.csv"), "utf8");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv).toContain(`"'@cmd"`);
    expect(csv).toContain(`"'-2+3"`);
    expect(csv).toMatch(/^\+1,/m);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(["results.json", "predictions.csv", "model.json", "report.html"]);
    expect(manifest.configHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("an unwritable --out is an error before any fitting, and nothing is written", async () => {
    writeFileSync(join(dir, "not-a-dir"), "x");
    const r = await cli("run", study, "--out", join(dir, "not-a-dir", "out"), "--workers", "1", "--json");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error \[WRITE_FAILED\]: .*cannot write into/);
    expect(r.stderr).toContain("nothing was computed yet");
  });
});

describe("--created-at (issue 15)", () => {
  it("an impossible calendar date is an error, not silently rolled over to the next month", async () => {
    expect(() => createdAtOf("2026-02-30", {})).toThrow(/"2026-02-30" is not a calendar date \(2026-02 has 28 days\)/);
    expect(() => createdAtOf("2024-02-30T10:00:00Z", {})).toThrow(/2024-02 has 29 days/);
    expect(createdAtOf("2024-02-29", {})).toBe("2024-02-29T00:00:00.000Z");
  });
});
