import { checkSurvival } from "./validate.js";

/** A Kaplan–Meier curve at each distinct observed time (ascending). */
export interface KaplanMeier {
  readonly time: Float64Array;
  readonly nRisk: Float64Array;
  readonly nEvent: Float64Array;
  readonly nCensor: Float64Array;
  /** S(t) just after t. */
  readonly surv: Float64Array;
  /** Greenwood standard error of S(t): S(t)·sqrt(Σ d/(n(n−d))) (survival::summary.survfit's std.err). */
  readonly stdErr: Float64Array;
}

/**
 * Kaplan–Meier product-limit estimate with Greenwood standard errors, as survival::survfit(Surv(time, event) ~ 1)
 * (all distinct times kept, as survfit does). O(n log n).
 * Reference: Kaplan & Meier (1958) JASA 53:457; Greenwood (1926).
 */
export function kaplanMeier(time: ArrayLike<number>, event: ArrayLike<number>, options: { allowNoEvents?: boolean } = {}): KaplanMeier {
  const n = time.length;
  let t: ArrayLike<number> = time, d: ArrayLike<number> = event;
  if (!options.allowNoEvents) ({ time: t, event: d } = checkSurvival(time, event));
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => t[a]! - t[b]!);
  const times: number[] = [], risk: number[] = [], ev: number[] = [], ce: number[] = [], s: number[] = [], se: number[] = [];
  let atRisk = n, surv = 1, gw = 0;
  for (let a = 0; a < n; ) {
    const tt = t[order[a]!]!;
    let b = a, de = 0;
    while (b < n && t[order[b]!] === tt) de += d[order[b++]!]!;
    const m = b - a;
    if (de > 0) {
      surv *= (atRisk - de) / atRisk;
      gw += atRisk > de ? de / (atRisk * (atRisk - de)) : Infinity;
    }
    times.push(tt);
    risk.push(atRisk);
    ev.push(de);
    ce.push(m - de);
    s.push(surv);
    se.push(surv * Math.sqrt(gw === Infinity ? 0 : gw));
    atRisk -= m;
    a = b;
  }
  return {
    time: Float64Array.from(times),
    nRisk: Float64Array.from(risk),
    nEvent: Float64Array.from(ev),
    nCensor: Float64Array.from(ce),
    surv: Float64Array.from(s),
    stdErr: Float64Array.from(se),
  };
}

/** S(t) of a Kaplan–Meier curve (right-continuous step function; 1 before the first time). */
export function survivalAt(km: KaplanMeier, t: number): number {
  let lo = 0, hi = km.time.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (km.time[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 1 : km.surv[lo - 1]!;
}

/**
 * Quantile of a Kaplan–Meier curve as survival's quantile.survfit: the first time S(t) ≤ 1 − q; where S equals
 * 1 − q (within sqrt(machine eps)) on a whole interval, the midpoint of that interval; null when not reached.
 */
export function kmQuantile(km: KaplanMeier, q: number): number | null {
  const target = 1 - q;
  const tol = Math.sqrt(2.220446049250313e-16);
  const idx: number[] = [];
  for (let k = 0; k < km.time.length; k++) if (km.nEvent[k]! > 0) idx.push(k);
  for (let a = 0; a < idx.length; a++) {
    const k = idx[a]!;
    const s = km.surv[k]!;
    if (Math.abs(s - target) < tol) {
      const next = idx[a + 1];
      return next === undefined ? km.time[k]! : (km.time[k]! + km.time[next]!) / 2;
    }
    if (s < target) return km.time[k]!;
  }
  return null;
}

/**
 * Median follow-up by the reverse Kaplan–Meier method (Schemper & Smith 1996): the median of the KM curve with
 * censoring as the event, as quantile(survfit(Surv(time, 1 − event) ~ 1), 0.5). Null when not reached.
 */
export function medianFollowUp(time: ArrayLike<number>, event: ArrayLike<number>): number | null {
  const rev = Float64Array.from({ length: event.length }, (_, i) => 1 - event[i]!);
  return kmQuantile(kaplanMeier(time, rev, { allowNoEvents: true }), 0.5);
}
