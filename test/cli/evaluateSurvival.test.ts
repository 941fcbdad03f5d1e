import { describe, expect, it } from "vitest";
import { loadFixture, relDiff } from "../helpers.js";
import { cli } from "./runCli.js";
import { writeCsv } from "./survivalCsv.js";

// References: test/fixtures/scripts/fx_survival_pbc.R (survival_pbc.json: concordance and riskRegression::Score on the
// external cohort) and fx_survival_extra.R (calibration and decision curve). Tolerances: C 1e-9, SEs and Score 1e-6.
const pbc = loadFixture("survival_pbc.json");
const fx = loadFixture("survival_extra.json");
const e = pbc.external_5y;
const csv = writeCsv("ext.csv", ["id", "time", "event", "lp", "risk1825"], fx.ext.id.map((id: number, i: number) => [id, fx.ext.time[i], fx.ext.event[i], e.lp[i], e.risk[i]]));

describe("radval evaluate --time --event --risk --prob --horizon", () => {
  it("--json: concordance, AUC/Brier at 5 years, null Brier, calibration, decision curve", async () => {
    const r = await cli("evaluate", csv, "--id", "id", "--time", "time", "--event", "event", "--risk", "lp", "--prob", "risk1825", "--horizon", "1825", "--thresholds", "0.05:0.6:0.05", "--cal-groups", "5", "--json");
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    const cc = pbc.concordance;
    expect(Math.abs(o.concordance.harrell.c - cc.harrell_ext.c)).toBeLessThan(1e-9); // tolerance 1e-9
    expect(relDiff(o.concordance.harrell.se, cc.harrell_ext.se)).toBeLessThan(1e-6); // tolerance 1e-6
    expect(Math.abs(o.concordance.uno.c - cc.uno_ext.c)).toBeLessThan(1e-9); // tolerance 1e-9
    expect(relDiff(o.concordance.uno.se, cc.uno_ext.se)).toBeLessThan(1e-6); // tolerance 1e-6
    const brier = Object.fromEntries(e.brier.map((b: any) => [b.model, b]));
    for (const k of ["estimate", "se", "lower", "upper"]) {
      expect(relDiff(o.horizon.auc[k], e.auc[0][k === "estimate" ? "AUC" : k])).toBeLessThan(1e-6); // tolerance 1e-6
      expect(relDiff(o.horizon.brier[k], brier.cox[k === "estimate" ? "Brier" : k])).toBeLessThan(1e-6); // tolerance 1e-6
      expect(relDiff(o.horizon.brierNull[k], brier["Null model"][k === "estimate" ? "Brier" : k])).toBeLessThan(1e-6); // tolerance 1e-6
    }
    const cal = fx.calibration_ext;
    expect(relDiff(o.horizon.calibration.slope.estimate, cal.slope)).toBeLessThan(1e-7); // tolerance 1e-7
    o.horizon.calibration.groups.forEach((g: any, k: number) => expect(Math.abs(g.observed - cal.table[k].observed)).toBeLessThan(1e-12)); // tolerance 1e-12 abs
    o.horizon.decisionCurve.forEach((d: any, k: number) => expect(Math.abs(d.netBenefit - fx.decision_curve_ext[k].net_benefit)).toBeLessThan(1e-12)); // tolerance 1e-12 abs
  });

  it("errors: horizon beyond follow-up, --prob without --horizon, missing --risk", async () => {
    let r = await cli("evaluate", csv, "--time", "time", "--event", "event", "--risk", "lp", "--prob", "risk1825", "--horizon", "99999");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("beyond the last follow-up");
    r = await cli("evaluate", csv, "--time", "time", "--event", "event", "--risk", "lp", "--prob", "risk1825");
    expect(r.stderr).toContain("--prob needs --horizon");
    r = await cli("evaluate", csv, "--time", "time", "--event", "event");
    expect(r.stderr).toContain("no risk-score column");
  });

  it("human output", async () => {
    const r = await cli("evaluate", csv, "--time", "time", "--event", "event", "--risk", "lp", "--prob", "risk1825", "--horizon", "1825");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Uno's C");
    expect(r.stdout).toContain("time-dependent AUC");
  });
});
