import { describe, expect, it } from "vitest";
import { matrixFromColumns } from "../../../src/core/matrix.js";
import { elasticCentre } from "../../../src/models/elasticnet/multinomialSolver.js";
import { multinomialElasticNetPath } from "../../../src/models/elasticnet/multinomialPath.js";
import { loadFixture, radvalErrorOf } from "../../helpers.js";
import { pbcRows } from "../../ordinal/pbcData.js";

// Reference: ../shared/fixtures/fx_multiclass_pbc.R → test/fixtures/multiclass_pbc.json (glmnet 4.1-6,
// family = "multinomial", ungrouped, alpha = 1, nlambda = 50, thresh = 1e-12). PBC stage 1–4, trial cohort, 9 labs (276).
const fx = loadFixture("multiclass_pbc.json");
const rows = pbcRows(fx.ids);
const cols = fx.features.map((f: string) => Float64Array.from(rows, (r) => Number(r[f])));
const x = matrixFromColumns(cols);
const codes = Int32Array.from(rows, (r) => Number(r["stage"]) - 1);
const sd = cols.map((c: Float64Array) => {
  const m = c.reduce((s, v) => s + v, 0) / c.length;
  return Math.sqrt(c.reduce((s, v) => s + (v - m) ** 2, 0) / c.length);
});

describe("multinomial elastic-net path (glmnet family = 'multinomial')", () => {
  const path = multinomialElasticNetPath(x, codes, { alpha: 1, nlambda: 50, thresh: 1e-12, classes: fx.classes, featureNames: fx.features });

  it("has glmnet's λ sequence and deviance ratios", () => {
    expect(path.lambda.length).toBe(fx.path.lambda.length);
    path.lambda.forEach((l, k) => expect(Math.abs(l / fx.path.lambda[k] - 1)).toBeLessThan(1e-10)); // λ: 1e-10 relative
    path.devRatio.forEach((d, k) => expect(Math.abs(d - fx.path.dev_ratio[k])).toBeLessThan(1e-6)); // tolerance 1e-6 (path 1e-5)
  });

  it("matches glmnet's intercepts and per-class coefficients (1e-5 on the standardised scale)", () => {
    let worst = 0;
    fx.classes.forEach((cls: string, c: number) => {
      path.lambda.forEach((_, l) => {
        worst = Math.max(worst, Math.abs(path.a0[c]![l]! - fx.path.a0[c][l]));
        fx.features.forEach((_f: string, j: number) => {
          worst = Math.max(worst, Math.abs(path.beta[c]![j]![l]! - fx.path.beta[cls][j][l]) * sd[j]!);
        });
      });
    });
    expect(worst).toBeLessThan(1e-5); // tolerance 1e-5 standardised (fixtures README)
  });
});

describe("elasticCentre (glmnet's elc)", () => {
  it("is the mean (α = 0, K = 2), the median midpoint (α = 1) and the exact minimiser in between", () => {
    expect(elasticCentre(0, [1, 2, 6])).toBe(3);
    expect(elasticCentre(0.5, [1, 5])).toBe(3);
    expect(elasticCentre(1, [1, 2, 6])).toBe(2);
    expect(elasticCentre(1, [1, 2, 4, 9])).toBe(3);
    const a = [0.3, -1.2, 2.5, 0.1];
    for (const alpha of [0.2, 0.5, 0.9]) {
      const f = (s: number) => a.reduce((t, v) => t + ((1 - alpha) / 2) * (v - s) ** 2 + alpha * Math.abs(v - s), 0);
      const s = elasticCentre(alpha, a);
      for (const d of [1e-4, -1e-4]) expect(f(s + d)).toBeGreaterThanOrEqual(f(s) - 1e-15);
    }
  });
});

describe("input checks", () => {
  it("rejects a class with fewer than 2 rows, bad codes and missing features", () => {
    const small = matrixFromColumns([Float64Array.of(1, 2, 3, 4, 5)]);
    expect(radvalErrorOf(() => multinomialElasticNetPath(small, [0, 0, 1, 1, 2])).code).toBe("TOO_FEW_CASES");
    expect(radvalErrorOf(() => multinomialElasticNetPath(small, [0, 0, 1, 1, 7], { classes: ["a", "b", "c"] })).code).toBe("INVALID_ARGUMENT");
    const gap = matrixFromColumns([Float64Array.of(1, NaN, 3, 4)]);
    expect(radvalErrorOf(() => multinomialElasticNetPath(gap, [0, 0, 1, 1])).code).toBe("NON_FINITE");
  });
});

describe("multinomial predictions", () => {
  it("predict(type = 'response') at lambda[20] equals glmnet's class probabilities", async () => {
    const { multinomialPredict, multinomialCoef } = await import("../../../src/models/elasticnet/multinomialPredict.js");
    const path = multinomialElasticNetPath(x, codes, { alpha: 1, nlambda: 50, thresh: 1e-12, classes: fx.classes });
    const P = multinomialPredict(path, x, fx.lambda_used);
    let worst = 0;
    P.forEach((row, i) => row.forEach((v, c) => (worst = Math.max(worst, Math.abs(v - fx.probabilities[i][c])))));
    expect(worst).toBeLessThan(1e-6); // tolerance 1e-6 absolute (path tolerance 1e-5 standardised)
    const c19 = multinomialCoef(path, path.lambda[19]!);
    expect(c19.intercept[2]).toBe(path.a0[2]![19]);
    const eta = multinomialPredict(path, x, fx.lambda_used, "link");
    expect(Math.abs(eta[0]!.reduce((s, v) => s + Math.exp(v), 0) * P[0]![0]! - Math.exp(eta[0]![0]!))).toBeLessThan(1e-12);
  });
});
