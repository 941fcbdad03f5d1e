/**
 * Householder QR with R's limited column pivoting (LINPACK `dqrdc2` as
 * modified for R, used by `lm.fit` / `glm.fit` through `Cdqrls`): columns are
 * processed left to right, and a column whose remaining norm falls below
 * `tol` × its original norm is moved to the end and declared aliased, so the
 * rank-deficient columns are the LATER ones of a collinear set, exactly as R
 * reports NA coefficients.
 */
export interface PivotedQr {
  readonly n: number;
  readonly p: number;
  /** Compact QR (column-major n × p): R in the upper triangle, Householder vectors below. */
  readonly qr: Float64Array;
  readonly qraux: Float64Array;
  /** Original column (0-based) at each pivoted position. */
  readonly pivot: Int32Array;
  /** Numerical rank: the first `rank` pivoted columns are used. */
  readonly rank: number;
}

function norm2(a: Float64Array, off: number, len: number): number {
  // LINPACK dnrm2 with scaling against overflow.
  let scale = 0;
  let ssq = 1;
  for (let i = 0; i < len; i++) {
    const v = a[off + i]!;
    if (v !== 0) {
      const av = Math.abs(v);
      if (scale < av) {
        ssq = 1 + ssq * (scale / av) * (scale / av);
        scale = av;
      } else {
        ssq += (av / scale) * (av / scale);
      }
    }
  }
  return scale * Math.sqrt(ssq);
}

/**
 * Factorises x (n × p column-major, copied) with tolerance `tol` (R's glm.fit
 * uses min(1e-7, epsilon / 1000) = 1e-11). O(n p²).
 */
export function pivotedQr(x: Float64Array, n: number, p: number, tol: number): PivotedQr {
  const a = Float64Array.from(x);
  const qraux = new Float64Array(p);
  const work0 = new Float64Array(p);
  const work1 = new Float64Array(p);
  const pivot = Int32Array.from({ length: p }, (_, j) => j);
  for (let j = 0; j < p; j++) {
    qraux[j] = norm2(a, j * n, n);
    work0[j] = qraux[j]!;
    work1[j] = qraux[j]! === 0 ? 1 : qraux[j]!;
  }
  const lup = Math.min(n, p);
  let k = p + 1; // 1-based as in LINPACK
  const col = new Float64Array(n);
  for (let l = 1; l <= lup; l++) {
    // Cycle negligible columns to the end.
    while (l < k && qraux[l - 1]! < work1[l - 1]! * tol) {
      const lo = (l - 1) * n;
      col.set(a.subarray(lo, lo + n));
      a.copyWithin(lo, lo + n, p * n);
      a.set(col, (p - 1) * n);
      const i = pivot[l - 1]!;
      const t = qraux[l - 1]!;
      const tt = work0[l - 1]!;
      const ttt = work1[l - 1]!;
      for (let j = l; j < p; j++) {
        pivot[j - 1] = pivot[j]!;
        qraux[j - 1] = qraux[j]!;
        work0[j - 1] = work0[j]!;
        work1[j - 1] = work1[j]!;
      }
      pivot[p - 1] = i;
      qraux[p - 1] = t;
      work0[p - 1] = tt;
      work1[p - 1] = ttt;
      k--;
    }
    if (l === n) break;
    const ll = (l - 1) * n + (l - 1); // a(l, l)
    let nrmxl = norm2(a, ll, n - l + 1);
    if (nrmxl === 0) continue;
    if (a[ll] !== 0) nrmxl = a[ll]! < 0 ? -Math.abs(nrmxl) : Math.abs(nrmxl);
    for (let i = 0; i < n - l + 1; i++) a[ll + i] = a[ll + i]! / nrmxl;
    a[ll] = 1 + a[ll]!;
    for (let j = l + 1; j <= p; j++) {
      const lj = (j - 1) * n + (l - 1);
      let dot = 0;
      for (let i = 0; i < n - l + 1; i++) dot += a[ll + i]! * a[lj + i]!;
      const t = -dot / a[ll]!;
      for (let i = 0; i < n - l + 1; i++) a[lj + i] = a[lj + i]! + t * a[ll + i]!;
      if (qraux[j - 1] === 0) continue;
      let tt = 1 - (Math.abs(a[lj]!) / qraux[j - 1]!) ** 2;
      tt = Math.max(tt, 0);
      if (Math.abs(tt) < 1e-6) {
        qraux[j - 1] = norm2(a, lj + 1, n - l);
        work0[j - 1] = qraux[j - 1]!;
      } else {
        qraux[j - 1] = qraux[j - 1]! * Math.sqrt(tt);
      }
    }
    qraux[l - 1] = a[ll]!;
    a[ll] = -nrmxl;
  }
  const rank = Math.min(k - 1, n);
  return { n, p, qr: a, qraux, pivot, rank };
}

/**
 * Least-squares coefficients of y on the factorised x (LINPACK `dqrsl`, job
 * 1110, as `dqrls` calls it): Qᵀy, then R b = (Qᵀy)[1..rank]; coefficients in
 * PIVOTED order, the aliased ones (positions ≥ rank) set to 0. O(n p).
 */
export function qrCoefficients(f: PivotedQr, y: Float64Array): Float64Array {
  const { n, p, qr, qraux, rank } = f;
  const qty = Float64Array.from(y);
  const ju = Math.min(rank, n - 1);
  for (let j = 0; j < ju; j++) {
    if (qraux[j] === 0) continue;
    const jj = j * n + j;
    const diag = qr[jj]!;
    qr[jj] = qraux[j]!;
    let dot = 0;
    for (let i = 0; i < n - j; i++) dot += qr[jj + i]! * qty[j + i]!;
    const t = -dot / qr[jj]!;
    for (let i = 0; i < n - j; i++) qty[j + i] = qty[j + i]! + t * qr[jj + i]!;
    qr[jj] = diag;
  }
  const b = new Float64Array(p);
  for (let j = 0; j < rank; j++) b[j] = qty[j]!;
  for (let j = rank - 1; j >= 0; j--) {
    b[j] = b[j]! / qr[j * n + j]!;
    const t = -b[j]!;
    for (let i = 0; i < j; i++) b[i] = b[i]! + t * qr[j * n + i]!;
  }
  return b;
}

/**
 * (RᵀR)⁻¹ for the leading rank × rank block of R (R's `chol2inv`), the
 * unscaled covariance of the coefficients in pivoted order. Row-major
 * rank × rank. O(rank³).
 */
export function chol2inv(f: PivotedQr): Float64Array {
  const { n, qr, rank: k } = f;
  // Rinv = R⁻¹ (upper triangular), then Rinv Rinvᵀ.
  const rinv = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    rinv[j * k + j] = 1 / qr[j * n + j]!;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let m = i + 1; m <= j; m++) s += qr[m * n + i]! * rinv[m * k + j]!;
      rinv[i * k + j] = -s / qr[i * n + i]!;
    }
  }
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      let s = 0;
      for (let m = j; m < k; m++) s += rinv[i * k + m]! * rinv[j * k + m]!;
      out[i * k + j] = s;
      out[j * k + i] = s;
    }
  }
  return out;
}
