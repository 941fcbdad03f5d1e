import { RadvalError } from "../core/errors.js";

/**
 * A biological covariate whose effect ComBat preserves: numeric (one design
 * column) or categorical (one indicator column per level but the first, in
 * sorted level order — neuroCombat's `make_design_matrix`).
 */
export type CombatCovariate =
  | { readonly name: string; readonly kind: "numeric"; readonly values: ArrayLike<number> }
  | { readonly name: string; readonly kind: "categorical"; readonly values: readonly string[] };

/** A covariate as frozen by a fit: its kind and, for a categorical one, every level (the first is the baseline). */
export interface CovariateTerm {
  readonly name: string;
  readonly kind: "numeric" | "categorical";
  /** Sorted levels (categorical); `levels[0]` has no design column. Empty for numeric. */
  readonly levels: readonly string[];
}

/** Sorted distinct labels, in the order of numpy's `np.unique` (code-unit order). */
export function sortedLevels(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The terms a set of covariates contributes (levels taken from the fit rows). */
export function covariateTerms(covariates: readonly CombatCovariate[]): CovariateTerm[] {
  return covariates.map((c) => ({ name: c.name, kind: c.kind, levels: c.kind === "categorical" ? sortedLevels(c.values) : [] }));
}

/** Names of the design columns of the terms: `age`, `sex=M`, … */
export function designColumnNames(terms: readonly CovariateTerm[]): string[] {
  return terms.flatMap((t) => (t.kind === "numeric" ? [t.name] : t.levels.slice(1).map((l) => `${t.name}=${l}`)));
}

/**
 * The covariate part of the design (n × q, column-major) for rows whose
 * covariates are `covariates` (matched to `terms` by name). Errors: a missing
 * covariate, a missing value, a categorical level the fit never saw.
 */
export function covariateDesign(terms: readonly CovariateTerm[], covariates: readonly CombatCovariate[], n: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (const term of terms) {
    const c = covariates.find((cv) => cv.name === term.name);
    if (!c) {
      throw new RadvalError("MISSING_ROLE", `the ComBat covariate "${term.name}" is not given for these rows`, {
        where: { column: term.name },
        hint: "ComBat needs the same covariates for every row it harmonises, new patients included.",
      });
    }
    if (c.values.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `covariate "${term.name}" has ${c.values.length} values for ${n} rows`, { where: { column: term.name } });
    if (term.kind === "numeric") {
      const col = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = Number(c.values[i]);
        if (!Number.isFinite(v)) {
          throw new RadvalError("MISSING_VALUES", `covariate "${term.name}" is missing or not a number in row ${i + 1}`, {
            where: { column: term.name, row: i + 1 },
            hint: "ComBat's covariates must be complete: fill them in or leave the covariate out.",
          });
        }
        col[i] = v;
      }
      out.push(col);
      continue;
    }
    const values = c.values as readonly string[];
    const index = new Map(term.levels.map((l, k) => [l, k]));
    const cols = term.levels.slice(1).map(() => new Float64Array(n));
    for (let i = 0; i < n; i++) {
      const v = String(values[i]);
      const k = index.get(v);
      if (v === "" || k === undefined) {
        throw new RadvalError(v === "" ? "MISSING_VALUES" : "UNKNOWN_LEVEL", v === "" ? `covariate "${term.name}" is missing in row ${i + 1}` : `covariate "${term.name}" has the level "${v}" (row ${i + 1}), which the ComBat fit never saw`, {
          where: { column: term.name, row: i + 1, value: v },
          hint: v === "" ? "ComBat's covariates must be complete." : `Levels seen when fitting: ${term.levels.join(", ")}. A covariate effect cannot be preserved for a level with no estimate.`,
        });
      }
      if (k > 0) cols[k - 1]![i] = 1;
    }
    out.push(...cols);
  }
  return out;
}

/**
 * Least squares β = (XᵀX)⁻¹Xᵀy for several responses at once, by Cholesky of
 * XᵀX. `x` is a list of n-long columns, `y` p responses (n-long each); returns
 * β as one Float64Array per design column (length p). Error when XᵀX is
 * singular (a covariate confounded with the batch, or a constant covariate).
 */
export function leastSquares(x: readonly Float64Array[], y: readonly ArrayLike<number>[], names: readonly string[]): Float64Array[] {
  const k = x.length;
  const n = x[0]?.length ?? 0;
  const xtx = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      const xa = x[a]!;
      const xb = x[b]!;
      for (let i = 0; i < n; i++) s += xa[i]! * xb[i]!;
      xtx[a * k + b] = s;
      xtx[b * k + a] = s;
    }
  }
  // Cholesky: xtx = L Lᵀ (L lower, stored in place).
  const l = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      let s = xtx[a * k + b]!;
      for (let c = 0; c < b; c++) s -= l[a * k + c]! * l[b * k + c]!;
      if (a === b) {
        if (!(s > 1e-10 * Math.max(1, xtx[a * k + a]!))) {
          throw new RadvalError("SINGULAR_DESIGN", `the ComBat design is singular at column "${names[a]}": it is constant or confounded with the batch and the other covariates`, {
            where: { column: names[a]! },
            hint: "Drop that covariate, or a site in which it takes a single value; ComBat cannot separate its effect from the site effect.",
          });
        }
        l[a * k + a] = Math.sqrt(s);
      } else {
        l[a * k + b] = s / l[b * k + b]!;
      }
    }
  }
  const beta = Array.from({ length: k }, () => new Float64Array(y.length));
  const rhs = new Float64Array(k);
  const z = new Float64Array(k);
  y.forEach((yy, j) => {
    for (let a = 0; a < k; a++) {
      let s = 0;
      const xa = x[a]!;
      for (let i = 0; i < n; i++) s += xa[i]! * yy[i]!;
      rhs[a] = s;
    }
    for (let a = 0; a < k; a++) {
      let s = rhs[a]!;
      for (let c = 0; c < a; c++) s -= l[a * k + c]! * z[c]!;
      z[a] = s / l[a * k + a]!;
    }
    for (let a = k - 1; a >= 0; a--) {
      let s = z[a]!;
      for (let c = a + 1; c < k; c++) s -= l[c * k + a]! * beta[c]![j]!;
      beta[a]![j] = s / l[a * k + a]!;
    }
  });
  return beta;
}
