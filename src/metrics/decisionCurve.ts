import { RadvalError } from "../core/errors.js";
import { type BootstrapOptions, bootstrapVector } from "./bootstrap.js";
import { checkBinaryScores, checkProbabilities, sortedClassScores } from "./inputs.js";
import { type ThresholdCounts, confusionAt, countsFromSorted } from "./thresholds.js";

/** One threshold of a decision curve. */
export interface DecisionCurvePoint {
  /** Threshold probability p_t: treat when p ≥ p_t. */
  readonly threshold: number;
  readonly tp: number;
  readonly fp: number;
  /** Net benefit TP/n − FP/n · p_t/(1 − p_t). */
  readonly netBenefit: number;
  /** Treat everyone: prevalence − (1 − prevalence) · p_t/(1 − p_t). */
  readonly treatAll: number;
  /** Treat no one: 0. */
  readonly treatNone: 0;
  /** Net reduction in interventions per 100 patients: (NB_model − NB_all) · 100 · (1 − p_t)/p_t. */
  readonly interventionsAvoided: number;
  /** Standardised net benefit NB/prevalence (Kerr et al. 2016), in [−∞, 1]. */
  readonly standardizedNetBenefit: number;
}

/** A decision curve (one model) with the reference strategies. */
export interface DecisionCurve {
  readonly n: number;
  readonly events: number;
  readonly prevalence: number;
  readonly points: readonly DecisionCurvePoint[];
}

/** Options of the decision curve functions. */
export interface DecisionCurveOptions {
  /** Threshold probabilities in (0, 1); default k/100 for k = 1..99 (computed as k/100, not by repeated addition). */
  readonly thresholds?: ArrayLike<number>;
}

/** The default threshold grid k/100, k = 1..99. */
export function defaultThresholds(): Float64Array {
  const t = new Float64Array(99);
  for (let k = 1; k <= 99; k++) t[k - 1] = k / 100;
  return t;
}

/**
 * Parses a threshold grid "from:to:by" (e.g. "0.01:0.99:0.01") into values
 * computed as from + k·by rounded to the step's decimals (so 0.01:0.99:0.01
 * gives exactly k/100); throws INVALID_OPTION naming the option otherwise.
 */
export function parseThresholdGrid(text: string, option = "--thresholds"): Float64Array {
  const parts = text.split(":").map((s) => s.trim());
  const nums = parts.map(Number);
  if (parts.length !== 3 || nums.some((v, i) => parts[i] === "" || !Number.isFinite(v))) {
    throw new RadvalError("INVALID_OPTION", `expected FROM:TO:BY, got "${text}"`, { where: { option }, hint: `Example: ${option} 0.01:0.99:0.01` });
  }
  const [from, to, by] = nums as [number, number, number];
  if (!(by > 0) || !(from > 0) || !(to < 1) || from > to) {
    throw new RadvalError("INVALID_OPTION", `thresholds must satisfy 0 < FROM ≤ TO < 1 and BY > 0, got "${text}"`, { where: { option }, hint: `Example: ${option} 0.05:0.5:0.05` });
  }
  const decimals = Math.max(...parts.map((s) => (s.includes(".") ? s.split(".")[1]!.replace(/e.*$/i, "").length : 0)));
  const scale = Math.pow(10, decimals);
  const count = Math.floor((to - from) / by + 1e-9) + 1;
  if (count > 100000) throw new RadvalError("INVALID_OPTION", `the grid "${text}" has ${count} thresholds (at most 100000)`, { where: { option } });
  const out = new Float64Array(count);
  const fromInt = Math.round(from * scale);
  const byInt = Math.round(by * scale);
  const exact = Math.abs(fromInt / scale - from) < 1e-12 && Math.abs(byInt / scale - by) < 1e-12 && decimals <= 15;
  for (let k = 0; k < count; k++) out[k] = exact ? (fromInt + k * byInt) / scale : from + k * by;
  return out;
}

function checkThresholds(thresholds: ArrayLike<number>): void {
  for (let k = 0; k < thresholds.length; k++) {
    const t = thresholds[k]!;
    if (!(t > 0 && t < 1)) {
      throw new RadvalError("INVALID_OPTION", `decision-curve thresholds must lie strictly between 0 and 1, got ${t}`, { where: { option: "thresholds" }, hint: "Use thresholds such as 0.01 … 0.99." });
    }
  }
}

/** Net benefit at p_t from counts, with the fixture's arithmetic: tp/n − fp/n · p_t/(1 − p_t). */
function netBenefit(tp: number, fp: number, n: number, t: number): number {
  return tp / n - ((fp / n) * t) / (1 - t);
}

/** Decision curve points from the thresholds primitive (treated when p ≥ p_t). O(T log n). */
export function decisionCurveFromCounts(counts: ThresholdCounts, thresholds: ArrayLike<number>): DecisionCurve {
  checkThresholds(thresholds);
  const n = counts.nPositive + counts.nNegative;
  const prevalence = counts.nPositive / n;
  const points: DecisionCurvePoint[] = [];
  for (let k = 0; k < thresholds.length; k++) {
    const t = thresholds[k]!;
    const c = confusionAt(counts, t);
    const nb = netBenefit(c.tp, c.fp, n, t);
    const all = prevalence - ((1 - prevalence) * t) / (1 - t);
    points.push({
      threshold: t,
      tp: c.tp,
      fp: c.fp,
      netBenefit: nb,
      treatAll: all,
      treatNone: 0,
      interventionsAvoided: (((nb - all) * 100) * (1 - t)) / t,
      standardizedNetBenefit: nb / prevalence,
    });
  }
  return { n, events: counts.nPositive, prevalence, points };
}

/**
 * Decision-curve analysis (Vickers & Elkin 2006, Med Decis Making 26:565):
 * net benefit TP/n − FP/n · p_t/(1 − p_t) of treating patients with
 * p ≥ p_t over a grid of threshold probabilities, with treat-all and
 * treat-none, interventions avoided per 100 (Vickers et al. 2008) and
 * standardised net benefit NB/prevalence (Kerr et al. 2016, Med Decis
 * Making 36:714). Pass pooled predictions — e.g. out-of-fold predictions of
 * a cross-validation pooled into one vector, not curves averaged per fold.
 * Uses the thresholds primitive: O(n log n + T log n).
 */
export function decisionCurve(truth: ArrayLike<number>, prob: ArrayLike<number>, options: DecisionCurveOptions = {}): DecisionCurve {
  const counts = checkBinaryScores(truth, prob, { name: "prob" });
  checkProbabilities(prob);
  const { positives, negatives } = sortedClassScores(truth, prob, counts, "<");
  return decisionCurveFromCounts(countsFromSorted(positives, negatives, "<"), options.thresholds ?? defaultThresholds());
}

/** Decision curves of several models on the same cases (e.g. { model: p1, clinical: p2 }). */
export function decisionCurves(truth: ArrayLike<number>, probs: Readonly<Record<string, ArrayLike<number>>>, options: DecisionCurveOptions = {}): Readonly<Record<string, DecisionCurve>> {
  const out: Record<string, DecisionCurve> = {};
  for (const [name, prob] of Object.entries(probs)) {
    try {
      out[name] = decisionCurve(truth, prob, options);
    } catch (e) {
      if (e instanceof RadvalError) throw new RadvalError(e.code, `model "${name}": ${e.message}`, { where: e.where, ...(e.hint ? { hint: e.hint } : {}) });
      throw e;
    }
  }
  return out;
}

/** The net-benefit difference of two models at one threshold, with its bootstrap CI. */
export interface NetBenefitDifference {
  readonly threshold: number;
  readonly netBenefit1: number;
  readonly netBenefit2: number;
  /** NB₁ − NB₂. */
  readonly difference: number;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly se: number | null;
}

/**
 * Difference in net benefit between two models on the same cases at each
 * threshold, NB(prob1) − NB(prob2), with a stratified percentile bootstrap
 * CI (same resamples for every threshold, so the curve of CIs is coherent;
 * Vickers et al. 2008, BMC Med Inform Decis Mak 8:53). Each replicate uses
 * the thresholds primitive: O(B · (n log n + T log n)).
 */
export function netBenefitDifference(
  truth: ArrayLike<number>,
  prob1: ArrayLike<number>,
  prob2: ArrayLike<number>,
  options: DecisionCurveOptions & BootstrapOptions,
): NetBenefitDifference[] {
  checkBinaryScores(truth, prob1, { name: "prob 1" });
  checkBinaryScores(truth, prob2, { name: "prob 2" });
  checkProbabilities(prob1, { name: "prob 1" });
  checkProbabilities(prob2, { name: "prob 2" });
  const thresholds = options.thresholds ?? defaultThresholds();
  checkThresholds(thresholds);
  const n = truth.length;
  const T = thresholds.length;
  const tBuf = new Float64Array(n);
  const p1Buf = new Float64Array(n);
  const p2Buf = new Float64Array(n);
  const nbOf = (t: Float64Array, p: Float64Array): ThresholdCounts => {
    const classes = checkBinaryScores(t, p);
    const { positives, negatives } = sortedClassScores(t, p, classes, "<");
    return countsFromSorted(positives, negatives, "<");
  };
  // Each replicate: gather, then the thresholds primitive for both models — O(n log n + T log n).
  const curves = (rows: ArrayLike<number>): { c1: ThresholdCounts; c2: ThresholdCounts; m: number } => {
    const m = rows.length;
    const t = tBuf.subarray(0, m);
    const a = p1Buf.subarray(0, m);
    const b = p2Buf.subarray(0, m);
    for (let r = 0; r < m; r++) {
      const i = rows[r]!;
      t[r] = truth[i]!;
      a[r] = prob1[i]!;
      b[r] = prob2[i]!;
    }
    return { c1: nbOf(t, a), c2: nbOf(t, b), m };
  };
  const differences = (rows: ArrayLike<number>): Float64Array => {
    const { c1, c2, m } = curves(rows);
    const out = new Float64Array(T);
    for (let k = 0; k < T; k++) {
      const pt = thresholds[k]!;
      const x = confusionAt(c1, pt);
      const y = confusionAt(c2, pt);
      out[k] = netBenefit(x.tp, x.fp, m, pt) - netBenefit(y.tp, y.fp, m, pt);
    }
    return out;
  };
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const full = curves(all);
  const cis = bootstrapVector(truth, differences, T, options);
  return cis.map((ci, k) => {
    const pt = thresholds[k]!;
    const x = confusionAt(full.c1, pt);
    const y = confusionAt(full.c2, pt);
    const nb1 = netBenefit(x.tp, x.fp, n, pt);
    const nb2 = netBenefit(y.tp, y.fp, n, pt);
    return { threshold: pt, netBenefit1: nb1, netBenefit2: nb2, difference: nb1 - nb2, lower: ci.lower, upper: ci.upper, se: ci.se };
  });
}
