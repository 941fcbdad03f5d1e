/**
 * Censoring distribution for inverse-probability-of-censoring weights: the reverse Kaplan–Meier estimate
 * G(s) = Π_{u ≤ s} (1 − c(u)/(Y(u) − d(u))), Y(u) = number with time ≥ u, d(u) events at u (censorings at a tied
 * time come after the events, as prodlim(reverse = TRUE) used by riskRegression), with what the influence function
 * of Λ_C needs (riskRegression's Nelson–Aalen form with Y(u) at risk).
 */
export interface CensoringModel {
  /** Distinct times ascending. */
  readonly time: Float64Array;
  /** Number at risk Y(u). */
  readonly atRisk: Float64Array;
  /** Censorings c(u). */
  readonly censored: Float64Array;
  /** G(u) just after u. */
  readonly surv: Float64Array;
  /** M(u) = Σ_{v ≤ u} c(v)/Y(v)² (the compensator part of the influence function of Λ_C). */
  readonly m: Float64Array;
  /** Index of each subject's time in `time`. */
  readonly index: Int32Array;
}

/** Reverse Kaplan–Meier censoring model of right-censored data. O(n log n). */
export function censoringModel(time: ArrayLike<number>, event: ArrayLike<number>): CensoringModel {
  const n = time.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a]! - time[b]!);
  const index = new Int32Array(n);
  const t: number[] = [], y: number[] = [], c: number[] = [], dd: number[] = [];
  let atRisk = n;
  for (let a = 0; a < n; ) {
    const tt = time[order[a]!]!;
    let b = a, cens = 0;
    while (b < n && time[order[b]!] === tt) {
      index[order[b]!] = t.length;
      if (event[order[b]!] === 0) cens++;
      b++;
    }
    t.push(tt);
    y.push(atRisk);
    c.push(cens);
    dd.push(b - a - cens);
    atRisk -= b - a;
    a = b;
  }
  const surv = new Float64Array(t.length), m = new Float64Array(t.length);
  let g = 1, mm = 0;
  for (let k = 0; k < t.length; k++) {
    g *= 1 - c[k]! / (y[k]! - dd[k]!);
    mm += c[k]! / (y[k]! * y[k]!);
    surv[k] = g;
    m[k] = mm;
  }
  return { time: Float64Array.from(t), atRisk: Float64Array.from(y), censored: Float64Array.from(c), surv, m, index };
}

/** Index of the last distinct time ≤ s (−1 when s is before the first time). */
export function lastIndexAtOrBefore(times: ArrayLike<number>, s: number): number {
  let lo = 0, hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= s) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** G at a time index (1 before the first time, index −1). */
export function censoringSurvAt(model: CensoringModel, q: number): number {
  return q < 0 ? 1 : model.surv[q]!;
}

/**
 * For coefficients c_j attached to G evaluated at index q_j (a weight c_j/G(u_{q_j}) for each term j), returns for
 * every subject k the term Σ_j c_j · IF_k(Λ_C(u_{q_j})) of the influence function, where
 * IF_k(Λ_C(u_q)) = n [(1 − δ_k) 1(T_k ≤ u_q)/Y(T_k) − M(min(u_q, T_k))] (Nelson–Aalen influence function, as
 * riskRegression's KM censoring term). O(n + m).
 */
export function censoringInfluence(model: CensoringModel, event: ArrayLike<number>, coef: Float64Array, q: Int32Array): Float64Array {
  const n = coef.length;
  const m = model.time.length;
  // suffix sums R(q) = Σ_{j: q_j ≥ q} c_j, prefix sums P(q) = Σ_{j: q_j < q} c_j M(q_j), over q = −1..m−1 (offset 1)
  const byQ = new Float64Array(m + 1), byQm = new Float64Array(m + 1);
  for (let j = 0; j < n; j++) {
    const qj = q[j]!;
    byQ[qj + 1]! += coef[j]!;
    byQm[qj + 1]! += coef[j]! * (qj < 0 ? 0 : model.m[qj]!);
  }
  const suffix = new Float64Array(m + 2), prefix = new Float64Array(m + 2);
  for (let k = m; k >= 0; k--) suffix[k] = suffix[k + 1]! + byQ[k]!;
  for (let k = 0; k <= m; k++) prefix[k + 1] = prefix[k]! + byQm[k]!;
  const out = new Float64Array(event.length);
  for (let k = 0; k < event.length; k++) {
    const ik = model.index[k]!;
    const r = suffix[ik + 1]!; // Σ c_j over q_j ≥ ik
    const jump = event[k] === 0 ? r / model.atRisk[ik]! : 0;
    out[k] = event.length * (jump - (prefix[ik + 1]! + model.m[ik]! * r));
  }
  return out;
}
