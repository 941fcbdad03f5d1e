import { describe, expect, it } from "vitest";
import { matrixFromColumns } from "../../src/core/matrix.js";
import { coxph } from "../../src/survival/coxph.js";
import { coxZph } from "../../src/survival/coxZph.js";
import { loadFixture, relDiff } from "../helpers.js";

// Reference: test/fixtures/scripts/fx_survival_extra.R (cox.zph(fit, transform = "km"), survival 3.5-3).
const fx = loadFixture("survival_extra.json");

describe("coxZph (survival::cox.zph)", () => {
  for (const ties of ["efron", "breslow"] as const) {
    it(`${ties}: per-term and global chi-square and p`, () => {
      const x = matrixFromColumns(fx.terms.map((t: string) => fx.dev.x[t]));
      const fit = coxph(x, fx.dev.time, fx.dev.event, { ties, featureNames: fx.terms });
      const z = coxZph(fit, x, fx.dev.time, fx.dev.event);
      const ref = fx[ties].zph;
      fx.terms.forEach((t: string, j: number) => {
        expect(ref.terms[j]).toBe(t);
        expect(relDiff(z.chisq[j]!, ref.chisq[j])).toBeLessThan(1e-6); // tolerance 1e-6 (β converged to coxph's 1e-9)
        expect(relDiff(z.p[j]!, ref.p[j])).toBeLessThan(1e-6); // tolerance 1e-6
      });
      expect(relDiff(z.global.chisq, ref.chisq[fx.terms.length])).toBeLessThan(1e-6); // tolerance 1e-6
      expect(z.global.df).toBe(ref.df[fx.terms.length]);
      expect(relDiff(z.global.p, ref.p[fx.terms.length])).toBeLessThan(1e-6); // tolerance 1e-6
    });
  }
});
