import { singletonOrder } from "./sortOrder.js";

/**
 * The Breslow partial likelihood machinery of glmnet's coxnet for a fixed data set: subjects sorted by time, event
 * groups, and for a linear predictor f the log partial likelihood, the working weights (diagonal of the Hessian) and
 * the gradient (glmnet's `outer`/`risk`), with observation weights w (Σ w = 1 in the path).
 */
export interface CoxRiskSets {
  readonly n: number;
  /** subject indices in glmnet's sort order (subjects before the first event time left out) */
  readonly order: Int32Array;
  /** position in `order` of the first subject of each event group's risk set (time ≥ t_k) */
  readonly start: Int32Array;
  /** event-group index of the last event time ≤ each subject's time (−1: none) */
  readonly lastGroup: Int32Array;
  /** weighted deaths per event group */
  readonly dk: Float64Array;
  /** weighted event indicator per subject */
  readonly dq: Float64Array;
  readonly w: Float64Array;
  readonly nGroups: number;
}

/**
 * Builds the risk-set structure exactly as glmnet's Fortran `groups`: times shifted by (1 − event)·100·ε (glmnet's
 * tie fix, lost for large times), ordered by Singleton's quicksort (psort7), subjects before the first event time
 * dropped, and event group k made of the positions from the first event later than t_{k−1} up to the next such
 * event. A censoring tied with an event time therefore joins that event's risk set or the previous block depending on
 * the sort, as in glmnet. O(n log n).
 */
export function coxRiskSets(time: ArrayLike<number>, event: ArrayLike<number>, weights: ArrayLike<number>): CoxRiskSets {
  const n = time.length;
  const ty = Float64Array.from({ length: n }, (_, i) => time[i]! + (1 - event[i]!) * 100 * 2.220446049250313e-16);
  const sorted = singletonOrder(ty);
  let j = 0;
  while (j < n && !(event[sorted[j]!]! > 0)) j++;
  const t0 = ty[sorted[j]!]!;
  let j0 = j - 1;
  while (j0 >= 0 && ty[sorted[j0]!]! >= t0) j0--;
  const order = sorted.subarray(j0 + 1);
  const nj = order.length;
  const start: number[] = [0];
  let yk = t0;
  for (let q = 1; q < nj; q++) {
    const i = order[q]!;
    if (event[i]! > 0 && ty[i]! > yk) {
      start.push(q);
      yk = ty[i]!;
    }
  }
  const nGroups = start.length;
  const lastGroup = new Int32Array(n).fill(-1);
  const dk = new Float64Array(nGroups);
  const dq = new Float64Array(n);
  for (let g = 0; g < nGroups; g++) {
    const end = g + 1 < nGroups ? start[g + 1]! : nj;
    for (let q = start[g]!; q < end; q++) {
      const i = order[q]!;
      lastGroup[i] = g;
      if (event[i] === 1) {
        dq[i] = weights[i]!;
        dk[g]! += weights[i]!;
      }
    }
  }
  return { n, order: Int32Array.from(order), start: Int32Array.from(start), lastGroup, dk, dq, w: Float64Array.from(weights), nGroups };
}

/** Risk-set sums u_k = Σ_{T_i ≥ t_k} w_i exp(f_i) into `u` (length nGroups); returns e = w exp(f) in `e`. O(n). */
function riskSums(rs: CoxRiskSets, f: Float64Array, e: Float64Array, u: Float64Array): void {
  const { n, order, start, nGroups } = rs;
  for (let i = 0; i < n; i++) e[i] = rs.w[i]! * Math.exp(f[i]!);
  let s = 0;
  let pos = order.length;
  for (let k = nGroups - 1; k >= 0; k--) {
    const st = start[k]!;
    for (let q = pos - 1; q >= st; q--) s += e[order[q]!]!;
    pos = st;
    u[k] = s;
  }
}

/** Log partial likelihood Σ dq_i f_i − Σ_k dk_k log u_k (glmnet's `risk`). O(n). */
export function coxLogLik(rs: CoxRiskSets, f: Float64Array, scratch?: { e: Float64Array; u: Float64Array }): number {
  const e = scratch?.e ?? new Float64Array(rs.n);
  const u = scratch?.u ?? new Float64Array(rs.nGroups);
  riskSums(rs, f, e, u);
  let ll = 0;
  for (let i = 0; i < rs.n; i++) ll += rs.dq[i]! * f[i]!;
  for (let k = 0; k < rs.nGroups; k++) ll -= rs.dk[k]! * Math.log(u[k]!);
  return ll;
}

/**
 * Working weights ww_i = e_i(b_i − e_i c_i) and gradient residuals wr_i = dq_i − e_i b_i at f, with
 * b_i = Σ_{t_k ≤ T_i} dk_k/u_k and c_i = Σ dk_k/u_k² (glmnet's `outer`). Returns the log partial likelihood. O(n).
 */
export function coxWorking(rs: CoxRiskSets, f: Float64Array, ww: Float64Array, wr: Float64Array, e: Float64Array, u: Float64Array, bk: Float64Array, ck: Float64Array): number {
  riskSums(rs, f, e, u);
  let b = 0, c = 0, ll = 0;
  for (let k = 0; k < rs.nGroups; k++) {
    b += rs.dk[k]! / u[k]!;
    c += rs.dk[k]! / (u[k]! * u[k]!);
    bk[k] = b;
    ck[k] = c;
    ll -= rs.dk[k]! * Math.log(u[k]!);
  }
  for (let i = 0; i < rs.n; i++) {
    ll += rs.dq[i]! * f[i]!;
    const g = rs.lastGroup[i]!;
    const bi = g < 0 ? 0 : bk[g]!, ci = g < 0 ? 0 : ck[g]!;
    ww[i] = e[i]! * (bi - e[i]! * ci);
    wr[i] = rs.dq[i]! - e[i]! * bi;
  }
  return ll;
}

/** Saturated Breslow log partial likelihood −Σ_k dk_k log dk_k. */
export function coxSaturatedLogLik(rs: CoxRiskSets): number {
  let s = 0;
  for (let k = 0; k < rs.nGroups; k++) s -= rs.dk[k]! * Math.log(rs.dk[k]!);
  return s;
}
