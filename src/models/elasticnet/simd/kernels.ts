import { F64, I32, V128, type WasmFunction, assembleModule, op, stream, streamPairs, toBytes } from "./assemble.js";
import { type BatchKernels, addColumnsFn, applyStepsFn, batchJs, dotsFn, gramRow2Fn, gramRowFn } from "./batch.js";
import { cdPassFn, cdPassJs } from "./cdPass.js";

/**
 * The vector kernels of the coordinate-descent hot loops, on one shared
 * Float64Array `heap`; vectors are addressed by element offset into it.
 * `simd` is true when they run as WebAssembly fixed-width SIMD (f64x2, two
 * lanes, four doubles per iteration) on a `WebAssembly.Memory`, false for the
 * plain-JavaScript fallback (same arithmetic, different summation order).
 * The vector kernels are O(n); the list kernels (`cdPass`, and those of
 * `batch.ts`) loop over a coordinate list inside the module, calling the
 * vector kernels, so a whole pass is one JavaScript → WebAssembly crossing.
 * All are allocation-free.
 */
export interface VectorKernels extends BatchKernels {
  readonly heap: Float64Array;
  /** Hands the heap back for reuse by a later {@link leaseKernels}; the kernels must not be used afterwards. */
  release(): void;
  /** The same memory as Int32 values (Int32 index i is bytes 4i…4i+3). */
  readonly ints: Int32Array;
  readonly simd: boolean;
  /** Σ heap[a+i] · heap[b+i]. */
  dot(a: number, b: number, n: number): number;
  /** Σ heap[a+i] · heap[b+i] · heap[c+i]. */
  dot3(a: number, b: number, c: number, n: number): number;
  /** Σ heap[w+i] · heap[a+i]². */
  weightedSquares(a: number, w: number, n: number): number;
  /** heap[r+i] −= d · heap[v+i] · heap[a+i]. */
  subtractScaledWeighted(r: number, d: number, v: number, a: number, n: number): void;
  /**
   * heap[r+i] −= d · heap[v+i] · heap[a+i], then returns Σ heap[x+i] · heap[r+i]
   * (the new r): `subtractScaledWeighted` followed by `dot(x, r)` in one pass,
   * bit-identical to the two calls.
   */
  updateDot(r: number, d: number, v: number, a: number, x: number, n: number): number;
  /** heap[y+i] += d · heap[a+i]. */
  addScaled(y: number, d: number, a: number, n: number): void;
  /** heap[a+i] −= m, then returns Σ heap[w+i] · heap[a+i]² (centre a column and take its weighted sum of squares). */
  centerSquares(a: number, m: number, w: number, n: number): number;
  /** heap[a+i] /= s. */
  divide(a: number, s: number, n: number): void;
  /** heap[d+i] = heap[a+i] · heap[b+i]. */
  multiply(d: number, a: number, b: number, n: number): void;
  /** heap[out+k] = Σ heap[w+i] · heap[x_k+i] for the four columns x_0…x_3 (one pass over w). */
  dot4(w: number, x0: number, x1: number, x2: number, x3: number, n: number, out: number): void;
  /** One naive coordinate-descent pass over a list of coordinates (see `cdPass.ts`); returns max xv Δb². */
  cdPass(list: number, count: number, n: number, r: number, v: number, b: number, xv: number, stamp: number, step: number,
    thr: number, dn: number, mm: number, active: number, ctrl: number): number;
}

/** acc += product of the v128 loads at `offset` of each pointer. */
function accumulate(acc: number, ptrs: readonly number[], offset: number, square = -1): number[] {
  const loads = ptrs.flatMap((p, k) => [...op.get(p), ...op.v128Load(offset), ...(k > 0 ? op.f64x2Mul : [])]);
  const sq = square >= 0 ? [...op.get(square), ...op.v128Load(offset), ...op.f64x2Mul] : [];
  return [...op.get(acc), ...loads, ...sq, ...op.f64x2Add, ...op.set(acc)];
}

function scalarAccumulate(s: number, ptrs: readonly number[], square = -1): number[] {
  const loads = ptrs.flatMap((p, k) => [...op.get(p), ...op.f64Load(0), ...(k > 0 ? op.f64Mul : [])]);
  const sq = square >= 0 ? [...op.get(square), ...op.f64Load(0), ...op.f64Mul] : [];
  return [...op.get(s), ...loads, ...sq, ...op.f64Add, ...op.set(s)];
}

/**
 * A reduction Σ Π_k heap[ptr_k + i] (optionally × heap[square + i] once
 * more): 8 doubles per iteration into four independent f64x2 accumulators, so
 * several adds are in flight (the add latency, not the loads, would otherwise
 * bound an in-cache dot product).
 */
function reduction(fname: string, nPtrs: number, squareOf = -1): WasmFunction {
  const ptrs = Array.from({ length: nPtrs }, (_, k) => k);
  const n = nPtrs;
  const end = n + 1;
  const acc = [n + 2, n + 3, n + 4, n + 5];
  const s = n + 6;
  const body = [
    ...toBytes(ptrs),
    ...stream(
      ptrs,
      n,
      end,
      acc.flatMap((a, k) => accumulate(a, ptrs, 16 * k, squareOf)),
      scalarAccumulate(s, ptrs, squareOf),
      8,
    ),
    ...op.get(acc[0]!), ...op.get(acc[1]!), ...op.f64x2Add, ...op.get(acc[2]!), ...op.get(acc[3]!), ...op.f64x2Add, ...op.f64x2Add,
    ...op.tee(acc[0]!), ...op.f64x2Lane(0), ...op.get(acc[0]!), ...op.f64x2Lane(1), ...op.f64Add, ...op.get(s), ...op.f64Add,
  ];
  return { name: fname, params: [...ptrs.map(() => I32), I32], results: [F64], locals: [I32, V128, V128, V128, V128, F64], body };
}

/** heap[r+i] −= d · heap[v+i] · heap[a+i]: params (r, d, v, a, n). */
function subtractScaledWeightedFn(): WasmFunction {
  const [r, d, v, a, n, end, dd] = [0, 1, 2, 3, 4, 5, 6];
  const vecStep = (off: number) => [
    ...op.get(r), ...op.get(r), ...op.v128Load(off),
    ...op.get(dd), ...op.get(v), ...op.v128Load(off), ...op.f64x2Mul, ...op.get(a), ...op.v128Load(off), ...op.f64x2Mul,
    ...op.f64x2Sub, ...op.v128Store(off),
  ];
  const scalar = [
    ...op.get(r), ...op.get(r), ...op.f64Load(0),
    ...op.get(d), ...op.get(v), ...op.f64Load(0), ...op.f64Mul, ...op.get(a), ...op.f64Load(0), ...op.f64Mul,
    ...op.f64Sub, ...op.f64Store(0),
  ];
  const body = [...toBytes([r, v, a]), ...op.get(d), ...op.f64x2Splat, ...op.set(dd), ...stream([r, v, a], n, end, [...vecStep(0), ...vecStep(16)], scalar)];
  return { name: "subtractScaledWeighted", params: [I32, F64, I32, I32, I32], results: [], locals: [I32, V128], body };
}

/**
 * The residual update of one coordinate fused with the inner product of the
 * next: params (r, d, v, a, x, n). Element-wise the update of
 * subtractScaledWeighted, and the accumulation pattern of `dot` (four f64x2
 * accumulators over 8 doubles, scalar tail, same final sum), so the result is
 * bit-identical to the two calls.
 */
function updateDotFn(): WasmFunction {
  const [r, d, v, a, x, n, end, dd, t] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const acc = [9, 10, 11, 12];
  const [sAcc, u] = [13, 14];
  const vecStep = (k: number) => {
    const off = 16 * k;
    return [
      ...op.get(r), ...op.v128Load(off), ...op.get(dd), ...op.get(v), ...op.v128Load(off), ...op.f64x2Mul, ...op.get(a), ...op.v128Load(off), ...op.f64x2Mul,
      ...op.f64x2Sub, ...op.set(t),
      ...op.get(r), ...op.get(t), ...op.v128Store(off),
      ...op.get(acc[k]!), ...op.get(x), ...op.v128Load(off), ...op.get(t), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(acc[k]!),
    ];
  };
  const scalar = [
    ...op.get(r), ...op.f64Load(0), ...op.get(d), ...op.get(v), ...op.f64Load(0), ...op.f64Mul, ...op.get(a), ...op.f64Load(0), ...op.f64Mul,
    ...op.f64Sub, ...op.set(u),
    ...op.get(r), ...op.get(u), ...op.f64Store(0),
    ...op.get(sAcc), ...op.get(x), ...op.f64Load(0), ...op.get(u), ...op.f64Mul, ...op.f64Add, ...op.set(sAcc),
  ];
  const body = [
    ...toBytes([r, v, a, x]),
    ...op.get(d), ...op.f64x2Splat, ...op.set(dd),
    ...stream([r, v, a, x], n, end, [0, 1, 2, 3].flatMap(vecStep), scalar, 8),
    ...op.get(acc[0]!), ...op.get(acc[1]!), ...op.f64x2Add, ...op.get(acc[2]!), ...op.get(acc[3]!), ...op.f64x2Add, ...op.f64x2Add,
    ...op.tee(acc[0]!), ...op.f64x2Lane(0), ...op.get(acc[0]!), ...op.f64x2Lane(1), ...op.f64Add, ...op.get(sAcc), ...op.f64Add,
  ];
  return { name: "updateDot", params: [I32, F64, I32, I32, I32, I32], results: [F64], locals: [I32, V128, V128, V128, V128, V128, V128, F64, F64], body };
}

/** heap[y+i] += d · heap[a+i]: params (y, d, a, n). */
function addScaledFn(): WasmFunction {
  const [y, d, a, n, end, dd] = [0, 1, 2, 3, 4, 5];
  const vecStep = (off: number) => [
    ...op.get(y), ...op.get(y), ...op.v128Load(off), ...op.get(dd), ...op.get(a), ...op.v128Load(off), ...op.f64x2Mul,
    ...op.f64x2Add, ...op.v128Store(off),
  ];
  const scalar = [
    ...op.get(y), ...op.get(y), ...op.f64Load(0), ...op.get(d), ...op.get(a), ...op.f64Load(0), ...op.f64Mul,
    ...op.f64Add, ...op.f64Store(0),
  ];
  const body = [...toBytes([y, a]), ...op.get(d), ...op.f64x2Splat, ...op.set(dd), ...stream([y, a], n, end, [...vecStep(0), ...vecStep(16)], scalar)];
  return { name: "addScaled", params: [I32, F64, I32, I32], results: [], locals: [I32, V128], body };
}

/** heap[a+i] −= m; returns Σ w (a − m)²: params (a, m, w, n). */
function centerSquaresFn(): WasmFunction {
  const [a, m, w, n, end, mm, acc0, acc1, s, t, u] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const vecStep = (off: number, acc: number) => [
    ...op.get(a), ...op.get(a), ...op.v128Load(off), ...op.get(mm), ...op.f64x2Sub, ...op.tee(t), ...op.v128Store(off),
    ...op.get(acc), ...op.get(t), ...op.get(w), ...op.v128Load(off), ...op.f64x2Mul, ...op.get(t), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(acc),
  ];
  const scalar = [
    ...op.get(a), ...op.get(a), ...op.f64Load(0), ...op.get(m), ...op.f64Sub, ...op.tee(u), ...op.f64Store(0),
    ...op.get(s), ...op.get(u), ...op.get(w), ...op.f64Load(0), ...op.f64Mul, ...op.get(u), ...op.f64Mul, ...op.f64Add, ...op.set(s),
  ];
  const body = [
    ...toBytes([a, w]),
    ...op.get(m), ...op.f64x2Splat, ...op.set(mm),
    ...stream([a, w], n, end, [...vecStep(0, acc0), ...vecStep(16, acc1)], scalar),
    ...op.get(acc0), ...op.get(acc1), ...op.f64x2Add, ...op.tee(acc0), ...op.f64x2Lane(0),
    ...op.get(acc0), ...op.f64x2Lane(1), ...op.f64Add, ...op.get(s), ...op.f64Add,
  ];
  return { name: "centerSquares", params: [I32, F64, I32, I32], results: [F64], locals: [I32, V128, V128, V128, F64, V128, F64], body };
}

/** heap[a+i] /= s: params (a, s, n). */
function divideFn(): WasmFunction {
  const [a, sc, n, end, ss] = [0, 1, 2, 3, 4];
  const vecStep = (off: number) => [...op.get(a), ...op.get(a), ...op.v128Load(off), ...op.get(ss), ...op.f64x2Div, ...op.v128Store(off)];
  const scalar = [...op.get(a), ...op.get(a), ...op.f64Load(0), ...op.get(sc), ...op.f64Div, ...op.f64Store(0)];
  const body = [...toBytes([a]), ...op.get(sc), ...op.f64x2Splat, ...op.set(ss), ...stream([a], n, end, [...vecStep(0), ...vecStep(16)], scalar)];
  return { name: "divide", params: [I32, F64, I32], results: [], locals: [I32, V128], body };
}

/** heap[d+i] = heap[a+i] · heap[b+i]: params (d, a, b, n). */
function multiplyFn(): WasmFunction {
  const [d, a, b, n, end] = [0, 1, 2, 3, 4];
  const vecStep = (off: number) => [...op.get(d), ...op.get(a), ...op.v128Load(off), ...op.get(b), ...op.v128Load(off), ...op.f64x2Mul, ...op.v128Store(off)];
  const scalar = [...op.get(d), ...op.get(a), ...op.f64Load(0), ...op.get(b), ...op.f64Load(0), ...op.f64Mul, ...op.f64Store(0)];
  const body = [...toBytes([d, a, b]), ...stream([d, a, b], n, end, [...vecStep(0), ...vecStep(16)], scalar)];
  return { name: "multiply", params: [I32, I32, I32, I32], results: [], locals: [I32], body };
}

/**
 * Four inner products against one vector w, w loaded once per step (the Gram
 * build: 5 loads per 4 products instead of 12): params (w, x0, x1, x2, x3, n, out).
 */
function dot4Fn(): WasmFunction {
  const [w, n, out, end, wv, ws] = [0, 5, 6, 7, 8, 9];
  const xs = [1, 2, 3, 4];
  const acc = [10, 11, 12, 13];
  const sc = [14, 15, 16, 17];
  const vector = (off: number) => [
    ...op.get(w), ...op.v128Load(off), ...op.set(wv),
    ...xs.flatMap((x, k) => [...op.get(acc[k]!), ...op.get(wv), ...op.get(x), ...op.v128Load(off), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(acc[k]!)]),
  ];
  const scalar = [
    ...op.get(w), ...op.f64Load(0), ...op.set(ws),
    ...xs.flatMap((x, k) => [...op.get(sc[k]!), ...op.get(ws), ...op.get(x), ...op.f64Load(0), ...op.f64Mul, ...op.f64Add, ...op.set(sc[k]!)]),
  ];
  const store = acc.flatMap((a, k) => [
    ...op.get(out), ...op.get(a), ...op.f64x2Lane(0), ...op.get(a), ...op.f64x2Lane(1), ...op.f64Add, ...op.get(sc[k]!), ...op.f64Add, ...op.f64Store(8 * k),
  ]);
  const body = [...toBytes([w, ...xs, out]), ...streamPairs([w, ...xs], n, end, vector, scalar), ...store];
  return { name: "dot4", params: [I32, I32, I32, I32, I32, I32, I32], results: [], locals: [I32, V128, F64, V128, V128, V128, V128, F64, F64, F64, F64], body };
}

/**
 * Two rows of four inner products, dot2x4(w0, w1, x0…x3, n, out0, out1):
 * out0[k] = Σ w0 x_k and out1[k] = Σ w1 x_k, each x_k loaded once for both
 * (6 loads per 8 products). Every output accumulates as in `dot4` (one f64x2
 * accumulator, scalar tail, lanes then tail summed), so the values are
 * bit-identical to two `dot4` calls. Not unrolled further: with 8
 * accumulators, unrolling (`streamPairs`) measured slower.
 */
function dot2x4Fn(): WasmFunction {
  const [w0, w1, n, out0, out1, end, wv0, wv1, ws0, ws1] = [0, 1, 6, 7, 8, 9, 10, 11, 12, 13];
  const xs = [2, 3, 4, 5];
  const acc = [14, 15, 16, 17, 18, 19, 20, 21];
  const sc = [22, 23, 24, 25, 26, 27, 28, 29];
  const [xt, xsc] = [30, 31];
  const vector = (off: number) => [
    ...op.get(w0), ...op.v128Load(off), ...op.set(wv0),
    ...op.get(w1), ...op.v128Load(off), ...op.set(wv1),
    ...xs.flatMap((x, k) => [
      ...op.get(x), ...op.v128Load(off), ...op.set(xt),
      ...op.get(acc[k]!), ...op.get(wv0), ...op.get(xt), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(acc[k]!),
      ...op.get(acc[4 + k]!), ...op.get(wv1), ...op.get(xt), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(acc[4 + k]!),
    ]),
  ];
  const scalar = [
    ...op.get(w0), ...op.f64Load(0), ...op.set(ws0),
    ...op.get(w1), ...op.f64Load(0), ...op.set(ws1),
    ...xs.flatMap((x, k) => [
      ...op.get(x), ...op.f64Load(0), ...op.set(xsc),
      ...op.get(sc[k]!), ...op.get(ws0), ...op.get(xsc), ...op.f64Mul, ...op.f64Add, ...op.set(sc[k]!),
      ...op.get(sc[4 + k]!), ...op.get(ws1), ...op.get(xsc), ...op.f64Mul, ...op.f64Add, ...op.set(sc[4 + k]!),
    ]),
  ];
  const store = acc.flatMap((a, j) => [
    ...op.get(j < 4 ? out0 : out1), ...op.get(a), ...op.f64x2Lane(0), ...op.get(a), ...op.f64x2Lane(1), ...op.f64Add, ...op.get(sc[j]!), ...op.f64Add, ...op.f64Store(8 * (j % 4)),
  ]);
  const body = [...toBytes([w0, w1, ...xs, out0, out1]), ...stream([w0, w1, ...xs], n, end, vector(0), scalar, 2), ...store];
  const locals = [I32, V128, V128, F64, F64, ...Array<number>(8).fill(V128), ...Array<number>(8).fill(F64), V128, F64];
  return { name: "dot2x4", params: [I32, I32, I32, I32, I32, I32, I32, I32, I32], results: [], locals, body };
}

/** The module's exports: the kernels as {@link VectorKernels} declares them (offsets in elements). */
type KernelExports = Pick<
  VectorKernels,
  | "dot" | "dot3" | "weightedSquares" | "subtractScaledWeighted" | "updateDot" | "addScaled" | "centerSquares" | "divide"
  | "multiply" | "dot4" | "cdPass" | "gramRow" | "gramRow2" | "dots" | "applySteps" | "addColumns"
>;

let compiled: WebAssembly.Module | null | undefined;

/** The compiled kernel module, or null when this runtime has no WebAssembly SIMD. Compiled once. */
function kernelModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const functions: WasmFunction[] = [
      reduction("dot", 2),
      reduction("dot3", 3),
      // weightedSquares(a, w, n): Σ a · w · a
      reduction("weightedSquares", 2, 0),
      subtractScaledWeightedFn(),
      updateDotFn(),
      addScaledFn(),
      centerSquaresFn(),
      divideFn(),
      multiplyFn(),
      dot4Fn(),
      dot2x4Fn(),
    ];
    const index = (name: string): number => {
      const i = functions.findIndex((f) => f.name === name);
      if (i < 0) throw new Error(`no kernel ${name}`);
      return i;
    };
    functions.push(cdPassFn(index), gramRowFn(index), gramRow2Fn(index), dotsFn(index), applyStepsFn(index), addColumnsFn(index));
    const bytes = assembleModule(functions);
    compiled = typeof WebAssembly !== "undefined" && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

const PAGE = 65536;

/** Heaps up to this size are kept for reuse after release; larger ones are left to the garbage collector. */
const REUSE_LIMIT_BYTES = 64 * 2 ** 20;

interface Instance {
  readonly memory: WebAssembly.Memory;
  readonly ex: KernelExports;
  busy: boolean;
}

/** The instance kept for reuse (one: fits run one at a time on a thread; a nested lease gets a fresh one). */
let spare: Instance | null = null;

function newInstance(module: WebAssembly.Module, bytes: number): Instance | null {
  try {
    const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
    const ex = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
    return { memory, ex, busy: true };
  } catch {
    return null; // too large for a 32-bit memory: use plain arrays
  }
}

function wasmKernels(nDoubles: number, reuse: boolean): VectorKernels | null {
  const module = kernelModule();
  if (!module) return null;
  const bytes = nDoubles * 8;
  let inst: Instance | null = null;
  if (reuse && bytes <= REUSE_LIMIT_BYTES) {
    if (spare && !spare.busy) {
      inst = spare;
      inst.busy = true;
      const grow = Math.ceil((bytes - inst.memory.buffer.byteLength) / PAGE);
      if (grow > 0) inst.memory.grow(grow);
      new Float64Array(inst.memory.buffer, 0, nDoubles).fill(0);
    } else if (!spare) {
      inst = spare = newInstance(module, bytes);
    }
  }
  inst ??= newInstance(module, bytes);
  if (!inst) return null;
  const { memory, ex } = inst;
  const owner = inst;
  const heap = new Float64Array(memory.buffer, 0, nDoubles);
  const ints = new Int32Array(memory.buffer, 0, 2 * nDoubles);
  // The exports take element offsets (the module multiplies by 8), so they are used directly.
  return {
    heap,
    ints,
    release() {
      owner.busy = false;
    },
    simd: true,
    dot: ex.dot,
    dot3: ex.dot3,
    weightedSquares: ex.weightedSquares,
    subtractScaledWeighted: ex.subtractScaledWeighted,
    updateDot: ex.updateDot,
    addScaled: ex.addScaled,
    centerSquares: ex.centerSquares,
    divide: ex.divide,
    multiply: ex.multiply,
    dot4: ex.dot4,
    cdPass: ex.cdPass,
    gramRow: ex.gramRow,
    gramRow2: ex.gramRow2,
    dots: ex.dots,
    applySteps: ex.applySteps,
    addColumns: ex.addColumns,
  };
}

function jsKernels(nDoubles: number): VectorKernels {
  const h = new Float64Array(nDoubles);
  const dot = (a: number, b: number, n: number): number => {
    let s0 = 0;
    let s1 = 0;
    let i = 0;
    for (; i + 1 < n; i += 2) {
      s0 += h[a + i]! * h[b + i]!;
      s1 += h[a + i + 1]! * h[b + i + 1]!;
    }
    if (i < n) s0 += h[a + i]! * h[b + i]!;
    return s0 + s1;
  };
  const hi = new Int32Array(h.buffer);
  const K: Omit<VectorKernels, keyof BatchKernels> = {
    heap: h,
    release() {},
    ints: hi,
    simd: false,
    dot,
    dot3(a, b, c, n) {
      let s = 0;
      for (let i = 0; i < n; i++) s += h[a + i]! * h[b + i]! * h[c + i]!;
      return s;
    },
    weightedSquares(a, w, n) {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const x = h[a + i]!;
        s += x * h[w + i]! * x;
      }
      return s;
    },
    subtractScaledWeighted(r, d, v, a, n) {
      for (let i = 0; i < n; i++) h[r + i] = h[r + i]! - d * h[v + i]! * h[a + i]!;
    },
    updateDot(r, d, v, a, x, n) {
      for (let i = 0; i < n; i++) h[r + i] = h[r + i]! - d * h[v + i]! * h[a + i]!;
      return dot(x, r, n);
    },
    addScaled(y, d, a, n) {
      for (let i = 0; i < n; i++) h[y + i] = h[y + i]! + d * h[a + i]!;
    },
    centerSquares(a, m, w, n) {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const t = h[a + i]! - m;
        h[a + i] = t;
        s += t * h[w + i]! * t;
      }
      return s;
    },
    divide(a, s, n) {
      for (let i = 0; i < n; i++) h[a + i] = h[a + i]! / s;
    },
    multiply(d, a, b, n) {
      for (let i = 0; i < n; i++) h[d + i] = h[a + i]! * h[b + i]!;
    },
    dot4(w, x0, x1, x2, x3, n, out) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < n; i++) {
        const wi = h[w + i]!;
        s0 += wi * h[x0 + i]!;
        s1 += wi * h[x1 + i]!;
        s2 += wi * h[x2 + i]!;
        s3 += wi * h[x3 + i]!;
      }
      h[out] = s0;
      h[out + 1] = s1;
      h[out + 2] = s2;
      h[out + 3] = s3;
    },
    cdPass: (list, count, n, r, v, b, xv, stamp, step, thr, dn, mm, active, ctrl) =>
      cdPassJs(K, h, hi, list, count, n, r, v, b, xv, stamp, step, thr, dn, mm, active, ctrl),
  };
  return { ...K, ...batchJs(K, h, hi) };
}

/**
 * Kernels over a fresh zeroed heap of `nDoubles` doubles: WebAssembly SIMD when
 * available (`prefer: "simd"`, the default), else plain JavaScript. O(nDoubles)
 * memory.
 */
export function createKernels(nDoubles: number, prefer: "simd" | "js" = "simd"): VectorKernels {
  return (prefer === "simd" ? wasmKernels(nDoubles, false) : null) ?? jsKernels(nDoubles);
}

/**
 * Like {@link createKernels}, but reuses the heap and WebAssembly instance a
 * previous lease released (grown if needed, zeroed) instead of creating new
 * ones: no allocation per fit, and the same exported functions at every call
 * site across fits, so the engine keeps its JavaScript → WebAssembly calls
 * inlined. Call `release()` when done. O(nDoubles).
 */
export function leaseKernels(nDoubles: number, prefer: "simd" | "js" = "simd"): VectorKernels {
  return (prefer === "simd" ? wasmKernels(nDoubles, true) : null) ?? jsKernels(nDoubles);
}

/** True when this runtime runs the kernels as WebAssembly SIMD. */
export function simdAvailable(): boolean {
  return kernelModule() !== null;
}
