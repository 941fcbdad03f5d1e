import { RadvalError } from "../../core/errors.js";
import type { Rng } from "../../core/rng.js";
import { type ProportionCiMethod, proportionCi } from "../../stats/binomialCi.js";
import { quantileSorted } from "../../stats/quantile.js";
import { checkBinaryScores, checkProbabilities } from "../inputs.js";
import { cutIndex, quantileBreaks } from "./hosmerLemeshow.js";
import { loess } from "./loess.js";
import { lowess } from "./lowess.js";

/** Options of the flexible calibration curve and the ICI. */
export interface CalibrationCurveOptions {
  /** "loess" (default; R's loess(y ~ p): span 0.75, degree 2, interpolated surface) or "lowess" (R's lowess(p, y, iter = 0), as rms::val.prob plots). */
  readonly smoother?: "loess" | "lowess";
  /** loess span (default 0.75) or lowess f (default 2/3). */
  readonly span?: number;
  /** loess degree (default 2). */
  readonly degree?: 1 | 2;
  /** loess surface: "interpolate" (default, R's default and Austin & Steyerberg's) or "direct" (a local fit at every point). */
  readonly surface?: "interpolate" | "direct";
  /** Points of the plotted curve, evenly spaced over the range of p (default 101). */
  readonly gridPoints?: number;
  /** Number of quantile bins for the observed/expected points (default 10). */
  readonly bins?: number;
  /** Interval of each bin's observed proportion (default "wilson"). */
  readonly binCi?: ProportionCiMethod;
  readonly level?: number;
  /**
   * Clip the smoothed observed rate to [0, 1] before the calibration errors
   * (a loess curve can leave that range where data are sparse). Default
   * false: R's ICI uses the smoother as it is.
   */
  readonly clip?: boolean;
}

/** One binned calibration point. */
export interface CalibrationBin {
  readonly lower: number;
  readonly upper: number;
  readonly n: number;
  readonly events: number;
  /** Mean predicted probability in the bin (expected). */
  readonly meanPredicted: number;
  /** Observed event proportion in the bin, with its interval. */
  readonly observed: number;
  readonly observedLower: number;
  readonly observedUpper: number;
}

/** Smoothed calibration errors |p − smoothed observed rate at p| (Austin & Steyerberg 2019). */
export interface CalibrationErrors {
  /** Integrated calibration index: the mean error over the cases. */
  readonly ici: number;
  readonly e50: number;
  readonly e90: number;
  readonly emax: number;
}

/** A flexible calibration curve for plotting, with binned points and the ICI. */
export interface CalibrationCurve extends CalibrationErrors {
  readonly smoother: "loess" | "lowess";
  /** The loess surface used ("interpolate" or "direct"); null for lowess. */
  readonly surface: "interpolate" | "direct" | null;
  readonly span: number;
  readonly degree: number;
  /** The smoothed observed rate at an even grid of predictions (not clipped to [0, 1]). */
  readonly curve: { readonly predicted: Float64Array; readonly observed: Float64Array };
  readonly bins: readonly CalibrationBin[];
  readonly level: number;
}

/** The fitted smoother of y on p: its estimate of P(y = 1 | p) at any points. */
function fitSmoother(truth: ArrayLike<number>, prob: ArrayLike<number>, options: CalibrationCurveOptions): (at: Float64Array) => Float64Array {
  if ((options.smoother ?? "loess") === "lowess") {
    const fit = lowess(prob, truth, { f: options.span ?? 2 / 3, iter: 0 });
    return (at) => interpolate(fit.x, fit.y, at);
  }
  let lo = Infinity;
  let hi = -Infinity;
  let events = 0;
  for (let i = 0; i < prob.length; i++) {
    lo = Math.min(lo, prob[i]!);
    hi = Math.max(hi, prob[i]!);
    events += truth[i]!;
  }
  if (lo === hi) {
    // All predictions equal: no local fit exists; the smoothed rate at that prediction is the observed rate (as lowess gives).
    const rate = events / prob.length;
    return (at) => Float64Array.from(at, () => rate);
  }
  const fit = loess(prob, truth, { span: options.span ?? 0.75, degree: options.degree ?? 2, surface: options.surface ?? "interpolate" });
  return (at) => fit.evaluate(at);
}

/** Linear interpolation of (x, y) (x ascending; tied x averaged) at each `at` (clamped to the ends). */
function interpolate(x: Float64Array, y: Float64Array, at: Float64Array): Float64Array {
  const ux: number[] = [];
  const uy: number[] = [];
  for (let k = 0; k < x.length; ) {
    let end = k + 1;
    let s = y[k]!;
    while (end < x.length && x[end] === x[k]) s += y[end++]!;
    ux.push(x[k]!);
    uy.push(s / (end - k));
    k = end;
  }
  const out = new Float64Array(at.length);
  for (let t = 0; t < at.length; t++) {
    const v = at[t]!;
    let lo = 0;
    let hi = ux.length - 1;
    if (v <= ux[0]!) {
      out[t] = uy[0]!;
      continue;
    }
    if (v >= ux[hi]!) {
      out[t] = uy[hi]!;
      continue;
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (ux[mid]! <= v) lo = mid;
      else hi = mid;
    }
    out[t] = v === ux[lo] ? uy[lo]! : uy[lo]! + (uy[hi]! - uy[lo]!) * ((v - ux[lo]!) / (ux[hi]! - ux[lo]!));
  }
  return out;
}

function errorsOf(prob: ArrayLike<number>, smoothed: Float64Array, clip = false): CalibrationErrors {
  const n = prob.length;
  const er = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const observed = clip ? Math.min(1, Math.max(0, smoothed[i]!)) : smoothed[i]!;
    er[i] = Math.abs(prob[i]! - observed);
    s += er[i]!;
  }
  er.sort();
  return { ici: s / n, e50: quantileSorted(er, 0.5), e90: quantileSorted(er, 0.9), emax: er[n - 1]! };
}

function check(truth: ArrayLike<number>, prob: ArrayLike<number>): void {
  checkBinaryScores(truth, prob, { name: "prob" });
  checkProbabilities(prob);
}

/**
 * Integrated calibration index and friends (Austin & Steyerberg 2019, Stat
 * Med 38:4051): with p̂c(p) R's default `loess(y ~ p)` (span 0.75, degree 2,
 * interpolated surface — see {@link loess}), ICI = mean |p − p̂c(p)| over the
 * cases, E50/E90 its median and 90th percentile (type 7), Emax the maximum.
 * O(n log n + vertices·n·span); `surface: "direct"` costs O(n²·span).
 */
export function integratedCalibrationIndex(truth: ArrayLike<number>, prob: ArrayLike<number>, options: CalibrationCurveOptions = {}): CalibrationErrors {
  check(truth, prob);
  return errorsOf(prob, fitSmoother(truth, prob, options)(Float64Array.from(prob)), options.clip);
}

/**
 * Flexible calibration curve for plotting (Van Calster et al. 2016, J Clin
 * Epidemiol 74:167): the smoothed observed event rate against the predicted
 * probability on an even grid, plus quantile bins (HL deciles by default)
 * with mean prediction, observed proportion and its Wilson (or
 * Clopper–Pearson) interval, plus the ICI/E50/E90/Emax of the same smoother.
 */
export function calibrationCurve(truth: ArrayLike<number>, prob: ArrayLike<number>, options: CalibrationCurveOptions = {}): CalibrationCurve {
  check(truth, prob);
  const gridPoints = options.gridPoints ?? 101;
  const nBins = options.bins ?? 10;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(gridPoints) || gridPoints < 2) throw new RadvalError("INVALID_OPTION", `gridPoints must be a whole number ≥ 2, got ${gridPoints}`, { where: { option: "gridPoints" } });
  if (!Number.isInteger(nBins) || nBins < 1) throw new RadvalError("INVALID_OPTION", `bins must be a whole number ≥ 1, got ${nBins}`, { where: { option: "bins" } });
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < prob.length; i++) {
    lo = Math.min(lo, prob[i]!);
    hi = Math.max(hi, prob[i]!);
  }
  const grid = new Float64Array(gridPoints);
  for (let k = 0; k < gridPoints; k++) grid[k] = k === gridPoints - 1 ? hi : lo + ((hi - lo) * k) / (gridPoints - 1);
  const smoother = options.smoother ?? "loess";
  const smooth = fitSmoother(truth, prob, options);
  const observedAtGrid = smooth(grid);
  const errors = errorsOf(prob, smooth(Float64Array.from(prob)), options.clip);
  const breaks = quantileBreaks(prob, nBins);
  const G = Math.max(1, breaks.length - 1);
  const n = new Float64Array(G);
  const ev = new Float64Array(G);
  const sp = new Float64Array(G);
  for (let i = 0; i < prob.length; i++) {
    const k = breaks.length < 2 ? 0 : cutIndex(breaks, prob[i]!);
    n[k]!++;
    ev[k]! += truth[i]!;
    sp[k]! += prob[i]!;
  }
  const bins: CalibrationBin[] = [];
  for (let k = 0; k < G; k++) {
    if (n[k] === 0) continue;
    const ci = proportionCi(ev[k]!, n[k]!, options.binCi ?? "wilson", level);
    bins.push({
      lower: breaks[k] ?? breaks[0]!,
      upper: breaks[k + 1] ?? breaks[0]!,
      n: n[k]!,
      events: ev[k]!,
      meanPredicted: sp[k]! / n[k]!,
      observed: ci.estimate,
      observedLower: ci.lower,
      observedUpper: ci.upper,
    });
  }
  return {
    smoother,
    surface: smoother === "loess" ? (options.surface ?? "interpolate") : null,
    span: options.span ?? (smoother === "loess" ? 0.75 : 2 / 3),
    degree: smoother === "loess" ? (options.degree ?? 2) : 1,
    curve: { predicted: grid, observed: observedAtGrid },
    bins,
    level,
    ...errors,
  };
}

/**
 * Pointwise bootstrap confidence band of the flexible calibration curve: the
 * patients are resampled with replacement, the same smoother is refit on
 * each resample and evaluated at `grid` (only inside that resample's range of
 * predictions), and the percentile limits (R's quantile type 7) are taken per
 * grid point. Points where fewer than 80% of the replicates reach are NaN.
 * O(B · smoother). Austin & Steyerberg (2014), Stat Med 33:517.
 */
export function calibrationBand(
  truth: ArrayLike<number>,
  prob: ArrayLike<number>,
  grid: Float64Array,
  rng: Rng,
  options: CalibrationCurveOptions & { replicates?: number } = {},
): { lower: Float64Array; upper: Float64Array; replicates: number } {
  check(truth, prob);
  const replicates = options.replicates ?? 200;
  const level = options.level ?? 0.95;
  const n = truth.length;
  const draws = Array.from({ length: grid.length }, () => [] as number[]);
  const y = new Float64Array(n);
  const p = new Float64Array(n);
  for (let b = 0; b < replicates; b++) {
    let lo = Infinity;
    let hi = -Infinity;
    let events = 0;
    for (let i = 0; i < n; i++) {
      const k = rng.integer(n);
      y[i] = truth[k]!;
      p[i] = prob[k]!;
      events += y[i]!;
      if (p[i]! < lo) lo = p[i]!;
      if (p[i]! > hi) hi = p[i]!;
    }
    if (events === 0 || events === n) continue;
    let at: Float64Array;
    try {
      at = fitSmoother(y, p, options)(grid);
    } catch {
      continue; // too few distinct predictions in this resample for the smoother
    }
    for (let g = 0; g < grid.length; g++) {
      if (grid[g]! < lo || grid[g]! > hi || !Number.isFinite(at[g]!)) continue;
      draws[g]!.push(options.clip ? Math.min(1, Math.max(0, at[g]!)) : at[g]!);
    }
  }
  const alpha = (1 - level) / 2;
  const lower = new Float64Array(grid.length).fill(NaN);
  const upper = new Float64Array(grid.length).fill(NaN);
  draws.forEach((values, g) => {
    if (values.length < 0.8 * replicates) return;
    const sorted = Float64Array.from(values).sort();
    lower[g] = quantileSorted(sorted, alpha);
    upper[g] = quantileSorted(sorted, 1 - alpha);
  });
  return { lower, upper, replicates };
}
