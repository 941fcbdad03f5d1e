import type { QMatrix } from "./qmatrix.js";

/** What {@link solveCsvc} returns. */
export interface CsvcSolution {
  /** αᵢ ≥ 0 in the order of the problem's positions (before any shrinking swap). */
  readonly alpha: Float64Array;
  /** libsvm's ρ: the decision value is Σ yᵢ αᵢ K(xᵢ, x) − ρ. */
  readonly rho: number;
  /** Dual objective ½ αᵀQα − eᵀα. */
  readonly objective: number;
  readonly iterations: number;
  /** True when the iteration limit stopped the solver before m(α) − M(α) ≤ eps. */
  readonly hitIterationLimit: boolean;
}

/** Options of {@link solveCsvc}. */
export interface CsvcOptions {
  /** Upper bound of αᵢ for yᵢ = +1 (libsvm's Cp = C · weight of the first label). */
  readonly cPositive: number;
  /** Upper bound of αᵢ for yᵢ = −1 (Cn). */
  readonly cNegative: number;
  /** Stopping tolerance eps on m(α) − M(α) (libsvm -e). */
  readonly eps: number;
  /** libsvm's shrinking heuristic (-h 1). Default true. */
  readonly shrinking?: boolean;
  /** Iteration limit; default libsvm's max(10⁷, 100 l). */
  readonly maxIterations?: number;
}

/** Number of heap vectors (`extraVectors` of the {@link QMatrix}) that {@link solveCsvc} uses. */
export const SOLVER_VECTORS = 8;

const LOWER = 0;
const UPPER = 1;
const FREE = 2;
/** libsvm's τ: the quadratic coefficient used when a pair's is not positive. */
const TAU = 1e-12;

/**
 * libsvm's `Solver::Solve` for the C-SVC dual (Fan, Chen & Lin 2005, JMLR 6:1889;
 * Chang & Lin 2011, ACM TIST 2(3):27, §4):
 * min ½ αᵀQα − eᵀα subject to yᵀα = 0, 0 ≤ αᵢ ≤ Cᵢ, by SMO with the
 * second-order working-set selection WSS3 (i maximises −yᵢ∇ᵢ over I_up; j
 * minimises −b²/a over I_low with b = m(α) + yⱼ∇ⱼ > 0), the analytic two-variable
 * update clipped to the box, the stopping rule m(α) − M(α) < eps, shrinking
 * every min(l, 1000) iterations with gradient reconstruction from Ḡ (the
 * contribution of upper-bounded α) before the final check, and
 * ρ = mean of yᵢ∇ᵢ over free αᵢ (else the midpoint of the feasible interval).
 * The steps, tie-breaking and floating-point operations follow libsvm 3.x so
 * that the iterates — not only the optimum — are libsvm's. `q` holds y (it is
 * permuted by shrinking), Q rows, and 8 solver vectors in its heap: gradient,
 * I_up and I_low penalties, α, Ḡ, status, active set, selection scratch
 * ({@link SOLVER_VECTORS}).
 * O(iterations · active size) plus the kernel rows computed.
 */
export function solveCsvc(q: QMatrix, options: CsvcOptions): CsvcSolution {
  if (q.extraVectors < SOLVER_VECTORS) throw new RangeError(`solveCsvc needs a QMatrix with ${SOLVER_VECTORS} extra vectors, got ${q.extraVectors}`);
  const l = q.l;
  const { cPositive: Cp, cNegative: Cn, eps } = options;
  const shrinking = options.shrinking ?? true;
  const maxIter = options.maxIterations ?? Math.max(10_000_000, l > 2147483647 / 100 ? 2147483647 : 100 * l);
  const { y, QD, f32, f64, kernels } = q;
  const gB = q.extraOffset(0);
  const upB = q.extraOffset(1);
  const lowB = q.extraOffset(2);
  const objB = q.extraOffset(7);
  const yB = q.yOffset;
  const qdB = q.qdOffset;
  const scratchB = q.scratchOffset;
  const scratch = scratchB >> 3;
  const G = new Float64Array(kernels.heap, gB, l);
  // I_up / I_low membership as additive penalties for the SIMD selection: 0 inside, NaN outside.
  const up = new Float64Array(kernels.heap, upB, l);
  const low = new Float64Array(kernels.heap, lowB, l);
  // Solver state in heap vectors 3–6 (no per-fit allocation): α, Ḡ, status, active set.
  const alpha = new Float64Array(kernels.heap, q.extraOffset(3), l).fill(0);
  const gbarB = q.extraOffset(4);
  const Gbar = new Float64Array(kernels.heap, gbarB, l).fill(0);
  const status = new Uint8Array(kernels.heap, q.extraOffset(5), l).fill(LOWER);
  const activeSet = new Int32Array(kernels.heap, q.extraOffset(6), l);
  let activeSize = l;
  let unshrink = false;
  const C = (i: number): number => (y[i]! > 0 ? Cp : Cn);
  const setMasks = (i: number): void => {
    const s = status[i]!;
    const positive = y[i]! > 0;
    const inUp = positive ? s !== UPPER : s !== LOWER;
    const inLow = positive ? s !== LOWER : s !== UPPER;
    up[i] = inUp ? 0 : NaN;
    low[i] = inLow ? 0 : NaN;
  };
  const updateStatus = (i: number): void => {
    const a = alpha[i]!;
    status[i] = a >= C(i) ? UPPER : a <= 0 ? LOWER : FREE;
    setMasks(i);
  };
  for (let i = 0; i < l; i++) {
    activeSet[i] = i;
    G[i] = -1; // p = −e, α = 0
    setMasks(i);
  }

  const swapIndex = (i: number, j: number): void => {
    q.swap(i, j); // y, QD, data, cache
    let t = G[i]!;
    G[i] = G[j]!;
    G[j] = t;
    t = alpha[i]!;
    alpha[i] = alpha[j]!;
    alpha[j] = t;
    t = Gbar[i]!;
    Gbar[i] = Gbar[j]!;
    Gbar[j] = t;
    const s = status[i]!;
    status[i] = status[j]!;
    status[j] = s;
    const a = activeSet[i]!;
    activeSet[i] = activeSet[j]!;
    activeSet[j] = a;
    setMasks(i);
    setMasks(j);
  };

  const reconstructGradient = (): void => {
    if (activeSize === l) return;
    for (let j = activeSize; j < l; j++) G[j] = Gbar[j]! - 1;
    let nFree = 0;
    for (let j = 0; j < activeSize; j++) if (status[j] === FREE) nFree++;
    if (nFree * l > 2 * activeSize * (l - activeSize)) {
      for (let i = activeSize; i < l; i++) {
        const Qi = q.row(i, activeSize);
        let g = G[i]!;
        for (let j = 0; j < activeSize; j++) if (status[j] === FREE) g += alpha[j]! * f32[Qi + j]!;
        G[i] = g;
      }
    } else {
      for (let i = 0; i < activeSize; i++) {
        if (status[i] !== FREE) continue;
        const Qi = q.row(i, l);
        const ai = alpha[i]!;
        for (let j = activeSize; j < l; j++) G[j] = G[j]! + ai * f32[Qi + j]!;
      }
    }
  };

  const beShrunk = (i: number, gmax1: number, gmax2: number): boolean => {
    const s = status[i]!;
    if (s === UPPER) return y[i]! > 0 ? -G[i]! > gmax1 : -G[i]! > gmax2;
    if (s === LOWER) return y[i]! > 0 ? G[i]! > gmax2 : G[i]! > gmax1;
    return false;
  };

  const doShrinking = (): void => {
    let gmax1 = -Infinity; // max −yᵢ∇ᵢ over I_up
    let gmax2 = -Infinity; // max yᵢ∇ᵢ over I_low
    for (let i = 0; i < activeSize; i++) {
      const s = status[i]!;
      const g = G[i]!;
      if (y[i]! > 0) {
        if (s !== UPPER && -g >= gmax1) gmax1 = -g;
        if (s !== LOWER && g >= gmax2) gmax2 = g;
      } else {
        if (s !== UPPER && -g >= gmax2) gmax2 = -g;
        if (s !== LOWER && g >= gmax1) gmax1 = g;
      }
    }
    if (!unshrink && gmax1 + gmax2 <= eps * 10) {
      unshrink = true;
      reconstructGradient();
      activeSize = l;
    }
    for (let i = 0; i < activeSize; i++) {
      if (!beShrunk(i, gmax1, gmax2)) continue;
      activeSize--;
      while (activeSize > i) {
        if (!beShrunk(activeSize, gmax1, gmax2)) {
          swapIndex(i, activeSize);
          break;
        }
        activeSize--;
      }
    }
  };

  // Working-set selection WSS3 (heap kernels); the chosen pair lands in these.
  let outI = -1;
  let outJ = -1;
  // The first index of the next working set, found by the fused gradient update (−1: select it afresh).
  let nextI = -1;
  const selectWorkingSet = (): boolean => {
    const i = nextI >= 0 ? nextI : kernels.selectUp(gB, yB, upB, activeSize);
    nextI = -1;
    if (i === -1) return true; // libsvm: Gmax = −∞, so Gmax + Gmax2 < eps
    const gmax = -(y[i]! * G[i]!);
    const QiB = q.rowBytes(i, activeSize);
    const j = kernels.selectLow(gB, yB, lowB, qdB, QiB, activeSize, gmax, QD[i]!, 2 * y[i]!, scratchB, objB);
    if (gmax + f64[scratch]! < eps || j === -1) return true;
    outI = i;
    outJ = j;
    return false;
  };

  let iter = 0;
  let counter = Math.min(l, 1000) + 1;
  while (iter < maxIter) {
    if (--counter === 0) {
      counter = Math.min(l, 1000);
      if (shrinking) {
        doShrinking();
        nextI = -1; // positions and the active set may have changed
      }
    }
    if (selectWorkingSet()) {
      reconstructGradient();
      activeSize = l;
      if (selectWorkingSet()) break;
      counter = 1; // shrink at the next iteration
    }
    iter++;
    const i = outI;
    const j = outJ;
    const QiB = q.rowBytes(i, activeSize);
    const QjB = q.rowBytes(j, activeSize);
    const Qi = QiB >> 2;
    const Ci = C(i);
    const Cj = C(j);
    const oldI = alpha[i]!;
    const oldJ = alpha[j]!;
    let ai = oldI;
    let aj = oldJ;
    if (y[i] !== y[j]) {
      let quad = QD[i]! + QD[j]! + 2 * f32[Qi + j]!;
      if (quad <= 0) quad = TAU;
      const delta = (-G[i]! - G[j]!) / quad;
      const diff = ai - aj;
      ai += delta;
      aj += delta;
      if (diff > 0) {
        if (aj < 0) {
          aj = 0;
          ai = diff;
        }
      } else if (ai < 0) {
        ai = 0;
        aj = -diff;
      }
      if (diff > Ci - Cj) {
        if (ai > Ci) {
          ai = Ci;
          aj = Ci - diff;
        }
      } else if (aj > Cj) {
        aj = Cj;
        ai = Cj + diff;
      }
    } else {
      let quad = QD[i]! + QD[j]! - 2 * f32[Qi + j]!;
      if (quad <= 0) quad = TAU;
      const delta = (G[i]! - G[j]!) / quad;
      const sum = ai + aj;
      ai -= delta;
      aj += delta;
      if (sum > Ci) {
        if (ai > Ci) {
          ai = Ci;
          aj = sum - Ci;
        }
      } else if (aj < 0) {
        aj = 0;
        ai = sum;
      }
      if (sum > Cj) {
        if (aj > Cj) {
          aj = Cj;
          ai = sum - Cj;
        }
      } else if (ai < 0) {
        ai = 0;
        aj = sum;
      }
    }
    alpha[i] = ai;
    alpha[j] = aj;
    // Statuses depend on α only: updated before the gradient, so that the fused pass selects the next i on current sets.
    const wasUpperI = status[i] === UPPER;
    const wasUpperJ = status[j] === UPPER;
    updateStatus(i);
    updateStatus(j);
    nextI = kernels.updateGradientSelectUp(gB, QiB, QjB, ai - oldI, aj - oldJ, activeSize, yB, upB);
    // Ḡ −= Cᵢ Q_i when αᵢ leaves its upper bound, += when it reaches it (libsvm's G_bar update)
    if (wasUpperI !== (status[i] === UPPER)) kernels.addScaledRow(gbarB, q.rowBytes(i, l), wasUpperI ? -Ci : Ci, l);
    if (wasUpperJ !== (status[j] === UPPER)) kernels.addScaledRow(gbarB, q.rowBytes(j, l), wasUpperJ ? -Cj : Cj, l);
  }
  const hitIterationLimit = iter >= maxIter;
  if (hitIterationLimit && activeSize < l) {
    reconstructGradient();
    activeSize = l;
  }
  const rho = calculateRho(G, y, status, activeSize);
  let v = 0;
  for (let i = 0; i < l; i++) v += alpha[i]! * (G[i]! - 1);
  const out = new Float64Array(l);
  for (let i = 0; i < l; i++) out[activeSet[i]!] = alpha[i]!;
  return { alpha: out, rho, objective: v / 2, iterations: iter, hitIterationLimit };
}

/** libsvm's `calculate_rho`: mean yᵢ∇ᵢ over free αᵢ, else the midpoint of [max lower, min upper]. O(active). */
function calculateRho(G: Float64Array, y: Float64Array, status: Uint8Array, activeSize: number): number {
  let nFree = 0;
  let ub = Infinity;
  let lb = -Infinity;
  let sumFree = 0;
  for (let i = 0; i < activeSize; i++) {
    const yG = y[i]! * G[i]!;
    const s = status[i]!;
    if (s === UPPER) {
      if (y[i]! < 0) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else if (s === LOWER) {
      if (y[i]! > 0) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else {
      nFree++;
      sumFree += yG;
    }
  }
  return nFree > 0 ? sumFree / nFree : (ub + lb) / 2;
}
