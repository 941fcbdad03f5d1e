/**
 * Class probabilities from pairwise probabilities by Wu, Lin & Weng's (2004)
 * method 2 ("Probability estimates for multi-class classification by pairwise
 * coupling", JMLR 5: 975–1005), exactly as libsvm's `multiclass_probability`:
 * minimise pᵀQp subject to Σp = 1, with Q_tt = Σ_{j≠t} r_jt², Q_tj = −r_jt r_tj,
 * by the fixed-point iteration from p = 1/K, max(100, K) sweeps at most,
 * stopping when max_t |(Qp)_t − pᵀQp| < 0.005 / K. `r` is K × K row-major,
 * r[i·K + j] = P(class i | class i or j) (libsvm clips these to
 * [1e-7, 1 − 1e-7] before calling it), r[j·K + i] = 1 − r[i·K + j].
 * Returns the K probabilities (they sum to 1 up to rounding). O(K² · sweeps).
 */
export function pairwiseCoupling(r: Float64Array, k: number): Float64Array {
  const p = new Float64Array(k);
  const q = new Float64Array(k * k);
  const qp = new Float64Array(k);
  const maxIter = Math.max(100, k);
  const eps = 0.005 / k;
  for (let t = 0; t < k; t++) {
    p[t] = 1 / k;
    q[t * k + t] = 0;
    for (let j = 0; j < t; j++) {
      q[t * k + t] = q[t * k + t]! + r[j * k + t]! * r[j * k + t]!;
      q[t * k + j] = q[j * k + t]!;
    }
    for (let j = t + 1; j < k; j++) {
      q[t * k + t] = q[t * k + t]! + r[j * k + t]! * r[j * k + t]!;
      q[t * k + j] = -r[j * k + t]! * r[t * k + j]!;
    }
  }
  for (let iter = 0; iter < maxIter; iter++) {
    // stopping condition, recalculate Qp, pQp for numerical accuracy
    let pQp = 0;
    for (let t = 0; t < k; t++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += q[t * k + j]! * p[j]!;
      qp[t] = s;
      pQp += p[t]! * s;
    }
    let maxError = 0;
    for (let t = 0; t < k; t++) {
      const error = Math.abs(qp[t]! - pQp);
      if (error > maxError) maxError = error;
    }
    if (maxError < eps) break;
    for (let t = 0; t < k; t++) {
      const qtt = q[t * k + t]!;
      const diff = (-qp[t]! + pQp) / qtt;
      p[t] = p[t]! + diff;
      pQp = (pQp + diff * (diff * qtt + 2 * qp[t]!)) / (1 + diff) / (1 + diff);
      for (let j = 0; j < k; j++) {
        qp[j] = (qp[j]! + diff * q[t * k + j]!) / (1 + diff);
        p[j] = p[j]! / (1 + diff);
      }
    }
  }
  return p;
}
