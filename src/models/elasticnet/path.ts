import { ordinal } from "../../core/ordinal.js";
import { RadvalError, type RadvalWarning } from "../../core/errors.js";
import type { ColumnMatrix } from "../../core/matrix.js";
import { checkClassCounts, checkDesignAndOutcome, resolveFeatureNames, resolveWeights } from "../inputs.js";
import { GLMNET_CONTROL, type GlmnetControl } from "./control.js";
import { mergeDuplicateRows } from "./duplicates.js";
import { defaultLambdaMinRatio, fixFirstLambda, lambdaMax, lambdaStepFactor, userLambdaSequence } from "./lambdaGrid.js";
import { BinomialPointSolver } from "./point.js";
import { MaxActiveReached, MaxPassesReached, type UpdateMode } from "./solverSettings.js";
import { leaseKernels } from "./simd/kernels.js";
import { designHeapSize, standardizeDesign } from "./standardize.js";
import type { ElasticNetOptions, ElasticNetPath } from "./types.js";

/** Everything a path fit needs, checked and resolved (internal). */
export interface PathSettings {
  readonly alpha: number;
  readonly nlambda: number;
  readonly lambdaMinRatio: number;
  /** User λ sequence (decreasing) or null for the default grid. */
  readonly lambda: Float64Array | null;
  readonly standardize: boolean;
  readonly intercept: boolean;
  readonly thresh: number;
  readonly maxit: number;
  readonly dfmax: number;
  readonly pmax: number;
  /** Penalty factors as given (Infinity = excluded). */
  readonly penaltyFactor: Float64Array;
  readonly updates: UpdateMode;
  /** "simd" (WebAssembly SIMD when available, the default) or "js" kernels. */
  readonly kernels: "simd" | "js";
  readonly control: GlmnetControl;
}

/** A path fit in typed arrays (internal): coefficients on the original scale, λ-major (`beta[l * p + j]`). */
export interface PathFit {
  readonly p: number;
  readonly nObservations: number;
  readonly lambda: Float64Array;
  readonly a0: Float64Array;
  readonly beta: Float64Array;
  readonly devRatio: Float64Array;
  readonly df: Int32Array;
  readonly nulldev: number;
  readonly npasses: number;
  readonly jerr: number;
  readonly xm: Float64Array;
  /** Weighted population SDs of the features. */
  readonly sd: Float64Array;
  readonly warnings: RadvalWarning[];
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 1) {
    throw new RadvalError("INVALID_ARGUMENT", `${name} must be a whole number ≥ 1, got ${v}`, { where: { key: name } });
  }
  return v;
}

/** Resolves and checks path options against an n × p problem (glmnet's argument processing). O(p). */
export function resolvePathSettings(n: number, p: number, options: ElasticNetOptions): PathSettings {
  const alpha = options.alpha ?? 1;
  if (typeof alpha !== "number" || !(alpha >= 0 && alpha <= 1)) {
    throw new RadvalError("INVALID_ARGUMENT", `the mixture α must be in [0, 1], got ${alpha}`, {
      where: { key: "alpha" },
      hint: "Use α = 1 for the lasso, 0 for ridge, values in between for the elastic net.",
    });
  }
  const nlambda = positiveInteger("nlambda", options.nlambda, 100);
  const lambdaMinRatio = options.lambdaMinRatio ?? defaultLambdaMinRatio(n, p);
  if (!(lambdaMinRatio > 0 && lambdaMinRatio < 1)) {
    throw new RadvalError("INVALID_ARGUMENT", `lambdaMinRatio must be in (0, 1), got ${lambdaMinRatio}`, { where: { key: "lambdaMinRatio" } });
  }
  const thresh = options.thresh ?? 1e-7;
  if (!(thresh > 0 && Number.isFinite(thresh))) {
    throw new RadvalError("INVALID_ARGUMENT", `thresh must be a positive number, got ${thresh}`, { where: { key: "thresh" } });
  }
  const maxit = positiveInteger("maxit", options.maxit, 100000);
  const dfmax = positiveInteger("dfmax", options.dfmax, p + 1);
  const pmax = positiveInteger("pmax", options.pmax, Math.min(dfmax * 2 + 20, p));
  const penaltyFactor = new Float64Array(p).fill(1);
  if (options.penaltyFactor !== undefined) {
    if (options.penaltyFactor.length !== p) {
      throw new RadvalError("DIMENSION_MISMATCH", `${options.penaltyFactor.length} penalty factors were given for ${p} features`, { where: { key: "penaltyFactor" } });
    }
    for (let j = 0; j < p; j++) {
      const v = options.penaltyFactor[j]!;
      if (!(v >= 0)) {
        throw new RadvalError("INVALID_ARGUMENT", `penalty factor of feature ${j + 1} is ${v}; it must be ≥ 0 (0 = unpenalised, Infinity = excluded)`, { where: { key: "penaltyFactor" } });
      }
      penaltyFactor[j] = v;
    }
  }
  const updates = options.updates ?? "auto";
  if (updates !== "auto" && updates !== "naive" && updates !== "covariance") {
    throw new RadvalError("INVALID_ARGUMENT", `updates must be "auto", "naive" or "covariance", got "${String(updates)}"`, { where: { key: "updates" } });
  }
  return {
    alpha,
    nlambda,
    lambdaMinRatio,
    lambda: options.lambda !== undefined ? userLambdaSequence(options.lambda) : null,
    standardize: options.standardize ?? true,
    intercept: options.intercept ?? true,
    thresh,
    maxit,
    dfmax,
    pmax,
    penaltyFactor,
    updates,
    kernels: options.kernels ?? "simd",
    control: { ...GLMNET_CONTROL, ...(options.control ?? {}) },
  };
}

/**
 * glmnet's penalty factors: Infinity excludes the feature (its factor then
 * counts as 1), negatives are 0, and the factors are rescaled to sum to p.
 * Returns the rescaled factors and the exclusion flags. O(p).
 */
export function normalizePenalty(penaltyFactor: Float64Array): { vp: Float64Array; excluded: Uint8Array } {
  const p = penaltyFactor.length;
  const vp = new Float64Array(p);
  const excluded = new Uint8Array(p);
  let total = 0;
  let max = 0;
  for (let j = 0; j < p; j++) {
    let v = penaltyFactor[j]!;
    if (v === Infinity) {
      excluded[j] = 1;
      v = 1;
    }
    vp[j] = Math.max(v, 0);
    total += vp[j]!;
    if (vp[j]! > max) max = vp[j]!;
  }
  if (max <= 0) {
    throw new RadvalError("INVALID_ARGUMENT", "every penalty factor is 0: nothing is penalised", {
      where: { key: "penaltyFactor" },
      hint: "Use the unpenalised logistic regression instead, or give some features a positive penalty factor.",
    });
  }
  for (let j = 0; j < p; j++) vp[j] = (vp[j]! * p) / total;
  return { vp, excluded };
}

function jerrWarning(jerr: number, lambdaIndex: number, settings: PathSettings): RadvalWarning {
  if (jerr <= -10000) {
    return {
      code: "PATH_TRUNCATED",
      message: `more than pmax = ${settings.pmax} variables would be active at the ${ordinal(lambdaIndex)} λ; solutions for larger λ returned (glmnet jerr ${jerr})`,
    };
  }
  return {
    code: "NOT_CONVERGED",
    message: `convergence for the ${ordinal(lambdaIndex)} λ not reached after maxit = ${settings.maxit} passes; solutions for larger λ returned (glmnet jerr ${jerr})`,
  };
}

/**
 * The path driver (glmnet's lognet → elnet_path for the binomial family):
 * standardises the rows used, then walks the λ grid from large to small with
 * warm starts, one {@link BinomialPointSolver} solve per λ, recording
 * intercept, coefficients (back on the original scale), deviance ratio and df,
 * and stops early as glmnet does (after at least `mnlam` values: deviance
 * ratio > devmax, its change < fdev, or more than dfmax non-zero). `rows`
 * selects the observations (null = all) without copying X beyond the one
 * standardised copy; `y` and `weights` are indexed like `rows`. Rows that are
 * exact copies of each other are fitted as one row carrying their total weight
 * ({@link mergeDuplicateRows}: the same problem, equal up to rounding;
 * `rowHash` = hashRows(x) when already computed). Inputs are
 * assumed checked. O(passes × n × active) + O(L n p) for the KKT checks.
 */
export function fitBinomialPath(
  x: ColumnMatrix,
  rows: Int32Array | null,
  y: Float64Array,
  weights: Float64Array,
  settings: PathSettings,
  rowHash?: Int32Array | null,
): PathFit {
  const p = x.nCols;
  // glmnet drops rows with weight 0.
  let useRows = rows;
  let yy = y;
  let ww = weights;
  let zero = 0;
  for (let i = 0; i < weights.length; i++) if (!(weights[i]! > 0)) zero++;
  if (zero > 0) {
    const keep = new Int32Array(weights.length - zero);
    const y2 = new Float64Array(keep.length);
    const w2 = new Float64Array(keep.length);
    let k = 0;
    for (let i = 0; i < weights.length; i++) {
      if (!(weights[i]! > 0)) continue;
      keep[k] = rows ? rows[i]! : i;
      y2[k] = y[i]!;
      w2[k] = weights[i]!;
      k++;
    }
    useRows = keep;
    yy = y2;
    ww = w2;
  }
  const nObservations = yy.length;
  // Exact duplicates (bootstrap samples) become one row with their total weight: same problem, fewer rows.
  const merged = mergeDuplicateRows(x, useRows, yy, ww, rowHash);
  if (merged) {
    useRows = merged.rows;
    yy = merged.y;
    ww = merged.w;
  }
  const n = yy.length;
  let sw = 0;
  for (let i = 0; i < n; i++) sw += ww[i]!;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = ww[i]! / sw;

  const { vp, excluded } = normalizePenalty(settings.penaltyFactor);
  const kernels = leaseKernels(Math.max(designHeapSize(n, p), BinomialPointSolver.heapSize(n, p)), settings.kernels);
  let solver: BinomialPointSolver | null = null;
  try {
    const design = standardizeDesign(x, useRows, w, { intercept: settings.intercept, standardize: settings.standardize, exclude: excluded }, kernels);
    let anyUsable = false;
    for (let j = 0; j < p; j++) if (design.ju[j]) anyUsable = true;
    if (!anyUsable) {
      throw new RadvalError("CONSTANT_FEATURE", "every feature is constant (or excluded) on the rows used, so nothing can be fitted", { hint: "Check the feature columns." });
    }
    const fitter = new BinomialPointSolver(design, kernels, yy, w, vp, {
      thresh: settings.thresh,
      maxit: settings.maxit,
      pmax: Math.min(settings.pmax, p),
      intercept: settings.intercept,
      control: settings.control,
      updates: settings.updates,
    });
    solver = fitter;

    const control = settings.control;
    const userLambda = settings.lambda;
    const nlam = userLambda ? userLambda.length : settings.nlambda;
    const flminUser = userLambda !== null;
    const alf = flminUser ? 1 : lambdaStepFactor(settings.lambdaMinRatio, nlam, control.eps);
    const mnl = Math.min(control.mnlam, nlam);

    const lambdas = new Float64Array(nlam);
    const a0 = new Float64Array(nlam);
    const betaStd = new Float64Array(nlam * p);
    const devRatio = new Float64Array(nlam);
    const df = new Int32Array(nlam);
    let lmu = 0;
    let jerr = 0;
    let lam = 0;
    for (let m = 0; m < nlam; m++) {
      let prev = lam;
      if (flminUser) lam = userLambda![m]!;
      else if (m > 1) lam *= alf;
      else if (m === 0) lam = control.big;
      else {
        prev = lambdaMax(fitter.ga, design.ju, vp, settings.alpha);
        lam = prev * alf;
      }
      try {
        fitter.fit(settings.alpha, lam, prev);
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
      // Record this λ.
      const row = m * p;
      let me = 0;
      for (let a = 0; a < fitter.nin; a++) {
        const k = fitter.active[a]!;
        const bk = fitter.b[k]!;
        betaStd[row + k] = bk;
        if (bk !== 0) me++;
      }
      a0[m] = fitter.b0;
      const devi = fitter.deviance(control.pmin);
      devRatio[m] = (fitter.dev1 - devi) / fitter.dev0;
      df[m] = me;
      lambdas[m] = lam;
      lmu = m + 1;
      if (lmu < mnl || flminUser) continue;
      const change = devRatio[m]! - (m === 0 ? 0 : devRatio[m - 1]!);
      if (me > settings.dfmax || change < control.fdev || devRatio[m]! > control.devmax) break;
      if (fitter.isTotalVarianceTooSmall()) break;
    }

    // Back to the original scale: β_j / xs_j, a0 − Σ β_j xm_j.
    const beta = new Float64Array(lmu * p);
    for (let m = 0; m < lmu; m++) {
      const row = m * p;
      let intercept = a0[m]!;
      for (let j = 0; j < p; j++) {
        const bj = betaStd[row + j]!;
        if (bj === 0) continue;
        const orig = settings.standardize ? bj / design.xs[j]! : bj;
        beta[row + j] = orig;
        if (settings.intercept) intercept -= orig * design.xm[j]!;
      }
      a0[m] = settings.intercept ? intercept : 0;
    }
    const lambdaOut = flminUser ? lambdas.slice(0, lmu) : Float64Array.from(fixFirstLambda(lambdas.subarray(0, lmu)));
    const warnings: RadvalWarning[] = [];
    if (jerr !== 0) warnings.push(jerrWarning(jerr, jerr <= -10000 ? -10000 - jerr : -jerr, settings));
    if (lmu === 0) {
      throw new RadvalError("NOT_CONVERGED", "the path did not converge even at the first λ", { hint: "Increase maxit or thresh." });
    }
    return {
      p,
      nObservations,
      lambda: lambdaOut,
      a0: a0.slice(0, lmu),
      beta,
      devRatio: devRatio.slice(0, lmu),
      df: df.slice(0, lmu),
      nulldev: 2 * sw * fitter.dev0,
      npasses: fitter.nlp,
      jerr,
      xm: design.xm,
      sd: design.sd,
      warnings,
    };
  } finally {
    // The heap and the Gram workspace go back for the next fit (cross-validation folds, bootstrap replicates).
    solver?.release();
    kernels.release();
  }
}

/** Converts an internal path fit to the public frozen plain object. O(L p). */
export function publicPath(fit: PathFit, settings: PathSettings, featureNames: readonly string[], extraWarnings: readonly RadvalWarning[]): ElasticNetPath {
  const L = fit.lambda.length;
  const p = fit.p;
  const beta: number[][] = new Array(p);
  for (let j = 0; j < p; j++) {
    const rowJ = new Array<number>(L);
    for (let l = 0; l < L; l++) rowJ[l] = fit.beta[l * p + j]!;
    beta[j] = Object.freeze(rowJ) as number[];
  }
  return Object.freeze({
    family: "binomial" as const,
    alpha: settings.alpha,
    featureNames: Object.freeze([...featureNames]),
    nObservations: fit.nObservations,
    lambda: Object.freeze(Array.from(fit.lambda)),
    a0: Object.freeze(Array.from(fit.a0)),
    beta: Object.freeze(beta),
    devRatio: Object.freeze(Array.from(fit.devRatio)),
    df: Object.freeze(Array.from(fit.df)),
    nulldev: fit.nulldev,
    npasses: fit.npasses,
    jerr: fit.jerr,
    userLambda: settings.lambda !== null,
    xMean: Object.freeze(Array.from(fit.xm)),
    xScale: Object.freeze(Array.from(fit.sd)),
    settings: Object.freeze({
      nlambda: settings.nlambda,
      lambdaMinRatio: settings.lambdaMinRatio,
      standardize: settings.standardize,
      intercept: settings.intercept,
      thresh: settings.thresh,
      maxit: settings.maxit,
      penaltyFactor: Object.freeze(Array.from(settings.penaltyFactor)),
    }),
    warnings: Object.freeze([...extraWarnings, ...fit.warnings]),
  });
}

/**
 * Elastic-net logistic regression path: glmnet's
 * `glmnet(x, y, family = "binomial", alpha, nlambda, lambda.min.ratio, lambda,
 * weights, penalty.factor, standardize, intercept, thresh, maxit)`.
 * Minimises −(1/Σw) Σ w_i ℓ_i(β_0, β) + λ [(1 − α)/2 ‖β‖₂² + α ‖β‖₁] (penalty
 * factors applied per feature) by pathwise coordinate descent inside IRLS
 * (Friedman, Hastie & Tibshirani 2010, J Stat Softw 33(1)) with sequential
 * strong rules and KKT checks (Tibshirani et al. 2012, JRSS B 74(2)), warm
 * starts from λ_max down to λ_max · lambdaMinRatio (100 values by default),
 * features standardised internally with glmnet's weighted 1/n SD and the
 * coefficients returned on the original scale. Constant features keep a zero
 * coefficient. `y` is 0/1. Returns a frozen {@link ElasticNetPath}.
 * O(passes × n × |active| + L × n × p).
 */
export function elasticNetPath(x: ColumnMatrix, y: ArrayLike<number>, options: ElasticNetOptions = {}): ElasticNetPath {
  const featureNames = resolveFeatureNames(x.nCols, options.featureNames);
  checkDesignAndOutcome(x, y, featureNames);
  const weights = resolveWeights(x.nRows, options.weights);
  const warnings = checkClassCounts(y, weights);
  const settings = resolvePathSettings(x.nRows, x.nCols, options);
  const fit = fitBinomialPath(x, null, Float64Array.from(y), weights, settings);
  return publicPath(fit, settings, featureNames, warnings);
}
