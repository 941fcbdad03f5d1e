import { RadvalError } from "../core/errors.js";
import { nomogram } from "./nomogram.js";
import type { Nomogram, NomogramTerm } from "./types.js";

const plogis = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const qlogis = (p: number): number => Math.log(p / (1 - p));

/**
 * Nomogram of a logistic model (rms: `nomogram(lrm fit, fun = plogis)`):
 * lp = intercept + Σ terms, with a risk axis. See {@link nomogram}.
 */
export function logisticNomogram(model: { readonly intercept: number; readonly terms: readonly NomogramTerm[]; readonly label?: string; readonly riskAt?: readonly number[]; readonly lpAt?: readonly number[] }): Nomogram {
  return nomogram({
    offset: model.intercept,
    terms: model.terms,
    ...(model.lpAt ? { lpAt: model.lpAt } : {}),
    functions: [{ label: model.label ?? "Risk", f: plogis, inverse: qlogis, ...(model.riskAt ? { at: model.riskAt } : {}) }],
  });
}

/**
 * Baseline survival at time t from a step function (survival's / rms's
 * `fit$surv` at the last `fit$time ≤ t`; 1 before the first time). O(log m).
 */
export function baselineSurvivalAt(time: ArrayLike<number>, surv: ArrayLike<number>, t: number): number {
  if (time.length !== surv.length) throw new RadvalError("INVALID_ARGUMENT", `baseline survival has ${time.length} times but ${surv.length} values`, { where: { key: "baselineSurvival" } });
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (time[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 1 : surv[lo - 1]!;
}

/**
 * Nomogram of a Cox model (rms: `nomogram(cph fit, fun = function(x)
 * surv(t, x))`): lp centred as in cph (x'β − centre), and for each horizon t
 * a survival axis S(t | lp) = S₀(t)^exp(lp), S₀ the baseline survival step
 * function at the centre. Takes the fitted coefficients (in the terms), the
 * centre and S₀ as inputs. See {@link nomogram}.
 */
export function coxNomogram(model: {
  readonly center: number;
  readonly terms: readonly NomogramTerm[];
  readonly baselineSurvival: { readonly time: ArrayLike<number>; readonly surv: ArrayLike<number> };
  readonly horizons: readonly number[];
  readonly labels?: readonly string[];
}): Nomogram & { readonly baselineSurvivalAtHorizons: readonly number[] } {
  if (model.horizons.length === 0) throw new RadvalError("INVALID_ARGUMENT", "a Cox nomogram needs at least one time horizon", { where: { key: "horizons" }, hint: "Example: horizons [1825] for 5-year survival in days." });
  const s0 = model.horizons.map((t) => baselineSurvivalAt(model.baselineSurvival.time, model.baselineSurvival.surv, t));
  const functions = model.horizons.map((t, k) => {
    const base = s0[k]!;
    return {
      label: model.labels?.[k] ?? `Survival at ${t}`,
      f: (lp: number) => base ** Math.exp(lp),
      inverse: (s: number) => Math.log(Math.log(s) / Math.log(base)),
    };
  });
  return { ...nomogram({ offset: -model.center, terms: model.terms, functions }), baselineSurvivalAtHorizons: s0 };
}
