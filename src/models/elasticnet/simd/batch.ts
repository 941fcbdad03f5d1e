import { F64, I32, type WasmFunction, op } from "./assemble.js";

/**
 * Loops over a coordinate list that call the module's own kernels, so that
 * the solver crosses from JavaScript to WebAssembly once per loop rather than
 * once per coordinate (each crossing costs about as much as a short kernel,
 * and returns a boxed double). Lists are Int32 indices into the heap, vectors
 * element offsets, column k of x at k n. Each is the same sequence of kernel
 * calls as the JavaScript loop it replaces, hence bit-identical.
 */
export interface BatchKernels {
  /**
   * Row a of the weighted Gram matrix below the diagonal: w = v ∘ x_a (into
   * `w`), out[c] = Σ w x_c for c < a (`dot4` by fours, then `dot`), and
   * out[a] = Σ x_a v; `list` holds the active columns.
   */
  gramRow(a: number, list: number, n: number, v: number, w: number, out: number): void;
  /**
   * Rows a and a + 1 at once (`gramRow` twice, into w0/out0 and w1/out1, with
   * each column loaded once for both rows where both need it; bit-identical).
   */
  gramRow2(a: number, list: number, n: number, v: number, w0: number, w1: number, out0: number, out1: number): void;
  /** out[t] = Σ x_{list[t]} y for t < count. */
  dots(list: number, count: number, n: number, y: number, out: number): void;
  /** r −= d_t v x_{list[t]} for each t < count with d_t = heap[d + t] ≠ 0. */
  applySteps(list: number, count: number, n: number, r: number, v: number, d: number): void;
  /** η += b_k x_k for each k = list[t], t < count, with b_k = heap[b + k] ≠ 0. */
  addColumns(list: number, count: number, n: number, eta: number, b: number): void;
}

type Index = (name: string) => number;

const call = (fn: Index, name: string): number[] => [0x10, fn(name)];
const i32Load = [0x28, 2, 0];
/** heap_i32[list + t] (t a local), times n (a local): the element offset of that column. */
const column = (list: number, t: number, n: number, plus = 0): number[] => [
  ...op.get(list), ...op.get(t), ...op.i32Add, ...(plus ? [...op.i32(plus), ...op.i32Add] : []), ...op.i32(2), ...op.i32Shl, ...i32Load, ...op.get(n), ...op.i32Mul,
];
/** for (t = 0; t < count; t++) body — `t` and `count` locals. */
const forEach = (t: number, count: number, body: readonly number[]): number[] => [
  ...op.i32(0), ...op.set(t),
  ...op.block,
  ...op.get(t), ...op.get(count), ...op.i32GeS, ...op.brIf(0),
  ...op.loop,
  ...body,
  ...op.get(t), ...op.i32(1), ...op.i32Add, ...op.tee(t), ...op.get(count), ...op.i32LtS, ...op.brIf(0),
  ...op.end,
  ...op.end,
];
const dAddr = (base: number, index: number): number[] => [...op.get(base), ...op.get(index), ...op.i32Add, ...op.i32(3), ...op.i32Shl];

/** params (a, list, n, v, w, out). */
export function gramRowFn(fn: Index): WasmFunction {
  const [a, list, n, v, w, out, c, offA, end4] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const body = [
    ...column(list, a, n), ...op.set(offA),
    ...op.get(w), ...op.get(v), ...op.get(offA), ...op.get(n), ...call(fn, "multiply"),
    ...op.i32(0), ...op.set(c),
    ...op.get(a), ...op.i32(-4), ...op.i32And, ...op.set(end4),
    ...op.block,
    ...op.get(c), ...op.get(end4), ...op.i32GeS, ...op.brIf(0),
    ...op.loop,
    ...op.get(w), ...column(list, c, n), ...column(list, c, n, 1), ...column(list, c, n, 2), ...column(list, c, n, 3),
    ...op.get(n), ...op.get(out), ...op.get(c), ...op.i32Add, ...call(fn, "dot4"),
    ...op.get(c), ...op.i32(4), ...op.i32Add, ...op.tee(c), ...op.get(end4), ...op.i32LtS, ...op.brIf(0),
    ...op.end,
    ...op.end,
    ...op.block,
    ...op.get(c), ...op.get(a), ...op.i32GeS, ...op.brIf(0),
    ...op.loop,
    ...dAddr(out, c), ...op.get(w), ...column(list, c, n), ...op.get(n), ...call(fn, "dot"), ...op.f64Store(0),
    ...op.get(c), ...op.i32(1), ...op.i32Add, ...op.tee(c), ...op.get(a), ...op.i32LtS, ...op.brIf(0),
    ...op.end,
    ...op.end,
    ...dAddr(out, a), ...op.get(offA), ...op.get(v), ...op.get(n), ...call(fn, "dot"), ...op.f64Store(0),
  ];
  return { name: "gramRow", params: [I32, I32, I32, I32, I32, I32], results: [], locals: [I32, I32, I32], body };
}

/** params (a, list, n, v, w0, w1, out0, out1). */
export function gramRow2Fn(fn: Index): WasmFunction {
  const [a, list, n, v, w0, w1, out0, out1, c, offA, offB, e, e1] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const whileLess = (limit: number, step: number, body: readonly number[]) => [
    ...op.block,
    ...op.get(c), ...op.get(limit), ...op.i32GeS, ...op.brIf(0),
    ...op.loop,
    ...body,
    ...op.get(c), ...op.i32(step), ...op.i32Add, ...op.tee(c), ...op.get(limit), ...op.i32LtS, ...op.brIf(0),
    ...op.end,
    ...op.end,
  ];
  const cols4 = [...column(list, c, n), ...column(list, c, n, 1), ...column(list, c, n, 2), ...column(list, c, n, 3)];
  const body = [
    ...column(list, a, n), ...op.set(offA),
    ...column(list, a, n, 1), ...op.set(offB),
    ...op.get(w0), ...op.get(v), ...op.get(offA), ...op.get(n), ...call(fn, "multiply"),
    ...op.get(w1), ...op.get(v), ...op.get(offB), ...op.get(n), ...call(fn, "multiply"),
    ...op.get(a), ...op.i32(-4), ...op.i32And, ...op.set(e),
    ...op.get(a), ...op.i32(1), ...op.i32Add, ...op.i32(-4), ...op.i32And, ...op.set(e1),
    // blocks both rows need
    ...op.i32(0), ...op.set(c),
    ...whileLess(e, 4, [...op.get(w0), ...op.get(w1), ...cols4, ...op.get(n), ...op.get(out0), ...op.get(c), ...op.i32Add, ...op.get(out1), ...op.get(c), ...op.i32Add, ...call(fn, "dot2x4")]),
    // row a: the rest one by one, then s_a
    ...op.get(e), ...op.set(c),
    ...whileLess(a, 1, [...dAddr(out0, c), ...op.get(w0), ...column(list, c, n), ...op.get(n), ...call(fn, "dot"), ...op.f64Store(0)]),
    ...dAddr(out0, a), ...op.get(offA), ...op.get(v), ...op.get(n), ...call(fn, "dot"), ...op.f64Store(0),
    // row a + 1: a last block of four if it has one more, the rest one by one, then s_{a+1}
    ...op.get(e), ...op.set(c),
    ...whileLess(e1, 4, [...op.get(w1), ...cols4, ...op.get(n), ...op.get(out1), ...op.get(c), ...op.i32Add, ...call(fn, "dot4")]),
    ...op.get(a), ...op.i32(1), ...op.i32Add, ...op.set(offA), // offA now holds a + 1
    ...whileLess(offA, 1, [...dAddr(out1, c), ...op.get(w1), ...column(list, c, n), ...op.get(n), ...call(fn, "dot"), ...op.f64Store(0)]),
    ...dAddr(out1, offA), ...op.get(offB), ...op.get(v), ...op.get(n), ...call(fn, "dot"), ...op.f64Store(0),
  ];
  return { name: "gramRow2", params: [I32, I32, I32, I32, I32, I32, I32, I32], results: [], locals: [I32, I32, I32, I32, I32], body };
}

/** params (list, count, n, y, out). */
export function dotsFn(fn: Index): WasmFunction {
  const [list, count, n, y, out, t] = [0, 1, 2, 3, 4, 5];
  const body = forEach(t, count, [...dAddr(out, t), ...column(list, t, n), ...op.get(y), ...op.get(n), ...call(fn, "dot"), ...op.f64Store(0)]);
  return { name: "dots", params: [I32, I32, I32, I32, I32], results: [], locals: [I32], body };
}

/** params (list, count, n, r, v, d). */
export function applyStepsFn(fn: Index): WasmFunction {
  const [list, count, n, r, v, d, t, dt] = [0, 1, 2, 3, 4, 5, 6, 7];
  const body = forEach(t, count, [
    ...dAddr(d, t), ...op.f64Load(0), ...op.tee(dt), ...op.f64Const(0), ...op.f64Ne,
    ...op.if,
    ...op.get(r), ...op.get(dt), ...op.get(v), ...column(list, t, n), ...op.get(n), ...call(fn, "subtractScaledWeighted"),
    ...op.end,
  ]);
  return { name: "applySteps", params: [I32, I32, I32, I32, I32, I32], results: [], locals: [I32, F64], body };
}

/** params (list, count, n, eta, b). */
export function addColumnsFn(fn: Index): WasmFunction {
  const [list, count, n, eta, b, t, k, bk] = [0, 1, 2, 3, 4, 5, 6, 7];
  const body = forEach(t, count, [
    ...op.get(list), ...op.get(t), ...op.i32Add, ...op.i32(2), ...op.i32Shl, ...i32Load, ...op.set(k),
    ...dAddr(b, k), ...op.f64Load(0), ...op.tee(bk), ...op.f64Const(0), ...op.f64Ne,
    ...op.if,
    ...op.get(eta), ...op.get(bk), ...op.get(k), ...op.get(n), ...op.i32Mul, ...op.get(n), ...call(fn, "addScaled"),
    ...op.end,
  ]);
  return { name: "addColumns", params: [I32, I32, I32, I32, I32], results: [], locals: [I32, I32, F64], body };
}

/** The JavaScript versions, on kernels `K` with Int32 view `hi` and heap `h`. */
export function batchJs(
  K: {
    dot(a: number, b: number, n: number): number;
    dot4(w: number, x0: number, x1: number, x2: number, x3: number, n: number, out: number): void;
    multiply(d: number, a: number, b: number, n: number): void;
    subtractScaledWeighted(r: number, d: number, v: number, a: number, n: number): void;
    addScaled(y: number, d: number, a: number, n: number): void;
  },
  h: Float64Array,
  hi: Int32Array,
): BatchKernels {
  const gramRow = (a: number, list: number, n: number, v: number, w: number, out: number): void => {
    const offA = hi[list + a]! * n;
    K.multiply(w, v, offA, n);
    let c = 0;
    for (; c + 4 <= a; c += 4) K.dot4(w, hi[list + c]! * n, hi[list + c + 1]! * n, hi[list + c + 2]! * n, hi[list + c + 3]! * n, n, out + c);
    for (; c < a; c++) h[out + c] = K.dot(w, hi[list + c]! * n, n);
    h[out + a] = K.dot(offA, v, n);
  };
  return {
    gramRow,
    gramRow2(a, list, n, v, w0, w1, out0, out1) {
      gramRow(a, list, n, v, w0, out0);
      gramRow(a + 1, list, n, v, w1, out1);
    },
    dots(list, count, n, y, out) {
      for (let t = 0; t < count; t++) h[out + t] = K.dot(hi[list + t]! * n, y, n);
    },
    applySteps(list, count, n, r, v, d) {
      for (let t = 0; t < count; t++) {
        const dt = h[d + t]!;
        if (dt !== 0) K.subtractScaledWeighted(r, dt, v, hi[list + t]! * n, n);
      }
    },
    addColumns(list, count, n, eta, b) {
      for (let t = 0; t < count; t++) {
        const k = hi[list + t]!;
        const bk = h[b + k]!;
        if (bk !== 0) K.addScaled(eta, bk, k * n, n);
      }
    },
  };
}
