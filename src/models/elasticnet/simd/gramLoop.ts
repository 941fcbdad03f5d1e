import { F64, I32, V128, type WasmFunction, assembleModule, op, stream } from "./assemble.js";

/**
 * The active-set loop of the covariance ("Gram") updates as ONE call: passes
 * over the active set on the weighted Gram matrix until max xv Δb² < thr (or a
 * pass budget is spent), with no JavaScript ↔ WebAssembly crossing per
 * coordinate. Its state lives in a {@link GramWorkspace} heap of `cap`-long
 * arrays (element offsets, doubles):
 *
 * - scalars at 0: b0 (intercept), rsum = Σ r, xmz = Σ v, delta0 (Σ intercept steps);
 * - from {@link GRAM_ARRAYS}: grad (x_aᵀ r), sv (Σ v x_a), delta (Σ steps of a), b, xv
 *   (Σ v x_a²), thr (λ α vp), den (xv + λ (1 − α) vp), one entry per active position;
 * - then G, cap × cap row-major.
 *
 * The arithmetic is that of the scalar reference {@link gramLoopJs} operation
 * for operation (the SIMD lanes only do element-wise sub/mul, no reduction), so
 * both give bit-identical results.
 */
export const GRAM_SCALARS = 8;
/** Number of cap-long arrays before G. */
export const GRAM_ARRAYS = 7;
/** Positions of the scalars. */
export const Slot = { B0: 0, Rsum: 1, Xmz: 2, Delta0: 3 } as const;

/** Element offsets of the workspace arrays for a capacity `cap`. */
export function gramLayout(cap: number): { grad: number; sv: number; delta: number; b: number; xv: number; thr: number; den: number; g: number; size: number } {
  const base = GRAM_SCALARS;
  return {
    grad: base,
    sv: base + cap,
    delta: base + 2 * cap,
    b: base + 3 * cap,
    xv: base + 4 * cap,
    thr: base + 5 * cap,
    den: base + 6 * cap,
    g: base + GRAM_ARRAYS * cap,
    size: base + GRAM_ARRAYS * cap + cap * cap,
  };
}

/**
 * Runs passes (at most `maxPasses`) over the `nin` active positions; returns
 * the number of passes k, as +k when the last one converged (max xv Δb² <
 * `thr`) and −k when the budget ran out first. Scalar JavaScript version.
 */
export function gramLoopJs(h: Float64Array, nin: number, cap: number, maxPasses: number, thr: number, intercept: boolean): number {
  const L = gramLayout(cap);
  let rsum = h[Slot.Rsum]!;
  const xmz = h[Slot.Xmz]!;
  let delta0 = h[Slot.Delta0]!;
  let b0 = h[Slot.B0]!;
  let k = 0;
  for (;;) {
    k++;
    let dlx = 0;
    for (let a = 0; a < nin; a++) {
      const bk = h[L.b + a]!;
      const xvk = h[L.xv + a]!;
      const u = h[L.grad + a]! + bk * xvk;
      const au = Math.abs(u) - h[L.thr + a]!;
      const nb = au > 0 ? (u < 0 ? -au : au) / h[L.den + a]! : 0;
      if (nb === bk) continue;
      h[L.b + a] = nb;
      const d = nb - bk;
      const change = xvk * d * d;
      if (change > dlx) dlx = change;
      const row = L.g + a * cap;
      for (let c = 0; c < nin; c++) h[L.grad + c] = h[L.grad + c]! - d * h[row + c]!;
      rsum = rsum - d * h[L.sv + a]!;
      h[L.delta + a] = h[L.delta + a]! + d;
    }
    if (intercept) {
      const d = rsum / xmz;
      if (d !== 0) {
        const change = xmz * d * d;
        if (change > dlx) dlx = change;
        for (let c = 0; c < nin; c++) h[L.grad + c] = h[L.grad + c]! - d * h[L.sv + c]!;
        rsum = rsum - d * xmz;
        delta0 = delta0 + d;
        b0 = b0 + d;
      }
    }
    if (dlx < thr || k >= maxPasses) {
      h[Slot.Rsum] = rsum;
      h[Slot.Delta0] = delta0;
      h[Slot.B0] = b0;
      return dlx < thr ? k : -k;
    }
  }
}

/** The WebAssembly version of {@link gramLoopJs}: params (nin, cap, maxPasses, thr, intercept) → i32. */
function gramLoopFn(): WasmFunction {
  // params
  const [nin, cap, maxPasses, thr, intr] = [0, 1, 2, 3, 4];
  // locals
  const [k, a, end, gradP, svP, deltaP, bP, xvP, thrP, denP, gP, yP, sP, aB] = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18];
  const [dlx, bk, xvk, u, au, nb, d, change, rsum, xmz, b0, delta0] = [19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30];
  const dd = 31;
  const locals = [...Array<number>(14).fill(I32), ...Array<number>(12).fill(F64), V128];

  const at = (base: number) => [...op.get(base), ...op.get(aB), ...op.i32Add];
  const loadAt = (base: number) => [...at(base), ...op.f64Load(0)];
  // y[c] ← y[c] − d · s[c] for c < nin, y and s byte pointers (advanced).
  const vstep = (off: number) => [
    ...op.get(yP), ...op.get(yP), ...op.v128Load(off), ...op.get(dd), ...op.get(sP), ...op.v128Load(off), ...op.f64x2Mul, ...op.f64x2Sub, ...op.v128Store(off),
  ];
  const sstep = [...op.get(yP), ...op.get(yP), ...op.f64Load(0), ...op.get(d), ...op.get(sP), ...op.f64Load(0), ...op.f64Mul, ...op.f64Sub, ...op.f64Store(0)];
  const axpy = (sFrom: number[]) => [
    ...op.get(d), ...op.f64x2Splat, ...op.set(dd),
    ...op.get(gradP), ...op.set(yP),
    ...sFrom, ...op.set(sP),
    ...stream([yP, sP], nin, end, [...vstep(0), ...vstep(16)], sstep),
  ];
  const setMax = [...op.get(change), ...op.get(dlx), ...op.f64Gt, ...op.if, ...op.get(change), ...op.set(dlx), ...op.end];
  const saveScalars = [
    ...op.i32(0), ...op.get(rsum), ...op.f64Store(8 * Slot.Rsum),
    ...op.i32(0), ...op.get(delta0), ...op.f64Store(8 * Slot.Delta0),
    ...op.i32(0), ...op.get(b0), ...op.f64Store(8 * Slot.B0),
  ];
  const coordinate = [
    ...op.get(a), ...op.i32(3), ...op.i32Shl, ...op.set(aB),
    ...loadAt(bP), ...op.set(bk),
    ...loadAt(xvP), ...op.set(xvk),
    ...loadAt(gradP), ...op.get(bk), ...op.get(xvk), ...op.f64Mul, ...op.f64Add, ...op.set(u),
    ...op.get(u), ...op.f64Abs, ...loadAt(thrP), ...op.f64Sub, ...op.set(au),
    ...op.get(au), ...op.f64Const(0), ...op.f64Gt,
    ...op.ifF64,
    ...op.get(au), ...op.f64Neg, ...op.get(au), ...op.get(u), ...op.f64Const(0), ...op.f64Lt, ...op.select, ...loadAt(denP), ...op.f64Div,
    ...op.else,
    ...op.f64Const(0),
    ...op.end,
    ...op.set(nb),
    ...op.get(nb), ...op.get(bk), ...op.f64Ne,
    ...op.if,
    ...at(bP), ...op.get(nb), ...op.f64Store(0),
    ...op.get(nb), ...op.get(bk), ...op.f64Sub, ...op.set(d),
    ...op.get(xvk), ...op.get(d), ...op.f64Mul, ...op.get(d), ...op.f64Mul, ...op.set(change),
    ...setMax,
    // row a of G: gP + a cap 8
    ...axpy([...op.get(gP), ...op.get(a), ...op.get(cap), ...op.i32Mul, ...op.i32(3), ...op.i32Shl, ...op.i32Add]),
    ...op.get(rsum), ...op.get(d), ...loadAt(svP), ...op.f64Mul, ...op.f64Sub, ...op.set(rsum),
    ...at(deltaP), ...loadAt(deltaP), ...op.get(d), ...op.f64Add, ...op.f64Store(0),
    ...op.end,
  ];
  const interceptStep = [
    ...op.get(intr),
    ...op.if,
    ...op.get(rsum), ...op.get(xmz), ...op.f64Div, ...op.set(d),
    ...op.get(d), ...op.f64Const(0), ...op.f64Ne,
    ...op.if,
    ...op.get(xmz), ...op.get(d), ...op.f64Mul, ...op.get(d), ...op.f64Mul, ...op.set(change),
    ...setMax,
    ...axpy(op.get(svP)),
    ...op.get(rsum), ...op.get(d), ...op.get(xmz), ...op.f64Mul, ...op.f64Sub, ...op.set(rsum),
    ...op.get(delta0), ...op.get(d), ...op.f64Add, ...op.set(delta0),
    ...op.get(b0), ...op.get(d), ...op.f64Add, ...op.set(b0),
    ...op.end,
    ...op.end,
  ];
  const setPtr = (local: number, arraysBefore: number) => [
    ...op.i32(8 * GRAM_SCALARS), ...op.get(cap), ...op.i32(8 * arraysBefore), ...op.i32Mul, ...op.i32Add, ...op.set(local),
  ];
  const body = [
    ...setPtr(gradP, 0), ...setPtr(svP, 1), ...setPtr(deltaP, 2), ...setPtr(bP, 3), ...setPtr(xvP, 4), ...setPtr(thrP, 5), ...setPtr(denP, 6),
    ...op.i32(8 * GRAM_SCALARS), ...op.get(cap), ...op.i32(8 * GRAM_ARRAYS), ...op.i32Mul, ...op.i32Add, ...op.set(gP),
    ...op.i32(0), ...op.f64Load(8 * Slot.Rsum), ...op.set(rsum),
    ...op.i32(0), ...op.f64Load(8 * Slot.Xmz), ...op.set(xmz),
    ...op.i32(0), ...op.f64Load(8 * Slot.Delta0), ...op.set(delta0),
    ...op.i32(0), ...op.f64Load(8 * Slot.B0), ...op.set(b0),
    ...op.loop,
    ...op.get(k), ...op.i32(1), ...op.i32Add, ...op.set(k),
    ...op.f64Const(0), ...op.set(dlx),
    ...op.i32(0), ...op.set(a),
    ...op.block,
    ...op.get(a), ...op.get(nin), ...op.i32GeS, ...op.brIf(0),
    ...op.loop,
    ...coordinate,
    ...op.get(a), ...op.i32(1), ...op.i32Add, ...op.tee(a), ...op.get(nin), ...op.i32LtS, ...op.brIf(0),
    ...op.end,
    ...op.end,
    ...interceptStep,
    ...op.get(dlx), ...op.get(thr), ...op.f64Lt,
    ...op.if, ...saveScalars, ...op.get(k), ...op.return, ...op.end,
    ...op.get(k), ...op.get(maxPasses), ...op.i32GeS,
    ...op.if, ...saveScalars, ...op.i32(0), ...op.get(k), ...op.i32Sub, ...op.return, ...op.end,
    ...op.br(0),
    ...op.end,
    ...op.i32(0),
  ];
  return { name: "gramLoop", params: [I32, I32, I32, F64, I32], results: [I32], locals, body };
}

let compiled: WebAssembly.Module | null | undefined;

function gramModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bytes = assembleModule([gramLoopFn()]);
    compiled = typeof WebAssembly !== "undefined" && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

const PAGE = 65536;

let spareGram: GramWorkspace | null = null;

/**
 * The heap of the Gram passes and the loop that runs on it: WebAssembly when
 * `simd` (and available), else {@link gramLoopJs} on a plain array. `ensure`
 * grows the heap (keeping its contents); views taken before a growth are stale.
 */
export class GramWorkspace {
  heap: Float64Array;
  private busy = true;
  private readonly memory: WebAssembly.Memory | null;
  private readonly run: (nin: number, cap: number, maxPasses: number, thr: number, intercept: number) => number;

  constructor(simd: boolean) {
    const module = simd ? gramModule() : null;
    if (module) {
      const memory = new WebAssembly.Memory({ initial: 1 });
      const ex = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as { gramLoop: GramWorkspace["run"] };
      this.memory = memory;
      this.run = ex.gramLoop;
      this.heap = new Float64Array(memory.buffer);
    } else {
      this.memory = null;
      this.heap = new Float64Array(0);
      this.run = (nin, cap, maxPasses, thr, intercept) => gramLoopJs(this.heap, nin, cap, maxPasses, thr, intercept !== 0);
    }
  }

  /**
   * A workspace for one path fit: the one a previous fit released when there
   * is one (same WebAssembly instance, so the call sites stay monomorphic),
   * else a new one. Call `release()` when done.
   */
  static lease(simd: boolean): GramWorkspace {
    if (!simd) return new GramWorkspace(false);
    if (spareGram && !spareGram.busy) {
      spareGram.busy = true;
      return spareGram;
    }
    const ws = new GramWorkspace(true);
    spareGram ??= ws;
    return ws;
  }

  /** Hands the workspace back for reuse (kept only up to 64 MiB). */
  release(): void {
    this.busy = false;
    if (spareGram === this && this.heap.length * 8 > 64 * 2 ** 20) spareGram = null;
  }

  /** Makes room for `nDoubles` doubles. O(size) when it grows. */
  ensure(nDoubles: number): void {
    if (this.heap.length >= nDoubles) return;
    if (this.memory) {
      const need = Math.ceil((nDoubles * 8 - this.memory.buffer.byteLength) / PAGE);
      this.memory.grow(need);
      this.heap = new Float64Array(this.memory.buffer);
    } else {
      const next = new Float64Array(Math.max(nDoubles, 2 * this.heap.length));
      next.set(this.heap);
      this.heap = next;
    }
  }

  /** See {@link gramLoopJs}. */
  loop(nin: number, cap: number, maxPasses: number, thr: number, intercept: boolean): number {
    return this.run(nin, cap, maxPasses, thr, intercept ? 1 : 0);
  }
}
