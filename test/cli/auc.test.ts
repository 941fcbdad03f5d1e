import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./runCli.js";
import { fixturePath, loadFixture, relDiff } from "../helpers.js";

// Reference: pROC 1.18 on asah.csv, ../shared/fixtures/fx_auc_delong_asah.R → test/fixtures/auc_delong_asah.json
const ref = loadFixture("auc_delong_asah.json");
const asah = new URL("../../examples/asah.csv", import.meta.url).pathname;


describe("radval auc", () => {
  it.each(["s100b", "ndka", "wfns"])("--json gives the contract shape with pROC's numbers for %s", async (marker) => {
    const { code, stdout, stderr } = await cli("auc", asah, "--outcome", "outcome", "--positive", "Poor", "--score", marker, "--direction", "<", "--json");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(["n", "cases", "controls", "auc", "ci", "variance", "youden"]);
    expect(Object.keys(out.youden)).toEqual(["threshold", "sensitivity", "specificity"]);
    const R = ref.rocs[marker];
    expect(out).toMatchObject({ n: 113, cases: R.n_cases, controls: R.n_controls });
    // tolerance: AUC 1e-12 absolute; variance and CI 1e-9 relative; Youden exact
    expect(Math.abs(out.auc - R.auc)).toBeLessThan(1e-12);
    expect(relDiff(out.variance, R.var_delong)).toBeLessThan(1e-9);
    expect(relDiff(out.ci[0], R.ci_delong.lower)).toBeLessThan(1e-9);
    expect(relDiff(out.ci[1], R.ci_delong.upper)).toBeLessThan(1e-9);
    expect(out.youden.threshold).toBe(R.best_youden.threshold[0]);
    expect(out.youden.sensitivity).toBe(R.best_youden.sensitivity[0]);
    expect(out.youden.specificity).toBe(R.best_youden.specificity[0]);
  });

  it.each(Object.keys(ref.delong_tests))("--score2 adds the paired DeLong comparison (%s)", async (name) => {
    const t = ref.delong_tests[name];
    const { code, stdout } = await cli("auc", asah, "--outcome", "outcome", "--positive", "Poor", "--score", t.roc1, "--score2", t.roc2, "--json");
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out.comparison)).toEqual(["auc2", "difference", "ci", "z", "p"]);
    // tolerance: AUC 1e-12 absolute; z and p 1e-9 relative
    expect(Math.abs(out.comparison.auc2 - t.auc2)).toBeLessThan(1e-12);
    expect(relDiff(out.comparison.z, t.statistic_Z)).toBeLessThan(1e-9);
    expect(relDiff(out.comparison.p, t.p_value)).toBeLessThan(1e-9);
    expect(out.comparison.ci[0]).toBeLessThan(out.comparison.difference);
  });

  it("prints a tidy table by default", async () => {
    const { code, stdout } = await cli("auc", asah, "--outcome", "outcome", "--positive", "Poor", "--score", "s100b", "--score2", "wfns");
    expect(code).toBe(0);
    expect(stdout).toContain("41 events");
    expect(stdout).toMatch(/AUC \(s100b\)\s+0\.7314\s+0\.6301 to 0\.8326/);
    expect(stdout).toContain("Paired DeLong test: z = -2.209");
    expect(stdout).toContain("Youden-optimal threshold (s100b): 0.205");
  });

  it("direction '>' reports the reversed AUC, never flipped", async () => {
    const { stdout } = await cli("auc", asah, "--outcome", "outcome", "--positive", "Poor", "--score", "ndka", "--direction", ">", "--json");
    // tolerance: 1e-12 absolute
    expect(Math.abs(JSON.parse(stdout).auc - (1 - ref.rocs.ndka.auc))).toBeLessThan(1e-12);
  });

  it("all scores tied: AUC 0.5 with a zero-width interval and z = 0 for two tied scores", async () => {
    const { code, stdout } = await cli("auc", fixturePath("predictions/all_tied.csv"), "--outcome", "y", "--score", "p", "--score2", "q", "--json", "--quiet");
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.auc).toBe(0.5);
    expect(out.variance).toBe(0);
    expect(out.comparison).toMatchObject({ difference: 0, z: 0, p: 1 });
  });

  it.each([
    [["--score", "s100b", "--direction", "auto"], "INVALID_OPTION", "--direction"],
    [["--score", "nope"], "UNKNOWN_COLUMN", 'column "nope"'],
    [["--score", "s100b", "--score2", "s100b"], "INVALID_OPTION", "--score2"],
    [["--score", "s100b", "--level", "1.5"], "INVALID_OPTION", "--level"],
    [[], "MISSING_ROLE", "--score"],
  ])("bad options %j → exit 2 with [%s]", async (options, code, place) => {
    const r = await cli("auc", asah, "--outcome", "outcome", "--positive", "Poor", ...options);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines[0]).toContain(`[${code}]`);
    expect(lines[0]).toContain(place);
  });

  it.each([
    ["missing_prob.csv", "NON_FINITE", "line 3"],
    ["single_class.csv", "OUTCOME_ONE_LEVEL", 'column "y"'],
    ["non_numeric.csv", "NON_NUMERIC", "line 3"],
  ])("bad file %s → exit 2 with [%s] naming the place, no stack trace", async (file, code, place) => {
    const r = await cli("auc", fixturePath(`predictions/${file}`), "--outcome", "y", "--score", "p");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`[${code}]`);
    expect(r.stderr).toContain(place);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("--drop-missing leaves out rows with a missing score (as pROC's na.rm) and says so; the result equals the file without them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "radval-auc-"));
    const lines = readFileSync(asah, "utf8").trimEnd().split("\n");
    const header = lines[0]!.split(",");
    const s100b = header.indexOf("s100b");
    const blank = new Set([3, 10, 50]); // data rows (1-based) whose s100b is blanked
    const withGaps = lines.map((line, r) => (blank.has(r) ? line.split(",").map((v, j) => (j === s100b ? "" : v)).join(",") : line));
    const withoutRows = lines.filter((_, r) => !blank.has(r));
    writeFileSync(join(dir, "gaps.csv"), `${withGaps.join("\n")}\n`);
    writeFileSync(join(dir, "fewer.csv"), `${withoutRows.join("\n")}\n`);
    const args = ["--outcome", "outcome", "--positive", "Poor", "--score", "s100b", "--json"];
    const refused = await cli("auc", join(dir, "gaps.csv"), ...args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("line 4"); // data row 3 is file line 4
    expect(refused.stderr).toContain("--drop-missing");
    const dropped = await cli("auc", join(dir, "gaps.csv"), ...args, "--drop-missing");
    const fewer = await cli("auc", join(dir, "fewer.csv"), ...args);
    expect(dropped.code).toBe(0);
    expect(JSON.parse(dropped.stdout)).toEqual(JSON.parse(fewer.stdout)); // exact: the same cases
    expect(JSON.parse(dropped.stdout).n).toBe(110);
    expect(dropped.stderr).toContain("3 row(s) with a missing s100b left out (--drop-missing), at line(s) 4, 11, 51");
  });
});

