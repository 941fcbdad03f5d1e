// Reference: test/fixtures/glmnet_extra.json, case "predict" (test/fixtures/fx_glmnet_extra.R: predict/coef of
// glmnet(x, y, family = "binomial", alpha = 1, thresh = 1e-12) at s = 10, 0.05, 0.0123, 0.00123, 1e-9).
import { describe, expect, it } from "vitest";
import { gatherRows } from "../../../src/core/matrix.js";
import { elasticNetPath } from "../../../src/models/elasticnet/path.js";
import { elasticNetCoef, elasticNetPredict, lambdaInterp, pathPlotData } from "../../../src/models/elasticnet/predict.js";
import { radvalErrorOf } from "../../helpers.js";
import { fixture, wdbc } from "./helpers.js";

const { x, y, names } = wdbc();
const r = fixture("glmnet_extra.json").cases.predict;
const fit = elasticNetPath(x, y, { alpha: 1, thresh: 1e-12, featureNames: names });

describe("predict / coef at any λ (glmnet's lambda.interp)", () => {
  it("matches predict.glmnet and coef.glmnet between, on and outside the path", () => {
    const x5 = gatherRows(x, [0, 1, 2, 3, 4]);
    r.s.forEach((s: number, k: number) => {
      const link = elasticNetPredict(fit, x5, s, "link");
      for (let i = 0; i < 5; i++) expect(Math.abs(link[i]! - r.link[i][k])).toBeLessThan(1e-6); // link: 1e-6 absolute (observed ~1e-13)
      const coef = elasticNetCoef(fit, s);
      expect(Math.abs(coef.intercept - r.coef[0][k])).toBeLessThan(1e-5); // intercept: 1e-5 absolute (observed ~1e-11)
      coef.beta.forEach((b, j) => expect(Math.abs(b - r.coef[j + 1][k])).toBeLessThan(1e-5)); // β: 1e-5 absolute
    });
  });

  it("on a path λ gives exactly that solution; outside the path it clamps", () => {
    expect(lambdaInterp(fit.lambda, fit.lambda[10]!)).toMatchObject({ left: 10, frac: 1 });
    expect(elasticNetCoef(fit, fit.lambda[10]!).beta).toEqual(fit.beta.map((b) => b[10]));
    expect(lambdaInterp(fit.lambda, 1e6)).toMatchObject({ left: 0, right: 0 });
    const last = fit.lambda.length - 1;
    expect(lambdaInterp(fit.lambda, 0)).toMatchObject({ left: last, right: last });
    expect(lambdaInterp([0.3], 5)).toEqual({ left: 0, right: 0, frac: 1 });
  });

  it("interpolation is linear in λ between neighbours", () => {
    const s = 0.75 * fit.lambda[20]! + 0.25 * fit.lambda[21]!;
    const { left, right, frac } = lambdaInterp(fit.lambda, s);
    expect([left, right]).toEqual([20, 21]);
    expect(frac).toBeCloseTo(0.75, 12); // 1e-12 absolute
    const p = elasticNetPredict(fit, x, s);
    expect(p.every((v) => v > 0 && v < 1)).toBe(true);
  });

  it("the path as plot data: one series per feature, on either scale", () => {
    const plot = pathPlotData(fit);
    expect(plot.series.length).toBe(30);
    expect(plot.logLambda[0]).toBeCloseTo(Math.log(fit.lambda[0]!), 14);
    expect(plot.series[3]!.coefficient[50]).toBeCloseTo(fit.beta[3]![50]! * fit.xScale[3]!, 14);
    expect(pathPlotData(fit, "original").series[3]!.coefficient).toEqual(fit.beta[3]);
  });

  it("bad s and mismatched new data are errors", () => {
    expect(radvalErrorOf(() => elasticNetCoef(fit, -1)).where.key).toBe("s");
    expect(radvalErrorOf(() => elasticNetPredict(fit, { nRows: 1, nCols: 2, data: new Float64Array(2) }, 0.1)).code).toBe("DIMENSION_MISMATCH");
  });
});
