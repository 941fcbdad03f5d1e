import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { randomEffectsMeta } from "../../src/validate/metaAnalysis.js";
import { radvalErrorOf } from "../helpers.js";

// Reference: metafor 3.8-1 rma.uni, test/fixtures/fx_meta_analysis.R → test/fixtures/meta_analysis.json (15 significant digits).
const ref = JSON.parse(readFileSync(new URL("../fixtures/meta_analysis.json", import.meta.url), "utf8"));
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

describe("randomEffectsMeta against metafor::rma", () => {
  for (const name of ["logit_auc", "slope", "homogeneous"]) {
    for (const method of ["REML", "DL"] as const) {
      for (const test of ["z", "knha"] as const) {
        it(`${name} ${method} ${test}: estimate, SE, CI, PI, τ², I², Q to 1e-8 relative (τ² 1e-8 absolute)`, () => {
          const r = ref[name][`${method}_${test}`];
          const m = randomEffectsMeta(ref[name].yi, ref[name].vi, { method, test });
          expect(rel(m.estimate, r.estimate)).toBeLessThan(1e-8);
          expect(rel(m.se, r.se)).toBeLessThan(1e-8);
          expect(rel(m.ci[0], r.ci_lb)).toBeLessThan(1e-8);
          expect(rel(m.ci[1], r.ci_ub)).toBeLessThan(1e-8);
          expect(rel(m.predictionInterval[0], r.pi_lb)).toBeLessThan(1e-8);
          expect(rel(m.predictionInterval[1], r.pi_ub)).toBeLessThan(1e-8);
          expect(Math.abs(m.tau2 - r.tau2)).toBeLessThan(1e-8);
          expect(Math.abs(m.I2 - r.I2)).toBeLessThan(1e-6); // percent
          expect(rel(m.Q, r.QE)).toBeLessThan(1e-10);
          expect(rel(m.Qp, r.QEp)).toBeLessThan(1e-8);
        });
      }
    }
  }

  it("rejects fewer than 2 clusters and non-positive variances", () => {
    expect(radvalErrorOf(() => randomEffectsMeta([1], [0.1])).code).toBe("INVALID_ARGUMENT");
    expect(radvalErrorOf(() => randomEffectsMeta([1, 2], [0.1, 0])).code).toBe("NON_FINITE");
  });
});
