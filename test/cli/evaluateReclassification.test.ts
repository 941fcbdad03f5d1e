// References: test/fixtures/reclassification_pbc.json (../shared/fixtures/fx_reclassification_pbc.R: Hmisc 4.8-0
// improveProb, categorical NRI, pROC 1.18.0 roc.test, net benefit) and test/fixtures/reclassification_extra.json
// (test/fixtures/scripts/fx_reclassification_extra.R: ΔBrier). --prob = new model B, --prob2 = comparator A.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadFixture, relDiff } from "../helpers.js";
import { cli } from "./runCli.js";

const ref = loadFixture("reclassification_pbc.json");
const brier = loadFixture("reclassification_extra.json").brier;
const dir = mkdtempSync(join(tmpdir(), "radval-reclass-"));
const file = join(dir, "nested.csv");
writeFileSync(file, `id,y,pA,pB\n${(ref.ids as number[]).map((id, i) => `${id},${ref.y[i]},${ref.p_A[i]},${ref.p_B[i]}`).join("\n")}\n`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...extra: string[]) => cli("evaluate", file, "--id", "id", "--outcome", "y", "--prob", "pB", "--prob2", "pA", ...extra);

describe("radval evaluate --prob NEW --prob2 COMPARATOR", () => {
  it("reads every comparison from the comparator to the new model, with the contract keys", async () => {
    const { code, stdout } = await run("--risk-cutoffs", ref.categorical_nri.cutoffs.join(","), "--thresholds", "0.1,0.2,0.3,0.4,0.5", "--json");
    expect(code).toBe(0);
    const o = JSON.parse(stdout);
    const ip = ref.improveProb;
    const cn = ref.categorical_nri;
    // DeLong: AUC B − A and z = −(roc.test(rA, rB) statistic); tolerances 1e-12 (AUC), 1e-8 (z)
    expect(Math.abs(o.auc.comparison.difference - (ref.delong.auc_B - ref.delong.auc_A))).toBeLessThan(1e-12);
    expect(relDiff(o.auc.comparison.z, -ref.delong.statistic_Z)).toBeLessThan(1e-8);
    const r = o.reclassification;
    expect(Object.keys(r.continuousNri)).toEqual(expect.arrayContaining(["nri", "se", "z", "p", "events", "nonEvents"]));
    // tolerance: 1e-12 relative given the stored p (fixtures README); the NRI is positive, as improveProb(x1 = A, x2 = B)
    expect(r.continuousNri.nri).toBeGreaterThan(0);
    for (const [ours, theirs] of [
      [r.continuousNri.nri, ip.nri], [r.continuousNri.se, ip["se.nri"]], [r.continuousNri.z, ip["z.nri"]], [r.continuousNri.p, ref.derived["p.nri"]],
      [r.continuousNri.events, ip["nri.ev"]], [r.continuousNri.nonEvents, ip["nri.ne"]],
      [r.idi.idi, ip.idi], [r.idi.se, ip["se.idi"]], [r.idi.z, ip["z.idi"]], [r.idi.p, ref.derived["p.idi"]],
      [r.categoricalNri.nri, cn.nri], [r.categoricalNri.se, cn.se], [r.categoricalNri.z, cn.z], [r.categoricalNri.p, cn.p],
      [r.categoricalNri.nonEvents, cn.nri_nonevents],
      [r.brier.difference, Number(brier.difference_B_minus_A)], [r.brier.se, Number(brier.se)],
    ] as const) expect(relDiff(ours, theirs)).toBeLessThan(1e-12);
    expect(Math.abs(r.categoricalNri.events - cn.nri_events)).toBeLessThan(1e-15);
    // 95% Wald intervals as print.improveProb: 1e-12 relative
    for (const [ours, theirs] of [[r.continuousNri.ci, ref.derived["ci95.nri"]], [r.idi.ci, ref.derived["ci95.idi"]], [r.continuousNri.eventsDetail.ci, ref.derived["ci95.nri.ev"]], [r.continuousNri.nonEventsDetail.ci, ref.derived["ci95.nri.ne"]]]) {
      expect(relDiff(ours.lower, theirs.lower)).toBeLessThan(1e-12);
      expect(relDiff(ours.upper, theirs.upper)).toBeLessThan(1e-12);
    }
    expect(r.categoricalNri.table.events).toEqual(cn.table_events); // counts exact
    expect(r.categoricalNri.table.nonEvents).toEqual(cn.table_nonevents);
    expect(r.categoricalNri.table.categories).toEqual(["[0, 0.2)", "[0.2, 0.4)", "[0.4, 1]"]);
    expect(r.netBenefitDifference.map((x: { threshold: number }) => x.threshold)).toEqual(ref.net_benefit.threshold);
    r.netBenefitDifference.forEach((x: { difference: number }, k: number) => {
      expect(Math.abs(x.difference - ref.net_benefit.nb_difference_B_minus_A[k])).toBeLessThan(1e-12); // 1e-12 abs (README)
    });
  });

  it("keeps the existing keys and prints the reclassification tables", async () => {
    const { code, stdout } = await run("--risk-cutoffs", "0.2,0.4");
    expect(code).toBe(0);
    expect(stdout).toMatch(/Reclassification from pA \(comparator\) to pB \(new model\)/);
    expect(stdout).toMatch(/categorical NRI \(0\.2, 0\.4\)/);
    expect(stdout).toMatch(/Risk categories of events/);
    const json = JSON.parse((await run("--json")).stdout);
    expect(Object.keys(json)).toEqual(["n", "events", "auc", "valProb", "calibrationInTheLarge", "hosmerLemeshow", "decisionCurve", "decisionCurve2", "reclassification"]);
    expect(json.reclassification.categoricalNri).toBeUndefined();
  });

  it.each([
    ["0.4,0.2", /increasing/],
    ["0,0.5", /strictly between 0 and 1/],
    ["a,b", /increasing/],
  ])("rejects --risk-cutoffs %s", async (cuts, message) => {
    const { code, stderr } = await run("--risk-cutoffs", cuts, "--json");
    expect(code).not.toBe(0);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/--risk-cutoffs/);
    expect(stderr).not.toMatch(/at .*\.ts/);
  });

  it("rejects --risk-cutoffs without --prob2", async () => {
    const { code, stderr } = await cli("evaluate", file, "--outcome", "y", "--prob", "pB", "--risk-cutoffs", "0.2");
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/needs --prob2/);
  });
});
