import { describe, expect, it } from "vitest";
import { survivalBrierScore, integratedBrierScore, nullSurvivalBrierScore, timeDependentAuc } from "../../src/survival/timeDependent.js";
import { loadFixture, radvalErrorOf, relDiff } from "../helpers.js";

// References: test/fixtures/scripts/fx_survival_pbc.R (survival_pbc.json: Score on the external cohort) and
// test/fixtures/scripts/fx_survival_extra.R (survival_extra.json: Score on the development cohort, IBS),
// riskRegression 2022.11.28, cens.model = "km". Tolerance 1e-6 (fixtures README).
const pbc = loadFixture("survival_pbc.json");
const fx = loadFixture("survival_extra.json");
const TOL = 1e-6;

function expectClose(got: { estimate: number; se: number; lower: number; upper: number }, want: any, key: string) {
  expect(relDiff(got.estimate, want[key])).toBeLessThan(TOL); // tolerance 1e-6
  expect(relDiff(got.se, want.se)).toBeLessThan(TOL); // tolerance 1e-6
  expect(relDiff(got.lower, want.lower)).toBeLessThan(TOL); // tolerance 1e-6
  expect(relDiff(got.upper, want.upper)).toBeLessThan(TOL); // tolerance 1e-6
}

describe("IPCW time-dependent AUC and Brier (riskRegression::Score)", () => {
  it("external cohort at 5 years", () => {
    const e = pbc.external_5y;
    const brier = Object.fromEntries(e.brier.map((r: any) => [r.model, r]));
    expectClose(timeDependentAuc(fx.ext.time, fx.ext.event, e.risk, e.time), e.auc[0], "AUC");
    expectClose(survivalBrierScore(fx.ext.time, fx.ext.event, e.risk, e.time), brier.cox, "Brier");
    expectClose(nullSurvivalBrierScore(fx.ext.time, fx.ext.event, e.time), brier["Null model"], "Brier");
  });

  it("development cohort at 5 years", () => {
    const e = fx.dev_5y;
    const brier = Object.fromEntries(e.brier.map((r: any) => [r.model, r]));
    expectClose(timeDependentAuc(fx.dev.time, fx.dev.event, e.risk, e.time), e.auc[0], "AUC");
    expectClose(survivalBrierScore(fx.dev.time, fx.dev.event, e.risk, e.time), brier.cox, "Brier");
    expectClose(nullSurvivalBrierScore(fx.dev.time, fx.dev.event, e.time), brier["Null model"], "Brier");
  });

  it("integrated Brier score over a grid", () => {
    const ib = fx.ibs_ext;
    const riskAt = (t: number) => ib.risk[String(t)];
    ib.times.forEach((t: number, k: number) => {
      const row = ib.model.findIndex((m: string, r: number) => m === "cox" && ib.at[r] === t);
      expect(relDiff(survivalBrierScore(fx.ext.time, fx.ext.event, riskAt(t), t).estimate, ib.brier[row])).toBeLessThan(TOL); // tolerance 1e-6
      expect(relDiff(integratedBrierScore(fx.ext.time, fx.ext.event, ib.times.slice(0, k + 1), riskAt, t), ib.ibs[row])).toBeLessThan(TOL); // tolerance 1e-6
    });
  });

  it("rejects a horizon beyond the last follow-up", () => {
    const e = pbc.external_5y;
    expect(radvalErrorOf(() => survivalBrierScore(fx.ext.time, fx.ext.event, e.risk, 1e6)).code).toBe("INVALID_ARGUMENT");
  });
});
