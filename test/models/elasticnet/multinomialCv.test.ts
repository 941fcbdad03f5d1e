import { describe, expect, it } from "vitest";
import { matrixFromColumns } from "../../../src/core/matrix.js";
import { createRng } from "../../../src/core/rng.js";
import { cvMultinomialElasticNet, cvMultinomialElasticNetMeasures, stratifiedClassFolds } from "../../../src/models/elasticnet/multinomialCv.js";
import { loadFixture, radvalErrorOf } from "../../helpers.js";
import { pbcRows } from "../../ordinal/pbcData.js";

// Reference: test/fixtures/fx_multinomial_extra.R → test/fixtures/multinomial_extra.json (glmnet 4.1-6 cv.glmnet,
// family = "multinomial", foldid = rep(1:5, length.out = n)). PBC stage 1–4, trial cohort, 9 labs (276).
const fx = loadFixture("multinomial_extra.json");
const rows = pbcRows(fx.ids);
const x = matrixFromColumns(fx.features.map((f: string) => Float64Array.from(rows, (r) => Number(r[f]))));
const codes = Int32Array.from(rows, (r) => Number(r["stage"]) - 1);
const common = { alpha: 1, nlambda: 30, lambdaMinRatio: 0.02, thresh: 1e-12, foldId: fx.foldid, classes: fx.classes };

describe("cv.glmnet for the multinomial family", () => {
  const MEASURES = ["deviance", "class", "mse", "mae"] as const;
  const all = cvMultinomialElasticNetMeasures(x, codes, MEASURES, common);
  MEASURES.forEach((measure, m) => {
    it(`${measure}: cvm, cvsd, lambda.min and lambda.1se match cv.glmnet`, () => {
      const ref = fx.cv[measure];
      const r = all[m]!;
      expect(r.measureName).toBe(ref.name);
      expect(r.lambda.length).toBe(ref.lambda.length);
      r.cvm.forEach((v, l) => expect(Math.abs(v - ref.cvm[l])).toBeLessThan(1e-6)); // tolerance 1e-6 (path 1e-5 standardised)
      r.cvsd.forEach((v, l) => expect(Math.abs(v - ref.cvsd[l])).toBeLessThan(1e-6)); // tolerance 1e-6
      expect(r.lambdaMin).toBeCloseTo(ref.lambda_min, 12);
      expect(r.lambda1se).toBeCloseTo(ref.lambda_1se, 12);
    });
  });

  it("one measure alone equals the shared fits", () => {
    expect(cvMultinomialElasticNet(x, codes, { ...common, measure: "mse" }).cvm).toEqual(all[2]!.cvm);
  });

  it("grouped penalty: deviance curve matches cv.glmnet(type.multinomial = 'grouped')", () => {
    const ref = fx.cv_grouped;
    const r = cvMultinomialElasticNet(x, codes, { ...common, lambdaMinRatio: 0.05, grouped: true });
    expect(r.lambda.length).toBe(ref.lambda.length);
    r.cvm.forEach((v, l) => expect(Math.abs(v - ref.cvm[l])).toBeLessThan(1e-6)); // tolerance 1e-6
    r.cvsd.forEach((v, l) => expect(Math.abs(v - ref.cvsd[l])).toBeLessThan(1e-6)); // tolerance 1e-6
    expect(r.lambdaMin).toBeCloseTo(ref.lambda_min, 12);
    expect(r.lambda1se).toBeCloseTo(ref.lambda_1se, 12);
  });

  it("draws class-stratified folds with a seeded Rng, and rejects too few folds or a missing generator", () => {
    const a = stratifiedClassFolds(codes, 4, 5, createRng(7));
    expect(Array.from(a)).toEqual(Array.from(stratifiedClassFolds(codes, 4, 5, createRng(7))));
    for (let c = 0; c < 4; c++) {
      const per = [1, 2, 3, 4, 5].map((f) => codes.filter((y, i) => y === c && a[i] === f).length);
      expect(Math.max(...per) - Math.min(...per)).toBeLessThanOrEqual(1);
    }
    expect(radvalErrorOf(() => cvMultinomialElasticNet(x, codes, { nFolds: 5 })).code).toBe("INVALID_ARGUMENT");
    expect(radvalErrorOf(() => stratifiedClassFolds([0, 0, 1, 1, 1], 2, 3, createRng(1))).code).toBe("TOO_FEW_CASES");
    expect(radvalErrorOf(() => cvMultinomialElasticNet(x, codes, { foldId: codes.map((c) => c % 2) })).code).toBe("INVALID_ARGUMENT");
  });
});
