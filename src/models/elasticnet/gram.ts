import type { VectorKernels } from "./simd/kernels.js";

/** What the Gram passes read from and write to in the point solver (views, not copies). */
export interface GramProblem {
  readonly n: number;
  readonly K: VectorKernels;
  /** Heap offsets of the working weights v and the residuals r. */
  readonly vOff: number;
  readonly rOff: number;
  /** Active variables in order of entry, and how many there are. */
  readonly active: Int32Array;
  readonly nin: number;
  /** Coefficients (updated in place), xv_j = Σ v x_j², penalty factors. */
  readonly b: Float64Array;
  readonly xv: Float64Array;
  readonly vp: Float64Array;
  readonly intercept: boolean;
  /** Σ v. */
  readonly xmz: number;
  /** xv_k, computed if needed. */
  xvOf(k: number): number;
}

/**
 * Active-set passes on the weighted Gram matrix G = X_Aᵀ V X_A (the
 * "covariance updates" of Friedman, Hastie & Tibshirani 2010, §2.2, applied to
 * one IRLS subproblem): with the active gradients g_a = x_aᵀ r kept current, a
 * step d on coordinate a costs O(|A|) (g −= d G[:, a]) instead of the O(n)
 * inner product and residual update of a naive step; the intercept step uses
 * Σ r = rsum and s_a = Σ v x_a. G is valid while the IRLS weights v are fixed
 * and grows by rows/columns as variables become active. `enter` builds what is
 * missing (O(n |A| · new)), `exit` applies the accumulated steps to r (O(n ·
 * moved)). Same arithmetic as the naive passes up to rounding.
 */
export class ActiveSetGram {
  private cap = 0;
  private g: Float64Array = new Float64Array(0);
  /** Leading active positions whose rows/columns of G are valid for the current weights. */
  valid = 0;
  private readonly sv: Float64Array;
  private readonly grad: Float64Array;
  private readonly delta: Float64Array;
  private delta0 = 0;
  private rsum = 0;

  constructor(private readonly maxActive: number) {
    this.sv = new Float64Array(maxActive);
    this.grad = new Float64Array(maxActive);
    this.delta = new Float64Array(maxActive);
  }

  /** New IRLS weights: G must be rebuilt. */
  invalidate(): void {
    this.valid = 0;
  }

  /** Multiply-adds to bring G up to date for `nin` active variables, enter and leave. */
  buildCost(n: number, nin: number): number {
    const newCols = nin - this.valid;
    return n * (newCols * (nin + this.valid + 1) * 0.5 + 2 * nin);
  }

  /** Builds the missing rows/columns of G and the active gradients from the explicit residuals. */
  enter(pr: GramProblem): void {
    const { n, K, vOff, rOff, active, nin } = pr;
    if (nin > this.cap) {
      const cap = Math.max(nin, Math.min(this.maxActive, 2 * this.cap + 8));
      const next = new Float64Array(cap * cap);
      for (let a = 0; a < this.valid; a++) {
        for (let c = 0; c < this.valid; c++) next[a * cap + c] = this.g[a * this.cap + c]!;
      }
      this.g = next;
      this.cap = cap;
    }
    const cap = this.cap;
    const G = this.g;
    for (let a = this.valid; a < nin; a++) {
      const ka = active[a]!;
      const offA = ka * n;
      for (let c = 0; c < a; c++) {
        const value = K.dot3(offA, active[c]! * n, vOff, n);
        G[a * cap + c] = value;
        G[c * cap + a] = value;
      }
      G[a * cap + a] = pr.xvOf(ka);
      this.sv[a] = K.dot(offA, vOff, n);
    }
    this.valid = nin;
    for (let a = 0; a < nin; a++) {
      this.grad[a] = K.dot(active[a]! * n, rOff, n);
      this.delta[a] = 0;
    }
    this.delta0 = 0;
    const h = K.heap;
    let rsum = 0;
    for (let i = 0; i < n; i++) rsum += h[rOff + i]!;
    this.rsum = rsum;
  }

  /**
   * One pass over the active set with penalties λα (`ab`) and λ(1 − α)
   * (`dem`), then the intercept step; returns max xv Δb² and the intercept
   * step taken (0 without one). O(|A|) per coordinate that moves.
   */
  pass(pr: GramProblem, ab: number, dem: number): { dlx: number; interceptStep: number } {
    let dlx = 0;
    const { b, xv, vp, active, nin } = pr;
    const { grad, g: gram, sv, delta } = this;
    const cap = this.cap;
    for (let a = 0; a < nin; a++) {
      const k = active[a]!;
      const bk = b[k]!;
      const xvk = xv[k]!;
      const gk = grad[a]!;
      const pen = vp[k]!;
      const u = gk + bk * xvk;
      const au = Math.abs(u) - pen * ab;
      const nb = au > 0 ? (u < 0 ? -au : au) / (xvk + pen * dem) : 0;
      if (nb === bk) continue;
      b[k] = nb;
      const d = nb - bk;
      const change = xvk * d * d;
      if (change > dlx) dlx = change;
      const row = a * cap;
      for (let c = 0; c < nin; c++) grad[c] = grad[c]! - d * gram[row + c]!;
      this.rsum -= d * sv[a]!;
      delta[a] = delta[a]! + d;
    }
    let interceptStep = 0;
    if (pr.intercept) {
      const d = this.rsum / pr.xmz;
      if (d !== 0) {
        interceptStep = d;
        const change = pr.xmz * d * d;
        if (change > dlx) dlx = change;
        for (let c = 0; c < nin; c++) grad[c] = grad[c]! - d * sv[c]!;
        this.rsum -= d * pr.xmz;
        this.delta0 += d;
      }
    }
    return { dlx, interceptStep };
  }

  /** Applies the steps taken since `enter` to the explicit residuals r. */
  exit(pr: GramProblem): void {
    const { n, K, vOff, rOff, active, nin } = pr;
    for (let a = 0; a < nin; a++) {
      const d = this.delta[a]!;
      if (d !== 0) K.subtractScaledWeighted(rOff, d, vOff, active[a]! * n, n);
    }
    if (this.delta0 !== 0) {
      const h = K.heap;
      const d = this.delta0;
      for (let i = 0; i < n; i++) h[rOff + i] = h[rOff + i]! - d * h[vOff + i]!;
    }
  }
}
