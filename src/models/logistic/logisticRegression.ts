import { previewList } from "../../core/dataset.js";
import { RadvalError, type RadvalWarning } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import { checkClassCounts, checkDesignAndOutcome, resolveFeatureNames, resolveWeights } from "../inputs.js";
import { binomialDeviance, glmFitLogit } from "./irls.js";
import { twoSidedNormalP } from "./normalTail.js";
import { chol2inv } from "./qr.js";
import { separatingFeatures } from "./separation.js";

/** Options of {@link logisticRegression} (R's `glm(…, family = binomial, weights)` with `glm.control`). */
export interface LogisticRegressionOptions {
  /** Prior weights (≥ 0; 0 = row left out). Default all 1. */
  readonly weights?: ArrayLike<number>;
  readonly featureNames?: readonly string[];
  /** Include an intercept. Default true. */
  readonly intercept?: boolean;
  /** Convergence tolerance ε of glm.control. Default 1e-8. */
  readonly epsilon?: number;
  /** Most IRLS iterations. Default 25. */
  readonly maxit?: number;
}

/**
 * A fitted logistic regression: `summary(glm(…, family = binomial))` as
 * frozen plain data. Terms are "(Intercept)" then the features; aliased
 * (collinear) terms have null estimates, as R's NA.
 */
export interface LogisticRegressionResult {
  readonly terms: readonly string[];
  readonly coefficients: readonly (number | null)[];
  readonly stdErrors: readonly (number | null)[];
  readonly z: readonly (number | null)[];
  readonly pValues: readonly (number | null)[];
  /** Unscaled covariance of the estimated (non-aliased) terms, in `terms` order (null rows/columns for aliased terms). */
  readonly covariance: readonly (readonly (number | null)[])[];
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly dfResidual: number;
  readonly dfNull: number;
  readonly aic: number;
  readonly logLik: number;
  readonly rank: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly nObservations: number;
  /** Terms not estimable because of collinearity (R's NA coefficients). */
  readonly aliased: readonly string[];
  /** Features that on their own separate the classes, when glm's separation warning applies. */
  readonly separation: readonly { readonly feature: string; readonly kind: "complete" | "quasi" }[];
  readonly warnings: readonly RadvalWarning[];
}

/**
 * Unpenalised logistic regression by Newton–Raphson / IRLS, matching R's
 * `glm(y ~ ., family = binomial, weights)`: the same start, iterations,
 * convergence rule |dev − dev_old|/(|dev| + 0.1) < 1e-8 (maxit 25) and
 * pivoted QR (so the same columns are declared aliased). Standard errors are
 * √diag((RᵀWR)⁻¹) from the last IRLS step (summary.glm, dispersion 1), z =
 * estimate / SE, two-sided normal p; deviance, null deviance, AIC = −2
 * loglik + 2 rank (R's binomial aic, which rounds non-integer weights),
 * logLik. Warnings, as glm gives them: "fitted probabilities numerically 0 or
 * 1 occurred" (naming the features that separate the classes on their own, or
 * the largest standardised coefficients when none does), non-convergence, and
 * aliased columns named. O(iterations × n q²), q = p + 1.
 */
export function logisticRegression(x: ColumnMatrix, y: ArrayLike<number>, options: LogisticRegressionOptions = {}): LogisticRegressionResult {
  const featureNames = resolveFeatureNames(x.nCols, options.featureNames);
  checkDesignAndOutcome(x, y, featureNames);
  const n = x.nRows;
  const p = x.nCols;
  const w = resolveWeights(n, options.weights);
  const warnings: RadvalWarning[] = [];
  checkClassCounts(y, w);
  const epsilon = options.epsilon ?? 1e-8;
  const maxit = options.maxit ?? 25;
  if (!(epsilon > 0)) throw new RadvalError("INVALID_ARGUMENT", `epsilon must be > 0, got ${epsilon}`, { where: { key: "epsilon" } });
  if (!Number.isInteger(maxit) || maxit < 1) throw new RadvalError("INVALID_ARGUMENT", `maxit must be a whole number ≥ 1, got ${maxit}`, { where: { key: "maxit" } });
  const intercept = options.intercept ?? true;
  const q = p + (intercept ? 1 : 0);
  const terms = intercept ? ["(Intercept)", ...featureNames] : [...featureNames];
  const design = new Float64Array(n * q);
  if (intercept) design.fill(1, 0, n);
  design.set(x.data.subarray(0, n * p), intercept ? n : 0);

  let nOk = 0;
  for (let i = 0; i < n; i++) if (w[i]! > 0) nOk++;
  const fit = glmFitLogit(design, n, q, y, w, { maxit, epsilon });
  if (fit.rank > nOk) throw new RadvalError("INVALID_ARGUMENT", `the design has rank ${fit.rank} but only ${nOk} observations`);

  // Covariance from the last QR (pivoted order), mapped back to term order.
  const k = fit.rank;
  const cov = chol2inv(fit.qr);
  const position = new Int32Array(q).fill(-1); // term → pivoted position (< rank) or −1
  for (let a = 0; a < k; a++) position[fit.qr.pivot[a]!] = a;
  const coefficients: (number | null)[] = [];
  const stdErrors: (number | null)[] = [];
  const z: (number | null)[] = [];
  const pValues: (number | null)[] = [];
  const covariance: (number | null)[][] = [];
  for (let t = 0; t < q; t++) {
    const a = position[t]!;
    if (a < 0) {
      coefficients.push(null);
      stdErrors.push(null);
      z.push(null);
      pValues.push(null);
      covariance.push(Object.freeze(new Array<number | null>(q).fill(null)) as (number | null)[]);
      continue;
    }
    const est = fit.coefficients[t]!;
    const se = Math.sqrt(cov[a * k + a]!);
    coefficients.push(est);
    stdErrors.push(se);
    z.push(est / se);
    pValues.push(twoSidedNormalP(est / se));
    const row: (number | null)[] = [];
    for (let u = 0; u < q; u++) row.push(position[u]! < 0 ? null : cov[a * k + position[u]!]!);
    covariance.push(Object.freeze(row) as (number | null)[]);
  }

  let sw = 0;
  let swy = 0;
  for (let i = 0; i < n; i++) {
    sw += w[i]!;
    swy += w[i]! * y[i]!;
  }
  const wtdmu = intercept ? swy / sw : 0.5;
  const nullDeviance = binomialDeviance(y, new Float64Array(n).fill(wtdmu), w);
  // binomial()$aic with m = weights: −2 Σ dbinom(round(w y), round(w), μ, log = TRUE) over rows with w > 0.
  let minus2ll = 0;
  for (let i = 0; i < n; i++) {
    if (!(w[i]! > 0)) continue;
    const trials = Math.round(w[i]!);
    if (trials === 0) continue;
    minus2ll -= 2 * trials * (y[i] === 1 ? Math.log(fit.mu[i]!) : Math.log(1 - fit.mu[i]!));
  }
  const aic = minus2ll + 2 * k;

  const aliased = terms.filter((_, t) => position[t]! < 0);
  if (aliased.length > 0) {
    warnings.push({
      code: "ALIASED_COEFFICIENTS",
      message: `${aliased.length} coefficient(s) not defined because of singularities (collinear or constant columns): ${previewList(aliased, 10)}; reported as null (R: NA)`,
      where: { feature: aliased[0]! },
    });
  }
  if (!fit.converged) {
    warnings.push({ code: "NOT_CONVERGED", message: `glm.fit: algorithm did not converge in ${maxit} iterations` });
  }
  const eps = 10 * 2.220446049250313e-16;
  let extreme = false;
  for (let i = 0; i < n; i++) if (w[i]! > 0 && (fit.mu[i]! > 1 - eps || fit.mu[i]! < eps)) extreme = true;
  let separation: { feature: string; kind: "complete" | "quasi" }[] = [];
  if (extreme) {
    separation = separatingFeatures(x.data, n, p, y, w, featureNames);
    let cause: string;
    if (separation.length > 0) {
      cause = `feature(s) separating the outcome classes: ${previewList(separation.map((s) => `"${s.feature}" (${s.kind})`), 10)}`;
    } else {
      const ranked = featureNames
        .map((name, j) => {
          const b = fit.coefficients[j + (intercept ? 1 : 0)]!;
          let m = 0;
          let ss = 0;
          for (let i = 0; i < n; i++) m += x.data[j * n + i]!;
          m /= n;
          for (let i = 0; i < n; i++) ss += (x.data[j * n + i]! - m) ** 2;
          return { name, size: Math.abs(b) * Math.sqrt(ss / n) };
        })
        .sort((a, b) => b.size - a.size)
        .slice(0, 3);
      cause = `no single feature separates the classes; a combination does, led by ${ranked.map((r) => `"${r.name}"`).join(", ")} (largest standardised coefficients)`;
    }
    warnings.push({
      code: "SEPARATION",
      message: `glm.fit: fitted probabilities numerically 0 or 1 occurred (perfect or quasi-complete separation): ${cause}; coefficients and standard errors are not reliable`,
      where: { feature: separation[0]?.feature ?? featureNames[0]! },
    });
  }

  const freeze = <T>(a: T[]): readonly T[] => Object.freeze(a);
  return Object.freeze({
    terms: freeze(terms),
    coefficients: freeze(coefficients),
    stdErrors: freeze(stdErrors),
    z: freeze(z),
    pValues: freeze(pValues),
    covariance: freeze(covariance),
    deviance: fit.deviance,
    nullDeviance,
    dfResidual: nOk - k,
    dfNull: nOk - (intercept ? 1 : 0),
    aic,
    logLik: k - aic / 2,
    rank: k,
    iterations: fit.iterations,
    converged: fit.converged,
    nObservations: nOk,
    aliased: freeze(aliased),
    separation: freeze(separation.map((s) => Object.freeze(s))),
    warnings: freeze(warnings),
  });
}
