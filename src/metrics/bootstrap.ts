import { RadvalError, isRadvalError } from "../core/errors.js";
import type { Rng } from "../core/rng.js";
import { normalCdf, normalQuantile } from "../stats/normal.js";
import { quantileSorted } from "../stats/quantile.js";

/** Options of a (stratified) bootstrap. */
export interface BootstrapOptions {
  /** Every draw comes from here (never Math.random). Required unless `indices` is given. */
  readonly rng?: Rng;
  /** Number of resamples, default 2000 (pROC's `boot.n`). */
  readonly replicates?: number;
  /** Confidence level, default 0.95. */
  readonly level?: number;
  /** "percentile" (default) or "bca" (bias-corrected and accelerated; needs n extra jackknife evaluations). */
  readonly method?: "percentile" | "bca";
  /** Resample events and non-events separately, keeping their counts (default true, as pROC's `boot.stratified`). */
  readonly stratified?: boolean;
  /**
   * Resamples given explicitly (0-based row positions, one array per
   * replicate), e.g. drawn in R, for exact parity; overrides rng/replicates/stratified.
   */
  readonly indices?: ReadonlyArray<ArrayLike<number>>;
}

/** A bootstrap confidence interval. */
export interface BootstrapCi {
  /** The statistic on the full sample. */
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Standard deviation of the replicate values (n − 1). */
  readonly se: number | null;
  readonly level: number;
  readonly method: "percentile" | "bca";
  /** Replicates whose statistic was defined. */
  readonly replicates: number;
  /** Replicates whose statistic was undefined (null, NaN or a RadvalError) and were left out. */
  readonly failed: number;
  /** BCa bias correction z₀ and acceleration a (method "bca" only). */
  readonly bias?: number;
  readonly acceleration?: number;
  readonly reason?: string;
}

/** A statistic of a set of rows (0-based positions, with repeats), or null when undefined on them. */
export type RowStatistic = (rows: Int32Array) => number | null;

function evaluate(statistic: RowStatistic, rows: Int32Array): number | null {
  try {
    const v = statistic(rows);
    return v === null || !Number.isFinite(v) ? null : v;
  } catch (e) {
    if (isRadvalError(e)) return null;
    throw e;
  }
}

function checkOptions(n: number, options: BootstrapOptions): { replicates: number; level: number; method: "percentile" | "bca" } {
  const replicates = options.indices ? options.indices.length : (options.replicates ?? 2000);
  const level = options.level ?? 0.95;
  const method = options.method ?? "percentile";
  if (!options.indices && !options.rng) {
    throw new RadvalError("INVALID_ARGUMENT", "a bootstrap needs an explicit Rng (options.rng)", { hint: "Pass { rng: createRng(seed) } so the result is reproducible." });
  }
  if (!Number.isInteger(replicates) || replicates < 1) {
    throw new RadvalError("INVALID_OPTION", `the number of bootstrap replicates must be a positive whole number, got ${replicates}`, { where: { option: "replicates" } });
  }
  if (!(level > 0 && level < 1)) throw new RadvalError("INVALID_OPTION", `confidence level must be between 0 and 1, got ${level}`, { where: { option: "level" } });
  if (method !== "percentile" && method !== "bca") {
    throw new RadvalError("INVALID_OPTION", `unknown bootstrap interval "${String(method)}"`, { where: { option: "method" }, hint: 'Use "percentile" or "bca".' });
  }
  if (n < 2) throw new RadvalError("INVALID_ARGUMENT", `a bootstrap needs at least 2 cases, got ${n}`);
  return { replicates, level, method };
}

/**
 * A drawer of resamples into a reused buffer: stratified (default) keeps the
 * number of events and non-events by drawing each class with replacement
 * from its own rows (pROC's stratified bootstrap), events first; otherwise n
 * rows with replacement. O(n) per draw.
 */
function resampler(truth: ArrayLike<number>, rng: Rng, stratified: boolean): () => Int32Array {
  const n = truth.length;
  const rows = new Int32Array(n);
  if (!stratified) {
    return () => {
      for (let i = 0; i < n; i++) rows[i] = rng.integer(n);
      return rows;
    };
  }
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < n; i++) (truth[i] === 1 ? pos : neg).push(i);
  return () => {
    let k = 0;
    for (let i = 0; i < pos.length; i++) rows[k++] = pos[rng.integer(pos.length)]!;
    for (let i = 0; i < neg.length; i++) rows[k++] = neg[rng.integer(neg.length)]!;
    return rows;
  };
}

/**
 * The resamples a stratified (default) or ordinary bootstrap draws, as
 * separate arrays (0-based rows, events first when stratified) — the same
 * draws {@link bootstrapStatistic} makes from the same Rng state. O(B·n) memory.
 */
export function bootstrapResamples(truth: ArrayLike<number>, options: { rng: Rng; replicates: number; stratified?: boolean }): Int32Array[] {
  const draw = resampler(truth, options.rng, options.stratified !== false);
  const out: Int32Array[] = [];
  for (let b = 0; b < options.replicates; b++) out.push(draw().slice());
  return out;
}

/**
 * Calls `visit` with every resample's rows (0-based, with repeats): the
 * given `indices`, or draws from `rng` (stratified unless `stratified:
 * false`). The rows array may be reused between calls.
 */
function forEachResample(truth: ArrayLike<number>, options: BootstrapOptions, replicates: number, visit: (rows: Int32Array) => void): void {
  const n = truth.length;
  const draw = options.indices ? null : resampler(truth, options.rng!, options.stratified !== false);
  for (let b = 0; b < replicates; b++) {
    if (draw) {
      visit(draw());
      continue;
    }
    const r = options.indices![b]!;
    for (let k = 0; k < r.length; k++) {
      const v = r[k]!;
      if (!(v >= 0 && v < n) || !Number.isInteger(v)) {
        throw new RadvalError("INVALID_ARGUMENT", `bootstrap resample ${b + 1} has row ${v}, outside 0..${n - 1}`, { hint: "Resample indices are 0-based row positions." });
      }
    }
    visit(Int32Array.from(r));
  }
}

/** Percentile interval and standard error of one component's replicate values. */
export interface ComponentCi {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly se: number | null;
  /** Replicates where this component was defined. */
  readonly replicates: number;
}

/**
 * Stratified percentile bootstrap of a vector-valued statistic (several
 * quantities from the same resamples, e.g. the net-benefit difference at
 * every threshold, or NRI and IDI together): component k's CI is the type-7
 * quantiles α/2, 1 − α/2 of its defined (finite) replicate values.
 * O(B · cost of the statistic).
 */
export function bootstrapVector(
  truth: ArrayLike<number>,
  statistic: (rows: Int32Array) => ArrayLike<number>,
  size: number,
  options: BootstrapOptions,
): ComponentCi[] {
  const n = truth.length;
  const { replicates, level } = checkOptions(n, { ...options, method: "percentile" });
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const full = statistic(all);
  const values: number[][] = Array.from({ length: size }, () => []);
  forEachResample(truth, options, replicates, (rows) => {
    let v: ArrayLike<number> | null = null;
    try {
      v = statistic(rows);
    } catch (e) {
      if (!isRadvalError(e)) throw e;
    }
    if (v === null) return;
    for (let k = 0; k < size; k++) if (Number.isFinite(v[k]!)) values[k]!.push(v[k]!);
  });
  const alpha = (1 - level) / 2;
  return values.map((vals, k) => {
    const est = Number.isFinite(full[k]!) ? full[k]! : null;
    if (vals.length < 2) return { estimate: est, lower: null, upper: null, se: null, replicates: vals.length };
    const sorted = Float64Array.from(vals).sort();
    let mean = 0;
    for (const v of vals) mean += v;
    mean /= vals.length;
    let ss = 0;
    for (const v of vals) ss += (v - mean) * (v - mean);
    return { estimate: est, lower: quantileSorted(sorted, alpha), upper: quantileSorted(sorted, 1 - alpha), se: Math.sqrt(ss / (vals.length - 1)), replicates: vals.length };
  });
}

/**
 * Bootstrap confidence interval of any statistic of rows (Efron & Tibshirani
 * 1993, An Introduction to the Bootstrap): the statistic is evaluated on
 * every resample (stratified by outcome unless `stratified: false`);
 * "percentile" takes the type-7 quantiles α/2 and 1 − α/2 of the replicates
 * (pROC's `ci(method = "bootstrap")`); "bca" shifts them by the bias
 * correction z₀ = Φ⁻¹(#{θ* < θ̂}/B) and the jackknife acceleration
 * a = Σ(θ̄ − θ₍ᵢ₎)³ / (6 [Σ(θ̄ − θ₍ᵢ₎)²]^{3/2}) (E&T eqs 14.14–14.15).
 * Replicates where the statistic is undefined are counted in `failed` and
 * left out. The rows array passed to the statistic is reused between
 * replicates: do not keep it. O(B · cost of the statistic), plus n
 * evaluations for BCa.
 */
export function bootstrapStatistic(truth: ArrayLike<number>, statistic: RowStatistic, options: BootstrapOptions): BootstrapCi {
  const n = truth.length;
  const { replicates, level, method } = checkOptions(n, options);
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const estimate = evaluate(statistic, all);
  const values: number[] = [];
  let failed = 0;
  forEachResample(truth, options, replicates, (rows) => {
    const v = evaluate(statistic, rows);
    if (v === null) failed++;
    else values.push(v);
  });
  const base = { estimate, level, method, replicates: values.length, failed };
  if (values.length < 2) return { ...base, lower: null, upper: null, se: null, reason: `only ${values.length} bootstrap replicate(s) gave a defined value` };
  const sorted = Float64Array.from(values).sort();
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const se = Math.sqrt(ss / (values.length - 1));
  const alpha = (1 - level) / 2;
  if (method === "percentile") {
    return { ...base, lower: quantileSorted(sorted, alpha), upper: quantileSorted(sorted, 1 - alpha), se };
  }
  if (estimate === null) return { ...base, lower: null, upper: null, se, reason: "the statistic is undefined on the full sample" };
  let below = 0;
  for (const v of values) if (v < estimate) below++;
  const z0 = normalQuantile(below / values.length);
  if (!Number.isFinite(z0)) {
    return { ...base, lower: null, upper: null, se, bias: z0, reason: "every replicate lies on one side of the estimate: the BCa bias correction is infinite" };
  }
  // Jackknife over all rows for the acceleration.
  const jack: number[] = [];
  const rows = new Int32Array(n - 1);
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (let r = 0; r < n; r++) if (r !== i) rows[k++] = r;
    const v = evaluate(statistic, rows);
    if (v !== null) jack.push(v);
  }
  let jm = 0;
  for (const v of jack) jm += v;
  jm /= jack.length;
  let num = 0;
  let den = 0;
  for (const v of jack) {
    const d = jm - v;
    num += d * d * d;
    den += d * d;
  }
  const a = den === 0 ? 0 : num / (6 * Math.pow(den, 1.5));
  const adjust = (z: number): number => normalCdf(z0 + (z0 + z) / (1 - a * (z0 + z)));
  const p1 = adjust(normalQuantile(alpha));
  const p2 = adjust(normalQuantile(1 - alpha));
  return { ...base, lower: quantileSorted(sorted, p1), upper: quantileSorted(sorted, p2), se, bias: z0, acceleration: a };
}

/**
 * Bootstrap CI of a metric `(truth, prob) → number` (AUC, Brier, calibration
 * slope, …): {@link bootstrapStatistic} with the rows gathered into reused
 * arrays. Stratified by outcome by default.
 */
export function bootstrapCi(
  truth: ArrayLike<number>,
  prob: ArrayLike<number>,
  metric: (truth: Float64Array, prob: Float64Array) => number | null,
  options: BootstrapOptions,
): BootstrapCi {
  if (prob.length !== truth.length) {
    throw new RadvalError("DIMENSION_MISMATCH", `truth has ${truth.length} values but prob has ${prob.length}`);
  }
  const tBuf = new Float64Array(truth.length);
  const pBuf = new Float64Array(truth.length);
  return bootstrapStatistic(
    truth,
    (rows) => {
      const m = rows.length;
      const t = m === tBuf.length ? tBuf : tBuf.subarray(0, m);
      const p = m === pBuf.length ? pBuf : pBuf.subarray(0, m);
      for (let k = 0; k < m; k++) {
        t[k] = truth[rows[k]!]!;
        p[k] = prob[rows[k]!]!;
      }
      return metric(t, p);
    },
    options,
  );
}
