import { MaxActiveReached, MaxPassesReached } from "./solverSettings.js";
import type { StandardizedDesign } from "./standardize.js";

/** Settings of {@link MultinomialPointSolver} (glmnet's internal parameters for the multinomial family). */
export interface MultinomialSolverSettings {
  readonly thresh: number;
  readonly maxit: number;
  readonly pmax: number;
  readonly intercept: boolean;
  /** glmnet.control()$pmin (1e-9). */
  readonly pmin: number;
  /** glmnet.control()$exmx (250): linear predictors are clamped to ±exmx. */
  readonly exmx: number;
  /** true: grouped lasso penalty ‖β_j‖₂ over the classes (type.multinomial = "grouped"). */
  readonly grouped: boolean;
}

/**
 * The minimiser s of (1 − α)/2 Σ_c (a_c − s)² + α Σ_c |a_c − s| (glmnet's
 * `elc`, which removes the multinomial model's free shift of a feature's K
 * coefficients): the mean for α = 0 or K = 2; for α = 1 the median (the
 * midpoint of the two middle values when K is even, where the objective is
 * flat); otherwise the unique minimiser of the strictly convex piecewise
 * quadratic, found segment by segment. O(K log K).
 */
export function elasticCentre(alpha: number, a: ArrayLike<number>): number {
  const n = a.length;
  let am = 0;
  for (let c = 0; c < n; c++) am += a[c]!;
  am /= n;
  if (alpha === 0 || n === 2) return am;
  const s = Array.from(a).sort((u, v) => u - v);
  if (s[0] === s[n - 1]) return a[0]!;
  const median = n % 2 === 1 ? s[(n - 1) / 2]! : 0.5 * (s[n / 2]! + s[n / 2 - 1]!);
  if (alpha === 1) return median;
  // f'(t) = (1 − α) Σ (t − a_c) + α (#{a < t} − #{a > t}) on each open segment; f is strictly convex.
  const r = alpha / (1 - alpha);
  const slope = (t: number, below: number, above: number) => n * (t - am) + r * (below - above);
  for (let k = 0; k <= n; k++) {
    // segment (s[k−1], s[k]) with k values below
    const lo = k === 0 ? -Infinity : s[k - 1]!;
    const hi = k === n ? Infinity : s[k]!;
    if (!(hi > lo)) continue;
    const t = am - (r * (k - (n - k))) / n;
    if (t > lo && t < hi) return t;
    // the minimum may sit at a breakpoint: left slope ≤ 0 ≤ right slope
    if (k < n) {
      let eq = 0;
      for (const v of s) if (v === hi) eq++;
      const left = slope(hi, k, n - k);
      const right = slope(hi, k + eq, n - k - eq);
      if (left <= 0 && right >= 0) return hi;
    }
  }
  return median;
}

/**
 * One λ of the multinomial elastic-net path, glmnet's algorithm (glmnetpp
 * 4.1-6 `ElnetPointInternalBinomialMultiClass[Group]Base`), on a standardised
 * design. Ungrouped: for each class in turn a weighted least-squares
 * (partial Newton) coordinate descent of that class's coefficients with the
 * others fixed, then the class probabilities are refreshed; after a sweep
 * over the classes the intercepts are centred and each active feature's K
 * coefficients are centred by {@link elasticCentre}. Grouped: one quadratic
 * majorisation of the whole multinomial log-likelihood with curvature
 * t = 2 max p(1 − p) per IRLS step and block (group-lasso) updates of each
 * feature's K coefficients. Every usable feature is eligible at every λ (no
 * strong rule, so no KKT re-check is needed; the converged solution is the
 * same). The state (b, q) is kept between calls for warm starts down the path.
 */
export class MultinomialPointSolver {
  readonly n: number;
  readonly p: number;
  readonly K: number;
  /** Intercepts (standardised scale), length K. */
  readonly b0: Float64Array;
  /** Coefficients, class-major: b[c p + j]. */
  readonly b: Float64Array;
  /** Unnormalised class probabilities q[c n + i] and their row sums sxp[i]. */
  readonly q: Float64Array;
  readonly sxp: Float64Array;
  /** Features ever active, in order of entry. */
  readonly active: Int32Array;
  nin = 0;
  /** Coordinate-descent passes so far (glmnet's nlp). */
  nlp = 0;
  /** Null "deviance" terms: dev1 = −Σ_c q0_c log q0_c, dev0 = dev1 + Σ w y log y (per unit weight). */
  readonly dev1: number;
  readonly dev0: number;
  /** |gradient| of each feature at the null model: max over classes (ungrouped) or ‖·‖₂ over classes (grouped). */
  readonly ga: Float64Array;
  /** True when the last solve skipped every class (all probabilities saturated). */
  skippedAll = false;

  private readonly x: Float64Array;
  private readonly ju: Uint8Array;
  private readonly vp: Float64Array;
  private readonly y: Float64Array;
  private readonly w: Float64Array;
  private readonly xv: Float64Array;
  private readonly isActive: Uint8Array;
  private readonly shr: number;

  /**
   * `y` is n × K class-major (y[c n + i], rows sum to 1), `w` the normalised
   * observation weights (Σ w = 1), `vp` the normalised penalty factors.
   */
  constructor(
    design: StandardizedDesign,
    y: Float64Array,
    w: Float64Array,
    vp: Float64Array,
    K: number,
    private readonly settings: MultinomialSolverSettings,
  ) {
    const n = design.n;
    const p = design.p;
    this.n = n;
    this.p = p;
    this.K = K;
    this.x = design.x;
    this.ju = design.ju;
    this.vp = vp;
    this.y = y;
    this.w = w;
    this.b0 = new Float64Array(K);
    this.b = new Float64Array(K * p);
    this.q = new Float64Array(K * n);
    this.sxp = new Float64Array(n);
    this.active = new Int32Array(p);
    this.isActive = new Uint8Array(p);
    this.xv = new Float64Array(K * p);
    let dev1 = 0;
    for (let c = 0; c < K; c++) {
      let q0 = 0;
      for (let i = 0; i < n; i++) q0 += w[i]! * y[c * n + i]!;
      if (settings.intercept) {
        this.b0[c] = Math.log(q0);
        dev1 -= q0 * this.b0[c]!;
      }
    }
    if (!settings.intercept) dev1 = Math.log(K);
    let mean = 0;
    for (let c = 0; c < K; c++) mean += this.b0[c]!;
    mean /= K;
    for (let c = 0; c < K; c++) {
      this.b0[c] = this.b0[c]! - mean;
      const e = Math.exp(this.b0[c]!);
      for (let i = 0; i < n; i++) {
        this.q[c * n + i] = e;
        this.sxp[i] = this.sxp[i]! + e;
      }
    }
    let dev0 = dev1;
    for (let c = 0; c < K; c++) {
      for (let i = 0; i < n; i++) {
        const v = y[c * n + i]!;
        if (v > 0) dev0 += w[i]! * v * Math.log(v);
      }
    }
    this.dev1 = dev1;
    this.dev0 = dev0;
    this.shr = settings.thresh * dev0;
    this.ga = new Float64Array(p);
    const r = new Float64Array(n);
    const g2 = new Float64Array(p);
    for (let c = 0; c < K; c++) {
      for (let i = 0; i < n; i++) r[i] = w[i]! * (y[c * n + i]! - this.q[c * n + i]! / this.sxp[i]!);
      for (let j = 0; j < p; j++) {
        if (!this.ju[j]) continue;
        const gj = this.dot(r, j);
        if (settings.grouped) g2[j] = g2[j]! + gj * gj;
        else this.ga[j] = Math.max(this.ga[j]!, Math.abs(gj));
      }
    }
    if (settings.grouped) for (let j = 0; j < p; j++) this.ga[j] = Math.sqrt(g2[j]!);
  }

  private dot(r: Float64Array, j: number): number {
    const n = this.n;
    const off = j * n;
    const x = this.x;
    let s = 0;
    for (let i = 0; i < n; i++) s += r[i]! * x[off + i]!;
    return s;
  }

  private activate(k: number): void {
    if (this.isActive[k]) return;
    if (this.nin >= this.settings.pmax) throw new MaxActiveReached();
    this.isActive[k] = 1;
    this.active[this.nin++] = k;
  }

  /** Deviance term −Σ_i Σ_c w_i y_ic log p_ic at the current fit (glmnet's devi, per unit weight). */
  deviance(): number {
    const { n, K } = this;
    let d = 0;
    for (let c = 0; c < K; c++) {
      for (let i = 0; i < n; i++) {
        const v = this.y[c * n + i]!;
        if (v > 0) d -= this.w[i]! * v * Math.log(this.q[c * n + i]! / this.sxp[i]!);
      }
    }
    return d;
  }

  /** Fits λ with l1 = λ α and l2 = λ (1 − α), warm-started from the current state. */
  fit(l1: number, l2: number, alpha: number): void {
    if (this.settings.grouped) this.fitGrouped(l1, l2);
    else this.fitUngrouped(l1, l2, alpha);
  }

  /** Refreshes q and sxp of class c from its coefficients (glmnet's update_irls_class). */
  private refreshClass(c: number, eta: Float64Array): void {
    const { n, p } = this;
    const { exmx, pmin } = this.settings;
    const emin = pmin / (1 - pmin);
    const emax = 1 / emin;
    eta.fill(this.b0[c]!);
    for (let a = 0; a < this.nin; a++) {
      const k = this.active[a]!;
      const bk = this.b[c * p + k]!;
      if (bk === 0) continue;
      const off = k * n;
      for (let i = 0; i < n; i++) eta[i] = eta[i]! + bk * this.x[off + i]!;
    }
    for (let i = 0; i < n; i++) {
      const fi = Math.min(Math.max(eta[i]!, -exmx), exmx);
      const s = this.sxp[i]! - this.q[c * n + i]!;
      const qi = Math.min(Math.max(emin * s, Math.exp(fi)), emax * s);
      this.q[c * n + i] = qi;
      this.sxp[i] = s + qi;
    }
  }

  private fitUngrouped(l1: number, l2: number, alpha: number): void {
    const { n, p, K, x, w, y, vp, ju } = this;
    const { pmin, maxit, intercept } = this.settings;
    const pfm = (1 + pmin) * pmin;
    const pfx = (1 - pmin) * (1 - pmin);
    const vmin = (1 + pmin) * pmin * (1 - pmin);
    const shr = this.shr;
    const r = new Float64Array(n);
    const v = new Float64Array(n);
    const eta = new Float64Array(n);
    const bs = new Float64Array(p);
    const col = new Float64Array(K);
    for (;;) {
      if (this.nlp > maxit) throw new MaxPassesReached();
      let notConverged = false;
      let anyClass = false;
      for (let c = 0; c < K; c++) {
        const bc = c * p;
        const bs0 = this.b0[c]!;
        for (let a = 0; a < this.nin; a++) bs[this.active[a]!] = this.b[bc + this.active[a]!]!;
        let xmz = 0;
        for (let i = 0; i < n; i++) {
          let pic = this.q[c * n + i]! / this.sxp[i]!;
          if (pic < pfm) {
            pic = 0;
            v[i] = 0;
          } else if (pic > pfx) {
            pic = 1;
            v[i] = 0;
          } else {
            v[i] = w[i]! * pic * (1 - pic);
            xmz += v[i]!;
          }
          r[i] = w[i]! * (y[c * n + i]! - pic);
        }
        if (xmz <= vmin) continue;
        anyClass = true;
        for (let j = 0; j < p; j++) {
          if (!ju[j]) continue;
          const off = j * n;
          let s = 0;
          for (let i = 0; i < n; i++) s += v[i]! * x[off + i]! * x[off + i]!;
          this.xv[bc + j] = s;
        }
        const update = (k: number, activate: boolean): number => {
          const bk = this.b[bc + k]!;
          const xvk = this.xv[bc + k]!;
          const u = this.dot(r, k) + xvk * bk;
          const au = Math.abs(u) - vp[k]! * l1;
          const nb = au > 0 ? (Math.sign(u) * au) / (xvk + vp[k]! * l2) : 0;
          const d = nb - bk;
          if (d === 0) return 0;
          this.b[bc + k] = nb;
          if (activate) this.activate(k);
          const off = k * n;
          for (let i = 0; i < n; i++) r[i] = r[i]! - d * v[i]! * x[off + i]!;
          return xvk * d * d;
        };
        const updateIntercept = (): number => {
          if (!intercept) return 0;
          let sr = 0;
          for (let i = 0; i < n; i++) sr += r[i]!;
          const d = sr / xmz;
          if (d === 0) return 0;
          this.b0[c] = this.b0[c]! + d;
          for (let i = 0; i < n; i++) r[i] = r[i]! - d * v[i]!;
          return xmz * d * d;
        };
        // WLS for class c: full passes, each followed by passes over the active set until converged.
        for (;;) {
          this.nlp++;
          let dlx = 0;
          for (let k = 0; k < p; k++) {
            if (!ju[k]) continue;
            dlx = Math.max(dlx, update(k, true));
          }
          dlx = Math.max(dlx, updateIntercept());
          if (dlx < shr) break;
          if (this.nlp > maxit) throw new MaxPassesReached();
          for (;;) {
            this.nlp++;
            let dlx2 = 0;
            for (let a = 0; a < this.nin; a++) dlx2 = Math.max(dlx2, update(this.active[a]!, false));
            dlx2 = Math.max(dlx2, updateIntercept());
            if (dlx2 < shr) break;
            if (this.nlp > maxit) throw new MaxPassesReached();
          }
        }
        if (!notConverged) {
          const d0 = bs0 - this.b0[c]!;
          if (xmz * d0 * d0 > shr) notConverged = true;
          for (let a = 0; a < this.nin && !notConverged; a++) {
            const k = this.active[a]!;
            const d = this.b[bc + k]! - (bs[k] ?? 0);
            if (this.xv[bc + k]! * d * d > shr) notConverged = true;
          }
        }
        this.refreshClass(c, eta);
        // bs of newly active features must read 0 next time: reset them now.
        for (let a = 0; a < this.nin; a++) bs[this.active[a]!] = 0;
      }
      // Centre the intercepts and each active feature's coefficients over the classes.
      let s0 = 0;
      for (let c = 0; c < K; c++) s0 += this.b0[c]!;
      s0 = -s0 / K;
      for (let c = 0; c < K; c++) this.b0[c] = this.b0[c]! + s0;
      eta.fill(s0);
      for (let a = 0; a < this.nin; a++) {
        const l = this.active[a]!;
        for (let c = 0; c < K; c++) col[c] = this.b[c * p + l]!;
        const s = vp[l]! <= 0 ? col.reduce((t, u) => t + u, 0) / K : elasticCentre(alpha, col);
        if (s === 0) continue;
        for (let c = 0; c < K; c++) this.b[c * p + l] = this.b[c * p + l]! - s;
        const off = l * n;
        for (let i = 0; i < n; i++) eta[i] = eta[i]! - s * x[off + i]!;
      }
      for (let i = 0; i < n; i++) {
        const e = Math.exp(eta[i]!);
        this.sxp[i] = this.sxp[i]! * e;
        for (let c = 0; c < K; c++) this.q[c * n + i] = this.q[c * n + i]! * e;
      }
      this.skippedAll = !anyClass;
      if (!anyClass || !notConverged) return;
    }
  }

  private fitGrouped(l1: number, l2: number): void {
    const { n, p, K, x, w, y, vp, ju } = this;
    const { maxit, intercept } = this.settings;
    const shr = this.shr;
    const R = new Float64Array(K * n);
    const eta = new Float64Array(n);
    const g = new Float64Array(K);
    const nb = new Float64Array(K);
    const old = new Float64Array(K * p);
    const old0 = new Float64Array(K);
    // xv_j = Σ w x² (1 for a standardised column with an intercept).
    const xvj = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      if (!ju[j]) continue;
      const off = j * n;
      let s = 0;
      for (let i = 0; i < n; i++) s += w[i]! * x[off + i]! * x[off + i]!;
      xvj[j] = s;
    }
    for (;;) {
      if (this.nlp > maxit) throw new MaxPassesReached();
      let t = 0;
      for (let c = 0; c < K; c++) {
        for (let i = 0; i < n; i++) {
          const qi = this.q[c * n + i]!;
          const s = this.sxp[i]!;
          t = Math.max(t, (qi * (1 - qi / s)) / s);
        }
      }
      if (t < 1e-9) {
        this.skippedAll = true;
        return;
      }
      t *= 2;
      const a1 = l1 / t;
      const a2 = l2 / t;
      old0.set(this.b0);
      old.set(this.b);
      for (let c = 0; c < K; c++) {
        for (let i = 0; i < n; i++) R[c * n + i] = (w[i]! * (y[c * n + i]! - this.q[c * n + i]! / this.sxp[i]!)) / t;
      }
      const update = (k: number, activate: boolean): number => {
        const off = k * n;
        let norm = 0;
        for (let c = 0; c < K; c++) {
          let s = 0;
          for (let i = 0; i < n; i++) s += R[c * n + i]! * x[off + i]!;
          g[c] = s + xvj[k]! * this.b[c * p + k]!;
          norm += g[c]! * g[c]!;
        }
        norm = Math.sqrt(norm);
        const shrink = norm > 0 ? Math.max(0, 1 - (vp[k]! * a1) / norm) / (xvj[k]! + vp[k]! * a2) : 0;
        let dmax = 0;
        for (let c = 0; c < K; c++) {
          nb[c] = g[c]! * shrink;
          dmax = Math.max(dmax, Math.abs(nb[c]! - this.b[c * p + k]!));
        }
        if (dmax === 0) return 0;
        if (activate) this.activate(k);
        for (let c = 0; c < K; c++) {
          const d = nb[c]! - this.b[c * p + k]!;
          this.b[c * p + k] = nb[c]!;
          if (d === 0) continue;
          for (let i = 0; i < n; i++) R[c * n + i] = R[c * n + i]! - d * w[i]! * x[off + i]!;
        }
        return xvj[k]! * dmax * dmax;
      };
      // glmnet moves the intercepts once per IRLS step, before the coordinate descent (Σ w = 1).
      if (intercept) {
        for (let c = 0; c < K; c++) {
          let d = 0;
          for (let i = 0; i < n; i++) d += R[c * n + i]!;
          if (d === 0) continue;
          this.b0[c] = this.b0[c]! + d;
          for (let i = 0; i < n; i++) R[c * n + i] = R[c * n + i]! - d * w[i]!;
        }
      }
      for (;;) {
        this.nlp++;
        let dlx = 0;
        for (let k = 0; k < p; k++) if (ju[k]) dlx = Math.max(dlx, update(k, true));
        if (dlx < shr) break;
        if (this.nlp > maxit) throw new MaxPassesReached();
        for (;;) {
          this.nlp++;
          let dlx2 = 0;
          for (let a = 0; a < this.nin; a++) dlx2 = Math.max(dlx2, update(this.active[a]!, false));
          if (dlx2 < shr) break;
          if (this.nlp > maxit) throw new MaxPassesReached();
        }
      }
      let converged = true;
      for (let c = 0; c < K && converged; c++) {
        const d = this.b0[c]! - old0[c]!;
        if (d * d > shr) converged = false;
      }
      for (let a = 0; a < this.nin && converged; a++) {
        const k = this.active[a]!;
        let dmax = 0;
        for (let c = 0; c < K; c++) dmax = Math.max(dmax, Math.abs(this.b[c * p + k]! - old[c * p + k]!));
        if (dmax * dmax * xvj[k]! > shr) converged = false;
      }
      for (let c = 0; c < K; c++) this.refreshClass(c, eta);
      let s0 = 0;
      for (let c = 0; c < K; c++) s0 += this.b0[c]!;
      for (let c = 0; c < K; c++) this.b0[c] = this.b0[c]! - s0 / K;
      this.skippedAll = false;
      if (converged) return;
    }
  }
}
