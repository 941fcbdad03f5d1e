import { describe, expect, it } from "vitest";
import { matrixFromColumns } from "../../src/core/matrix.js";
import { multinomialLogistic } from "../../src/ordinal/multinomialLogistic.js";
import { loadFixture, radvalErrorOf, relDiff } from "../helpers.js";
import { pbcMatrix, pbcRows } from "./pbcData.js";

// Reference: ../shared/fixtures/fx_ordinal_pbc.R → test/fixtures/ordinal_pbc.json, block `multinom.mle` (nnet::multinom 7.3-18
// refined to the exact MLE by Newton–Raphson, analytic-Hessian SEs). PBC stage 1–4, trial cohort (308).
const fx = loadFixture("ordinal_pbc.json");
const x = pbcMatrix(pbcRows(fx.ids), fx.features);
const codes = Int32Array.from(fx.y, (y: number) => y - 1);

describe("multinomial logistic regression at the exact MLE (nnet::multinom refined)", () => {
  const fit = multinomialLogistic(x, codes, { classes: fx.levels.map(String), featureNames: fx.features });
  const ref = fx.multinom.mle;

  it("matches the coefficients, SEs, logLik, deviance and AIC", () => {
    expect(fit.columns).toEqual(fx.multinom.coefficient_columns);
    fit.coefficients.forEach((row, k) =>
      row.forEach((v, j) => {
        expect(relDiff(v, ref.coefficients[k][j])).toBeLessThan(1e-6); // tolerance 1e-6 (fixtures README, multinom MLE)
        expect(relDiff(fit.stdErrors[k]![j]!, ref.std_errors[k][j])).toBeLessThan(1e-6); // tolerance 1e-6
      }),
    );
    expect(relDiff(fit.loglik, ref.loglik)).toBeLessThan(1e-6); // tolerance 1e-6
    expect(relDiff(fit.deviance, ref.deviance)).toBeLessThan(1e-6); // tolerance 1e-6
    expect(relDiff(fit.aic, ref.aic)).toBeLessThan(1e-6); // tolerance 1e-6
    let worst = 0;
    fit.fittedProbabilities.forEach((row, i) => row.forEach((v, k) => (worst = Math.max(worst, Math.abs(v - ref.fitted_probabilities[i][k])))));
    expect(worst).toBeLessThan(1e-6); // tolerance 1e-6
    // nnet's default fit stops early: within the README's 5e-3
    fx.multinom.default.coefficients.forEach((row: number[], k: number) => row.forEach((v, j) => expect(Math.abs(v - fit.coefficients[k]![j]!)).toBeLessThan(5e-3)));
  });

  it("rejects an empty class and separated classes", () => {
    expect(radvalErrorOf(() => multinomialLogistic(x, codes, { classes: ["1", "2", "3", "4", "5"] })).code).toBe("EMPTY_LEVEL");
    const sep = matrixFromColumns([Float64Array.of(1, 2, 3, 4, 5, 6)]);
    expect(radvalErrorOf(() => multinomialLogistic(sep, [0, 0, 1, 1, 2, 2])).code).toBe("NOT_CONVERGED");
  });
});
