import { describe, expect, it } from "vitest";
import { matrixFromColumns } from "../../../src/core/matrix.js";
import { type MultinomialElasticNetPath, multinomialElasticNetPath } from "../../../src/models/elasticnet/multinomialPath.js";
import { multinomialPredict } from "../../../src/models/elasticnet/multinomialPredict.js";
import { loadFixture } from "../../helpers.js";
import { pbcRows } from "../../ordinal/pbcData.js";

// Reference: test/fixtures/fx_multinomial_extra.R → test/fixtures/multinomial_extra.json (glmnet 4.1-6): grouped penalty,
// alpha = 0.5 (glmnet's elc centring), cv.glmnet with fixed folds. PBC stage 1–4, trial cohort, 9 labs (276).
const fx = loadFixture("multinomial_extra.json");
const rows = pbcRows(fx.ids);
const cols = fx.features.map((f: string) => Float64Array.from(rows, (r) => Number(r[f])));
const x = matrixFromColumns(cols);
const codes = Int32Array.from(rows, (r) => Number(r["stage"]) - 1);
const sd = cols.map((c: Float64Array) => {
  const m = c.reduce((s, v) => s + v, 0) / c.length;
  return Math.sqrt(c.reduce((s, v) => s + (v - m) ** 2, 0) / c.length);
});
const common = { nlambda: 30, lambdaMinRatio: 0.02, thresh: 1e-12, classes: fx.classes, featureNames: fx.features };

/** Largest difference of intercepts and standardised coefficients (β_j × sd_j) over classes and λ. */
function worstDiff(path: MultinomialElasticNetPath, ref: any): number {
  let worst = 0;
  fx.classes.forEach((cls: string, c: number) => {
    path.lambda.forEach((_, l) => {
      worst = Math.max(worst, Math.abs(path.a0[c]![l]! - ref.a0[c][l]));
      fx.features.forEach((_f: string, j: number) => (worst = Math.max(worst, Math.abs(path.beta[c]![j]![l]! - ref.beta[cls][j][l]) * sd[j]!)));
    });
  });
  return worst;
}

describe("multinomial elastic net: grouped penalty and alpha = 0.5", () => {
  const fits: Record<string, MultinomialElasticNetPath> = {};
  for (const [name, opts] of [["grouped", { alpha: 1, grouped: true }], ["enet", { alpha: 0.5 }]] as const) {
    it(`${name}: λ, deviance ratio, df, intercepts and coefficients match glmnet`, () => {
      const ref = fx[name];
      const path = multinomialElasticNetPath(x, codes, { ...common, ...opts });
      fits[name] = path;
      expect(path.lambda.length).toBe(ref.lambda.length);
      path.lambda.forEach((l, k) => expect(Math.abs(l / ref.lambda[k] - 1)).toBeLessThan(1e-10)); // λ 1e-10 relative
      path.devRatio.forEach((d, k) => expect(Math.abs(d - ref.dev_ratio[k])).toBeLessThan(1e-6)); // 1e-6
      expect(path.df).toEqual(ref.df);
      expect(Math.abs(path.nulldev / ref.nulldev - 1)).toBeLessThan(1e-12);
      expect(worstDiff(path, ref)).toBeLessThan(1e-5); // tolerance 1e-5 standardised (as the shared multinomial path)
    });
  }

  it("grouped: class probabilities at lambda[15] match predict(type = 'response')", () => {
    const path = fits["grouped"] ?? multinomialElasticNetPath(x, codes, { ...common, alpha: 1, grouped: true });
    const P = multinomialPredict(path, x, fx.grouped_lambda_used);
    let worst = 0;
    P.forEach((row, i) => row.forEach((v, c) => (worst = Math.max(worst, Math.abs(v - fx.grouped_probabilities[i][c])))));
    expect(worst).toBeLessThan(1e-6); // tolerance 1e-6 absolute
  });
});
