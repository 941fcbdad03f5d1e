import { describe, expect, it } from "vitest";
import { matrixFromColumns } from "../../../src/core/matrix.js";
import { coxnetPath } from "../../../src/models/coxnet/path.js";
import { loadFixture, relDiff } from "../../helpers.js";

// References: test/fixtures/scripts/fx_survival_pbc.R (survival_pbc.json: lasso path, glmnet 4.1-6, thresh 1e-12) and
// test/fixtures/scripts/fx_survival_extra.R (survival_extra.json: alpha = 0.5, nlambda = 30).
// Tolerances as the binomial glmnet fixtures: lambda 1e-10 relative, devRatio 1e-6, beta 1e-5 abs standardised.
const pbc = loadFixture("survival_pbc.json");
const fx = loadFixture("survival_extra.json");
const x = matrixFromColumns(pbc.features.map((f: string) => fx.dev.x[f]));
const sds = pbc.features.map((f: string) => {
  const v: number[] = fx.dev.x[f];
  const m = v.reduce((s, a) => s + a, 0) / v.length;
  return Math.sqrt(v.reduce((s, a) => s + (a - m) ** 2, 0) / v.length);
});

function compare(path: ReturnType<typeof coxnetPath>, ref: { lambda: number[]; beta: number[][]; dev_ratio: number[]; df: number[] }) {
  expect(path.lambda.length).toBe(ref.lambda.length);
  let worstBeta = 0;
  ref.lambda.forEach((l, k) => {
    expect(relDiff(path.lambda[k]!, l)).toBeLessThan(1e-10); // tolerance 1e-10
    expect(Math.abs(path.devRatio[k]! - ref.dev_ratio[k]!)).toBeLessThan(1e-6); // tolerance 1e-6
    expect(path.df[k]).toBe(ref.df[k]);
    sds.forEach((sd: number, j: number) => (worstBeta = Math.max(worstBeta, Math.abs((path.beta[j]![k]! - ref.beta[j]![k]!) * sd))));
  });
  expect(worstBeta).toBeLessThan(1e-5); // tolerance 1e-5 abs, standardised
}

describe("coxnetPath (glmnet family = 'cox')", () => {
  it("lasso path on PBC: lambda, beta, devRatio, df, early stop", () => {
    compare(coxnetPath(x, fx.dev.time, fx.dev.event, { alpha: 1, nlambda: 100, thresh: 1e-12, featureNames: pbc.features }), pbc.path);
  });
  it("elastic net alpha = 0.5 and the null deviance", () => {
    const path = coxnetPath(x, fx.dev.time, fx.dev.event, { alpha: 0.5, nlambda: 30, thresh: 1e-12 });
    compare(path, fx.coxnet_alpha05);
    expect(relDiff(path.nulldev, fx.coxnet_alpha05.nulldev)).toBeLessThan(1e-10); // tolerance 1e-10
  });
});
