import { describe, expect, it } from "vitest";
import { matrixFromColumns } from "../../../src/core/matrix.js";
import { createRng } from "../../../src/core/rng.js";
import { cvCoxnet } from "../../../src/models/coxnet/cv.js";
import { loadFixture, radvalErrorOf, relDiff } from "../../helpers.js";

// Reference: test/fixtures/scripts/fx_survival_pbc.R (cv.glmnet(family = "cox"), stored foldid, glmnet 4.1-6).
// Tolerances (fixtures README / check-cli-contracts): lambdaMin, lambda1se 1e-10; cvm, cvsd 1e-5 relative.
const pbc = loadFixture("survival_pbc.json");
const fx = loadFixture("survival_extra.json");
const x = matrixFromColumns(pbc.features.map((f: string) => fx.dev.x[f]));

describe("cvCoxnet (cv.glmnet family = 'cox')", () => {
  for (const [measure, key] of [["deviance", "cv_deviance"], ["C", "cv_C"]] as const) {
    it(`type.measure ${measure} with the stored fold ids`, () => {
      const ref = pbc[key];
      const cv = cvCoxnet(x, fx.dev.time, fx.dev.event, { alpha: 1, nlambda: 100, thresh: 1e-12, foldId: pbc.foldid, measure });
      expect(cv.cvm.length).toBe(ref.cvm.length);
      let worst = 0;
      ref.cvm.forEach((m: number, l: number) => {
        worst = Math.max(worst, relDiff(cv.cvm[l]!, m), relDiff(cv.cvsd[l]!, ref.cvsd[l]));
      });
      expect(worst).toBeLessThan(1e-5); // tolerance 1e-5 relative
      expect(relDiff(cv.lambdaMin, ref.lambda_min)).toBeLessThan(1e-10); // tolerance 1e-10
      expect(relDiff(cv.lambda1se, ref.lambda_1se)).toBeLessThan(1e-10); // tolerance 1e-10
    });
  }

  it("draws folds from a seed reproducibly and rejects too few folds", () => {
    const a = cvCoxnet(x, fx.dev.time, fx.dev.event, { nlambda: 10, nFolds: 5, rng: createRng(3) });
    const b = cvCoxnet(x, fx.dev.time, fx.dev.event, { nlambda: 10, nFolds: 5, rng: createRng(3) });
    expect(Array.from(a.foldId)).toEqual(Array.from(b.foldId));
    expect(a.cvm).toEqual(b.cvm);
    expect(radvalErrorOf(() => cvCoxnet(x, fx.dev.time, fx.dev.event, { nlambda: 10, nFolds: 2, rng: createRng(3) })).code).toBe("INVALID_ARGUMENT");
  });
});
