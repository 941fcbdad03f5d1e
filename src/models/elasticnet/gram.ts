import type { VectorKernels } from "./simd/kernels.js";
import { GramWorkspace, Slot, gramLayout } from "./simd/gramLoop.js";
/** What the Gram passes read from and write to in the point solver (views, not copies). */
export interface GramProblem {
  readonly n: number;
  readonly K: VectorKernels;
  /** Heap offsets of the working weights v and the residuals r. */
  readonly vOff: number;
  readonly rOff: number;
  /** Heap offset of n doubles of scratch, and of p + 2 doubles of kernel output. */
  readonly scratchOff: number;
  readonly rowOff: number;
  /** A second scratch n-vector and output row, for building two rows of G at once. */
  readonly scratch2Off: number;
  readonly row2Off: number;
  /** Int32 index of the active list in the kernel heap (the same list as `active`). */
  readonly activeList: number;
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

/** What {@link SolverGramView} reads from the point solver: part of a {@link GramProblem}, and p. */
export type GramSource = Pick<GramProblem, "n" | "nin" | "xmz" | "active" | "b" | "xvOf"> & { readonly p: number };

/**
 * The point solver as the Gram passes see it. A class rather than an object
 * literal with closures, so that its accessors and `xvOf` are the same
 * functions for every fit (monomorphic call sites in the Gram code).
 */
export class SolverGramView implements GramProblem {
  readonly n: number;
  readonly vOff: number;
  readonly rOff: number;
  readonly scratchOff: number;
  readonly rowOff: number;
  readonly scratch2Off: number;
  readonly row2Off: number;
  readonly activeList: number;
  readonly active: Int32Array;
  readonly b: Float64Array;

  constructor(
    private readonly s: GramSource,
    readonly K: VectorKernels,
    readonly vp: Float64Array,
    L: { readonly row: number; readonly scratch2: number; readonly row2: number; readonly active: number },
    readonly xv: Float64Array,
    readonly intercept: boolean,
  ) {
    const { n, p } = s;
    this.n = n;
    this.vOff = n * p + n;
    this.rOff = n * p;
    this.scratchOff = n * p + 3 * n;
    this.rowOff = L.row;
    this.scratch2Off = L.scratch2;
    this.row2Off = L.row2;
    this.activeList = L.active;
    this.active = s.active;
    this.b = s.b;
  }

  get nin(): number {
    return this.s.nin;
  }

  get xmz(): number {
    return this.s.xmz;
  }

  xvOf(k: number): number {
    return this.s.xvOf(k);
  }
}

/**
 * Active-set passes on the weighted Gram matrix G = X_Aᵀ V X_A (the
 * "covariance updates" of Friedman, Hastie & Tibshirani 2010, §2.2, applied to
 * one IRLS subproblem): with the active gradients g_a = x_aᵀ r kept current, a
 * step d on coordinate a costs O(|A|) (g −= d G[:, a]) instead of the O(n)
 * inner product and residual update of a naive step; the intercept step uses
 * Σ r = rsum and s_a = Σ v x_a. G is valid while the IRLS weights v are fixed
 * and grows by rows/columns as variables become active. `enter` builds what is
 * missing (O(n |A| · new)) and loads the active coefficients into the
 * workspace, `loop` runs whole passes until convergence in one call (WebAssembly
 * when the kernels are SIMD, see `simd/gramLoop.ts`), `exit` applies the
 * accumulated steps to r (O(n · moved)). Same arithmetic as the naive passes up
 * to rounding.
 */
export class ActiveSetGram {
  private cap = 0;
  private readonly ws: GramWorkspace;
  /** Leading active positions whose rows/columns of G are valid for the current weights. */
  valid = 0;

  constructor(private readonly maxActive: number, simd: boolean) {
    this.ws = GramWorkspace.lease(simd);
  }

  /** Hands the workspace back for reuse by a later fit. */
  release(): void {
    this.ws.release();
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

  /** Grows the workspace to hold `nin` positions, keeping the valid part of G and sv. */
  private reserve(nin: number): void {
    if (nin <= this.cap) return;
    const cap = Math.max(nin, Math.min(this.maxActive, 2 * this.cap + 8));
    const old = gramLayout(this.cap);
    const next = gramLayout(cap);
    const valid = this.valid;
    const keepG = new Float64Array(valid * valid);
    const keepSv = new Float64Array(valid);
    let h = this.ws.heap;
    for (let a = 0; a < valid; a++) {
      keepSv[a] = h[old.sv + a]!;
      for (let c = 0; c < valid; c++) keepG[a * valid + c] = h[old.g + a * this.cap + c]!;
    }
    this.ws.ensure(next.size);
    h = this.ws.heap;
    for (let a = 0; a < valid; a++) {
      h[next.sv + a] = keepSv[a]!;
      for (let c = 0; c < valid; c++) h[next.g + a * cap + c] = keepG[a * valid + c]!;
    }
    this.cap = cap;
  }

  /**
   * Builds the missing rows/columns of G, the active gradients from the
   * explicit residuals, and loads the coefficients, xv and the penalty terms
   * λα vp (`ab`) and xv + λ(1 − α) vp (`dem`) of the active set.
   */
  enter(pr: GramProblem, ab: number, dem: number): void {
    const { n, K, vOff, rOff, active, nin, b, vp } = pr;
    this.reserve(nin);
    const cap = this.cap;
    const L = gramLayout(cap);
    const h = this.ws.heap;
    // Rows of G below the diagonal, two at a time (w = v ∘ x_a once, then blocks of inner products) and s_a = Σ v x_a.
    const { rowOff, activeList } = pr;
    const heap = K.heap;
    const store = (a: number, from: number): void => {
      const row = L.g + a * cap;
      for (let c = 0; c < a; c++) {
        const value = heap[from + c]!;
        h[row + c] = value;
        h[L.g + c * cap + a] = value;
      }
      h[row + a] = pr.xvOf(active[a]!);
      h[L.sv + a] = heap[from + a]!;
    };
    let a = this.valid;
    for (; a + 1 < nin; a += 2) {
      K.gramRow2(a, activeList, n, vOff, pr.scratchOff, pr.scratch2Off, rowOff, pr.row2Off);
      store(a, rowOff);
      store(a + 1, pr.row2Off);
    }
    if (a < nin) {
      K.gramRow(a, activeList, n, vOff, pr.scratchOff, rowOff);
      store(a, rowOff);
    }
    this.valid = nin;
    K.dots(activeList, nin, n, rOff, rowOff);
    for (let a = 0; a < nin; a++) {
      const k = active[a]!;
      const xvk = pr.xvOf(k);
      h[L.grad + a] = heap[rowOff + a]!;
      h[L.delta + a] = 0;
      h[L.b + a] = b[k]!;
      h[L.xv + a] = xvk;
      h[L.thr + a] = vp[k]! * ab;
      h[L.den + a] = xvk + vp[k]! * dem;
    }
    h[Slot.Delta0] = 0;
    h[Slot.Xmz] = pr.xmz;
    let rsum = 0;
    for (let i = 0; i < n; i++) rsum += heap[rOff + i]!;
    h[Slot.Rsum] = rsum;
  }

  /**
   * Passes (at most `maxPasses`) until max xv Δb² < `thr`, starting from the
   * intercept `b0`; writes the coefficients back to `pr.b`. Returns the passes
   * run (negative when the budget ran out before convergence) and the new
   * intercept. O(|A|) per coordinate that moves.
   */
  loop(pr: GramProblem, b0: number, maxPasses: number, thr: number): { passes: number; b0: number } {
    const { active, nin, b } = pr;
    const h = this.ws.heap;
    h[Slot.B0] = b0;
    const passes = this.ws.loop(nin, this.cap, maxPasses, thr, pr.intercept);
    const bOff = gramLayout(this.cap).b;
    for (let a = 0; a < nin; a++) b[active[a]!] = h[bOff + a]!;
    return { passes, b0: h[Slot.B0]! };
  }

  /** Applies the steps taken since `enter` to the explicit residuals r. */
  exit(pr: GramProblem): void {
    const { n, K, vOff, rOff, nin } = pr;
    const h = this.ws.heap;
    const deltaOff = gramLayout(this.cap).delta;
    const heap = K.heap;
    for (let a = 0; a < nin; a++) heap[pr.rowOff + a] = h[deltaOff + a]!;
    K.applySteps(pr.activeList, nin, n, rOff, vOff, pr.rowOff);
    const d0 = h[Slot.Delta0]!;
    if (d0 !== 0) {
      for (let i = 0; i < n; i++) heap[rOff + i] = heap[rOff + i]! - d0 * heap[vOff + i]!;
    }
  }
}
