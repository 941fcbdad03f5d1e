import { assembleModule } from "../../elasticnet/simd/assemble.js";
import { expKernel } from "./exp.js";
import type { WasmFunction } from "../../elasticnet/simd/assemble.js";
import { PANEL, addScaledRowFn, linearRowFn, panelDotsFn, rbfRowFn, selectLowFn, selectUpFn, updateGradientSelectUpFn } from "./wasm.js";

/**
 * The hot loops of radval's SVM solver on one shared buffer (`heap`), every
 * address a byte offset into it. `simd` is true when they run as WebAssembly
 * fixed-width SIMD (f64x2) on a `WebAssembly.Memory`, false for the
 * plain-JavaScript fallback. Both perform the same IEEE operations in the
 * same order (each SIMD lane is one run of the scalar loop) and break ties
 * the same way, so they give bit-identical results. Each is allocation-free.
 * Vectors of doubles (`g`, `y`, `qd`, and the penalties `up`, `low`: 0 for
 * members of the index set, NaN otherwise) are indexed by solver position;
 * `qi` is a single-precision row.
 */
export interface SvmKernels {
  readonly heap: ArrayBuffer;
  readonly simd: boolean;
  /** Returns the heap to the pool (call once, when done with every view of `heap`). */
  release(): void;
  /**
   * out[j] = Σₜ x[t] · row_j[t] for the {@link PANEL} rows of each of
   * `count` consecutive panels at `panels` (a panel stores feature t of its
   * rows contiguously); each dot product is summed t = 0, 1, …, p − 1 in
   * order, as libsvm's `Kernel::dot`. O(count · PANEL · p).
   */
  panelDots(x: number, panels: number, out: number, p: number, count: number): void;
  /** As {@link SvmKernels.panelDots} with Σₜ (x[t] − row_j[t])² (libsvm's RBF at prediction time). O(count · PANEL · p). */
  panelSqDist(x: number, panels: number, out: number, p: number, count: number): void;
  /**
   * libsvm's gradient update g[k] += qi[k] · di + qj[k] · dj for k < n, then
   * {@link SvmKernels.selectUp} on the updated gradient, in one pass (the next
   * iteration's first index). Leaves g[n] as it is. O(n).
   */
  updateGradientSelectUp(g: number, qi: number, qj: number, di: number, dj: number, n: number, y: number, up: number): number;
  /**
   * libsvm's first working-set index: argmax over k < n of −y[k] g[k] + up[k]
   * (up[k] = NaN excludes k), the last index on ties; −1 when no k is eligible. O(n).
   */
  selectUp(g: number, y: number, up: number, n: number): number;
  /**
   * libsvm's second working-set index (WSS3): over k < n with low[k] = 0 (not
   * NaN) and b = gmax + y[k] g[k] > 0, argmin of −b² / a with
   * a = (qdi + qd[k]) − (yi2 · y[k]) · qi[k] (τ = 1e−12 when a ≤ 0), the last
   * index on ties; −1 when none. Stores max over low[k] = 0 of y[k] g[k]
   * (libsvm's Gmax2, −∞ when none) at f64 `out`. `obj` is scratch space for
   * n + 1 doubles. O(n).
   */
  selectLow(g: number, y: number, low: number, qd: number, qi: number, n: number, gmax: number, qdi: number, yi2: number, out: number, obj: number): number;
  /**
   * RBF kernel row from dot products: out[k] = f32((yi · y[k]) · e^(gneg ((si + xsq[k]) − 2 dots[k])))
   * for k < n, with e^ = {@link expKernel}; libsvm's `kernel_rbf` and `Qfloat`
   * rounding. May write out[n] (the row's padding) when n is odd. O(n).
   */
  rbfRow(dots: number, xsq: number, y: number, out: number, n: number, si: number, gneg: number, yi: number): void;
  /** Linear kernel row: out[k] = f32((yi · y[k]) · dots[k]) for k < n; may write out[n] when n is odd. O(n). */
  linearRow(dots: number, y: number, out: number, n: number, yi: number): void;
  /** dst[k] += c · q[k] for k < n (dst f64, q f32: libsvm's Ḡ update with c = ±Cᵢ). O(n). */
  addScaledRow(dst: number, q: number, c: number, n: number): void;
}

export { PANEL } from "./wasm.js";

/**
 * The module's functions. Kept under 4 KB assembled: browsers have refused
 * synchronous compilation (`new WebAssembly.Module`) of larger modules on the
 * main thread (Chrome's historical limit), which would silently fall back to
 * the JavaScript kernels. O(size of the module).
 */
export function svmWasmFunctions(): WasmFunction[] {
  return [panelDotsFn(), panelDotsFn(true), updateGradientSelectUpFn(), selectUpFn(), selectLowFn(1), rbfRowFn(), linearRowFn(), addScaledRowFn()];
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled SVM kernel module, or null when this runtime has no WebAssembly SIMD. Compiled once. */
function svmModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bytes = assembleModule(svmWasmFunctions());
    compiled = typeof WebAssembly !== "undefined" && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

const PAGE = 65536;
/** A pooled WebAssembly memory larger than this is dropped on release (so its memory can be reclaimed). */
const KEEP_BYTES = 64 * 1048576;

type Exports = Omit<SvmKernels, "heap" | "simd" | "release">;
interface Pooled {
  readonly memory: WebAssembly.Memory;
  readonly exports: Exports;
  leased: boolean;
}
/**
 * One instance reused by consecutive fits: its exported functions stay the
 * same objects, so V8 keeps its fast JS-to-WebAssembly call path at every
 * call site (a fresh instance per fit makes the sites polymorphic and every
 * call goes through the generic wrapper). A fit that finds it leased (only
 * when solver heaps are alive at the same time) gets its own instance.
 */
let pooled: Pooled | undefined;

function instantiate(module: WebAssembly.Module, bytes: number): Pooled | null {
  try {
    const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
    const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Exports;
    return { memory, exports, leased: false };
  } catch {
    return null; // larger than a 32-bit memory allows: plain arrays
  }
}

function wasmKernels(bytes: number): SvmKernels | null {
  const module = svmModule();
  if (!module) return null;
  let lease: Pooled | null = null;
  if (pooled && !pooled.leased) {
    const missing = Math.ceil((bytes - pooled.memory.buffer.byteLength) / PAGE);
    try {
      if (missing > 0) pooled.memory.grow(missing);
      lease = pooled;
    } catch {
      lease = null;
    }
  }
  if (!lease) {
    lease = instantiate(module, bytes);
    if (!lease) return null;
    if (!pooled || !pooled.leased) pooled = lease;
  }
  const held = lease;
  held.leased = true;
  const ex = held.exports;
  return {
    heap: held.memory.buffer,
    simd: true,
    release() {
      held.leased = false;
      if (held === pooled && held.memory.buffer.byteLength > KEEP_BYTES) pooled = undefined;
    },
    panelDots: ex.panelDots,
    panelSqDist: ex.panelSqDist,
    updateGradientSelectUp: ex.updateGradientSelectUp,
    selectUp: ex.selectUp,
    selectLow: ex.selectLow,
    rbfRow: ex.rbfRow,
    linearRow: ex.linearRow,
    addScaledRow: ex.addScaledRow,
  };
}

function jsKernels(bytes: number): SvmKernels {
  const k = jsBase(bytes);
  const f64 = new Float64Array(k.heap);
  const f32 = new Float32Array(k.heap);
  return {
    ...k,
    updateGradientSelectUp(gb, qib, qjb, di, dj, n, y, up) {
      const g = gb >> 3;
      const qi = qib >> 2;
      const qj = qjb >> 2;
      for (let t = 0; t < n; t++) f64[g + t] = f64[g + t]! + (f32[qi + t]! * di + f32[qj + t]! * dj);
      return k.selectUp(gb, y, up, n);
    },
  };
}

function jsBase(bytes: number): Omit<SvmKernels, "updateGradientSelectUp"> {
  const heap = new ArrayBuffer(bytes);
  const f64 = new Float64Array(heap);
  const f32 = new Float32Array(heap);
  return {
    heap,
    simd: false,
    release() {},
    panelDots(xb, panelsb, outb, p, count) {
      const xo = xb >> 3;
      const pan = panelsb >> 3;
      const out = outb >> 3;
      const stride = PANEL * p;
      for (let b = 0; b < count; b++) {
        const base = pan + b * stride;
        for (let lane = 0; lane < PANEL; lane++) {
          let sum = 0;
          for (let t = 0, at = base + lane; t < p; t++, at += PANEL) sum += f64[xo + t]! * f64[at]!;
          f64[out + b * PANEL + lane] = sum;
        }
      }
    },
    panelSqDist(xb, panelsb, outb, p, count) {
      const xo = xb >> 3;
      const pan = panelsb >> 3;
      const out = outb >> 3;
      const stride = PANEL * p;
      for (let b = 0; b < count; b++) {
        const base = pan + b * stride;
        for (let lane = 0; lane < PANEL; lane++) {
          let sum = 0;
          for (let t = 0, at = base + lane; t < p; t++, at += PANEL) {
            const d = f64[xo + t]! - f64[at]!;
            sum += d * d;
          }
          f64[out + b * PANEL + lane] = sum;
        }
      }
    },
    selectUp(gb, yb, upb, n) {
      const g = gb >> 3;
      const y = yb >> 3;
      const up = upb >> 3;
      let best = -Infinity;
      let idx = -1;
      for (let k = 0; k < n; k++) {
        const v = -(f64[y + k]! * f64[g + k]!) + f64[up + k]!; // NaN outside I_up: never ≥
        if (v >= best) {
          best = v;
          idx = k;
        }
      }
      return idx;
    },
    selectLow(gb, yb, lowb, qdb, qib, n, gmax, qdi, yi2, outb) {
      const g = gb >> 3;
      const y = yb >> 3;
      const low = lowb >> 3;
      const qd = qdb >> 3;
      const qi = qib >> 2;
      let gmax2 = -Infinity;
      let best = 0; // max of grad_diff²/quad (≥ 0) = −(libsvm's min of −grad_diff²/quad), exactly
      let idx = -1;
      for (let k = 0; k < n; k++) {
        const yk = f64[y + k]!;
        const yg = yk * f64[g + k]! + f64[low + k]!; // NaN outside I_low
        if (yg !== yg) continue;
        if (yg > gmax2) gmax2 = yg;
        const gd = gmax + yg;
        if (!(gd > 0)) continue;
        let quad = qdi + f64[qd + k]! - yi2 * yk * f32[qi + k]!;
        if (!(quad > 0)) quad = 1e-12;
        const obj = (gd * gd) / quad;
        if (obj >= best) {
          best = obj;
          idx = k;
        }
      }
      f64[outb >> 3] = gmax2;
      return idx;
    },
    rbfRow(dotsb, xsqb, yb, outb, n, si, gneg, yi) {
      const dots = dotsb >> 3;
      const xsq = xsqb >> 3;
      const y = yb >> 3;
      const out = outb >> 2;
      for (let k = 0; k < n; k++) f32[out + k] = yi * f64[y + k]! * expKernel(gneg * (si + f64[xsq + k]! - 2 * f64[dots + k]!));
    },
    linearRow(dotsb, yb, outb, n, yi) {
      const dots = dotsb >> 3;
      const y = yb >> 3;
      const out = outb >> 2;
      for (let k = 0; k < n; k++) f32[out + k] = yi * f64[y + k]! * f64[dots + k]!;
    },
    addScaledRow(dstb, qb, c, n) {
      const dst = dstb >> 3;
      const q = qb >> 2;
      for (let k = 0; k < n; k++) f64[dst + k] = f64[dst + k]! + c * f32[q + k]!;
    },
  };
}

/**
 * Kernels over a heap of at least `bytes` bytes: WebAssembly SIMD when
 * available (`prefer: "simd"`, the default), else plain JavaScript (also when
 * the heap exceeds what a WebAssembly memory can hold). The SIMD heap is
 * pooled: its contents are whatever the previous fit left (callers
 * initialise what they read) and `release()` must be called when done.
 * O(bytes) memory.
 */
export function createSvmKernels(bytes: number, prefer: "simd" | "js" = "simd"): SvmKernels {
  return (prefer === "simd" ? wasmKernels(bytes) : null) ?? jsKernels(bytes);
}

/** True when this runtime runs the SVM kernels as WebAssembly SIMD. */
export function svmSimdAvailable(): boolean {
  return svmModule() !== null;
}
