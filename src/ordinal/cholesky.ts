/**
 * Cholesky factor L (lower, row-major m × m) of a symmetric positive definite
 * matrix A (row-major), A = L Lᵀ; null when A is not positive definite
 * (a pivot ≤ 0 or not finite). O(m³).
 */
export function cholesky(a: Float64Array, m: number): Float64Array | null {
  const l = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * m + j]!;
      for (let k = 0; k < j; k++) s -= l[i * m + k]! * l[j * m + k]!;
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return null;
        l[i * m + i] = Math.sqrt(s);
      } else {
        l[i * m + j] = s / l[j * m + j]!;
      }
    }
  }
  return l;
}

/** Solves L Lᵀ x = b for the Cholesky factor L (row-major m × m). O(m²). */
export function choleskySolve(l: Float64Array, m: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * m + k]! * y[k]!;
    y[i] = s / l[i * m + i]!;
  }
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < m; k++) s -= l[k * m + i]! * x[k]!;
    x[i] = s / l[i * m + i]!;
  }
  return x;
}

/** Inverse (row-major m × m) of the matrix whose Cholesky factor is L. O(m³). */
export function choleskyInverse(l: Float64Array, m: number): Float64Array {
  const inv = new Float64Array(m * m);
  const e = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    e.fill(0);
    e[j] = 1;
    const col = choleskySolve(l, m, e);
    for (let i = 0; i < m; i++) inv[i * m + j] = col[i]!;
  }
  // Symmetrise against rounding.
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (inv[i * m + j]! + inv[j * m + i]!);
      inv[i * m + j] = v;
      inv[j * m + i] = v;
    }
  }
  return inv;
}
