import { RadvalError } from "../core/errors.js";
import { chiSquareUpperTail } from "../stats/chiSquare.js";

/** What the likelihood-ratio test needs of a fitted model (a LogisticRegressionResult has both). */
export interface NestedModelFit {
  /** Residual deviance −2 log L (binomial 0/1 outcome: no saturated-model term). */
  readonly deviance: number;
  readonly dfResidual: number;
}

/** anova(comparator, new, test = "Chisq") of two nested models. */
export interface NestedLikelihoodRatioTest {
  /** Residual df and deviance of the comparator (smaller) and the new (larger) model. */
  readonly dfResidual: readonly [comparator: number, model: number];
  readonly deviance: readonly [comparator: number, model: number];
  /** Added parameters = df_comparator − df_new. */
  readonly df: number;
  /** Deviance reduction dev_comparator − dev_new = 2 (log L_new − log L_comparator). */
  readonly statistic: number;
  /** Upper tail of χ²(df) at the statistic. */
  readonly p: number;
}

/**
 * Likelihood-ratio test of a model against the nested comparator it extends
 * (R: `anova(comparator, model, test = "Chisq")` for glm fits): statistic =
 * deviance reduction, χ² with the number of added parameters as df. The
 * nesting itself (same rows, comparator's predictors a subset) is the
 * caller's to ensure; the df must differ. O(1).
 */
export function nestedLikelihoodRatioTest(comparator: NestedModelFit, model: NestedModelFit): NestedLikelihoodRatioTest {
  for (const [name, f] of [["comparator", comparator], ["model", model]] as const) {
    if (!Number.isFinite(f.deviance) || !(f.dfResidual >= 0)) {
      throw new RadvalError("INVALID_ARGUMENT", `the ${name}'s deviance and residual df must be finite numbers, got ${f.deviance} and ${f.dfResidual}`, { where: { key: name } });
    }
  }
  const df = comparator.dfResidual - model.dfResidual;
  if (!(df > 0)) {
    throw new RadvalError("INVALID_ARGUMENT", `the new model must have more parameters than its comparator (residual df ${model.dfResidual} vs ${comparator.dfResidual})`, {
      where: { key: "model" },
      hint: "Pass the smaller (nested) model first and the extended model second, fitted on the same rows.",
    });
  }
  const statistic = comparator.deviance - model.deviance;
  return {
    dfResidual: [comparator.dfResidual, model.dfResidual],
    deviance: [comparator.deviance, model.deviance],
    df,
    statistic,
    p: chiSquareUpperTail(statistic, df),
  };
}
