import { F64, I32, type WasmFunction, op } from "./assemble.js";

/**
 * One naive coordinate-descent pass (glmnet's inner loop with explicit
 * residuals) over a list of coordinates, as ONE kernel call. Arguments are
 * offsets into the kernel heap: doubles by element (`n`-vectors r and v at
 * `r`, `v`; column k of x at k n; per-feature arrays b, xv, stamp, thr = λ α
 * vp, dn = λ (1 − α) vp at `b`, `xv`, `stamp`, `thr`, `dn`), integers by
 * Int32 index (`list` of `count` coordinates; `mm` position + 1 in the active
 * set or 0; `active` set; `ctrl` = [nin, nx, status]).
 *
 * For each coordinate k: g = x_kᵀ r, the soft-threshold step b_k ←
 * S(g + b_k xv_k, thr_k) / (xv_k + dn_k) (xv_k = Σ v x_k², computed only when
 * needed and only once per IRLS step, `stamp[k] = step`); a coordinate that
 * moves joins the active set if new (status 1 and return when nin would exceed
 * nx, glmnet's pmax) and its residual update r −= Δ v x_k is fused with the
 * next coordinate's inner product. Returns max xv Δb². The WebAssembly
 * version calls the module's own `dot`, `weightedSquares`, `updateDot` and
 * `subtractScaledWeighted`, so it is bit-identical to this sequence of kernel
 * calls made from JavaScript ({@link cdPassJs}).
 */
export interface CdPassKernels {
  dot(a: number, b: number, n: number): number;
  weightedSquares(a: number, w: number, n: number): number;
  updateDot(r: number, d: number, v: number, a: number, x: number, n: number): number;
  subtractScaledWeighted(r: number, d: number, v: number, a: number, n: number): void;
}

/** The JavaScript version (same calls, same order). */
export function cdPassJs(
  K: CdPassKernels, h: Float64Array, hi: Int32Array,
  list: number, count: number, n: number, r: number, v: number, b: number, xv: number, stamp: number, step: number,
  thr: number, dn: number, mm: number, active: number, ctrl: number,
): number {
  let dlx = 0;
  let pending = -1;
  let pendingG = 0;
  const xvOf = (k: number): number => {
    if (h[stamp + k] !== step) {
      h[xv + k] = K.weightedSquares(k * n, v, n);
      h[stamp + k] = step;
    }
    return h[xv + k]!;
  };
  for (let t = 0; t < count; t++) {
    const k = hi[list + t]!;
    const off = k * n;
    const bk = h[b + k]!;
    const gk = pending === k ? pendingG : K.dot(off, r, n);
    let nb = 0;
    if (bk !== 0) {
      const xvk = xvOf(k);
      const u = gk + bk * xvk;
      const au = Math.abs(u) - h[thr + k]!;
      if (au > 0) nb = (u < 0 ? -au : au) / (xvk + h[dn + k]!);
    } else {
      const au = Math.abs(gk) - h[thr + k]!;
      if (au > 0) nb = (gk < 0 ? -au : au) / (xvOf(k) + h[dn + k]!);
    }
    if (nb === bk) continue;
    h[b + k] = nb;
    if (hi[mm + k] === 0) {
      const nin = hi[ctrl]! + 1;
      hi[ctrl] = nin;
      if (nin > hi[ctrl + 1]!) {
        hi[ctrl + 2] = 1;
        return dlx;
      }
      hi[mm + k] = nin;
      hi[active + nin - 1] = k;
    }
    const d = nb - bk;
    const change = h[xv + k]! * d * d;
    if (change > dlx) dlx = change;
    if (t + 1 < count) {
      pending = hi[list + t + 1]!;
      pendingG = K.updateDot(r, d, v, off, pending * n, n);
    } else {
      K.subtractScaledWeighted(r, d, v, off, n);
    }
  }
  return dlx;
}

/**
 * The WebAssembly version: params (list, count, n, r, v, b, xv, stamp, step,
 * thr, dn, mm, active, ctrl) → f64; `fn(name)` gives the index of a kernel of
 * the same module.
 */
export function cdPassFn(fn: (name: string) => number): WasmFunction {
  const [list, count, n, r, v, b, xv, stamp, step, thr, dn, mm, active, ctrl] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  const [t, k, off, kB, pending, nin] = [14, 15, 16, 17, 18, 19];
  const [dlx, pendingG, bk, gk, xvk, u, au, nb, d, change] = [20, 21, 22, 23, 24, 25, 26, 27, 28, 29];
  const locals = [...Array<number>(6).fill(I32), ...Array<number>(10).fill(F64)];
  const call = (name: string) => [0x10, fn(name)];
  const i32Load = (offset: number) => [0x28, 2, offset];
  const i32Store = (offset: number) => [0x36, 2, offset];
  // byte address of a double array entry k: base · 8 + kB; of an int entry: base · 4 + k · 4
  const dAt = (base: number) => [...op.get(base), ...op.i32(3), ...op.i32Shl, ...op.get(kB), ...op.i32Add];
  const iAt = (base: number, index: readonly number[]) => [...op.get(base), ...index, ...op.i32Add, ...op.i32(2), ...op.i32Shl];
  const ctrlAt = [...op.get(ctrl), ...op.i32(2), ...op.i32Shl];
  // xv of k, computed if its stamp is not `step`; leaves it on the stack
  const xvOf = [
    ...dAt(stamp), ...op.f64Load(0), ...op.get(step), ...op.f64Ne,
    ...op.if,
    ...dAt(xv), ...op.get(off), ...op.get(v), ...op.get(n), ...call("weightedSquares"), ...op.f64Store(0),
    ...dAt(stamp), ...op.get(step), ...op.f64Store(0),
    ...op.end,
    ...dAt(xv), ...op.f64Load(0),
  ];
  // nb = au > 0 ? (s < 0 ? −au : au) / (den) : 0, den pushed by `den`
  const step1 = (s: number, den: readonly number[]) => [
    ...op.get(au), ...op.f64Const(0), ...op.f64Gt,
    ...op.ifF64,
    ...op.get(au), ...op.f64Neg, ...op.get(au), ...op.get(s), ...op.f64Const(0), ...op.f64Lt, ...op.select, ...den, ...op.f64Div,
    ...op.else,
    ...op.f64Const(0),
    ...op.end,
    ...op.set(nb),
  ];
  const coordinate = [
    ...iAt(list, op.get(t)), ...i32Load(0), ...op.set(k),
    ...op.get(k), ...op.get(n), ...op.i32Mul, ...op.set(off),
    ...op.get(k), ...op.i32(3), ...op.i32Shl, ...op.set(kB),
    ...dAt(b), ...op.f64Load(0), ...op.set(bk),
    // gradient: the fused value from the previous update, or x_kᵀ r
    ...op.get(pending), ...op.get(k), ...[0x46], // i32.eq
    ...op.ifF64, ...op.get(pendingG), ...op.else, ...op.get(off), ...op.get(r), ...op.get(n), ...call("dot"), ...op.end,
    ...op.set(gk),
    ...op.get(bk), ...op.f64Const(0), ...op.f64Ne,
    ...op.if,
    ...xvOf, ...op.set(xvk),
    ...op.get(gk), ...op.get(bk), ...op.get(xvk), ...op.f64Mul, ...op.f64Add, ...op.set(u),
    ...op.get(u), ...op.f64Abs, ...dAt(thr), ...op.f64Load(0), ...op.f64Sub, ...op.set(au),
    ...step1(u, [...op.get(xvk), ...dAt(dn), ...op.f64Load(0), ...op.f64Add]),
    ...op.else,
    ...op.get(gk), ...op.f64Abs, ...dAt(thr), ...op.f64Load(0), ...op.f64Sub, ...op.set(au),
    ...step1(gk, [...xvOf, ...dAt(dn), ...op.f64Load(0), ...op.f64Add]),
    ...op.end,
    ...op.get(nb), ...op.get(bk), ...op.f64Ne,
    ...op.if,
    ...dAt(b), ...op.get(nb), ...op.f64Store(0),
    // a new active variable
    ...iAt(mm, op.get(k)), ...i32Load(0), ...[0x45], // i32.eqz
    ...op.if,
    ...ctrlAt, ...i32Load(0), ...op.i32(1), ...op.i32Add, ...op.set(nin),
    ...ctrlAt, ...op.get(nin), ...i32Store(0),
    ...op.get(nin), ...ctrlAt, ...i32Load(4), ...[0x4a], // i32.gt_s
    ...op.if, ...ctrlAt, ...op.i32(1), ...i32Store(8), ...op.get(dlx), ...op.return, ...op.end,
    ...iAt(mm, op.get(k)), ...op.get(nin), ...i32Store(0),
    ...iAt(active, [...op.get(nin), ...op.i32(1), ...op.i32Sub]), ...op.get(k), ...i32Store(0),
    ...op.end,
    ...op.get(nb), ...op.get(bk), ...op.f64Sub, ...op.set(d),
    ...dAt(xv), ...op.f64Load(0), ...op.get(d), ...op.f64Mul, ...op.get(d), ...op.f64Mul, ...op.set(change),
    ...op.get(change), ...op.get(dlx), ...op.f64Gt, ...op.if, ...op.get(change), ...op.set(dlx), ...op.end,
    ...op.get(t), ...op.i32(1), ...op.i32Add, ...op.get(count), ...op.i32LtS,
    ...op.if,
    ...iAt(list, [...op.get(t), ...op.i32(1), ...op.i32Add]), ...i32Load(0), ...op.set(pending),
    ...op.get(r), ...op.get(d), ...op.get(v), ...op.get(off), ...op.get(pending), ...op.get(n), ...op.i32Mul, ...op.get(n), ...call("updateDot"), ...op.set(pendingG),
    ...op.else,
    ...op.get(r), ...op.get(d), ...op.get(v), ...op.get(off), ...op.get(n), ...call("subtractScaledWeighted"),
    ...op.end,
    ...op.end,
  ];
  const body = [
    ...op.i32(-1), ...op.set(pending),
    ...op.block,
    ...op.get(t), ...op.get(count), ...op.i32GeS, ...op.brIf(0),
    ...op.loop,
    ...coordinate,
    ...op.get(t), ...op.i32(1), ...op.i32Add, ...op.tee(t), ...op.get(count), ...op.i32LtS, ...op.brIf(0),
    ...op.end,
    ...op.end,
    ...op.get(dlx),
  ];
  return { name: "cdPass", params: [I32, I32, I32, I32, I32, I32, I32, I32, F64, I32, I32, I32, I32, I32], results: [F64], locals, body };
}
