import { RadvalError } from "../core/errors.js";
import type { Rng } from "../core/rng.js";
import { type BootstrapCi, bootstrapStatistic } from "../metrics/bootstrap.js";
import { quantileSorted } from "../stats/quantile.js";
import { type BlandAltman, blandAltman } from "./blandAltman.js";
import type { SegmentationMetrics } from "./metrics.js";

/** One compared pair of a batch: a case, optionally the reader (or model) whose prediction it is. */
export interface SegmentationCase {
  readonly caseId: string;
  readonly reader: string | null;
  readonly reference: string;
  readonly prediction: string;
  readonly metrics: SegmentationMetrics;
}

/** Two readers' predictions of the same case compared with each other (reader A's mask as the reference). */
export interface ReaderPairCase {
  readonly caseId: string;
  readonly readerA: string;
  readonly readerB: string;
  readonly metrics: SegmentationMetrics;
}

/** The per-case quantities summarised, in report order. */
export const SUMMARY_METRICS = ["dice", "jaccard", "sensitivity", "precision", "hausdorff", "hd95", "assd", "surfaceDice", "relativeVolumeDifference", "volumeReference", "volumePrediction"] as const;
export type SummaryMetric = (typeof SUMMARY_METRICS)[number];

/** Mean and median of one metric over cases, with percentile bootstrap CIs. */
export interface MetricSummary {
  readonly metric: SummaryMetric;
  /** Cases where the metric is defined. */
  readonly n: number;
  /** Cases where it is undefined (null: empty masks). */
  readonly nUndefined: number;
  readonly mean: BootstrapCi | null;
  readonly median: BootstrapCi | null;
  readonly sd: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

/** Summary of one reader's (or the only) predictions against the reference. */
export interface ReaderSummary {
  readonly reader: string | null;
  readonly nCases: number;
  readonly metrics: readonly MetricSummary[];
  /** Volumes: prediction − reference in ml (null with fewer than 2 cases). */
  readonly volumeAgreement: BlandAltman | null;
}

/** Agreement between two readers' predictions over the cases both segmented. */
export interface ReaderAgreement {
  readonly readerA: string;
  readonly readerB: string;
  readonly nCases: number;
  readonly metrics: readonly MetricSummary[];
  /** Volumes: reader B − reader A in ml. */
  readonly volumeAgreement: BlandAltman | null;
}

/** Options of {@link summarizeSegmentation}. */
export interface SegmentationSummaryOptions {
  readonly rng: Rng;
  /** Bootstrap resamples of cases (default 2000). */
  readonly replicates?: number;
  /** Confidence level (default 0.95). */
  readonly level?: number;
  /** How many worst cases to list (default 5). */
  readonly worst?: number;
}

/** Batch summary (see {@link summarizeSegmentation}). */
export interface SegmentationSummary {
  readonly cases: readonly SegmentationCase[];
  readonly readers: readonly ReaderSummary[];
  readonly readerAgreement: readonly ReaderAgreement[];
  /** Lowest Dice first (ties: larger HD95 first), at most `worst` per reader. */
  readonly worstCases: readonly SegmentationCase[];
  readonly replicates: number;
  readonly level: number;
}

function metricValue(m: SegmentationMetrics, name: SummaryMetric): number | null {
  return m[name];
}

/** Mean, median (type 7), sd, range and percentile-bootstrap CIs (cases resampled) of one metric. */
export function summarizeMetric(values: ReadonlyArray<number | null>, metric: SummaryMetric, options: SegmentationSummaryOptions): MetricSummary {
  const defined = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const n = defined.length;
  const base = { metric, n, nUndefined: values.length - n };
  if (n === 0) return { ...base, mean: null, median: null, sd: null, min: null, max: null };
  const x = Float64Array.from(defined);
  const sorted = x.slice().sort();
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of x) ss += (v - mean) * (v - mean);
  const meanOf = (rows: Int32Array) => {
    let s = 0;
    for (let i = 0; i < rows.length; i++) s += x[rows[i]!]!;
    return s / rows.length;
  };
  const buf = new Float64Array(n);
  const medianOf = (rows: Int32Array) => {
    for (let i = 0; i < rows.length; i++) buf[i] = x[rows[i]!]!;
    const s = buf.subarray(0, rows.length).sort();
    return quantileSorted(s, 0.5);
  };
  const boot = { rng: options.rng.split(), replicates: options.replicates ?? 2000, level: options.level ?? 0.95, stratified: false } as const;
  const truth = new Float64Array(n);
  const ci = (f: (rows: Int32Array) => number, rng: Rng): BootstrapCi =>
    n < 2
      ? { estimate: f(Int32Array.from([0])), lower: null, upper: null, se: null, level: boot.level, method: "percentile", replicates: 0, failed: 0, reason: "one case: no bootstrap" }
      : bootstrapStatistic(truth, f, { ...boot, rng });
  return {
    ...base,
    mean: ci(meanOf, boot.rng),
    median: ci(medianOf, options.rng.split()),
    sd: n < 2 ? null : Math.sqrt(ss / (n - 1)),
    min: sorted[0]!,
    max: sorted[n - 1]!,
  };
}

function summarizeAll(metrics: readonly SegmentationMetrics[], options: SegmentationSummaryOptions): MetricSummary[] {
  return SUMMARY_METRICS.map((name) => summarizeMetric(metrics.map((m) => metricValue(m, name)), name, options));
}

function volumes(metrics: readonly SegmentationMetrics[]): BlandAltman | null {
  if (metrics.length < 2) return null;
  return blandAltman(metrics.map((m) => m.volumeReference), metrics.map((m) => m.volumePrediction));
}

/**
 * Batch summary of segmentation agreement: per reader (or for all cases when
 * no reader is given) the mean and median of every metric over cases with
 * percentile bootstrap CIs (cases resampled with replacement, B = 2000 by
 * default, seeded `rng`; undefined values, e.g. distances of empty masks,
 * are left out and counted), Bland–Altman agreement of predicted with
 * reference volumes (ml); for each pair of readers the same summaries of
 * their predictions compared with each other; and the worst cases (lowest
 * Dice, then largest HD95). O(B · cases · metrics).
 */
export function summarizeSegmentation(cases: readonly SegmentationCase[], readerPairs: readonly ReaderPairCase[], options: SegmentationSummaryOptions): SegmentationSummary {
  if (cases.length === 0) throw new RadvalError("NO_DATA_ROWS", "no segmentation pairs to summarise");
  const readerNames: (string | null)[] = [];
  for (const c of cases) if (!readerNames.includes(c.reader)) readerNames.push(c.reader);
  const readers = readerNames.map((reader) => {
    const mine = cases.filter((c) => c.reader === reader);
    const metrics = mine.map((c) => c.metrics);
    return { reader, nCases: mine.length, metrics: summarizeAll(metrics, options), volumeAgreement: volumes(metrics) };
  });
  const pairKeys: [string, string][] = [];
  for (const p of readerPairs) if (!pairKeys.some(([a, b]) => a === p.readerA && b === p.readerB)) pairKeys.push([p.readerA, p.readerB]);
  const readerAgreement = pairKeys.map(([readerA, readerB]) => {
    const metrics = readerPairs.filter((p) => p.readerA === readerA && p.readerB === readerB).map((p) => p.metrics);
    return { readerA, readerB, nCases: metrics.length, metrics: summarizeAll(metrics, options), volumeAgreement: volumes(metrics) };
  });
  const worstCount = options.worst ?? 5;
  const worstCases = readerNames.flatMap((reader) =>
    cases
      .filter((c) => c.reader === reader)
      .slice()
      .sort((a, b) => a.metrics.dice - b.metrics.dice || (b.metrics.hd95 ?? Infinity) - (a.metrics.hd95 ?? Infinity))
      .slice(0, worstCount),
  );
  return { cases, readers, readerAgreement, worstCases, replicates: options.replicates ?? 2000, level: options.level ?? 0.95 };
}
