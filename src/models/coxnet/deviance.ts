import type { ColumnMatrix } from "../../core/matrix.js";
import { coxLogLik, coxRiskSets } from "./risk.js";

/**
 * Cox partial-likelihood deviance 2(ℓ_sat − ℓ(β)) of the rows `rows` of `x` at each coefficient vector in
 * `beta[j][l]` (unit weights, Breslow ties with glmnet's risk-set blocks), as glmnet::coxnet.deviance(x, y, beta).
 * O(L · n · p).
 */
export function coxnetDeviance(x: ColumnMatrix, time: ArrayLike<number>, event: ArrayLike<number>, rows: ArrayLike<number>, beta: readonly (readonly number[])[], nLambda: number): Float64Array {
  const m = rows.length, n = x.nRows, p = x.nCols;
  const t = Float64Array.from({ length: m }, (_, k) => time[rows[k]!]!);
  const d = Float64Array.from({ length: m }, (_, k) => event[rows[k]!]!);
  const rs = coxRiskSets(t, d, new Float64Array(m).fill(1));
  const lsat = coxSaturatedByTime(t, d);
  const out = new Float64Array(nLambda);
  const f = new Float64Array(m);
  const scratch = { e: new Float64Array(m), u: new Float64Array(rs.nGroups) };
  for (let l = 0; l < nLambda; l++) {
    f.fill(0);
    for (let j = 0; j < p; j++) {
      const b = beta[j]![l]!;
      if (b === 0) continue;
      for (let k = 0; k < m; k++) f[k]! += b * x.data[j * n + rows[k]!]!;
    }
    out[l] = 2 * (lsat - coxLogLik(rs, f, scratch));
  }
  return out;
}

/** −Σ d log d over distinct event times (coxnet.deviance's saturated log-likelihood with unit weights). */
function coxSaturatedByTime(t: Float64Array, d: Float64Array): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < t.length; i++) if (d[i] === 1) counts.set(t[i]!, (counts.get(t[i]!) ?? 0) + 1);
  let s = 0;
  for (const c of counts.values()) s -= c * Math.log(c);
  return s;
}
