import { RadvalError } from "../core/errors.js";
import { normalQuantile } from "../stats/normal.js";
import { censoringInfluence, censoringModel, censoringSurvAt, lastIndexAtOrBefore, type CensoringModel } from "./ipcw.js";
import { kaplanMeier, survivalAt } from "./kaplanMeier.js";
import { checkHorizon, checkSurvival } from "./validate.js";

/** An estimate with its influence-function standard error and Wald confidence limits clipped to [0, 1]. */
export interface EstimateWithCi {
  readonly estimate: number;
  readonly se: number;
  readonly lower: number;
  readonly upper: number;
}

/** Options shared by the horizon metrics. */
export interface HorizonOptions {
  /** Confidence level of the Wald intervals (default 0.95). */
  readonly level?: number;
}

function ci(estimate: number, ic: Float64Array, level: number): EstimateWithCi {
  const n = ic.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += ic[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (ic[i]! - mean) ** 2;
  const se = Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
  const z = normalQuantile(1 - (1 - level) / 2);
  return { estimate, se, lower: Math.max(0, estimate - z * se), upper: Math.min(1, estimate + z * se) };
}

interface Prepared {
  readonly time: Float64Array;
  readonly event: Uint8Array;
  readonly cens: CensoringModel;
  /** 1 case (event by t), 2 control (time > t), 0 censored before t */
  readonly status: Uint8Array;
  /** IPC weight 1/G(T−) for cases, 1/G(t) for controls, 0 otherwise */
  readonly weight: Float64Array;
  /** index of the time at which G is evaluated */
  readonly q: Int32Array;
}

function prepare(time: ArrayLike<number>, event: ArrayLike<number>, risk: ArrayLike<number>, horizon: number): Prepared {
  const { time: t, event: d } = checkSurvival(time, event);
  if (risk.length !== t.length) throw new RadvalError("DIMENSION_MISMATCH", `${risk.length} predicted risks for ${t.length} subjects`);
  checkHorizon(horizon, t);
  for (let i = 0; i < risk.length; i++) {
    if (!Number.isFinite(risk[i]!)) throw new RadvalError("NON_FINITE", "missing predicted risk", { where: { row: i + 1 }, hint: "Every subject needs a predicted risk at the horizon." });
  }
  const cens = censoringModel(t, d);
  const n = t.length;
  const status = new Uint8Array(n), weight = new Float64Array(n), q = new Int32Array(n);
  const qt = lastIndexAtOrBefore(cens.time, horizon);
  const gt = censoringSurvAt(cens, qt);
  for (let i = 0; i < n; i++) {
    if (t[i]! <= horizon && d[i] === 1) {
      status[i] = 1;
      q[i] = cens.index[i]! - 1; // G(T−)
      weight[i] = 1 / censoringSurvAt(cens, q[i]!);
    } else if (t[i]! > horizon) {
      status[i] = 2;
      q[i] = qt;
      weight[i] = 1 / gt;
    } else {
      q[i] = -1;
    }
  }
  return { time: t, event: d, cens, status, weight, q };
}

/**
 * Brier score at horizon t with inverse-probability-of-censoring weights (KM censoring model), its standard error from
 * the influence function including the censoring model's term, and Wald limits clipped to [0, 1], as
 * riskRegression::Score(..., metrics = "brier", cens.model = "km", conservative = FALSE). `risk` = predicted
 * probability of the event by t. Reference: Graf et al. (1999) Stat Med 18:2529; Gerds & Schumacher (2006). O(n log n).
 */
export function survivalBrierScore(time: ArrayLike<number>, event: ArrayLike<number>, risk: ArrayLike<number>, horizon: number, options: HorizonOptions = {}): EstimateWithCi {
  const p = prepare(time, event, risk, horizon);
  return brierFromPrepared(p, risk, options.level ?? 0.95);
}

function brierFromPrepared(p: Prepared, risk: ArrayLike<number>, level: number): EstimateWithCi {
  const n = p.time.length;
  const r = new Float64Array(n);
  let b = 0;
  for (let i = 0; i < n; i++) {
    if (p.status[i] === 1) r[i] = (1 - risk[i]!) ** 2 * p.weight[i]!;
    else if (p.status[i] === 2) r[i] = risk[i]! ** 2 * p.weight[i]!;
    b += r[i]!;
  }
  b /= n;
  const coef = Float64Array.from(r, (v) => v / n);
  const ic = censoringInfluence(p.cens, p.event, coef, p.q);
  for (let i = 0; i < n; i++) ic[i]! += r[i]! - b;
  return ci(b, ic, level);
}

/**
 * Cumulative/dynamic time-dependent AUC at horizon t with IPC weights (cases: event by t, weight 1/G(T−); controls:
 * event-free at t, weight 1/G(t); ties in risk count 1/2), with the influence-function standard error including the
 * KM censoring term, as riskRegression::Score(..., metrics = "auc", cens.model = "km"). Reference: Uno et al. (2007)
 * JASA 102:1197; Blanche, Dartigues & Jacqmin-Gadda (2013) Stat Med 32:5381. O(n log n).
 */
export function timeDependentAuc(time: ArrayLike<number>, event: ArrayLike<number>, risk: ArrayLike<number>, horizon: number, options: HorizonOptions = {}): EstimateWithCi {
  const p = prepare(time, event, risk, horizon);
  const n = p.time.length;
  let muCase = 0, muCtrl = 0;
  for (let i = 0; i < n; i++) {
    if (p.status[i] === 1) muCase += p.weight[i]!;
    else if (p.status[i] === 2) muCtrl += p.weight[i]!;
  }
  if (muCase === 0 || muCtrl === 0) {
    throw new RadvalError("TOO_FEW_EVENTS", `no ${muCase === 0 ? "events by" : "subjects event-free at"} the horizon ${horizon}`, { where: { option: "--horizon" }, hint: "Choose a horizon with events before it and subjects followed beyond it." });
  }
  // ic0 per subject: case → w Σ_ctrl w_j [r_j < r_i] + ½[=]; control → w Σ_case w_i [r_i > r_j] + ½[=]
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => risk[a]! - risk[b]!);
  const part = new Float64Array(n);
  let ctrlBelow = 0;
  let num = 0;
  for (let a = 0; a < n; ) {
    let b = a, ctrlEq = 0;
    while (b < n && risk[order[b]!] === risk[order[a]!]) {
      const i = order[b++]!;
      if (p.status[i] === 2) ctrlEq += p.weight[i]!;
    }
    for (let k = a; k < b; k++) {
      const i = order[k]!;
      if (p.status[i] === 1) {
        part[i] = p.weight[i]! * (ctrlBelow + 0.5 * ctrlEq);
        num += part[i]!;
      }
    }
    ctrlBelow += ctrlEq;
    a = b;
  }
  let caseAbove = 0;
  for (let b = n; b > 0; ) {
    let a = b, caseEq = 0;
    while (a > 0 && risk[order[a - 1]!] === risk[order[b - 1]!]) {
      const i = order[--a]!;
      if (p.status[i] === 1) caseEq += p.weight[i]!;
    }
    for (let k = a; k < b; k++) {
      const i = order[k]!;
      if (p.status[i] === 2) part[i] = p.weight[i]! * (caseAbove + 0.5 * caseEq);
    }
    caseAbove += caseEq;
    b = a;
  }
  const auc = num / (muCase * muCtrl);
  const coef = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (p.status[i] === 1) coef[i] = (part[i]! - auc * p.weight[i]! * muCtrl) / (muCase * muCtrl);
    else if (p.status[i] === 2) coef[i] = (part[i]! - auc * p.weight[i]! * muCase) / (muCase * muCtrl);
  }
  const ic = censoringInfluence(p.cens, p.event, coef, p.q);
  for (let i = 0; i < n; i++) ic[i]! += n * coef[i]!;
  return ci(auc, ic, options.level ?? 0.95);
}

/**
 * Brier score of the null model at t: everyone gets the marginal risk 1 − KM(t) of the same data (riskRegression's
 * "Null model" row), with SE and CI as {@link survivalBrierScore}.
 */
export function nullSurvivalBrierScore(time: ArrayLike<number>, event: ArrayLike<number>, horizon: number, options: HorizonOptions = {}): EstimateWithCi {
  const km = kaplanMeier(time, event);
  const r = 1 - survivalAt(km, horizon);
  return survivalBrierScore(time, event, new Float64Array(time.length).fill(r), horizon, options);
}

/**
 * Integrated Brier score as riskRegression::Score(..., summary = "ibs"): the Brier score as a step function of time on
 * the grid 0 = t₀ < t₁ < … < t_k (Brier(0) = 0), integrated from 0 to `upTo` and divided by `upTo`:
 * IBS = (1/upTo) Σ_{t_j < upTo} Brier(t_j)·(t_{j+1} − t_j), t_{k+1} = upTo. `riskAt(t)` gives the predicted risks by t.
 */
export function integratedBrierScore(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  times: readonly number[],
  riskAt: (t: number) => ArrayLike<number>,
  upTo: number = times[times.length - 1]!,
): number {
  const grid = [0, ...times];
  const brier = [0, ...times.map((t) => survivalBrierScore(time, event, riskAt(t), t).estimate)];
  const stop = Math.min(upTo, grid[grid.length - 1]!);
  if (!(stop > 0)) return 0;
  let s = 0;
  for (let j = 0; j < grid.length && grid[j]! < stop; j++) {
    const next = j + 1 < grid.length ? Math.min(grid[j + 1]!, stop) : stop;
    s += brier[j]! * (next - grid[j]!);
  }
  return s / stop;
}

/** A time-dependent ROC curve at a horizon: its points (from (0, 0) to (1, 1)) and the area under exactly these points. */
export interface TimeDependentRoc {
  readonly time: number;
  /** fpr/tpr when subjects with predicted risk ≥ threshold are called positive (threshold null at (0, 0)). */
  readonly points: ReadonlyArray<{ readonly fpr: number; readonly tpr: number; readonly threshold: number | null }>;
  /** Trapezoidal area under `points`: equals {@link timeDependentAuc}'s estimate (ties in risk count ½). */
  readonly auc: number;
}

/**
 * The cumulative/dynamic ROC curve at horizon t whose area is {@link timeDependentAuc}: for each distinct predicted
 * risk c (descending), TPR(c) = Σ_{T_i ≤ t, δ_i = 1} w_i 1[r_i ≥ c] / Σ w_i with IPC weights w_i = 1/G(T_i−), and
 * FPR(c) = Σ_{T_j > t} 1[r_j ≥ c] / #{T_j > t} (equal weights 1/G(t)); subjects censored before t weigh 0. Points
 * that add nothing to the drawn curve (no change, or interior points of a vertical or horizontal run) are dropped,
 * which leaves the area unchanged. Reference: Heagerty, Lumley & Pepe (2000) Biometrics 56:337; Blanche et al. (2013).
 * O(n log n).
 */
export function timeDependentRoc(time: ArrayLike<number>, event: ArrayLike<number>, risk: ArrayLike<number>, horizon: number): TimeDependentRoc {
  const p = prepare(time, event, risk, horizon);
  const n = p.time.length;
  let muCase = 0, muCtrl = 0;
  for (let i = 0; i < n; i++) {
    if (p.status[i] === 1) muCase += p.weight[i]!;
    else if (p.status[i] === 2) muCtrl += p.weight[i]!;
  }
  if (muCase === 0 || muCtrl === 0) {
    throw new RadvalError("TOO_FEW_EVENTS", `no ${muCase === 0 ? "events by" : "subjects event-free at"} the horizon ${horizon}`, { where: { option: "--horizon" }, hint: "Choose a horizon with events before it and subjects followed beyond it." });
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => risk[b]! - risk[a]!);
  const raw: Array<{ fpr: number; tpr: number; threshold: number | null }> = [{ fpr: 0, tpr: 0, threshold: null }];
  let tp = 0, fp = 0;
  for (let a = 0; a < n; ) {
    let b = a;
    const c = risk[order[a]!]!;
    while (b < n && risk[order[b]!] === c) {
      const i = order[b++]!;
      if (p.status[i] === 1) tp += p.weight[i]!;
      else if (p.status[i] === 2) fp += p.weight[i]!;
    }
    raw.push({ fpr: b === n ? 1 : Math.min(1, fp / muCtrl), tpr: b === n ? 1 : Math.min(1, tp / muCase), threshold: c });
    a = b;
  }
  // Drop repeats and interior points of vertical / horizontal runs (the polyline, and its area, is unchanged).
  const points: typeof raw = [];
  for (const q of raw) {
    const last = points[points.length - 1];
    if (last && last.fpr === q.fpr && last.tpr === q.tpr) continue;
    const prev = points[points.length - 2];
    if (last && prev && ((prev.fpr === last.fpr && last.fpr === q.fpr) || (prev.tpr === last.tpr && last.tpr === q.tpr))) points.pop();
    points.push(q);
  }
  let auc = 0;
  for (let k = 1; k < points.length; k++) auc += ((points[k]!.fpr - points[k - 1]!.fpr) * (points[k]!.tpr + points[k - 1]!.tpr)) / 2;
  return { time: horizon, points, auc };
}
