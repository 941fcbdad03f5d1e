import { RadvalError, type RadvalWarning } from "../core/errors.js";
import type { ColumnMatrix } from "../core/matrix.js";
import { type CombatCovariate, type CovariateTerm, covariateDesign, covariateTerms, designColumnNames, leastSquares, sortedLevels } from "./design.js";
import { type BatchBlock, batchPriors, blockMoments, nonParametricAdjust, parametricAdjust, postMean } from "./empiricalBayes.js";

/** Options of {@link fitCombat} (neuroCombat's keyword arguments). */
export interface CombatOptions {
  /** Biological covariates whose effects are preserved (numeric or categorical). Default none. */
  readonly covariates?: readonly CombatCovariate[];
  /** Empirical Bayes shrinkage of the batch effects (default true; false = neuroCombat's `eb=False`). */
  readonly eb?: boolean;
  /** Parametric priors (default true); false = the non-parametric (integration) estimator. */
  readonly parametric?: boolean;
  /** Adjust the location only, not the scale (neuroCombat's `mean_only`). */
  readonly meanOnly?: boolean;
  /** Reference batch (M-ComBat): its data are left unchanged and the others are mapped onto it. */
  readonly refBatch?: string;
  /** Convergence tolerance of the parametric iteration (default 1e-4, as sva and neuroCombat). */
  readonly conv?: number;
  /** Feature names (for messages and the log). */
  readonly featureNames?: readonly string[];
}

/**
 * A ComBat fit: the location/scale model per feature and the (shrunken)
 * batch effects, frozen. Arrays per batch follow `batches` (sorted, as
 * neuroCombat's `np.unique`); arrays per feature have length p.
 */
export interface CombatFit {
  readonly featureNames: readonly string[];
  readonly batches: readonly string[];
  readonly nPerBatch: readonly number[];
  readonly refBatch: string | null;
  readonly eb: boolean;
  readonly parametric: boolean;
  readonly meanOnly: boolean;
  readonly covariates: readonly CovariateTerm[];
  /** Names of the covariate design columns (`age`, `sex=M`, …), in the order of `covariateEffects`. */
  readonly designColumns: readonly string[];
  /** α̂: neuroCombat's `stand.mean` per feature (batch-size-weighted mean of the batch intercepts; the reference batch's with M-ComBat). */
  readonly grandMean: Float64Array;
  /** σ̂²: neuroCombat's `var.pooled` per feature (mean squared residual of the full model; over the reference batch's rows with M-ComBat). */
  readonly varPooled: Float64Array;
  /** β̂ of each covariate design column, per feature. */
  readonly covariateEffects: readonly Float64Array[];
  readonly gammaHat: readonly Float64Array[];
  readonly deltaHat: readonly Float64Array[];
  readonly gammaStar: readonly Float64Array[];
  readonly deltaStar: readonly Float64Array[];
  /** Prior mean and variance of γ per batch (γ̄, τ²). */
  readonly gammaBar: Float64Array;
  readonly t2: Float64Array;
  /** Inverse-gamma prior of δ² per batch (NaN with meanOnly). */
  readonly aPrior: Float64Array;
  readonly bPrior: Float64Array;
  readonly conv: number;
  readonly warnings: readonly RadvalWarning[];
}

/** What to do with rows whose batch the fit never saw. */
export type UnseenBatchPolicy = "refuse" | "reference" | "self";

/** Batch effects estimated for an unseen batch from its own rows (policy `self`). */
export interface SelfEstimate {
  readonly batch: string;
  readonly n: number;
  readonly gammaStar: Float64Array;
  readonly deltaStar: Float64Array;
}

function featureName(names: readonly string[] | undefined, j: number): string {
  return names?.[j] ?? `feature ${j + 1}`;
}

function checkComplete(x: ColumnMatrix, names: readonly string[] | undefined, what: string): void {
  const { nRows: n, nCols: p, data } = x;
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(data[j * n + i]!)) {
        throw new RadvalError("MISSING_VALUES", `ComBat ${what} needs complete features: "${featureName(names, j)}" is missing in row ${i + 1}`, {
          where: { feature: featureName(names, j), row: i + 1 },
          hint: "Impute before ComBat (in a study: impute runs first inside every split), or leave the feature out.",
        });
      }
    }
  }
}

/** The rows of each batch label. */
function rowsByBatch(batch: readonly string[], labels: readonly string[]): number[][] {
  const index = new Map(labels.map((l, k) => [l, k]));
  const out = labels.map(() => [] as number[]);
  batch.forEach((b, i) => {
    const k = index.get(b);
    if (k !== undefined) out[k]!.push(i);
  });
  return out;
}

/** Standardised data s = (x − α̂ − Zβ̂)/σ̂ of `rows`, as a block (column-major by feature). */
function standardizedBlock(fit: Pick<CombatFit, "grandMean" | "varPooled" | "covariateEffects">, x: ColumnMatrix, design: readonly Float64Array[], rows: readonly number[]): BatchBlock {
  const n = x.nRows;
  const p = x.nCols;
  const m = rows.length;
  const data = new Float64Array(m * p);
  for (let j = 0; j < p; j++) {
    const sd = Math.sqrt(fit.varPooled[j]!);
    for (let k = 0; k < m; k++) {
      const i = rows[k]!;
      let mod = 0;
      for (let c = 0; c < design.length; c++) mod += design[c]![i]! * fit.covariateEffects[c]![j]!;
      data[j * m + k] = (x.data[j * n + i]! - fit.grandMean[j]! - mod) / sd;
    }
  }
  return { rows: m, data };
}

/** γ*, δ* of one batch from its standardised block and γ̂, δ̂ (EB as the options say). */
function batchAdjustment(
  block: BatchBlock,
  gammaHat: Float64Array,
  deltaHat: Float64Array,
  settings: { eb: boolean; parametric: boolean; meanOnly: boolean; conv: number },
  warnings: RadvalWarning[],
  label: string,
): { gammaStar: Float64Array; deltaStar: Float64Array; prior: { gammaBar: number; t2: number; a: number; b: number } } {
  const p = gammaHat.length;
  const prior = settings.meanOnly ? { ...batchPriors(gammaHat, deltaHat), a: NaN, b: NaN } : batchPriors(gammaHat, deltaHat);
  if (!settings.eb) return { gammaStar: Float64Array.from(gammaHat), deltaStar: Float64Array.from(deltaHat), prior };
  if (!settings.parametric) return { ...nonParametricAdjust(block, gammaHat, deltaHat), prior };
  if (settings.meanOnly) {
    // As sva and neuroCombat: n = 1 and δ* = 1 in the posterior mean.
    const gammaStar = new Float64Array(p);
    for (let j = 0; j < p; j++) gammaStar[j] = postMean(gammaHat[j]!, prior.gammaBar, 1, 1, prior.t2);
    return { gammaStar, deltaStar: new Float64Array(p).fill(1), prior };
  }
  const r = parametricAdjust(block, gammaHat, deltaHat, prior, settings.conv, warnings, label);
  return { gammaStar: r.gammaStar, deltaStar: r.deltaStar, prior };
}

/**
 * Fits ComBat (Johnson, Li & Rabinovic 2007, Biostatistics 8:118; for
 * imaging features Fortin et al. 2018, NeuroImage 167:104 — the algorithm of
 * neuroCombat, Jfortin1/neuroCombat, and of sva::ComBat) on n rows × p
 * features: per feature x = α + Zβ + γ_batch + δ_batch ε. Least squares on
 * [batch indicators | covariates] gives α̂ (`grandMean`, batch-size weighted),
 * β̂ and σ̂² (`varPooled`); the standardised data give γ̂ (batch means) and δ̂²
 * (batch variances, ddof 1), shrunk by empirical Bayes (parametric iteration
 * or non-parametric integration) to γ*, δ*. Options: `meanOnly` (δ = 1),
 * `eb: false` (γ* = γ̂, δ* = δ̂), `refBatch` (M-ComBat; Stein et al. 2015:
 * α̂ and σ̂² from the reference batch, whose γ* = 0, δ* = 1).
 *
 * Computed in double precision. neuroCombat casts the data to float32, so it
 * agrees with this to about 1e-4 relative (tested against it at that
 * tolerance) and with sva::ComBat (double) to ~1e-9; this is the more exact of
 * the two. Differences from neuroCombat: a zero pooled variance becomes 1 (with
 * a warning; neuroCombat's replacement is the median of a boolean array),
 * an unknown `refBatch` is an error (neuroCombat silently drops it). Errors:
 * missing feature values, a batch with fewer than 2 rows, a covariate
 * confounded with the batch, fewer than 2 features with empirical Bayes.
 * O(n p (B + q) + iterations · n p); non-parametric O(B p² n).
 */
export function fitCombat(x: ColumnMatrix, batch: readonly string[], options: CombatOptions = {}): CombatFit {
  const { nRows: n, nCols: p, data } = x;
  const names = options.featureNames;
  if (batch.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `${batch.length} batch labels for ${n} rows`);
  const blank = batch.indexOf("");
  if (blank >= 0) {
    throw new RadvalError("MISSING_VALUES", `the batch (site) is missing in row ${blank + 1}`, { where: { row: blank + 1 }, hint: "Every row ComBat is fit on needs its site." });
  }
  checkComplete(x, names, "fitting");
  const eb = options.eb ?? true;
  const parametric = options.parametric ?? true;
  const meanOnly = options.meanOnly ?? false;
  const conv = options.conv ?? 1e-4;
  if (eb && p < 2) {
    throw new RadvalError("TOO_FEW_FEATURES", `empirical Bayes ComBat borrows strength across features and needs at least 2 (got ${p})`, { hint: "Harmonise more features together, or use eb = false (--no-eb)." });
  }
  const batches = sortedLevels(batch);
  const rowsOf = rowsByBatch(batch, batches);
  const small = batches.findIndex((_, b) => rowsOf[b]!.length < 2);
  if (small >= 0) {
    throw new RadvalError("TOO_FEW_CASES", `site "${batches[small]}" has ${rowsOf[small]!.length} row; ComBat needs at least 2 per site to estimate its variance`, {
      where: { value: batches[small]! },
      hint: "Merge very small sites with a similar scanner, or drop them.",
    });
  }
  const ref = options.refBatch === undefined ? -1 : batches.indexOf(options.refBatch);
  if (options.refBatch !== undefined && ref < 0) {
    throw new RadvalError("UNKNOWN_LEVEL", `the reference batch "${options.refBatch}" is not among the sites (${batches.join(", ")})`, {
      where: { value: options.refBatch },
      hint: "Name a site present in the rows being fit.",
    });
  }
  const B = batches.length;
  const covariates = options.covariates ?? [];
  const terms = covariateTerms(covariates);
  const designColumns = designColumnNames(terms);
  const zCols = covariateDesign(terms, covariates, n);
  const batchCols = batches.map((_, b) => {
    const col = new Float64Array(n);
    if (b === ref) col.fill(1);
    else for (const i of rowsOf[b]!) col[i] = 1;
    return col;
  });
  const columns = Array.from({ length: p }, (_, j) => data.subarray(j * n, (j + 1) * n));
  const betaHat = leastSquares([...batchCols, ...zCols], columns, [...batches.map((b) => `site=${b}`), ...designColumns]);
  const grandMean = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (ref >= 0) grandMean[j] = betaHat[ref]![j]!;
    else for (let b = 0; b < B; b++) grandMean[j] += (rowsOf[b]!.length / n) * betaHat[b]![j]!;
  }
  const covariateEffects = betaHat.slice(B);
  const warnings: RadvalWarning[] = [];
  const varPooled = new Float64Array(p);
  const poolRows = ref >= 0 ? rowsOf[ref]! : Array.from({ length: n }, (_, i) => i);
  const rowBatch = new Int32Array(n);
  rowsOf.forEach((rows, b) => rows.forEach((i) => (rowBatch[i] = b)));
  for (let j = 0; j < p; j++) {
    let ss = 0;
    for (const i of poolRows) {
      let fitted = batchCols[rowBatch[i]!]![i]! * betaHat[rowBatch[i]!]![j]!;
      if (ref >= 0 && rowBatch[i] !== ref) fitted += betaHat[ref]![j]!;
      for (let c = 0; c < zCols.length; c++) fitted += zCols[c]![i]! * covariateEffects[c]![j]!;
      const r = data[j * n + i]! - fitted;
      ss += r * r;
    }
    varPooled[j] = ss / poolRows.length;
    if (!(varPooled[j]! > 0)) {
      varPooled[j] = 1;
      warnings.push({ code: "CONSTANT_FEATURE", message: `feature "${featureName(names, j)}" has no residual variance: its pooled variance is set to 1 (ComBat leaves it unscaled)`, where: { feature: featureName(names, j) } });
    }
  }
  const partial = { grandMean, varPooled, covariateEffects };
  const blocks = rowsOf.map((rows) => standardizedBlock(partial, x, zCols, rows));
  const moments = blocks.map((block) => blockMoments(block, p));
  const gammaHat = moments.map((m, b) => {
    if (ref < 0 || b === ref) return m.mean;
    return m.mean.map((v, j) => v - moments[ref]!.mean[j]!);
  });
  const deltaHat = moments.map((m) => (meanOnly ? new Float64Array(p).fill(1) : m.variance.map((v) => (v === 0 ? 1 : v))));
  const settings = { eb, parametric, meanOnly, conv };
  const gammaStar: Float64Array[] = [];
  const deltaStar: Float64Array[] = [];
  const gammaBar = new Float64Array(B);
  const t2 = new Float64Array(B);
  const aPrior = new Float64Array(B);
  const bPrior = new Float64Array(B);
  for (let b = 0; b < B; b++) {
    const adj = batchAdjustment(blocks[b]!, gammaHat[b]!, deltaHat[b]!, settings, warnings, batches[b]!);
    gammaBar[b] = adj.prior.gammaBar;
    t2[b] = adj.prior.t2;
    aPrior[b] = adj.prior.a;
    bPrior[b] = adj.prior.b;
    gammaStar.push(b === ref ? new Float64Array(p) : adj.gammaStar);
    deltaStar.push(b === ref ? new Float64Array(p).fill(1) : adj.deltaStar);
  }
  return Object.freeze({
    featureNames: Object.freeze(names ? [...names] : Array.from({ length: p }, (_, j) => featureName(undefined, j))),
    batches: Object.freeze(batches),
    nPerBatch: Object.freeze(rowsOf.map((r) => r.length)),
    refBatch: ref >= 0 ? batches[ref]! : null,
    eb,
    parametric,
    meanOnly,
    covariates: Object.freeze(terms),
    designColumns: Object.freeze(designColumns),
    grandMean,
    varPooled,
    covariateEffects: Object.freeze(covariateEffects),
    gammaHat: Object.freeze(gammaHat),
    deltaHat: Object.freeze(deltaHat),
    gammaStar: Object.freeze(gammaStar),
    deltaStar: Object.freeze(deltaStar),
    gammaBar,
    t2,
    aPrior,
    bPrior,
    conv,
    warnings: Object.freeze(warnings),
  });
}

/** Options of {@link applyCombat}. */
export interface ApplyCombatOptions {
  /** Rows from a batch the fit never saw (default "refuse"). */
  readonly unseen?: UnseenBatchPolicy;
}

/**
 * Harmonises rows with a frozen {@link CombatFit}: x* = (s − γ*_b)/√δ*_b · σ̂ +
 * α̂ + Zβ̂ with s = (x − α̂ − Zβ̂)/σ̂ — on the fit's own rows this is exactly
 * neuroCombat's output; new rows use the frozen estimates and their own
 * covariates. Rows of the reference batch are returned unchanged. Rows of a
 * batch the fit never saw follow `unseen`: "refuse" (error naming the site),
 * "reference" (treated as the reference batch, i.e. unchanged; needs a
 * `refBatch`), "self" (γ*, δ* of that batch estimated from its own rows
 * only — standardised with the frozen α̂, β̂, σ̂, with empirical Bayes over its
 * own features as at fit time; transductive, never uses an outcome; needs ≥ 2
 * complete rows). Missing feature values stay missing. O(n p q).
 */
export function applyCombat(
  fit: CombatFit,
  x: ColumnMatrix,
  batch: readonly string[],
  covariates: readonly CombatCovariate[] = [],
  options: ApplyCombatOptions = {},
): { x: ColumnMatrix; selfEstimates: SelfEstimate[] } {
  const { nRows: n, nCols: p, data } = x;
  if (p !== fit.grandMean.length) throw new RadvalError("DIMENSION_MISMATCH", `ComBat was fit on ${fit.grandMean.length} features but got ${p}`);
  if (batch.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `${batch.length} batch labels for ${n} rows`);
  const unseen = options.unseen ?? "refuse";
  const zCols = covariateDesign(fit.covariates, covariates, n);
  const known = new Map(fit.batches.map((b, k) => [b, k]));
  const unseenLabels = sortedLevels(batch.filter((b) => !known.has(b)));
  if (unseenLabels.length > 0) {
    if (unseenLabels.includes("")) {
      const row = batch.indexOf("") + 1;
      throw new RadvalError("MISSING_VALUES", `the site is missing in row ${row}`, { where: { row }, hint: "ComBat needs the site of every row it harmonises." });
    }
    if (unseen === "refuse") {
      throw new RadvalError("UNSEEN_SITE", `site${unseenLabels.length > 1 ? "s" : ""} ${unseenLabels.map((l) => `"${l}"`).join(", ")} did not occur in the rows ComBat was fit on (${fit.batches.join(", ")})`, {
        where: { value: unseenLabels[0]! },
        hint: 'Choose a policy for new sites: unseen "reference" (treat them as the reference site; needs a reference batch) or "self" (estimate their batch effects from their own features, a transductive step).',
      });
    }
    if (unseen === "reference" && fit.refBatch === null) {
      throw new RadvalError("INVALID_OPTION", `unseen sites can only be treated as the reference site when ComBat has a reference batch`, { hint: 'Set a reference batch (refBatch), or use unseen "self" or "refuse".' });
    }
  }
  const out = new Float64Array(n * p);
  const adjustRows = (rows: readonly number[], gammaStar: Float64Array, deltaStar: Float64Array) => {
    for (let j = 0; j < p; j++) {
      const sd = Math.sqrt(fit.varPooled[j]!);
      const g = gammaStar[j]!;
      const d = Math.sqrt(deltaStar[j]!);
      for (const i of rows) {
        let mod = 0;
        for (let c = 0; c < zCols.length; c++) mod += zCols[c]![i]! * fit.covariateEffects[c]![j]!;
        const s = (data[j * n + i]! - fit.grandMean[j]! - mod) / sd;
        out[j * n + i] = ((s - g) / d) * sd + fit.grandMean[j]! + mod;
      }
    }
  };
  const copyRows = (rows: readonly number[]) => {
    for (let j = 0; j < p; j++) for (const i of rows) out[j * n + i] = data[j * n + i]!;
  };
  const seenRows = rowsByBatch(batch, fit.batches);
  seenRows.forEach((rows, b) => {
    if (fit.batches[b] === fit.refBatch) copyRows(rows);
    else adjustRows(rows, fit.gammaStar[b]!, fit.deltaStar[b]!);
  });
  const selfEstimates: SelfEstimate[] = [];
  const unseenRows = rowsByBatch(batch, unseenLabels);
  unseenRows.forEach((rows, k) => {
    if (unseen === "reference") {
      copyRows(rows);
      return;
    }
    const label = unseenLabels[k]!;
    if (rows.length < 2) {
      throw new RadvalError("TOO_FEW_CASES", `new site "${label}" has ${rows.length} row: ComBat's "self" policy needs at least 2 to estimate its batch effects`, {
        where: { value: label },
        hint: 'Use unseen "reference" (with a reference batch), or harmonise the new site with more of its patients at once.',
      });
    }
    const sub = { nRows: rows.length, nCols: p, data: new Float64Array(rows.length * p) };
    for (let j = 0; j < p; j++) rows.forEach((i, r) => (sub.data[j * rows.length + r] = data[j * n + i]!));
    checkComplete(sub, fit.featureNames, `for the new site "${label}"`);
    const block = standardizedBlock(fit, x, zCols, rows);
    const m = blockMoments(block, p);
    const deltaHat = fit.meanOnly ? new Float64Array(p).fill(1) : m.variance.map((v) => (v === 0 ? 1 : v));
    const warnings: RadvalWarning[] = [];
    const adj = batchAdjustment(block, m.mean, deltaHat, fit, warnings, label);
    selfEstimates.push({ batch: label, n: rows.length, gammaStar: adj.gammaStar, deltaStar: adj.deltaStar });
    adjustRows(rows, adj.gammaStar, adj.deltaStar);
  });
  return { x: { nRows: n, nCols: p, data: out }, selfEstimates };
}

/**
 * ComBat in one call, as neuroCombat: fit on all rows and return the
 * harmonised data (n × p, column-major) with the fit (γ*, δ*, α̂, σ̂², …).
 * See {@link fitCombat}.
 */
export function combat(x: ColumnMatrix, batch: readonly string[], options: CombatOptions = {}): { harmonized: ColumnMatrix; fit: CombatFit } {
  const fit = fitCombat(x, batch, options);
  return { harmonized: applyCombat(fit, x, batch, options.covariates ?? []).x, fit };
}
