import { describe, expect, it } from "vitest";
import { matrixFromColumns } from "../../src/core/matrix.js";
import { predictProportionalOdds, proportionalOdds } from "../../src/ordinal/proportionalOdds.js";
import { loadFixture, radvalErrorOf, relDiff } from "../helpers.js";
import { pbcMatrix, pbcRows } from "./pbcData.js";

// Reference: ../shared/fixtures/fx_ordinal_pbc.R → test/fixtures/ordinal_pbc.json, block `mle` (ordinal::clm 2022.11-16,
// Newton, max|gradient| 1.5e-11; MASS::polr stops early, so `polr` is compared loosely). PBC stage 1–4, trial cohort (308).
const fx = loadFixture("ordinal_pbc.json");
const rows = pbcRows(fx.ids);
const x = pbcMatrix(rows, fx.features);
const codes = Int32Array.from(fx.y, (y: number) => y - 1);
const fit = proportionalOdds(x, codes, { levels: fx.levels.map(String), featureNames: fx.features });
const mle = fx.mle;

describe("proportional odds (cumulative logit) at the exact MLE", () => {
  it("matches ordinal::clm: coefficients, cut-points, SEs, vcov, logLik, deviance, AIC", () => {
    fx.features.forEach((f: string, j: number) => {
      // tolerance 1e-6 relative (fixtures README, `mle`)
      expect(relDiff(fit.coefficients[j]!, mle.coefficients[f])).toBeLessThan(1e-6);
    });
    expect(fit.cutpointNames).toEqual(Object.keys(mle.zeta));
    fit.cutpointNames.forEach((name, k) => expect(relDiff(fit.zeta[k]!, mle.zeta[name])).toBeLessThan(1e-6)); // tolerance 1e-6 relative
    expect(fit.parameterNames).toEqual(mle.vcov_names);
    fit.parameterNames.forEach((name, r) => {
      expect(relDiff(fit.stdErrors[r]!, mle.std_errors[name])).toBeLessThan(1e-6); // tolerance 1e-6 relative
      fit.parameterNames.forEach((_, c) => expect(relDiff(fit.vcov[r]![c]!, mle.vcov[r][c])).toBeLessThan(1e-6)); // tolerance 1e-6 relative
    });
    expect(relDiff(fit.loglik, mle.loglik)).toBeLessThan(1e-6); // tolerance 1e-6 relative
    expect(relDiff(fit.deviance, mle.deviance)).toBeLessThan(1e-6); // tolerance 1e-6 relative
    expect(relDiff(fit.aic, mle.aic)).toBeLessThan(1e-6); // tolerance 1e-6 relative
    expect(fit.maxAbsGradient).toBeLessThan(1e-8);
  });

  it("matches clm's linear predictor and fitted class probabilities (and is within polr's early stop)", () => {
    let dlp = 0;
    let dp = 0;
    fit.fittedProbabilities.forEach((row, i) => {
      dlp = Math.max(dlp, Math.abs(fit.lp[i]! - mle.lp[i]));
      row.forEach((v, k) => (dp = Math.max(dp, Math.abs(v - mle.fitted_probabilities[i][k]))));
    });
    expect(dp).toBeLessThan(1e-7); // tolerance 1e-7 absolute (fixtures README)
    expect(dlp).toBeLessThan(1e-6); // tolerance 1e-6 (as the coefficients)
    fx.features.forEach((f: string, j: number) => expect(Math.abs(fit.coefficients[j]! - fx.polr.coefficients[f])).toBeLessThan(2e-3)); // polr 2e-3 abs
    expect(Math.abs(fit.deviance - fx.polr.deviance)).toBeLessThan(2e-3); // polr 2e-3 abs
  });

  it("predicts new rows with the fitted model (cumulative and class probabilities)", () => {
    const first = matrixFromColumns(fx.features.map((_: string, j: number) => Float64Array.of(x.data[j * x.nRows]!, x.data[j * x.nRows + 5]!)));
    const pr = predictProportionalOdds(fit, first);
    [0, 5].forEach((i, t) => {
      pr.probabilities[t]!.forEach((v, k) => expect(Math.abs(v - mle.fitted_probabilities[i][k])).toBeLessThan(1e-7)); // tolerance 1e-7 abs
      expect(Math.abs(pr.cumulative[t]![0]! - mle.fitted_probabilities[i][0])).toBeLessThan(1e-7); // P(Y ≤ 1) = P(Y = 1)
    });
    expect(radvalErrorOf(() => predictProportionalOdds(fit, matrixFromColumns([Float64Array.of(1)]))).code).toBe("DIMENSION_MISMATCH");
  });

  it("rejects a level with no cases, missing features and separation", () => {
    expect(radvalErrorOf(() => proportionalOdds(x, codes, { levels: ["1", "2", "3", "4", "5"] })).code).toBe("EMPTY_LEVEL");
    const withNaN = matrixFromColumns([Float64Array.of(1, NaN, 3, 4)]);
    expect(radvalErrorOf(() => proportionalOdds(withNaN, [0, 1, 1, 2])).code).toBe("NON_FINITE");
    const separated = matrixFromColumns([Float64Array.of(1, 2, 3, 4, 5, 6)]);
    expect(radvalErrorOf(() => proportionalOdds(separated, [0, 0, 1, 1, 2, 2])).code).toBe("NOT_CONVERGED");
  });
});
