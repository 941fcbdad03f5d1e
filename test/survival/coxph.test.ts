import { describe, expect, it } from "vitest";
import { matrixFromColumns } from "../../src/core/matrix.js";
import { coxLinearPredictor, coxPredictSurvival, coxph } from "../../src/survival/coxph.js";
import { loadFixture, maxAbsDiff, relDiff } from "../helpers.js";

// References: test/fixtures/scripts/fx_survival_extra.R (survival_extra.json: Efron and Breslow) and
// test/fixtures/scripts/fx_survival_pbc.R (survival_pbc.json: Breslow), survival 3.5-3.
const fx = loadFixture("survival_extra.json");
const design = (block: any, terms: string[]) => matrixFromColumns(terms.map((t) => block.x[t]));

function maxRel(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < b.length; i++) m = Math.max(m, relDiff(a[i]!, b[i]!));
  return m;
}

describe("coxph (survival::coxph)", () => {
  for (const ties of ["efron", "breslow"] as const) {
    it(`${ties} ties: coefficients, SE, z, p, loglik, tests, baseline hazard, predicted survival`, () => {
      const ref = fx[ties];
      const fit = coxph(design(fx.dev, fx.terms), fx.dev.time, fx.dev.event, { ties, featureNames: fx.terms });
      expect(maxRel(fit.coefficients, ref.coefficients)).toBeLessThan(1e-7); // tolerance 1e-7 (fixtures README)
      expect(maxRel(fit.stdErrors, ref.std_errors)).toBeLessThan(1e-7); // tolerance 1e-7
      expect(maxRel(fit.z, ref.z)).toBeLessThan(1e-7); // tolerance 1e-7
      expect(maxRel(fit.p, ref.p)).toBeLessThan(1e-6); // tolerance 1e-6 (tail of z)
      expect(maxRel(fit.loglik, ref.loglik)).toBeLessThan(1e-10); // tolerance 1e-10
      expect(relDiff(fit.scoreTest, ref.score_test)).toBeLessThan(1e-9); // tolerance 1e-9
      expect(relDiff(fit.waldTest, ref.wald_test)).toBeLessThan(1e-7); // tolerance 1e-7
      expect(fit.iterations).toBe(ref.iter);
      expect(Array.from(fit.baseline.time)).toEqual(ref.baseline_cumhaz.time);
      expect(maxRel(fit.baseline.cumhaz, ref.baseline_cumhaz.hazard)).toBeLessThan(1e-6); // tolerance 1e-6
      const lp = coxLinearPredictor(fit, design(fx.ext, fx.terms));
      expect(maxAbsDiff(lp, ref.ext_lp)).toBeLessThan(1e-7); // tolerance 1e-7 abs
      expect(maxAbsDiff(coxPredictSurvival(fit, lp, 1825), ref.ext_surv_1825)).toBeLessThan(1e-7); // tolerance 1e-7 abs
    });
  }

  it("Breslow fit of survival_pbc.json", () => {
    const pbc = loadFixture("survival_pbc.json");
    const fit = coxph(design(fx.dev, pbc.cox.terms), fx.dev.time, fx.dev.event, { ties: "breslow" });
    expect(maxRel(fit.coefficients, pbc.cox.coefficients)).toBeLessThan(1e-7); // tolerance 1e-7 (fixtures README)
    expect(maxRel(fit.stdErrors, pbc.cox.std_errors)).toBeLessThan(1e-7); // tolerance 1e-7
    expect(maxRel(fit.baseline.cumhaz, pbc.cox.baseline_cumhaz.hazard)).toBeLessThan(1e-6); // tolerance 1e-6
  });
});
