import { RadvalError } from "../core/errors.js";
import { approxLinear, seqLengthOut } from "./approx.js";
import { nomogramAxisValues } from "./axisValues.js";
import { rPretty } from "./pretty.js";
import type { Nomogram, NomogramFunctionAxis, NomogramInput, NomogramPredictorAxis, NomogramTerm } from "./types.js";

function checkTerms(terms: readonly NomogramTerm[]): number {
  if (terms.length === 0) throw new RadvalError("INVALID_ARGUMENT", "a nomogram needs at least one predictor", { where: { key: "terms" } });
  const n = terms[0]!.values.length;
  const seen = new Set<string>();
  for (const t of terms) {
    if (seen.has(t.name)) throw new RadvalError("INVALID_ARGUMENT", `predictor "${t.name}" appears twice`, { where: { feature: t.name } });
    seen.add(t.name);
    if (t.values.length !== n) {
      throw new RadvalError("INVALID_ARGUMENT", `predictor "${t.name}" has ${t.values.length} values, the first predictor ${n}`, { where: { feature: t.name } });
    }
    const coefs = t.type === "linear" ? [t.coefficient] : t.coefficients;
    if (!coefs.every(Number.isFinite)) throw new RadvalError("NON_FINITE", `predictor "${t.name}" has a non-finite coefficient`, { where: { feature: t.name }, hint: "Refit the model: a coefficient is NA or infinite (collinearity or separation)." });
    if (t.type === "factor" && t.coefficients.length !== t.levels.length) {
      throw new RadvalError("INVALID_ARGUMENT", `factor "${t.name}" has ${t.levels.length} levels but ${t.coefficients.length} coefficients`, { where: { feature: t.name } });
    }
    for (let i = 0; i < n; i++) {
      const v = t.values[i]!;
      const ok = t.type === "linear" ? Number.isFinite(v) : Number.isInteger(v) && v >= 0 && v < t.levels.length;
      if (!ok) {
        throw new RadvalError("NON_FINITE", `predictor "${t.name}" has no usable value for patient ${i + 1} (${v})`, {
          where: { feature: t.name, row: i + 1 },
          hint: "A nomogram is drawn from complete cases: drop or impute rows with missing predictors.",
        });
      }
    }
  }
  return n;
}

/** xβ of a term at one patient's value. */
function termXbeta(t: NomogramTerm, v: number): number {
  return t.type === "linear" ? t.coefficient * v : t.coefficients[v]!;
}

/**
 * A nomogram exactly as rms::nomogram (rms 6.5) builds it (Harrell,
 * Regression Modeling Strategies, 2nd ed., §5.5): axis values per predictor
 * from datadist (factor levels; ≤ 10 distinct values; else R's pretty of the
 * range), R₁/R₂ = min/max of β·v over the axis, scale = maxscale / max(R₂ − R₁)
 * (the widest predictor spans 0–100 points), points = (β·v − R₁)·scale;
 * lpAtZero = offset + Σ R₁; lp axis pretty(range(fitted lp)); total-points
 * axis pretty(0, max(100, scale·max(lp axis − lpAtZero))); each function axis
 * at pretty(f(range(lp axis))) placed by rms's linear interpolation of the
 * inverse on a 1000-point lp grid (ticks outside it dropped). Every patient's
 * points, total points, lp = lpAtZero + total/scale and function values.
 * O(n·p + axis sizes).
 */
export function nomogram(input: NomogramInput): Nomogram {
  const n = checkTerms(input.terms);
  const maxscale = input.maxscale ?? 100;
  const nint = input.nint ?? 10;
  if (!Number.isFinite(input.offset)) throw new RadvalError("NON_FINITE", `the linear predictor's constant must be finite, got ${input.offset}`, { where: { key: "offset" } });
  const axes = input.terms.map((t) => {
    const values: (number | string)[] = t.type === "linear" ? [...(t.axis ?? nomogramAxisValues(t.values, nint))] : [...t.levels];
    const xbeta = t.type === "linear" ? (values as number[]).map((v) => t.coefficient * v) : [...t.coefficients];
    return { t, values, xbeta, r1: Math.min(...xbeta), r2: Math.max(...xbeta) };
  });
  const widest = Math.max(...axes.map((a) => a.r2 - a.r1));
  if (!(widest > 0)) {
    throw new RadvalError("INVALID_ARGUMENT", "every predictor has a zero effect over its axis, so there is no points scale", {
      where: { key: "terms" },
      hint: "Check the coefficients: a nomogram needs at least one predictor with a non-zero coefficient.",
    });
  }
  const scale = maxscale / widest;
  const lpAtZero = input.offset + axes.reduce((s, a) => s + a.r1, 0);
  const predictors: NomogramPredictorAxis[] = axes.map((a) => ({
    name: a.t.name,
    type: a.t.type,
    values: a.values,
    points: a.xbeta.map((x) => (x - a.r1) * scale),
    xbeta: a.xbeta,
    minXbeta: a.r1,
    maxXbeta: a.r2,
    pointsPerUnit: a.t.type === "linear" ? a.t.coefficient * scale : null,
  }));

  const points = axes.map(() => new Float64Array(n));
  const totalPoints = new Float64Array(n);
  const lp = new Float64Array(n);
  let fittedLo = Infinity;
  let fittedHi = -Infinity;
  for (let i = 0; i < n; i++) {
    let tp = 0;
    let fitted = input.offset;
    axes.forEach((a, j) => {
      const xb = termXbeta(a.t, a.t.values[i]!);
      fitted += xb;
      const pt = (xb - a.r1) * scale;
      points[j]![i] = pt;
      tp += pt;
    });
    totalPoints[i] = tp;
    lp[i] = lpAtZero + tp / scale;
    fittedLo = Math.min(fittedLo, fitted);
    fittedHi = Math.max(fittedHi, fitted);
  }
  const lpAt = input.lpAt ? [...input.lpAt] : rPretty(fittedLo, fittedHi, nint);
  const sumMax = axes.length === 1 ? maxscale : Math.max(maxscale, scale * Math.max(...lpAt.map((v) => v - lpAtZero)));
  const totalPointsAxis = rPretty(0, sumMax, nint);
  const lpAxis = { values: lpAt, positions: lpAt.map((v) => (v - lpAtZero) * scale) };

  const lpMin = Math.min(...lpAt);
  const lpMax = Math.max(...lpAt);
  const grid = seqLengthOut(lpMin, lpMax, 1000);
  const functionAxes: NomogramFunctionAxis[] = (input.functions ?? []).map((fn) => {
    const fu = grid.map(fn.f);
    const candidates = fn.at ? [...fn.at] : rPretty(Math.min(fn.f(lpMin), fn.f(lpMax)), Math.max(fn.f(lpMin), fn.f(lpMax)), nint);
    const w = approxLinear(fu, grid, candidates);
    const keep = candidates.map((c, k) => !Number.isNaN(w[k]!) && !Number.isNaN(c));
    const ticks = candidates.filter((_, k) => keep[k]);
    return {
      label: fn.label,
      ticks,
      positions: w.filter((_, k) => keep[k]).map((v) => (v - lpAtZero) * scale),
      positionsExact: fn.inverse ? ticks.map((t) => (fn.inverse!(t) - lpAtZero) * scale) : null,
    };
  });
  const functions = (input.functions ?? []).map((fn) => lp.map(fn.f));
  return { scale, maxscale, lpAtZero, predictors, totalPointsAxis, lpAxis, functionAxes, patients: { points, totalPoints, lp, functions } };
}
