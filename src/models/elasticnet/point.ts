import { RadvalError } from "../../core/errors.js";
import { ActiveSetGram, type GramProblem, SolverGramView } from "./gram.js";
import { MaxActiveReached, MaxPassesReached, type PointSolverSettings, type UpdateMode } from "./solverSettings.js";
import type { VectorKernels } from "./simd/kernels.js";
import type { StandardizedDesign } from "./standardize.js";
import { type SolverLayout, solverLayout } from "./solverLayout.js";

/** Screening bounds must clear the threshold by this relative margin (rounding safety). */
const SAFE = 1 - 1e-9;

/**
 * Coordinate descent for the binomial elastic net at one λ, inside glmnet's
 * IRLS loop (Friedman, Hastie & Tibshirani 2010, §3; glmnet 4.1-6
 * `ElnetPointInternal<binomial, two_class>`), on a standardised design.
 *
 * At each IRLS step the log-likelihood is replaced by its quadratic
 * approximation at the current fit: working weights v_i = w_i q_i (1 − q_i)
 * and residuals r_i = w_i (y_i − q_i). Coordinate j is then updated by
 * soft-thresholding, b_j ← S(g_j + xv_j b_j, α λ vp_j) / (xv_j + (1 − α) λ vp_j)
 * with g_j = Σ_i r_i x_ij and xv_j = Σ_i v_i x_ij² ("Newton": exact diagonal
 * Hessian), followed by the intercept step Σ r / Σ v. One full pass visits the
 * strong set (sequential strong rule, Tibshirani et al. 2012), then passes over
 * the active set alone repeat until max_j xv_j Δb_j² < thresh · dev0; then a
 * full pass again, until a full pass changes nothing. The IRLS loop ends when
 * no coefficient moved by more than that tolerance; the KKT conditions are then
 * checked on every variable outside the strong set and any violator joins it.
 *
 * Updates: "naive" keeps r explicit (each gradient is an O(n) inner product,
 * each step an O(n) residual update, exactly as glmnet). "covariance" runs the
 * active-set passes on the weighted Gram matrix X_Aᵀ V X_A of the active set
 * (O(|A|) per step after an O(n |A|²) build per IRLS step), the covariance
 * updates of Friedman et al. (2010, §2.2) applied to the IRLS subproblem.
 * "auto" starts naive and switches to the Gram matrix within an IRLS step once
 * the naive passes have cost as much as building it (so it is never more than
 * about twice the cheaper of the two). All three give the same coefficients up
 * to rounding.
 *
 * The solver state is mutable and private to one path fit; it never touches
 * its inputs.
 */
export class BinomialPointSolver {
  readonly n: number;
  readonly p: number;
  private readonly K: VectorKernels;
  /** The heap holding x (at offset 0, column j at j n), r, v and η. */
  private readonly h: Float64Array;
  private readonly rOff: number;
  private readonly vOff: number;
  private readonly etaOff: number;
  private readonly y: Float64Array;
  private readonly w: Float64Array;
  private readonly ju: Uint8Array;
  private readonly vp: Float64Array;
  private readonly intr: boolean;
  private readonly maxit: number;
  private readonly nx: number;
  private readonly updates: UpdateMode;
  private readonly fmax: number;
  private readonly fmin: number;
  private readonly vmin: number;
  /** Convergence threshold: thresh × null deviance (per unit weight). */
  private thr: number;

  /** Coefficients on the standardised scale (length p) and intercept. */
  readonly b: Float64Array;
  b0 = 0;
  private readonly bs: Float64Array;
  private bs0 = 0;
  private readonly xv: Float64Array;
  /** IRLS step at which xv_j was last computed (xv is computed lazily, only for coordinates that can move). */
  private readonly xvStamp: Float64Array;
  private irlsStep = 0;
  /** |gradient| of variables outside the strong set, from the last KKT check (glmnet's `ga`). */
  readonly ga: Float64Array;
  /**
   * Screening bound (exactness-preserving): ga_j was computed exactly when the
   * cumulative residual drift was gaDrift_j; since then |x_jᵀ r| can have grown
   * by at most ‖x_j‖ (drift − gaDrift_j) (Cauchy–Schwarz), so a comparison
   * that the bound already settles needs no O(n) inner product. Only
   * comparisons the bound cannot settle are computed, so every decision is the
   * one glmnet makes with the exact gradient.
   */
  private readonly gaDrift: Float64Array;
  private readonly colNorm: Float64Array;
  private drift = 0;
  private readonly rSnap: Float64Array;
  private exactSweep = true;
  private readonly strong: Uint8Array;
  /** Active variables in order of entry (glmnet's `ia`, 0-based). */
  readonly active: Int32Array;
  nin = 0;
  /** Heap layout of the per-feature state; the strong set's size in the coordinate list. */
  private readonly L: SolverLayout;
  private strongCount = 0;
  /** Position + 1 of each variable in `active`, 0 when inactive. */
  private readonly mm: Int32Array;

  /** Fitted probabilities (length n). */
  readonly q: Float64Array;
  /** Σ v (glmnet's `xmz`). */
  xmz = 0;
  /** Null-model "deviance" per unit weight (glmnet's `dev1`) and null deviance (`dev0`). */
  readonly dev1: number;
  readonly dev0: number;
  /** Total coordinate-descent passes so far (glmnet's `nlp`). */
  nlp = 0;

  /** Covariance (Gram) mode of the active-set passes, valid within one IRLS step. */
  private readonly gram: ActiveSetGram;
  private readonly gramView: GramProblem;
  private naiveCost = 0;
  /** IRLS step number within the current λ, and whether its first active-set loop has run. */
  private stepInLambda = 0;
  private firstLoopDone = false;
  /** Length (passes) of the first active-set loop of IRLS steps 0, 1, 2+ at the previous λ: the predictor of "auto". */
  private readonly loopHistory = new Float64Array(3);

  /**
   * `design.x` must be the view `kernels.heap.subarray(0, n p)`; the heap must
   * have room for {@link BinomialPointSolver.heapSize} doubles (r, v, η and scratch after x).
   */
  constructor(
    design: StandardizedDesign,
    kernels: VectorKernels,
    y: Float64Array,
    w: Float64Array,
    vp: Float64Array,
    settings: PointSolverSettings,
  ) {
    const { n, p } = design;
    this.n = n;
    this.p = p;
    this.K = kernels;
    this.h = kernels.heap;
    if (design.x.buffer !== this.h.buffer || design.x.byteOffset !== this.h.byteOffset || this.h.length < BinomialPointSolver.heapSize(n, p)) {
      throw new Error("BinomialPointSolver: the design must live at the start of the kernel heap");
    }
    this.rOff = n * p;
    this.vOff = n * p + n;
    this.etaOff = n * p + 2 * n;
    this.y = y;
    this.w = w;
    this.ju = design.ju;
    this.vp = vp;
    this.intr = settings.intercept;
    this.maxit = settings.maxit;
    this.nx = settings.pmax;
    this.updates = settings.updates;
    const pmin = settings.control.pmin;
    this.fmax = Math.log(1 / pmin - 1);
    this.fmin = -this.fmax;
    this.vmin = (1 + pmin) * pmin * (1 - pmin);
    // Per-feature state lives in the kernel heap (after x, r, v, η, scratch) so whole passes run in one kernel call.
    const L = solverLayout(n, p);
    this.L = L;
    this.b = this.h.subarray(L.b, L.b + p);
    this.bs = new Float64Array(p);
    this.xv = this.h.subarray(L.xv, L.xv + p);
    this.xvStamp = this.h.subarray(L.stamp, L.stamp + p).fill(-1);
    this.ga = new Float64Array(p);
    this.gaDrift = new Float64Array(p);
    this.colNorm = new Float64Array(p);
    this.rSnap = new Float64Array(n);
    this.strong = new Uint8Array(p);
    this.active = kernels.ints.subarray(L.active, L.active + Math.min(settings.pmax, p) + 1);
    this.mm = kernels.ints.subarray(L.mm, L.mm + p);
    this.q = new Float64Array(n);
    this.gram = new ActiveSetGram(this.active.length, kernels.simd);
    this.gramView = new SolverGramView(this, kernels, vp, L, this.xv, this.intr);

    // Null model (no offset): q0 = Σ w y, b0 = logit(q0).
    let q0 = 0;
    for (let i = 0; i < n; i++) q0 += w[i]! * y[i]!;
    if (q0 <= pmin || q0 >= 1 - pmin) {
      throw new RadvalError("SINGLE_CLASS", `the weighted event proportion is ${q0}, outside (${pmin}, ${1 - pmin}): both classes are needed`, {
        hint: "Check the outcome coding and the weights.",
      });
    }
    if (!this.intr) q0 = 0.5;
    const bz = this.intr ? Math.log(q0 / (1 - q0)) : 0;
    const vi = q0 * (1 - q0);
    this.b0 = bz;
    const h = this.h;
    for (let i = 0; i < n; i++) {
      h[this.vOff + i] = vi * w[i]!;
      h[this.rOff + i] = w[i]! * (y[i]! - q0);
      this.q[i] = q0;
    }
    this.xmz = vi;
    this.dev1 = -(bz * q0 + Math.log(1 - q0));
    let dev0 = this.dev1;
    for (let i = 0; i < n; i++) {
      const yi = y[i]!;
      if (yi > 0) dev0 += w[i]! * yi * Math.log(yi);
      if (yi < 1) dev0 += w[i]! * (1 - yi) * Math.log(1 - yi);
    }
    this.dev0 = dev0;
    this.thr = settings.thresh * dev0;
    for (let j = 0; j < p; j++) {
      if (!this.ju[j]) continue;
      this.ga[j] = Math.abs(kernels.dot(j * n, this.rOff, n));
      this.colNorm[j] = Math.sqrt(kernels.dot(j * n, j * n, n));
    }
    this.rSnap.set(h.subarray(this.rOff, this.rOff + n));
  }

  /** Doubles of kernel heap the solver needs (see {@link solverLayout}). */
  static heapSize(n: number, p: number): number {
    return solverLayout(n, p).size;
  }

  /** Hands the Gram workspace back for reuse by a later fit (the solver must not be used afterwards). */
  release(): void {
    this.gram.release();
  }

  /** True when Σ v has collapsed (all fitted probabilities at 0 or 1): glmnet ends the path. */
  isTotalVarianceTooSmall(): boolean {
    return this.xmz <= this.vmin;
  }

  /**
   * Solves the penalised IRLS problem at λ = `lambda` with mixture `alpha`,
   * warm-started from the current coefficients; `prevLambda` is the previous
   * grid value (for the sequential strong rule). Throws MaxPassesReached /
   * MaxActiveReached as glmnet does.
   */
  fit(alpha: number, lambda: number, prevLambda: number): void {
    const ab = lambda * alpha;
    const dem = lambda * (1 - alpha);
    const p = this.p;
    // Sequential strong rule: |g_j| > α (2λ − λ_prev) vp_j.
    const tlam = alpha * (2 * lambda - prevLambda);
    const { ga, gaDrift, colNorm, vp, K, n, rOff } = this;
    const drift = this.drift;
    const { ints } = K;
    const { cand, row } = this.L;
    let count = 0;
    for (let k = 0; k < p; k++) {
      if (this.strong[k] || !this.ju[k]) continue;
      const limit = tlam * vp[k]!;
      if (gaDrift[k] !== drift) {
        if (ga[k]! + colNorm[k]! * (drift - gaDrift[k]!) > limit * SAFE) ints[cand + count++] = k;
        continue;
      }
      if (ga[k]! > limit) this.strong[k] = 1;
    }
    // The gradients the bound could not settle, in one kernel call. r has not changed since the last KKT sweep:
    // these are the values glmnet holds.
    K.dots(cand, count, n, rOff, row);
    const heap = this.h;
    for (let t = 0; t < count; t++) {
      const k = ints[cand + t]!;
      ga[k] = Math.abs(heap[row + t]!);
      gaDrift[k] = drift;
      if (ga[k]! > tlam * vp[k]!) this.strong[k] = 1;
    }
    this.listStrong();
    const { h, L } = this;
    for (let k = 0; k < p; k++) {
      h[L.thr + k] = vp[k]! * ab;
      h[L.dn + k] = vp[k]! * dem;
    }
    this.stepInLambda = -1;
    for (;;) {
      if (this.nlp > this.maxit) throw new MaxPassesReached();
      this.setupWls();
      this.wls(ab, dem);
      if (this.updateIrls(ab)) break;
    }
  }

  private setupWls(): void {
    this.bs0 = this.b0;
    for (let a = 0; a < this.nin; a++) {
      const k = this.active[a]!;
      this.bs[k] = this.b[k]!;
    }
    this.irlsStep++;
    this.stepInLambda++;
    this.firstLoopDone = false;
    this.gram.invalidate();
    this.naiveCost = 0;
  }

  /** xv_j = Σ v x_j² for the current IRLS weights, computed on first use in this IRLS step (internal). */
  xvOf(k: number): number {
    if (this.xvStamp[k] !== this.irlsStep) {
      this.xv[k] = this.K.weightedSquares(k * this.n, this.vOff, this.n);
      this.xvStamp[k] = this.irlsStep;
    }
    return this.xv[k]!;
  }

  private wls(ab: number, dem: number): void {
    for (;;) {
      if (this.fullPass() < this.thr) return;
      if (this.nlp > this.maxit) throw new MaxPassesReached();
      this.activePasses(ab, dem);
    }
  }

  /** One pass over the strong set with explicit residuals; returns max xv Δb² (intercept step included). */
  private fullPass(): number {
    this.nlp++;
    return this.interceptStepNaive(this.pass(this.L.list, this.strongCount));
  }

  private interceptStepNaive(dlx: number): number {
    if (!this.intr) return dlx;
    const { h, n, rOff, vOff } = this;
    let rsum = 0;
    for (let i = 0; i < n; i++) rsum += h[rOff + i]!;
    const d = rsum / this.xmz;
    if (d === 0) return dlx;
    this.b0 += d;
    const change = this.xmz * d * d;
    for (let i = 0; i < n; i++) h[rOff + i] = h[rOff + i]! - d * h[vOff + i]!;
    return change > dlx ? change : dlx;
  }

  /** Passes over the active set until converged (glmnet's inner loop), naive or on the Gram matrix. */
  private activePasses(ab: number, dem: number): void {
    const n = this.n;
    const first = !this.firstLoopDone;
    this.firstLoopDone = true;
    const slot = Math.min(this.stepInLambda, 2);
    const start = this.nlp;
    let gramMode = false;
    // "auto": start on the Gram matrix when the same loop at the previous λ was long enough to repay building it.
    if (first && this.updates === "auto" && this.nin > 0 && this.loopHistory[slot]! * 2 * n * this.nin >= this.gram.buildCost(n, this.nin)) {
      gramMode = true;
    }
    for (;;) {
      if (gramMode || this.shouldUseGram()) {
        // The rest of the loop in one call: at most the passes left before nlp exceeds maxit.
        gramMode = true;
        this.gram.enter(this.gramView, ab, dem);
        const budget = Math.max(1, Math.min(this.maxit - this.nlp + 1, 0x3fffffff));
        const { passes, b0 } = this.gram.loop(this.gramView, this.b0, budget, this.thr);
        this.b0 = b0;
        this.nlp += Math.abs(passes);
        if (passes < 0) {
          this.gram.exit(this.gramView);
          throw new MaxPassesReached();
        }
        break;
      }
      this.nlp++;
      const dlx = this.naiveActivePass();
      this.naiveCost += n * (this.nin + 1);
      if (dlx < this.thr) break;
      if (this.nlp > this.maxit) throw new MaxPassesReached();
    }
    if (gramMode) {
      this.gram.exit(this.gramView);
      this.naiveCost = 0;
    }
    if (first) this.loopHistory[slot] = this.nlp - start;
  }


  private shouldUseGram(): boolean {
    if (this.updates === "naive" || this.nin === 0) return false;
    if (this.updates === "covariance") return true;
    // Ski rental: switch once the naive passes of this IRLS step cost as much as the Gram build.
    return this.naiveCost >= this.gram.buildCost(this.n, this.nin);
  }

  private naiveActivePass(): number {
    return this.interceptStepNaive(this.pass(this.L.active, this.nin));
  }

  /**
   * New IRLS weights and residuals at the current coefficients; returns true
   * when this λ is done (converged and the KKT check added no variable, or Σ v
   * collapsed).
   */
  private updateIrls(ab: number): boolean {
    const { n, K, h, b, active, q, w, y, etaOff, vOff, rOff } = this;
    h.fill(this.b0, etaOff, etaOff + n);
    K.addColumns(this.L.active, this.nin, n, etaOff, this.L.b);
    let xmz = 0;
    const { fmin, fmax } = this;
    for (let i = 0; i < n; i++) {
      const fi = h[etaOff + i]!;
      const qi = fi < fmin ? 0 : fi > fmax ? 1 : 1 / (1 + Math.exp(-fi));
      q[i] = qi;
      const vi = w[i]! * qi * (1 - qi);
      h[vOff + i] = vi;
      xmz += vi;
    }
    this.xmz = xmz;
    if (this.isTotalVarianceTooSmall()) return true;
    for (let i = 0; i < n; i++) h[rOff + i] = w[i]! * (y[i]! - q[i]!);

    // Converged when no coefficient moved by more than thr (in xv Δb² units).
    const d0 = this.b0 - this.bs0;
    if (xmz * d0 * d0 > this.thr) return false;
    for (let a = 0; a < this.nin; a++) {
      const k = active[a]!;
      const d = b[k]! - this.bs[k]!;
      if (this.xv[k]! * d * d > this.thr) return false;
    }
    // KKT check on the variables outside the strong set.
    const { p, ga, gaDrift, colNorm, rSnap } = this;
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const d = h[rOff + i]! - rSnap[i]!;
      moved += d * d;
      rSnap[i] = h[rOff + i]!;
    }
    const drift = (this.drift += Math.sqrt(moved));
    const exact = this.exactSweep;
    this.exactSweep = false;
    let violated = false;
    const { ints } = K;
    const { cand, row } = this.L;
    let count = 0;
    for (let k = 0; k < p; k++) {
      if (this.strong[k] || !this.ju[k]) continue;
      if (!exact && ga[k]! + colNorm[k]! * (drift - gaDrift[k]!) <= ab * this.vp[k]! * SAFE) continue;
      ints[cand + count++] = k;
    }
    // The gradients the bound could not settle, in one kernel call.
    K.dots(cand, count, n, rOff, row);
    for (let t = 0; t < count; t++) {
      const k = ints[cand + t]!;
      const g = Math.abs(h[row + t]!);
      ga[k] = g;
      gaDrift[k] = drift;
      if (g > ab * this.vp[k]!) {
        this.strong[k] = 1;
        violated = true;
      }
    }
    if (violated) this.listStrong();
    return !violated;
  }

  /** The strong set in feature order, as the coordinate list of full passes. */
  private listStrong(): void {
    const ints = this.K.ints;
    let count = 0;
    for (let k = 0; k < this.p; k++) if (this.strong[k]) ints[this.L.list + count++] = k;
    this.strongCount = count;
  }

  /** One naive pass over `count` coordinates listed at Int32 index `list` (one kernel call); returns max xv Δb². */
  private pass(list: number, count: number): number {
    const { K, L, n } = this;
    const ints = K.ints;
    ints[L.ctrl] = this.nin;
    ints[L.ctrl + 1] = this.nx;
    ints[L.ctrl + 2] = 0;
    const dlx = K.cdPass(list, count, n, this.rOff, this.vOff, L.b, L.xv, L.stamp, this.irlsStep, L.thr, L.dn, L.mm, L.active, L.ctrl);
    this.nin = ints[L.ctrl]!;
    if (ints[L.ctrl + 2] !== 0) throw new MaxActiveReached();
    return dlx;
  }

  /**
   * Binomial deviance per unit weight of the current fit, probabilities
   * clamped to [pmin, 1 − pmin] (glmnet's `dev2`). For y exactly 0 or 1 the
   * other term, 0 · log(finite), adds an exact zero, so only one logarithm is
   * taken (same value to the bit).
   */
  deviance(pmin: number): number {
    const pmax = 1 - pmin;
    const { n, q, y, w } = this;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const pi = Math.min(Math.max(pmin, q[i]!), pmax);
      const yi = y[i]!;
      const term = yi === 1 ? Math.log(pi) : yi === 0 ? Math.log(1 - pi) : yi * Math.log(pi) + (1 - yi) * Math.log(1 - pi);
      s -= w[i]! * term;
    }
    return s;
  }
}
