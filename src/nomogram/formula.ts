import { RadvalError } from "../core/errors.js";
import type { NomogramBasis } from "./basis.js";
import { logisticNomogram } from "./models.js";
import { rPretty } from "./pretty.js";
import type { LinearNomogramTerm, Nomogram } from "./types.js";

/** A linear predictor on raw inputs: logit P = intercept + Σ coefficient × value (a study model's raw-scale formula). */
export interface LinearFormula {
  readonly intercept: number;
  readonly coefficients: Readonly<Record<string, number>>;
}

/** Options of {@link formulaNomogram}. */
export interface FormulaNomogramOptions {
  /** Label of the risk axis, default "Risk". */
  readonly label?: string;
  /** Patients whose points to compute: each predictor's values (same length; imputed already). Default none. */
  readonly patients?: Readonly<Record<string, ArrayLike<number>>>;
}

/**
 * The rms::nomogram of a logistic model given as a raw-scale formula (a
 * study's final logistic or penalised model: its non-zero coefficients), with
 * the datadist rules applied to what the development data left: numeric axes
 * `pretty(range)` from `ranges` (or the distinct values, ≤ 10, from `basis`),
 * the lp axis `pretty(range of the fitted lp)` from `basis`. Without a basis
 * (model files written before it) the lp range is taken over the predictor
 * axes and `approximations` says so. Predictors in the formula's order;
 * zero coefficients left out. O(p + patients · p).
 */
export function formulaNomogram(
  formula: LinearFormula,
  ranges: Readonly<Record<string, readonly [number, number]>>,
  basis: NomogramBasis | null | undefined,
  options: FormulaNomogramOptions = {},
): { nomogram: Nomogram; approximations: string[] } {
  const used = Object.entries(formula.coefficients).filter(([, b]) => b !== 0);
  if (used.length === 0) {
    throw new RadvalError("INVALID_ARGUMENT", "the model keeps no predictor (intercept only), so there is nothing to draw", { where: { key: "coefficients" }, hint: "A penalised model that shrank every coefficient to 0 predicts the same risk for everyone." });
  }
  const approximations: string[] = [];
  const terms: LinearNomogramTerm[] = used.map(([name, coefficient]) => {
    const range = ranges[name];
    const axis = basis?.discrete[name] ?? (range && Number.isFinite(range[0]) && Number.isFinite(range[1]) ? rPretty(range[0], range[1], 10) : null);
    if (!axis || axis.length === 0) {
      throw new RadvalError("INVALID_ARGUMENT", `no development range for the predictor "${name}"`, { where: { feature: name }, hint: "The model file lacks the predictor's range; re-run the study with this radval version." });
    }
    const values = options.patients?.[name] ?? new Float64Array(0);
    return { name, type: "linear", coefficient, values, axis };
  });
  let lpRange: readonly [number, number];
  if (basis) lpRange = basis.linearPredictorRange;
  else {
    let lo = formula.intercept;
    let hi = formula.intercept;
    for (const t of terms) {
      const xb = t.axis!.map((v) => t.coefficient * v);
      lo += Math.min(...xb);
      hi += Math.max(...xb);
    }
    lpRange = [lo, hi];
    approximations.push("the model file has no nomogramBasis (written by an older radval): the linear-predictor axis spans the predictor axes instead of the development patients' linear predictors, and numeric inputs with few distinct values get pretty() axes");
  }
  const lpAt = rPretty(lpRange[0], lpRange[1], 10);
  return { nomogram: logisticNomogram({ intercept: formula.intercept, terms, label: options.label ?? "Risk", lpAt }), approximations };
}
