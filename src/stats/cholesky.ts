/**
 * Cholesky factorisation of a symmetric positive-definite p × p matrix (row-major), returning the lower factor,
 * or null when a pivot is not positive (matrix singular to working precision). O(p³).
 */
export function cholesky(a: Float64Array, p: number): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let s = a[j * p + j]!;
    for (let k = 0; k < j; k++) s -= l[j * p + k]! * l[j * p + k]!;
    if (!(s > 1e-300) || !Number.isFinite(s)) return null; // not positive definite to working precision
    const d = Math.sqrt(s);
    l[j * p + j] = d;
    for (let i = j + 1; i < p; i++) {
      let t = a[i * p + j]!;
      for (let k = 0; k < j; k++) t -= l[i * p + k]! * l[j * p + k]!;
      l[i * p + j] = t / d;
    }
  }
  return l;
}

/** Solves L Lᵀ x = b for x given the lower Cholesky factor L (row-major p × p). */
export function choleskySolve(l: Float64Array, p: number, b: ArrayLike<number>): Float64Array {
  const y = Float64Array.from(b);
  for (let i = 0; i < p; i++) {
    let s = y[i]!;
    for (let k = 0; k < i; k++) s -= l[i * p + k]! * y[k]!;
    y[i] = s / l[i * p + i]!;
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k * p + i]! * y[k]!;
    y[i] = s / l[i * p + i]!;
  }
  return y;
}

/** Inverse of a symmetric positive-definite matrix from its Cholesky factor (row-major p × p). */
export function choleskyInverse(l: Float64Array, p: number): Float64Array {
  const inv = new Float64Array(p * p);
  const e = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    e.fill(0);
    e[j] = 1;
    const col = choleskySolve(l, p, e);
    for (let i = 0; i < p; i++) inv[i * p + j] = col[i]!;
  }
  return inv;
}
