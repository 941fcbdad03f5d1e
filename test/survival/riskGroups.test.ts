import { describe, expect, it } from "vitest";
import { riskGroupSurvival } from "../../src/survival/riskGroups.js";
import { loadFixture, relDiff } from "../helpers.js";

// Reference: test/fixtures/scripts/fx_survival_extra.R (lp tertiles, survdiff, coxph(Surv ~ factor(grp)), survival 3.5-3).
const fx = loadFixture("survival_extra.json");

describe("riskGroupSurvival", () => {
  it("tertiles of the lp: groups as R's cut(quantile), log-rank and hazard ratios", () => {
    const r = riskGroupSurvival(fx.dev.time, fx.dev.event, fx.dev_5y.lp, { groups: 3 });
    expect(Array.from(r.group)).toEqual(fx.logrank.group);
    expect(relDiff(r.logRank.chisq, fx.logrank.chisq)).toBeLessThan(1e-10); // tolerance 1e-10
    r.hazardRatios.forEach((h, j) => {
      expect(relDiff(h.estimate, fx.logrank.hr[j])).toBeLessThan(1e-7); // tolerance 1e-7 (coxph convergence)
      expect(relDiff(h.lower, fx.logrank.hr_lower[j])).toBeLessThan(1e-7); // tolerance 1e-7
      expect(relDiff(h.upper, fx.logrank.hr_upper[j])).toBeLessThan(1e-7); // tolerance 1e-7
    });
    expect(r.groups.map((g) => g.n)).toEqual(fx.logrank.n);
  });
});
