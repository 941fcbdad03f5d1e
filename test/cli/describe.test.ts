import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./runCli.js";
import { fixturePath } from "../helpers.js";


const example = (name: string) => new URL(`../../examples/${name}.csv`, import.meta.url).pathname;

describe("radval describe", () => {
  it("summarises wdbc as JSON: rows, features, outcome counts, prevalence", async () => {
    const { code, stdout, stderr } = await cli("describe", example("wdbc"), "--outcome", "malignant", "--json");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ rows: 569, features: 30, layout: "wide", roles: { id: "id", outcome: "malignant" } });
    expect(out.outcome).toMatchObject({ events: 212, nonEvents: 357, positive: "1" });
    expect(out.outcome.prevalence).toBeCloseTo(212 / 569, 15);
    expect(Object.keys(out.missing.byFeature).length).toBe(30);
  });

  it.each([
    ["wdbc", ["--outcome", "malignant"]],
    ["pbc", ["--outcome", "cirrhosis", "--drop-missing-outcome", "--group", "cohort"]],
    ["asah", ["--outcome", "outcome", "--positive", "Poor", "--exclude", "poor,gos6"]],
    ["multisite", ["--outcome", "outcome", "--site", "site", "--date", "scan_date"]],
    ["test_retest", ["--id", "case_id", "--rater", "reader"]],
    ["shrout_fleiss", ["--id", "target", "--rater", "judge"]],
  ])("works on the bundled %s, as text and JSON", async (name, options) => {
    const text = await cli("describe", example(name), ...options);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`${name}.csv`);
    const json = await cli("describe", example(name), ...options, "--json");
    expect(json.code).toBe(0);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });

  it("summarises 2,000 columns sharing one missing pattern in a few lines; --columns lists every column", async () => {
    const dir = mkdtempSync(join(tmpdir(), "radval-describe-"));
    try {
      const p = 2000;
      const header = ["id", "y", ...Array.from({ length: p }, (_, j) => `original_f${j}`)].join(",");
      const rows = Array.from({ length: 30 }, (_, i) => [String(i + 1), String(i % 2), ...Array.from({ length: p }, (_, j) => (i < 3 ? "" : String((i * 7 + j) % 11)))].join(","));
      const file = join(dir, "wide.csv");
      writeFileSync(file, `${[header, ...rows].join("\n")}\n`);
      const summary = await cli("describe", file, "--outcome", "y", "--quiet");
      expect(summary.code).toBe(0);
      expect(summary.stdout.split("\n").length).toBeLessThan(30);
      expect(summary.stdout).toContain("Missing values: 6000 cells in 3 rows; 2000 columns with missing values, by missing count");
      expect(summary.stdout).toMatch(/2000 +3 +10\.0% +original_f0, original_f1, original_f2 … \(2000\)/);
      const full = await cli("describe", file, "--outcome", "y", "--quiet", "--columns");
      expect(full.code).toBe(0);
      expect(full.stdout.split("\n").length).toBeGreaterThan(2000);
      expect(full.stdout).toMatch(/original_f1999 +3 +10\.0%/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports pbc's per-column missing counts, site sizes and text columns", async () => {
    const { stdout } = await cli("describe", example("pbc"), "--outcome", "cirrhosis", "--drop-missing-outcome", "--group", "cohort", "--json", "--quiet");
    const out = JSON.parse(stdout);
    expect(out.rows).toBe(412);
    // the external cohort (106 rows) has no ast; 6 of its rows have no stage and are dropped
    expect(out.missing.byFeature.ast).toBe(100);
    expect(out.group.levels).toEqual([
      { level: "trial", n: 312, events: expect.any(Number) },
      { level: "external", n: 100, events: expect.any(Number) },
    ]);
    expect(out.textColumns).toEqual(["sex"]);
  });

  it("lists multisite's sites with event counts and the scan date range", async () => {
    const { stdout } = await cli("describe", example("multisite"), "--outcome", "outcome", "--site", "site", "--date", "scan_date", "--json");
    const out = JSON.parse(stdout);
    expect(out.site.levels.map((l: { level: string; n: number }) => [l.level, l.n])).toEqual([["A", 200], ["B", 160], ["C", 140], ["D", 100]]);
    expect(out.date.first >= "2015-01-01" && out.date.last <= "2022-12-31").toBe(true);
  });

  it("warns about a constant feature on stderr and lists it", async () => {
    const { code, stdout, stderr } = await cli("describe", fixturePath("tables/constant_feature.csv"), "--outcome", "outcome", "--json");
    expect(code).toBe(0);
    expect(stderr).toContain('warning: feature "const" is constant');
    expect(JSON.parse(stdout).constantFeatures).toEqual(["const"]);
  });

  it.each([
    ["does-not-exist.csv", [], "FILE_NOT_FOUND", "does-not-exist.csv"],
    ["tables/empty.csv", [], "EMPTY_FILE", "empty.csv"],
    ["tables/header_only.csv", [], "NO_DATA_ROWS", "header_only.csv"],
    ["tables/ragged.csv", [], "RAGGED_ROW", "line 3"],
    ["tables/duplicate_column.csv", [], "DUPLICATE_COLUMN", 'column "a"'],
    ["tables/duplicate_id.csv", [], "DUPLICATE_ID", "lines 2 and 4"],
    ["tables/non_numeric.csv", [], "NON_NUMERIC", 'column "a"'],
    ["tables/nan_token.csv", [], "NON_FINITE", 'column "a"'],
    ["tables/inf_token.csv", [], "NON_FINITE", 'column "b"'],
    ["tables/one_level.csv", ["--outcome", "outcome"], "OUTCOME_ONE_LEVEL", 'column "outcome"'],
    ["tables/three_levels.csv", ["--outcome", "outcome"], "OUTCOME_TOO_MANY_LEVELS", 'column "outcome"'],
    ["tables/missing_outcome.csv", ["--outcome", "outcome"], "OUTCOME_MISSING", "line 3"],
    ["tables/constant_feature.csv", ["--site", "centre"], "UNKNOWN_COLUMN", 'column "centre"'],
  ])("bad input %s → exit 2 with [%s] naming the place, no stack trace", async (file, options, code, place) => {
    const path = file.startsWith("tables/") ? fixturePath(file) : file;
    const result = await cli("describe", path, ...options);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines[0]).toContain(`[${code}]`);
    expect(lines[0]).toContain(place);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("an unknown option exits 2", async () => {
    const result = await cli("describe", example("wdbc"), "--outcme", "malignant");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option");
  });
});

describe("radval --help / --version", () => {
  it("prints help listing describe and the version", async () => {
    const help = await cli("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("describe");
    const version = await cli("--version");
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("the built radval binary", () => {
  const bin = new URL("../../bin/radval.js", import.meta.url).pathname;
  const built = existsSync(new URL("../../dist/cli/index.js", import.meta.url));

  it("is built by npm test (npm run build) before vitest runs", () => {
    expect(built).toBe(true);
  });

  it("runs describe --json and exits 2 without a stack trace on bad input", () => {
    const out = execFileSync(process.execPath, [bin, "describe", example("asah"), "--outcome", "outcome", "--positive", "Poor", "--json"], { encoding: "utf8" });
    expect(JSON.parse(out).outcome.events).toBe(41);
    const bad = spawnSync(process.execPath, [bin, "describe", fixturePath("tables/non_numeric.csv")], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("[NON_NUMERIC]");
    expect(bad.stderr).not.toContain("    at ");
  });
});

// Issue 17 item 1: median follow-up by reverse Kaplan–Meier. R (survival 3.4): on examples/pbc.csv,
// quantile(survfit(Surv(time, status != 2) ~ 1), 0.5) = 2365 and quantile(survfit(Surv(time, status == 2) ~ 1), 0.5) = 3395.
describe("radval describe --time --event", () => {
  it("reports events, censorings, the median follow-up (reverse KM) and median survival as R does", async () => {
    const { code, stdout } = await cli("describe", "examples/pbc.csv", "--time", "time", "--event", "status", "--event-value", "2", "--features", "bili,albumin", "--json");
    expect(code).toBe(0);
    const s = JSON.parse(stdout).survival;
    expect(s).toMatchObject({ time: "time", event: "status", eventValue: 2, n: 418, events: 161, censored: 257, maxTime: 4795 });
    expect(s.medianFollowUp).toBe(2365); // exact: a step function's quantile is an observed time
    expect(s.medianSurvival).toBe(3395);
  });

  it("needs both --time and --event, and refuses a negative time naming the row", async () => {
    const one = await cli("describe", "examples/pbc.csv", "--time", "time");
    expect(one.code).not.toBe(0);
    expect(one.stderr).toMatch(/--event is missing/);
    const dir = mkdtempSync(join(tmpdir(), "radval-describe-surv-"));
    const csv = join(dir, "neg.csv");
    writeFileSync(csv, "id,time,status,x\n1,10,1,1\n2,-3,0,2\n3,7,1,3\n");
    const bad = await cli("describe", csv, "--time", "time", "--event", "status");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/negative follow-up time -3/);
    expect(bad.stderr).toMatch(/row 2/);
  });
});
