import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "./runCli.js";
import { fixturePath, loadFixture, relDiff } from "../helpers.js";

// References (external-cohort PBC predictions): rms 6.5.0 val.prob and Hosmer–Lemeshow,
// ../shared/fixtures/fx_logistic_pbc.R → test/fixtures/logistic_pbc.json and decision_curve_pbc.json;
// the second model and NRI/IDI from test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json.
const lp = loadFixture("logistic_pbc.json");
const dca = loadFixture("decision_curve_pbc.json");
const extra = loadFixture("metrics_extra.json");
const e = lp.external;

// A predictions file as any model would write it (shortest round-trip decimals, so the doubles are exact).
const dir = mkdtempSync(join(tmpdir(), "radval-evaluate-"));
const predictions = join(dir, "pbc_external.csv");
writeFileSync(
  predictions,
  `patient,cirrhosis,prob,prob_small\n${e.ids.map((id: number, i: number) => `${id},${e.y[i]},${e.p[i]},${extra.reclassification.p_small[i]}`).join("\n")}\n`,
);

afterAll(() => rmSync(dir, { recursive: true, force: true }));


const VP: Record<string, string> = {
  Dxy: "Dxy", C: "C (ROC)", R2: "R2", D: "D", U: "U", Q: "Q", Brier: "Brier", Intercept: "Intercept", Slope: "Slope",
  Emax: "Emax", E90: "E90", Eavg: "Eavg", Sz: "S:z", Sp: "S:p",
};

describe("radval evaluate", () => {
  it("--json gives the contract shape with rms/R numbers", async () => {
    const { code, stdout, stderr } = await cli("evaluate", predictions, "--outcome", "cirrhosis", "--prob", "prob", "--json");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(["n", "events", "auc", "valProb", "calibrationInTheLarge", "hosmerLemeshow", "decisionCurve"]);
    expect(out).toMatchObject({ n: 91, events: 32 });
    expect(Object.keys(out.auc)).toEqual(["n", "cases", "controls", "auc", "ci", "variance", "youden"]);
    expect(Object.keys(out.valProb)).toEqual(Object.keys(VP));
    for (const [ours, theirs] of Object.entries(VP)) {
      // tolerance: 1e-6 relative (fixture README for val.prob)
      expect(relDiff(out.valProb[ours], e.val_prob[theirs])).toBeLessThan(1e-6);
    }
    // tolerance: 1e-10 relative against glm(y ~ 1, offset = qlogis(p))
    expect(relDiff(out.calibrationInTheLarge, extra.calibration.citl)).toBeLessThan(1e-10);
    expect(Object.keys(out.hosmerLemeshow)).toEqual(["statistic", "df", "p"]);
    // tolerance: 1e-8 relative (HL statistic and p)
    expect(relDiff(out.hosmerLemeshow.statistic, e.hosmer_lemeshow.statistic)).toBeLessThan(1e-8);
    expect(out.hosmerLemeshow.df).toBe(8);
    expect(relDiff(out.hosmerLemeshow.p, e.hosmer_lemeshow.p_value_df_G_minus_2)).toBeLessThan(1e-8);
    expect(out.decisionCurve.length).toBe(99);
    out.decisionCurve.forEach((row: Record<string, number>, k: number) => {
      expect(Object.keys(row)).toEqual(["threshold", "netBenefit", "treatAll", "treatNone", "interventionsAvoided"]);
      expect(row["threshold"]).toBe(dca.threshold[k]);
      expect(row["treatNone"]).toBe(0);
      // tolerance: 1e-12 absolute
      expect(Math.abs(row["netBenefit"]! - dca.nb_model[k])).toBeLessThan(1e-12);
      expect(Math.abs(row["treatAll"]! - dca.nb_treat_all[k])).toBeLessThan(1e-12);
      expect(Math.abs(row["interventionsAvoided"]! - dca.interventions_avoided_per_100[k])).toBeLessThan(1e-12);
    });
  });

  it("--prob2 adds the paired comparison, a second decision curve and NRI/IDI from --prob2 (comparator) to --prob", async () => {
    const { stdout } = await cli("evaluate", predictions, "--outcome", "cirrhosis", "--prob", "prob", "--prob2", "prob_small", "--json");
    const out = JSON.parse(stdout);
    // tolerance: 1e-15 absolute (auc2 = auc1 − difference)
    expect(Math.abs(out.auc.comparison.auc2 - (out.auc.auc - out.auc.comparison.difference))).toBeLessThan(1e-15);
    expect(out.decisionCurve2.length).toBe(99);
    // tolerance: 1e-14 absolute (Hmisc::improveProb(old = small, new = full))
    expect(Math.abs(out.reclassification.continuousNri.nri - extra.reclassification.continuous.nri)).toBeLessThan(1e-14);
    expect(Math.abs(out.reclassification.idi.idi - extra.reclassification.continuous.idi)).toBeLessThan(1e-14);
  });

  it("--thresholds and --hl-df validation change the grid and the df", async () => {
    const { stdout } = await cli("evaluate", predictions, "--outcome", "cirrhosis", "--prob", "prob", "--thresholds", "0.1:0.3:0.1", "--hl-df", "validation", "--json");
    const out = JSON.parse(stdout);
    expect(out.decisionCurve.map((r: { threshold: number }) => r.threshold)).toEqual([0.1, 0.2, 0.3]);
    expect(out.hosmerLemeshow.df).toBe(10);
    // tolerance: 1e-8 relative
    expect(relDiff(out.hosmerLemeshow.p, e.hosmer_lemeshow.p_value_df_G)).toBeLessThan(1e-8);
  });

  it("prints tidy tables by default", async () => {
    const { code, stdout } = await cli("evaluate", predictions, "--outcome", "cirrhosis", "--prob", "prob");
    expect(code).toBe(0);
    expect(stdout).toContain("91 cases, 32 events");
    expect(stdout).toMatch(/Slope\s+0\.9552/);
    expect(stdout).toContain("Hosmer–Lemeshow");
    expect(stdout).toMatch(/0\.25\s+0\.1868/);
  });

  it("exact 0/1 probabilities: an error by default, rms's exclusion with --extremes exclude", async () => {
    const bad = await cli("evaluate", fixturePath("predictions/prob_exactly_one.csv"), "--outcome", "y", "--prob", "p");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("[PROBABILITY_ZERO_ONE]");
    expect(bad.stderr).toContain("line 3");
    expect(bad.stderr).toContain("--extremes exclude");
    const ok = await cli("evaluate", fixturePath("predictions/prob_exactly_one.csv"), "--outcome", "y", "--prob", "p", "--extremes", "exclude", "--json");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).valProb.Brier).toBeGreaterThan(0);
  });

  it("all probabilities tied: no discrimination, slope null, HL development df null — never NaN", async () => {
    const { code, stdout } = await cli("evaluate", fixturePath("predictions/all_tied.csv"), "--outcome", "y", "--prob", "p", "--json", "--quiet");
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/NaN/);
    const out = JSON.parse(stdout);
    expect(out.auc.auc).toBe(0.5);
    expect(out.valProb.Slope).toBeNull();
    expect(out.hosmerLemeshow.df).toBeNull();
  });

  it.each([
    ["prob_above_one.csv", [], "PROBABILITY_OUT_OF_RANGE", "line 3"],
    ["missing_prob.csv", [], "NON_FINITE", "line 3"],
    ["single_class.csv", [], "OUTCOME_ONE_LEVEL", 'column "y"'],
    ["non_numeric.csv", [], "NON_NUMERIC", "line 3"],
    ["all_tied.csv", ["--thresholds", "0:1:0.1"], "INVALID_OPTION", "--thresholds"],
    ["all_tied.csv", ["--extremes", "clip"], "INVALID_OPTION", "--extremes"],
    ["all_tied.csv", ["--hl-groups", "1"], "INVALID_OPTION", "--hl-groups"],
  ])("bad input %s %j → exit 2 with [%s], one or two lines, no stack trace", async (file, options, code, place) => {
    const r = await cli("evaluate", fixturePath(`predictions/${file}`), "--outcome", "y", "--prob", "p", "--quiet", ...options);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines[0]).toContain(`[${code}]`);
    expect(lines[0]).toContain(place);
  });

  it("a mismatched outcome/prob column pair is caught (the outcome given as --prob)", async () => {
    const r = await cli("evaluate", predictions, "--outcome", "cirrhosis", "--prob", "cirrhosis");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is the outcome column");
  });
});

describe("radval evaluate on perfectly separated predictions (issue 15)", () => {
  it("prints the calibration slope with a caveat (stderr and the human output), not as a finding", async () => {
    const lines = ["y,p"];
    for (let i = 0; i < 40; i++) lines.push(`${i < 20 ? 0 : 1},${(i < 20 ? 0.05 + i * 0.01 : 0.6 + (i - 20) * 0.01).toFixed(2)}`);
    const file = join(dir, "separated.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const r = await cli("evaluate", file, "--outcome", "y", "--prob", "p");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/radval: warning: the predictions separate events from non-events perfectly \(AUC 1\): the calibration slope \(\d/);
    expect(r.stdout).toContain("caution: the predictions separate events from non-events perfectly");
    const json = await cli("evaluate", file, "--outcome", "y", "--prob", "p", "--json");
    expect(json.stderr).toBe("");
    expect(JSON.parse(json.stdout).auc).toBeDefined();
  });
});
