import { RadvalError } from "../../core/errors.js";
import { chiSquareUpperTail } from "../../stats/chiSquare.js";
import { normalTwoSidedP } from "../../stats/normal.js";
import { quantileSorted } from "../../stats/quantile.js";
import { aucMannWhitney } from "../auc.js";
import { checkBinaryScores, checkProbabilities } from "../inputs.js";
import { binomialDeviance, logisticRecalibration, nullDeviance } from "./logistic.js";
import { lowessAt } from "./lowess.js";

/** What to do with predicted probabilities of exactly 0 or 1 (infinite logit). */
export type ExtremeProbabilities = "error" | "exclude";

/** Options of {@link valProb}. */
export interface ValProbOptions {
  /**
   * "error" (default): exactly 0 or 1 is an error (`PROBABILITY_ZERO_ONE`).
   * "exclude": as rms::val.prob, those cases are left out of the logistic
   * parts (Dxy, C, R2, D, U, Q, Intercept, Slope; n counts the rest) but kept
   * in Brier, the lowess errors and Spiegelhalter's test. A confidently wrong
   * extreme (p = 0 for an event or p = 1 for a non-event) makes the
   * unreliability infinite: U, U:Chi-sq, U:p and Q are then null with a
   * reason (rms reports U = Inf for p = 0 events but silently drops p = 1
   * non-events).
   */
  readonly extremes?: ExtremeProbabilities;
  /** Compute Emax/E90/Eavg (lowess smoother, O(n log n + n·span)); false skips them (the fast path). Default true. */
  readonly smooth?: boolean;
}

/** The rms::val.prob statistics (names as in its output, without spaces/colons). */
export interface ValProb {
  /** Somers' D = 2C − 1. */
  readonly Dxy: number | null;
  /** C-index as rms computes it: the AUC of the probabilities binned to cells of 0.0002 (ties ½); within ~1e-5 of the exact AUC. */
  readonly C: number | null;
  /** Nagelkerke R² of the predictions taken as given. */
  readonly R2: number | null;
  /** Discrimination index (LR − 1)/n. */
  readonly D: number | null;
  /** LR chi-square L0 − L01 of the predictions vs the null model. */
  readonly Dchisq: number | null;
  /** Its p-value (df 1); rms 6.5.0 returns NA here — this is the intended value. */
  readonly Dp: number | null;
  /** Unreliability index (U:Chi-sq − 2)/n. */
  readonly U: number | null;
  /** L01 − deviance of the recalibration fit (df 2). */
  readonly Uchisq: number | null;
  readonly Up: number | null;
  /** Quality index D − U. */
  readonly Q: number | null;
  /** mean((p − y)²). */
  readonly Brier: number;
  /** Calibration intercept a of logit P = a + b·logit(p). */
  readonly Intercept: number | null;
  /** Calibration slope b. */
  readonly Slope: number | null;
  /** Max, 90th percentile (type 7) and mean of |p − lowess(p, y, iter = 0) at p|. */
  readonly Emax: number | null;
  readonly E90: number | null;
  readonly Eavg: number | null;
  /** Spiegelhalter's z = Σ(y − p)(1 − 2p)/√Σ(1 − 2p)²p(1 − p), and its two-sided p. */
  readonly Sz: number | null;
  readonly Sp: number | null;
  /** Cases used by the logistic statistics. */
  readonly n: number;
  /** Cases with p exactly 0 or 1 left out of the logistic statistics (extremes: "exclude"). */
  readonly excluded: number;
  /** Why a statistic is null, by statistic name. */
  readonly reasons: Readonly<Record<string, string>>;
}

function spiegelhalter(y: ArrayLike<number>, p: ArrayLike<number>): { z: number | null; reason?: string } {
  let num = 0;
  let den = 0;
  for (let i = 0; i < y.length; i++) {
    const pi = p[i]!;
    const c = 1 - 2 * pi;
    num += (y[i]! - pi) * c;
    den += c * c * pi * (1 - pi);
  }
  if (!(den > 0)) return { z: null, reason: "every prediction is 0, 0.5 or 1: Spiegelhalter's variance is 0" };
  return { z: num / Math.sqrt(den) };
}

/**
 * The cells of rms's rank-correlation table: ⌊5000 · plogis(logit)⌋ (0…5000).
 * `lrm.fit` (rms 6.5.0), which `val.prob` calls, computes C and Dxy from
 * predicted probabilities counted in 5,001 cells of width 0.0002 — two
 * predictions in one cell tie — so its C can differ from the exact AUC by
 * ~1/(cases × controls) per such pair. O(n).
 */
export function rmsProbabilityBins(logit: ArrayLike<number>): Float64Array {
  const bins = new Float64Array(logit.length);
  for (let i = 0; i < logit.length; i++) bins[i] = Math.floor((1 / (1 + Math.exp(-logit[i]!))) * 5000);
  return bins;
}

/** |p − lowess(p, y, iter = 0)(p)| for every case: the errors behind Emax, E90 and Eavg. O(n log n + n·span). */
export function lowessCalibrationErrors(truth: ArrayLike<number>, prob: ArrayLike<number>): Float64Array {
  const cal = lowessAt(prob, truth, { iter: 0 });
  const er = new Float64Array(prob.length);
  for (let i = 0; i < prob.length; i++) er[i] = Math.abs(prob[i]! - cal[i]!);
  return er;
}

/**
 * Validation statistics of predicted probabilities, computed as
 * `rms::val.prob(p, y)` 6.5.0 does (Harrell 2015, Regression Modeling
 * Strategies §10.9; Spiegelhalter 1986): with logit = qlogis(p), L01 = −2
 * Σ(y·logit − log(1 + e^logit)), L0 the null deviance, LR = L0 − L01:
 * R2 = (1 − e^{−LR/n})/(1 − e^{−L0/n}), D = (LR − 1)/n; recalibration
 * `glm(y ~ logit)` gives Intercept, Slope and Lcal; U = (L01 − Lcal − 2)/n,
 * Q = D − U; Brier = mean((p − y)²); C = the AUC of the probabilities
 * binned as rms does ({@link rmsProbabilityBins}: cells of 0.0002, ties ½;
 * the exact AUC is `aucMannWhitney`), Dxy = 2C − 1; Emax/E90/Eavg
 * from |p − approx(lowess(p, y, iter = 0), xout = p, ties = mean)|;
 * Spiegelhalter's z. When all predictions are equal, follows val.prob's
 * special case (no discrimination: Dxy 0, C ½, R2 0, D −1/n, U on 1 df) but
 * reports Intercept/Slope as null (not identifiable) instead of rms's 0.
 * Throws for probabilities outside [0, 1], NaN, a single class or (by
 * default) probabilities of exactly 0 or 1. O(n log n).
 */
export function valProb(truth: ArrayLike<number>, prob: ArrayLike<number>, options: ValProbOptions = {}): ValProb {
  const extremes = options.extremes ?? "error";
  if (extremes !== "error" && extremes !== "exclude") {
    throw new RadvalError("INVALID_OPTION", `extremes must be "error" or "exclude", got ${JSON.stringify(extremes)}`, { where: { option: "extremes" } });
  }
  checkBinaryScores(truth, prob, { name: "prob" });
  checkProbabilities(prob, { open: extremes === "error" });
  const nAll = truth.length;
  const reasons: Record<string, string> = {};

  // Brier, Spiegelhalter and the lowess errors use every case.
  let brier = 0;
  for (let i = 0; i < nAll; i++) brier += (prob[i]! - truth[i]!) * (prob[i]! - truth[i]!);
  brier /= nAll;
  const spi = spiegelhalter(truth, prob);
  if (spi.reason) reasons["Sz"] = reasons["Sp"] = spi.reason;
  let emax: number | null = null;
  let e90: number | null = null;
  let eavg: number | null = null;
  if (options.smooth === false) {
    reasons["Emax"] = reasons["E90"] = reasons["Eavg"] = "not computed (smooth: false)";
  } else {
    const er = lowessCalibrationErrors(truth, prob);
    let s = 0;
    let m = 0;
    for (let i = 0; i < nAll; i++) {
      s += er[i]!;
      if (er[i]! > m) m = er[i]!;
    }
    eavg = s / nAll;
    emax = m;
    e90 = quantileSorted(Float64Array.from(er).sort(), 0.9);
  }
  const common = {
    Brier: brier,
    Emax: emax,
    E90: e90,
    Eavg: eavg,
    Sz: spi.z,
    Sp: spi.z === null ? null : normalTwoSidedP(spi.z),
  };

  // Logistic parts on the cases with a finite logit.
  const keep: number[] = [];
  let wrong = 0;
  for (let i = 0; i < nAll; i++) {
    const p = prob[i]!;
    if (p > 0 && p < 1) keep.push(i);
    else if ((p === 0) === (truth[i] === 1)) wrong++;
  }
  const n = keep.length;
  const y = new Float64Array(n);
  const logit = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const p = prob[keep[k]!]!;
    y[k] = truth[keep[k]!]!;
    logit[k] = Math.log(p / (1 - p));
  }
  const excluded = nAll - n;
  let events = 0;
  for (let k = 0; k < n; k++) events += y[k]!;
  if (n === 0 || events === 0 || events === n) {
    const why = `after leaving out ${excluded} prediction(s) of exactly 0 or 1, the remaining ${n} cases do not contain both classes`;
    for (const k of ["Dxy", "C", "R2", "D", "Dchisq", "Dp", "U", "Uchisq", "Up", "Q", "Intercept", "Slope"]) reasons[k] = why;
    return { Dxy: null, C: null, R2: null, D: null, Dchisq: null, Dp: null, U: null, Uchisq: null, Up: null, Q: null, Intercept: null, Slope: null, ...common, n, excluded, reasons };
  }
  const l01 = binomialDeviance(y, logit);
  const l0 = nullDeviance(y);
  let allEqual = true;
  for (let k = 1; k < n; k++) if (logit[k] !== logit[0]) allEqual = false;
  if (allEqual) {
    // val.prob's branch for a single distinct prediction: no discrimination, recalibration = intercept only (1 df).
    const uChisq = l01 - l0;
    const D = -1 / n;
    const U = (uChisq - 1) / n;
    reasons["Intercept"] = reasons["Slope"] = "all predictions are equal: the calibration intercept and slope are not identifiable";
    return {
      Dxy: 0, C: 0.5, R2: 0, D, Dchisq: 0, Dp: 1, U, Uchisq: uChisq, Up: chiSquareUpperTail(uChisq, 1), Q: D - U,
      Intercept: null, Slope: null, ...common, n, excluded, reasons,
    };
  }
  const C = aucMannWhitney(y, rmsProbabilityBins(logit), "<");
  const lr = l0 - l01;
  const D = (lr - 1) / n;
  const R2 = (1 - Math.exp(-lr / n)) / (1 - Math.exp(-l0 / n));
  const recal = logisticRecalibration(y, logit);
  let U: number | null = null;
  let uChisq: number | null = null;
  let Up: number | null = null;
  let Q: number | null = null;
  if (recal.slope === null) {
    const why = recal.reason ?? "the recalibration fit failed";
    for (const k of ["Intercept", "Slope", "U", "Uchisq", "Up", "Q"]) reasons[k] = why;
  } else if (wrong > 0) {
    const why = `${wrong} prediction(s) of exactly 0 for an event or 1 for a non-event: the unreliability (U) is infinite`;
    for (const k of ["U", "Uchisq", "Up", "Q"]) reasons[k] = why;
  } else {
    uChisq = l01 - recal.deviance;
    Up = chiSquareUpperTail(uChisq, 2);
    U = (uChisq - 2) / n;
    Q = D - U;
  }
  return {
    Dxy: 2 * C - 1,
    C,
    R2,
    D,
    Dchisq: lr,
    Dp: chiSquareUpperTail(lr, 1),
    U,
    Uchisq: uChisq,
    Up,
    Q,
    Intercept: recal.intercept,
    Slope: recal.slope,
    ...common,
    n,
    excluded,
    reasons,
  };
}
