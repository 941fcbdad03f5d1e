import { RadvalError } from "../../core/errors.js";

/** Kernel families radval's SVM supports (libsvm's -t 0, 1, 2, 3). */
export type KernelKind = "linear" | "polynomial" | "rbf" | "sigmoid";

/** A kernel with its resolved parameters (libsvm's parametrisation). */
export interface KernelSpec {
  readonly kind: KernelKind;
  /** RBF/polynomial/sigmoid scale γ. */
  readonly gamma: number;
  /** Polynomial degree d. */
  readonly degree: number;
  /** Polynomial/sigmoid offset r. */
  readonly coef0: number;
}

/**
 * The kernel value K(a, b) for rows stored contiguously (`a[aOff … aOff+p)`,
 * `b[bOff … bOff+p)`), summed in feature order as libsvm's `k_function`:
 * linear a·b; polynomial (γ a·b + r)^d; RBF exp(−γ ‖a − b‖²); sigmoid
 * tanh(γ a·b + r). O(p).
 */
export function kernelValue(k: KernelSpec, a: Float64Array, aOff: number, b: Float64Array, bOff: number, p: number): number {
  if (k.kind === "rbf") {
    let sum = 0;
    for (let j = 0; j < p; j++) {
      const d = a[aOff + j]! - b[bOff + j]!;
      sum += d * d;
    }
    return Math.exp(-k.gamma * sum);
  }
  let dot = 0;
  for (let j = 0; j < p; j++) dot += a[aOff + j]! * b[bOff + j]!;
  if (k.kind === "linear") return dot;
  if (k.kind === "sigmoid") return Math.tanh(k.gamma * dot + k.coef0);
  return powInt(k.gamma * dot + k.coef0, k.degree);
}

/** base^times by repeated squaring (libsvm's `powi`), for whole degrees. */
export function powInt(base: number, times: number): number {
  let tmp = base;
  let ret = 1;
  for (let t = times; t > 0; t = Math.floor(t / 2)) {
    if (t % 2 === 1) ret *= tmp;
    tmp *= tmp;
  }
  return ret;
}

/**
 * Resolves γ as scikit-learn's SVC does: a number as given; "scale" →
 * 1 / (p · Var(X)) with Var over all n·p entries (ddof 0; 1 when Var = 0);
 * "auto" → 1/p. O(n p) for "scale".
 */
export function resolveGamma(gamma: unknown, data: Float64Array, p: number): number {
  if (typeof gamma === "number") return gamma;
  if (gamma === "auto") return 1 / p;
  if (gamma === "scale") {
    let mean = 0;
    for (let i = 0; i < data.length; i++) mean += data[i]!;
    mean /= data.length;
    let ss = 0;
    for (let i = 0; i < data.length; i++) ss += (data[i]! - mean) ** 2;
    const v = ss / data.length;
    return v > 0 ? 1 / (p * v) : 1;
  }
  throw new RadvalError("INVALID_PARAMETER", `gamma must be a number > 0, "scale" or "auto", got ${JSON.stringify(gamma)}`, { where: { key: "gamma" } });
}

/** Copies column-major rows into one row-major array (n × p): rows are what kernels read. O(n p). */
export function toRowMajor(data: Float64Array, nRows: number, nCols: number, rows?: ArrayLike<number>): Float64Array {
  const m = rows ? rows.length : nRows;
  const out = new Float64Array(m * nCols);
  for (let j = 0; j < nCols; j++) {
    const base = j * nRows;
    for (let k = 0; k < m; k++) out[k * nCols + j] = data[base + (rows ? rows[k]! : k)]!;
  }
  return out;
}
