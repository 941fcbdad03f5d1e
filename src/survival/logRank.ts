import { RadvalError } from "../core/errors.js";
import { chiSquareUpperTail } from "../stats/chiSquare.js";
import { cholesky, choleskySolve } from "../stats/cholesky.js";
import { checkSurvival } from "./validate.js";

/** The k-sample log-rank test (survival::survdiff, rho = 0). */
export interface LogRankResult {
  /** Group labels in ascending order. */
  readonly groups: readonly number[];
  readonly n: Float64Array;
  readonly observed: Float64Array;
  readonly expected: Float64Array;
  readonly chisq: number;
  readonly df: number;
  readonly p: number;
}

/**
 * Log-rank test of equal survival across k groups, as survival::survdiff(Surv(time, event) ~ group): observed and
 * expected events per group and χ² = (O − E)' V⁻ (O − E) with the hypergeometric variance, df = k − 1.
 * Reference: Mantel (1966); Peto & Peto (1972). O(n log n + T k²).
 */
export function logRankTest(time: ArrayLike<number>, event: ArrayLike<number>, group: ArrayLike<number>): LogRankResult {
  const { time: t, event: d } = checkSurvival(time, event);
  const n = t.length;
  const groups = [...new Set(Array.from(group))].sort((a, b) => a - b);
  const k = groups.length;
  if (k < 2) throw new RadvalError("INVALID_ARGUMENT", "the log-rank test needs at least two groups", { hint: "Give a group column with two or more values." });
  const gi = Int32Array.from(Array.from(group), (v) => groups.indexOf(v));
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => t[a]! - t[b]!);
  const atRisk = new Float64Array(k);
  const nGroup = new Float64Array(k);
  for (let i = 0; i < n; i++) nGroup[gi[i]!]!++;
  atRisk.set(nGroup);
  const obs = new Float64Array(k), exp = new Float64Array(k), v = new Float64Array(k * k);
  const dg = new Float64Array(k), leave = new Float64Array(k);
  for (let a = 0; a < n; ) {
    const tt = t[order[a]!]!;
    dg.fill(0);
    leave.fill(0);
    let b = a, dt = 0;
    while (b < n && t[order[b]!] === tt) {
      const i = order[b++]!;
      leave[gi[i]!]!++;
      if (d[i] === 1) {
        dg[gi[i]!]!++;
        dt++;
      }
    }
    let nt = 0;
    for (let g = 0; g < k; g++) nt += atRisk[g]!;
    if (dt > 0) {
      for (let g = 0; g < k; g++) {
        obs[g]! += dg[g]!;
        exp[g]! += (dt * atRisk[g]!) / nt;
      }
      if (nt > 1) {
        const f = (dt * (nt - dt)) / (nt * nt * (nt - 1));
        for (let g = 0; g < k; g++) for (let h = 0; h < k; h++) v[g * k + h]! += f * atRisk[g]! * ((g === h ? nt : 0) - atRisk[h]!);
      }
    }
    for (let g = 0; g < k; g++) atRisk[g]! -= leave[g]!;
    a = b;
  }
  const m = k - 1;
  const sub = new Float64Array(m * m);
  for (let g = 0; g < m; g++) for (let h = 0; h < m; h++) sub[g * m + h] = v[g * k + h]!;
  const diff = Float64Array.from({ length: m }, (_, g) => obs[g]! - exp[g]!);
  const l = cholesky(sub, m);
  let chisq = NaN;
  if (l) {
    const sol = choleskySolve(l, m, diff);
    chisq = 0;
    for (let g = 0; g < m; g++) chisq += sol[g]! * diff[g]!;
  }
  return { groups, n: nGroup, observed: obs, expected: exp, chisq, df: m, p: chiSquareUpperTail(chisq, m) };
}
