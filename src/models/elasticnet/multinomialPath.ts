import { RadvalError, type RadvalWarning } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import { resolveFeatureNames, resolveWeights } from "../inputs.js";
import { fixFirstLambda, lambdaMax, lambdaStepFactor } from "./lambdaGrid.js";
import { MultinomialPointSolver } from "./multinomialSolver.js";
import { type PathSettings, normalizePenalty, resolvePathSettings } from "./path.js";
import { MaxActiveReached, MaxPassesReached } from "./solverSettings.js";
import { standardizeDesign } from "./standardize.js";
import type { ElasticNetOptions } from "./types.js";

/** Options of {@link multinomialElasticNetPath}: the binomial path options plus the multinomial ones. */
export interface MultinomialElasticNetOptions extends Omit<ElasticNetOptions, "updates" | "kernels"> {
  /** Class labels in the order of the codes 0..K−1 (default "1", "2", …). */
  readonly classes?: readonly string[];
  /** glmnet's `type.multinomial = "grouped"`: one group-lasso penalty ‖β_j‖₂ on each feature's K coefficients, so a feature is in or out for every class at once. Default false ("ungrouped"). */
  readonly grouped?: boolean;
}

/**
 * A fitted multinomial elastic-net path: glmnet's `multnet` object as frozen
 * plain data. `a0[c][l]` and `beta[c][j][l]` are the intercept and the
 * coefficient of feature j for class c at λ = `lambda[l]` (original scale);
 * the intercepts are centred over the classes at each λ (as glmnet's
 * `getcoef.multinomial`). P(class c | x) = exp(a0_c + x'β_c) / Σ_k exp(a0_k + x'β_k).
 */
export interface MultinomialElasticNetPath {
  readonly family: "multinomial";
  readonly grouped: boolean;
  readonly alpha: number;
  readonly classes: readonly string[];
  readonly featureNames: readonly string[];
  readonly nObservations: number;
  readonly lambda: readonly number[];
  /** K × L intercepts. */
  readonly a0: readonly (readonly number[])[];
  /** K × p × L coefficients. */
  readonly beta: readonly (readonly (readonly number[])[])[];
  readonly devRatio: readonly number[];
  /** Features with a non-zero coefficient for any class, at each λ. */
  readonly df: readonly number[];
  /** Non-zero coefficients per class (K × L), glmnet's `dfmat`. */
  readonly dfmat: readonly (readonly number[])[];
  readonly nulldev: number;
  readonly npasses: number;
  readonly jerr: number;
  readonly userLambda: boolean;
  readonly warnings: readonly RadvalWarning[];
}

/** The path in typed arrays (internal): a0[l K + c], beta[(l K + c) p + j]. */
export interface MultinomialPathFit {
  readonly p: number;
  readonly K: number;
  readonly nObservations: number;
  readonly lambda: Float64Array;
  readonly a0: Float64Array;
  readonly beta: Float64Array;
  readonly devRatio: Float64Array;
  readonly df: Int32Array;
  readonly nulldev: number;
  readonly npasses: number;
  readonly jerr: number;
  readonly warnings: RadvalWarning[];
}

/** glmnet's exmx (largest |linear predictor|, glmnet.control). */
const EXMX = 250;

/**
 * Checks a class-coded outcome for the multinomial family (as glmnet's
 * lognet): codes 0..K−1, K ≥ 2, every class with at least 2 rows of positive
 * weight (error naming the class), a warning under 8. O(n).
 */
export function checkMultinomialOutcome(codes: ArrayLike<number>, K: number, classes: readonly string[], w: ArrayLike<number>, split?: string): RadvalWarning[] {
  const counts = new Float64Array(K);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (!Number.isInteger(c) || c < 0 || c >= K) {
      throw new RadvalError("INVALID_ARGUMENT", `class codes must be whole numbers 0..${K - 1}, got ${c} at row ${i + 1}`, { where: { row: i + 1 }, hint: "Code the classes 0, 1, …, K − 1." });
    }
    if (w[i]! > 0) counts[c]!++;
  }
  const warnings: RadvalWarning[] = [];
  const at = split ? `${split}: ` : "";
  for (let c = 0; c < K; c++) {
    if (counts[c]! <= 1) {
      throw new RadvalError("TOO_FEW_CASES", `${at}class "${classes[c]}" has ${counts[c]} row(s); the multinomial model needs at least 2 per class (as glmnet)`, {
        where: split ? { split } : {},
        hint: "Merge rare classes, or drop the class from the outcome levels.",
      });
    }
    if (counts[c]! < 8) warnings.push({ code: "FEW_CASES", message: `${at}class "${classes[c]}" has fewer than 8 rows; dangerous ground (glmnet's warning)`, ...(split ? { where: { split } } : {}) });
  }
  return warnings;
}

/**
 * The multinomial path driver (glmnet's lognet → multi-class path): weights
 * normalised to Σ w = 1, features standardised as glmnet's lstandard1 (grouped:
 * the same, with xv = Σ w x²), then λ from "infinity" down the grid with warm
 * starts, recording intercepts, coefficients (back on the original scale),
 * deviance ratio 1 − dev/nulldev and df, and the same early stops as the
 * binomial path. Inputs are assumed checked. O(passes × n × p × K).
 */
export function fitMultinomialPath(x: ColumnMatrix, rows: Int32Array | null, codes: ArrayLike<number>, K: number, weights: Float64Array, settings: PathSettings, grouped: boolean): MultinomialPathFit {
  const p = x.nCols;
  const keep: number[] = [];
  for (let i = 0; i < weights.length; i++) if (weights[i]! > 0) keep.push(i);
  const n = keep.length;
  const useRows = Int32Array.from(keep, (i) => (rows ? rows[i]! : i));
  let sw = 0;
  for (const i of keep) sw += weights[i]!;
  const w = Float64Array.from(keep, (i) => weights[i]! / sw);
  const y = new Float64Array(K * n);
  keep.forEach((i, t) => (y[codes[i]! * n + t] = 1));
  const { vp, excluded } = normalizePenalty(settings.penaltyFactor);
  const design = standardizeDesign(x, useRows, w, { intercept: settings.intercept, standardize: settings.standardize, exclude: excluded });
  if (!design.ju.some((u) => u === 1)) {
    throw new RadvalError("CONSTANT_FEATURE", "every feature is constant (or excluded) on the rows used, so nothing can be fitted", { hint: "Check the feature columns." });
  }
  const solver = new MultinomialPointSolver(design, y, w, vp, K, {
    thresh: settings.thresh,
    maxit: settings.maxit,
    pmax: Math.min(settings.pmax, p),
    intercept: settings.intercept,
    pmin: settings.control.pmin,
    exmx: EXMX,
    grouped,
  });
  const control = settings.control;
  const userLambda = settings.lambda;
  const nlam = userLambda ? userLambda.length : settings.nlambda;
  const alf = userLambda ? 1 : lambdaStepFactor(settings.lambdaMinRatio, nlam, control.eps);
  const mnl = Math.min(control.mnlam, nlam);
  const lambdas = new Float64Array(nlam);
  const a0 = new Float64Array(nlam * K);
  const betaStd = new Float64Array(nlam * K * p);
  const devRatio = new Float64Array(nlam);
  const df = new Int32Array(nlam);
  let lmu = 0;
  let jerr = 0;
  let lam = 0;
  for (let m = 0; m < nlam; m++) {
    if (userLambda) lam = userLambda[m]!;
    else if (m > 1) lam *= alf;
    else if (m === 0) lam = control.big;
    else lam = lambdaMax(solver.ga, design.ju, vp, settings.alpha) * alf;
    try {
      solver.fit(lam * settings.alpha, lam * (1 - settings.alpha), settings.alpha);
    } catch (e) {
      if (e instanceof MaxPassesReached) {
        jerr = -(m + 1);
        break;
      }
      if (e instanceof MaxActiveReached) {
        jerr = -10000 - (m + 1);
        break;
      }
      throw e;
    }
    let me = 0;
    for (let a = 0; a < solver.nin; a++) {
      const k = solver.active[a]!;
      let nonzero = false;
      for (let c = 0; c < K; c++) {
        const v = solver.b[c * p + k]!;
        betaStd[(m * K + c) * p + k] = v;
        if (v !== 0) nonzero = true;
      }
      if (nonzero) me++;
    }
    for (let c = 0; c < K; c++) a0[m * K + c] = solver.b0[c]!;
    devRatio[m] = (solver.dev1 - solver.deviance()) / solver.dev0;
    df[m] = me;
    lambdas[m] = lam;
    lmu = m + 1;
    if (lmu < mnl || userLambda) continue;
    const change = devRatio[m]! - (m === 0 ? 0 : devRatio[m - 1]!);
    if (me > settings.dfmax || change < control.fdev || devRatio[m]! > control.devmax) break;
    if (solver.skippedAll) break;
  }
  if (lmu === 0) throw new RadvalError("NOT_CONVERGED", "the path did not converge even at the first λ", { hint: "Increase maxit or thresh." });
  // Back to the original scale, then centre the intercepts over the classes (getcoef.multinomial).
  const beta = new Float64Array(lmu * K * p);
  for (let m = 0; m < lmu; m++) {
    let mean = 0;
    for (let c = 0; c < K; c++) {
      let intercept = a0[m * K + c]!;
      for (let j = 0; j < p; j++) {
        const bj = betaStd[(m * K + c) * p + j]!;
        if (bj === 0) continue;
        const orig = settings.standardize ? bj / design.xs[j]! : bj;
        beta[(m * K + c) * p + j] = orig;
        if (settings.intercept) intercept -= orig * design.xm[j]!;
      }
      a0[m * K + c] = settings.intercept ? intercept : 0;
      mean += a0[m * K + c]!;
    }
    for (let c = 0; c < K; c++) a0[m * K + c] = a0[m * K + c]! - mean / K;
  }
  const warnings: RadvalWarning[] = [];
  if (jerr !== 0) {
    warnings.push(
      jerr <= -10000
        ? { code: "PATH_TRUNCATED", message: `more than pmax = ${settings.pmax} variables would be active at the ${-10000 - jerr}th λ; solutions for larger λ returned (glmnet jerr ${jerr})` }
        : { code: "NOT_CONVERGED", message: `convergence for the ${-jerr}th λ not reached after maxit = ${settings.maxit} passes; solutions for larger λ returned (glmnet jerr ${jerr})` },
    );
  }
  return {
    p,
    K,
    nObservations: n,
    lambda: userLambda ? lambdas.slice(0, lmu) : Float64Array.from(fixFirstLambda(lambdas.subarray(0, lmu))),
    a0: a0.slice(0, lmu * K),
    beta,
    devRatio: devRatio.slice(0, lmu),
    df: df.slice(0, lmu),
    nulldev: 2 * sw * solver.dev0,
    npasses: solver.nlp,
    jerr,
    warnings,
  };
}

/** Converts an internal multinomial path to the public frozen object. O(L K p). */
export function publicMultinomialPath(fit: MultinomialPathFit, settings: PathSettings, grouped: boolean, classes: readonly string[], featureNames: readonly string[], extra: readonly RadvalWarning[]): MultinomialElasticNetPath {
  const { p, K } = fit;
  const L = fit.lambda.length;
  const a0 = Array.from({ length: K }, (_, c) => Object.freeze(Array.from({ length: L }, (_, l) => fit.a0[l * K + c]!)));
  const beta = Array.from({ length: K }, (_, c) =>
    Object.freeze(Array.from({ length: p }, (_, j) => Object.freeze(Array.from({ length: L }, (_, l) => fit.beta[(l * K + c) * p + j]!)))),
  );
  const dfmat = Array.from({ length: K }, (_, c) =>
    Object.freeze(Array.from({ length: L }, (_, l) => {
      let s = 0;
      for (let j = 0; j < p; j++) if (fit.beta[(l * K + c) * p + j] !== 0) s++;
      return s;
    })),
  );
  return Object.freeze({
    family: "multinomial" as const,
    grouped,
    alpha: settings.alpha,
    classes: Object.freeze([...classes]),
    featureNames: Object.freeze([...featureNames]),
    nObservations: fit.nObservations,
    lambda: Object.freeze(Array.from(fit.lambda)),
    a0: Object.freeze(a0),
    beta: Object.freeze(beta),
    devRatio: Object.freeze(Array.from(fit.devRatio)),
    df: Object.freeze(Array.from(fit.df)),
    dfmat: Object.freeze(dfmat),
    nulldev: fit.nulldev,
    npasses: fit.npasses,
    jerr: fit.jerr,
    userLambda: settings.lambda !== null,
    warnings: Object.freeze([...extra, ...fit.warnings]),
  });
}

/** Checks the design (finite values) and resolves the classes and the path settings (internal). */
export function prepareMultinomial(x: ColumnMatrix, codes: ArrayLike<number>, options: MultinomialElasticNetOptions) {
  const featureNames = resolveFeatureNames(x.nCols, options.featureNames);
  const n = x.nRows;
  if (codes.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `the outcome has ${codes.length} values but the feature matrix has ${n} rows`);
  for (let j = 0; j < x.nCols; j++) {
    for (let i = 0; i < n; i++) {
      const v = x.data[j * n + i]!;
      if (!Number.isFinite(v)) {
        throw new RadvalError("NON_FINITE", "missing or non-finite value in the feature matrix", {
          where: { row: i + 1, column: featureNames[j]!, feature: featureNames[j]! },
          hint: "Impute missing values or drop the row or feature before fitting.",
        });
      }
    }
  }
  let K = options.classes?.length ?? 0;
  if (options.classes === undefined) for (let i = 0; i < n; i++) K = Math.max(K, (codes[i]! | 0) + 1);
  if (K < 2) throw new RadvalError("OUTCOME_ONE_LEVEL", "the multinomial outcome needs at least 2 classes", { hint: "Check the outcome column." });
  const classes = options.classes ?? Array.from({ length: K }, (_, c) => String(c + 1));
  const weights = resolveWeights(n, options.weights);
  const warnings = checkMultinomialOutcome(codes, K, classes, weights);
  const settings = resolvePathSettings(n, x.nCols, options);
  return { featureNames, K, classes, weights, warnings, settings, grouped: options.grouped ?? false };
}

/**
 * Multinomial elastic-net path: glmnet's `glmnet(x, y, family =
 * "multinomial", type.multinomial = "ungrouped" | "grouped", alpha, nlambda,
 * lambda.min.ratio, lambda, weights, penalty.factor, standardize, intercept,
 * thresh, maxit)` (glmnet 4.1-6). Minimises −(1/Σw) Σ_i w_i log p_{i,y_i} +
 * λ Σ_j vp_j [(1 − α)/2 ‖β_j‖₂² + α ‖β_j‖₁] (grouped: α ‖β_j‖₂), β_j the K
 * coefficients of feature j, in glmnet's symmetric parameterisation (each
 * feature's coefficients centred over the classes by {@link elasticCentre},
 * intercepts centred). `codes` are class indices 0..K−1 (`classes` names them).
 * Friedman, Hastie & Tibshirani (2010) J Stat Softw 33(1), section 4.
 * O(passes × n × p × K).
 */
export function multinomialElasticNetPath(x: ColumnMatrix, codes: ArrayLike<number>, options: MultinomialElasticNetOptions = {}): MultinomialElasticNetPath {
  const prep = prepareMultinomial(x, codes, options);
  const fit = fitMultinomialPath(x, null, codes, prep.K, prep.weights, prep.settings, prep.grouped);
  return publicMultinomialPath(fit, prep.settings, prep.grouped, prep.classes, prep.featureNames, prep.warnings);
}
