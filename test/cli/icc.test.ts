import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli } from "./runCli.js";
import { fixturePath } from "../helpers.js";

// Reference: psych::ICC(x, lmer = FALSE), ../shared/fixtures/fx_icc.R → test/fixtures/icc_test_retest.json
const ref = JSON.parse(readFileSync(new URL("../fixtures/icc_test_retest.json", import.meta.url), "utf8"));
const example = new URL("../../examples/test_retest.csv", import.meta.url).pathname;


describe("radval icc", () => {
  it("--json prints the public shape {features: [{feature, n, k, dropped, forms: {ICC1..ICC3k: {icc, F, df1, df2, p, lower, upper}}}]} matching psych", async () => {
    const { code, stdout, stderr } = await cli("icc", example, "--id", "case_id", "--rater", "reader", "--json");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const out = JSON.parse(stdout);
    expect(out.features.length).toBe(60);
    for (const f of out.features) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(["feature", "n", "k", "dropped", "forms"]));
      expect([f.n, f.k, f.dropped]).toEqual([40, 3, 0]);
      expect(Object.keys(f.forms)).toEqual(["ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k"]);
      const r = ref.results[f.feature];
      r.type.forEach((type: string, i: number) => {
        const form = f.forms[type];
        for (const key of ["icc", "F", "df1", "df2", "p", "lower", "upper"]) expect(typeof form[key]).toBe("number");
        expect(Math.abs(form.icc - r.ICC[i])).toBeLessThanOrEqual(1e-9 * Math.abs(r.ICC[i]) + 1e-12); // 1e-9 relative
        expect(Math.abs(form.lower - r.lower_bound[i])).toBeLessThanOrEqual(1e-7 * Math.abs(r.lower_bound[i]) + 1e-10); // 1e-7 relative
        expect(Math.abs(form.p - r.p[i])).toBeLessThanOrEqual(1e-7 * Math.abs(r.p[i]) + 1e-14); // 1e-7 relative
      });
      expect(f.forms.ICC2.mcGrawWong).toBe("ICC(A,1)");
    }
  });

  it("prints a tidy table with both names and Koo & Li bands, finding the case column by default", async () => {
    const { code, stdout } = await cli("icc", example, "--rater", "reader", "--features", "original_firstorder_Mean,original_firstorder_Median");
    expect(code).toBe(0);
    expect(stdout).toContain("ICC(A,1)");
    expect(stdout).toContain("ICC(C,1)");
    expect(stdout).toMatch(/original_firstorder_Median .* good/);
    expect(stdout.split("\n").filter((l) => l.startsWith("original_")).length).toBe(2);
  });

  it("zero between-case variance: null values with a reason in JSON (never NaN), exit 0 with a warning", async () => {
    const { code, stdout, stderr } = await cli("icc", fixturePath("tables/icc_degenerate.csv"), "--id", "case_id", "--rater", "reader", "--json");
    expect(code).toBe(0);
    expect(stderr).toMatch(/warning: ICC is undefined for 2 features/);
    expect(stdout).not.toMatch(/NaN|Infinity/);
    const flat = JSON.parse(stdout).features.find((f: { feature: string }) => f.feature === "flat_cases");
    expect(flat.forms.ICC2).toMatchObject({ icc: null, F: null, p: null, lower: null, upper: null });
    expect(flat.forms.ICC2.reason).toMatch(/no between-case variance/);
  });

  it("missing repeats are dropped and counted; --strict makes them an error", async () => {
    const file = fixturePath("tables/test_retest_missing.csv");
    const ok = await cli("icc", file, "--id", "case_id", "--rater", "reader", "--json", "--quiet");
    expect(ok.code).toBe(0);
    const first = JSON.parse(ok.stdout).features[0];
    expect([first.n, first.dropped, first.droppedCases]).toEqual([38, 2, ["5", "12"]]);
    const strict = await cli("icc", file, "--id", "case_id", "--rater", "reader", "--strict");
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain("[INCOMPLETE_CASE]");
  });

  it.each([
    ["tables/icc_single_rater.csv", "TOO_FEW_RATERS", 'column "reader"'],
    ["tables/icc_different_cases.csv", "UNBALANCED_DESIGN", "only 3 of 9 cases"],
    ["tables/icc_non_numeric.csv", "NON_NUMERIC", "line 5"],
  ])("bad input %s → exit 2, [%s], one or two lines, no stack trace", async (file, code, place) => {
    const result = await cli("icc", fixturePath(file), "--id", "case_id", "--rater", "reader", "--json");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines[0]).toContain(`[${code}]`);
    expect(lines[0]).toContain(place);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("an unknown rater column, a bad --alpha and a missing --rater exit 2", async () => {
    expect((await cli("icc", example, "--id", "case_id", "--rater", "reeder")).stderr).toContain('Did you mean "reader"');
    expect((await cli("icc", example, "--rater", "reader", "--alpha", "2")).code).toBe(2);
    const noRater = await cli("icc", example);
    expect(noRater.code).toBe(2);
    expect(noRater.stderr).toContain("--rater");
  });
});

describe("radval --help", () => {
  it("lists icc and cluster", async () => {
    const { code, stdout } = await cli("--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n\s+icc \[options\] <file>/);
    expect(stdout).toMatch(/\n\s+cluster \[options\] <file>/);
  });
});
