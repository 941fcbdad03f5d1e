import { F64, I32, V128, type WasmFunction, op, sleb, uleb } from "../../elasticnet/simd/assemble.js";
import { EXP } from "./exp.js";

/**
 * WebAssembly SIMD function bodies of radval's SVM solver (see `kernels.ts`
 * for what each computes). Each SIMD lane performs exactly the scalar
 * operations of the plain-JavaScript fallback in the same order, so both give
 * bit-identical results. Encodings: WebAssembly Core Specification 2.0, §5.4.
 */

/**
 * Rows per panel of the packed training matrix: PANEL / 2 f64x2 accumulators
 * in `panelDots`. 14 (7 accumulators) measured fastest in V8 on x64: ~25%
 * faster than 16, whose 8 accumulators plus temporaries exceed the registers.
 */
export const PANEL = 14;

const simd = (code: number): number[] => [0xfd, ...uleb(code)];
const mem = (offset: number, align = 3): number[] => [align, ...uleb(offset)];
const bytesOf = (values: Float64Array | BigInt64Array): number[] => Array.from(new Uint8Array(values.buffer));

/** Opcodes beyond the shared assembler's `op`. */
export const ox = {
  load64Splat: (offset: number): number[] => [...simd(0x0a), ...mem(offset)],
  load64Zero: (offset: number): number[] => [...simd(0x5d), ...mem(offset)],
  store64Lane0: (offset: number): number[] => [...simd(0x5b), ...mem(offset), 0],
  promoteLow: simd(0x5f),
  demoteZero: simd(0x5e),
  f64x2: (a: number, b: number): number[] => [...simd(0x0c), ...bytesOf(Float64Array.of(a, b))],
  i64x2: (a: bigint, b: bigint): number[] => [...simd(0x0c), ...bytesOf(BigInt64Array.of(a, b))],
  f64x2Eq: simd(0x47),
  f64x2Lt: simd(0x49),
  f64x2Gt: simd(0x4a),
  f64x2Le: simd(0x4b),
  f64x2Ge: simd(0x4c),
  v128And: simd(0x4e),
  v128Or: simd(0x50),
  i64x2Bitmask: simd(0xc4),
  i32Eqz: [0x45],
  drop: [0x1a],
  blockI32: [0x02, 0x7f],
  br: (depth: number): number[] => [0x0c, ...uleb(depth)],
  bitselect: simd(0x52),
  f64x2Neg: simd(0xed),
  f64x2Pmax: simd(0xf7),
  i64x2Lane: (lane: number): number[] => [...simd(0x1d), lane],
  i64x2Add: simd(0xce),
  i64x2Shl: simd(0xcb),
  f32Load: (offset: number): number[] => [0x2a, 2, ...uleb(offset)],
  f64PromoteF32: [0xbb],
  f64Gt: [0x64],
  f64Eq: [0x61],
  f64Lt: [0x63],
  f64Max: [0xa5],
  i64GtS: [0x55],
  i32Or: [0x72],
  i32WrapI64: [0xa7],
  i32GtS: [0x4a],
  i32LeS: [0x4c],
  select: [0x1b],
  ifVoid: [0x04, 0x40],
  i32Const: (v: number): number[] => [0x41, ...sleb(v)],
} as const;

const add = (local: number, bytes: number): number[] => [...op.get(local), ...op.i32(bytes), ...op.i32Add, ...op.set(local)];
const v = (local: number, offset = 0): number[] => [...op.get(local), ...op.v128Load(offset)];

/** Byte offset of a pointer's data for the u-th pair of an unrolled block. */
type PairOffset = (local: number) => number;

/**
 * A loop over `n` elements two at a time (`step` handles lanes k, k+1, at
 * `offset(pointer)` bytes past each pointer; the pointers advance by their
 * byte strides per pair), `unroll` pairs per iteration while enough remain,
 * then single pairs; then, when n is odd, one more `step(true)` on the last
 * element, which must exclude lane 1 itself. `counter` counts pairs down.
 * With `tail` false the loop runs ⌈n/2⌉ full pairs instead. Steps run in
 * element order whatever the unrolling.
 */
function pairLoop(
  n: number,
  counter: number,
  step: (masked: boolean, offset: PairOffset) => number[],
  strides: readonly (readonly [number, number])[],
  tail = true,
  unroll = 1,
): number[] {
  const stride = new Map(strides);
  const offset = (u: number): PairOffset => (local) => (stride.get(local) ?? 0) * u;
  const advance = (pairsPerStep: number) => strides.flatMap(([local, bytes]) => add(local, bytes * pairsPerStep));
  const pairs = tail ? op.get(n) : [...op.get(n), ...op.i32(1), ...op.i32Add];
  const oddStep = [...op.get(n), ...op.i32(1), ...op.i32And, ...ox.ifVoid, ...step(true, offset(0)), ...op.end];
  const blocks =
    unroll > 1
      ? [
          ...op.block,
          ...op.get(counter), ...op.i32(unroll), ...[0x48] /* i32.lt_s */, ...op.brIf(0),
          ...op.loop,
          ...Array.from({ length: unroll }, (_, u) => step(false, offset(u))).flat(),
          ...advance(unroll),
          ...op.get(counter), ...op.i32(-unroll), ...op.i32Add, ...op.tee(counter), ...op.i32(unroll), ...[0x4e] /* i32.ge_s */, ...op.brIf(0),
          ...op.end,
          ...op.end,
        ]
      : [];
  return [
    ...pairs, ...op.i32(1), ...[0x76] /* i32.shr_u */, ...op.set(counter),
    ...blocks,
    ...op.block,
    ...op.get(counter), ...op.i32(0), ...ox.i32LeS, ...op.brIf(0),
    ...op.loop,
    ...step(false, offset(0)),
    ...advance(1),
    ...op.get(counter), ...op.i32(-1), ...op.i32Add, ...op.tee(counter), ...op.i32(0), ...ox.i32GtS, ...op.brIf(0),
    ...op.end,
    ...op.end,
    ...(tail ? oddStep : []),
  ];
}

/**
 * Lane combination of an arg-extremum: `better` compares lane 1's value to
 * lane 0's (strictly); ties go to the larger index, as the sequential loop
 * with ≥ / ≤ keeps the last index. Leaves the winning index (i32) on the stack.
 */
function combine(best: number, bidx: number, a: number, b: number, better: readonly number[]): number[] {
  return [
    ...op.get(best), ...op.f64x2Lane(0), ...op.set(a),
    ...op.get(best), ...op.f64x2Lane(1), ...op.set(b),
    ...op.get(bidx), ...ox.i64x2Lane(1),
    ...op.get(bidx), ...ox.i64x2Lane(0),
    ...op.get(b), ...op.get(a), ...better,
    ...op.get(b), ...op.get(a), ...ox.f64Eq,
    ...op.get(bidx), ...ox.i64x2Lane(1), ...op.get(bidx), ...ox.i64x2Lane(0), ...ox.i64GtS,
    ...op.i32And, ...ox.i32Or,
    ...ox.select, ...ox.i32WrapI64,
  ];
}

/**
 * panelDots(x, panels, out, p, count) (see SvmKernels.panelDots), or with
 * `squaredDistance` panelSqDist: each lane sums (x[t] − row[t])² instead.
 */
export function panelDotsFn(squaredDistance = false): WasmFunction {
  const [xp, pan, out, p, count, xc, xend, s] = [0, 1, 2, 3, 4, 5, 6, 7];
  const acc = Array.from({ length: PANEL / 2 }, (_, k) => 8 + k);
  const d = 8 + PANEL / 2;
  const term = (k: number): number[] =>
    squaredDistance
      ? [...op.get(s), ...op.get(pan), ...op.v128Load(16 * k), ...op.f64x2Sub, ...op.tee(d), ...op.get(d), ...op.f64x2Mul]
      : [...op.get(s), ...op.get(pan), ...op.v128Load(16 * k), ...op.f64x2Mul];
  const body = [
    ...op.block,
    ...op.get(count), ...op.i32(0), ...[0x4c] /* i32.le_s */, ...op.brIf(0),
    ...op.get(xp), ...op.get(p), ...op.i32(3), ...op.i32Shl, ...op.i32Add, ...op.set(xend),
    ...op.loop,
    ...acc.flatMap((a) => [...ox.f64x2(0, 0), ...op.set(a)]),
    ...op.get(xp), ...op.set(xc),
    ...op.block, // p = 0: the sums stay 0
    ...op.get(xc), ...op.get(xend), ...op.i32GeU, ...op.brIf(0),
    ...op.loop,
    ...op.get(xc), ...ox.load64Splat(0), ...op.set(s),
    ...acc.flatMap((a, k) => [...op.get(a), ...term(k), ...op.f64x2Add, ...op.set(a)]),
    ...op.get(pan), ...op.i32(8 * PANEL), ...op.i32Add, ...op.set(pan),
    ...op.get(xc), ...op.i32(8), ...op.i32Add, ...op.tee(xc), ...op.get(xend), ...op.i32LtU, ...op.brIf(0),
    ...op.end,
    ...op.end,
    ...acc.flatMap((a, k) => [...op.get(out), ...op.get(a), ...op.v128Store(16 * k)]),
    ...op.get(out), ...op.i32(8 * PANEL), ...op.i32Add, ...op.set(out),
    ...op.get(count), ...op.i32(-1), ...op.i32Add, ...op.tee(count), ...op.i32(0), ...[0x4a] /* i32.gt_s */, ...op.brIf(0),
    ...op.end,
    ...op.end,
  ];
  return {
    name: squaredDistance ? "panelSqDist" : "panelDots",
    params: [I32, I32, I32, I32, I32],
    results: [],
    locals: [I32, I32, V128, ...acc.map(() => V128), V128],
    body,
  };
}

/**
 * Arg-max bookkeeping of one step, with a short loop-carried chain:
 * cmp = (value ≥ best) [∧ ok] (≥ keeps the last index, as libsvm's loops;
 * NaN, the penalty of ineligible lanes, never compares); best = pmax(best,
 * value) (pmax is one `maxpd` and ignores a NaN second operand) — with `ok`,
 * pmax(best, value ∧ ok), excluded lanes offering +0, which is harmless as
 * every eligible value is ≥ 0 there; bidx takes idx where `cmp`. Then idx += 2.
 */
function argmaxStep(value: number, ok: number | null, best: number, bidx: number, idx: number, cmp: number, two: number): number[] {
  const masked = (local: number): number[] => (ok === null ? op.get(local) : [...op.get(local), ...op.get(ok), ...ox.v128And]);
  return [
    ...op.get(value), ...op.get(best), ...ox.f64x2Ge, ...(ok === null ? [] : [...op.get(ok), ...ox.v128And]), ...op.set(cmp),
    ...op.get(best), ...masked(value), ...ox.f64x2Pmax, ...op.set(best),
    ...op.get(idx), ...op.get(bidx), ...op.get(cmp), ...ox.bitselect, ...op.set(bidx),
    ...op.get(idx), ...op.get(two), ...ox.i64x2Add, ...op.set(idx),
  ];
}

/** The penalty vector at `pointer` (lane 1 made NaN for the odd last element). */
const penalty = (pointer: number, masked: boolean, oddPenalty: number, offset = 0): number[] => [...v(pointer, offset), ...(masked ? [...op.get(oddPenalty), ...op.f64x2Add] : [])];

/** selectUp(g, y, up, n) → i: see SvmKernels.selectUp. */
export function selectUpFn(): WasmFunction {
  const [g, y, up, n] = [0, 1, 2, 3];
  const [counter, best, bidx, idx, val, cmp, oddPenalty, two, a, b] = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  const step = (masked: boolean): number[] => [
    // −y_t G_t + penalty_t (0 in I_up, NaN outside)
    ...v(y), ...v(g), ...op.f64x2Mul, ...ox.f64x2Neg, ...penalty(up, masked, oddPenalty), ...op.f64x2Add, ...op.set(val),
    ...argmaxStep(val, null, best, bidx, idx, cmp, two),
  ];
  const body = [
    ...ox.f64x2(-Infinity, -Infinity), ...op.set(best),
    ...ox.f64x2(0, NaN), ...op.set(oddPenalty),
    ...ox.i64x2(2n, 2n), ...op.set(two),
    ...ox.i64x2(-1n, -1n), ...op.set(bidx),
    ...ox.i64x2(0n, 1n), ...op.set(idx),
    ...pairLoop(n, counter, step, [[g, 16], [y, 16], [up, 16]]),
    ...combine(best, bidx, a, b, ox.f64Gt),
  ];
  return { name: "selectUp", params: [I32, I32, I32, I32], results: [I32], locals: [I32, V128, V128, V128, V128, V128, V128, V128, F64, F64], body };
}

/** updateGradientSelectUp(g, qi, qj, di, dj, n, y, up) → i: see SvmKernels.updateGradientSelectUp. */
export function updateGradientSelectUpFn(unroll = 2): WasmFunction {
  const [g, qi, qj, di, dj, n, y, up] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [counter, vi, vj, gnew, best, bidx, idx, val, cmp, oddPenalty, two, a, b] = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
  const step = (masked: boolean, at: PairOffset): number[] => [
    // G + (Q_i·δ_i + Q_j·δ_j), lane by lane as the scalar update; the odd last element stores lane 0 only
    ...op.get(g), ...op.v128Load(at(g)),
    ...op.get(qi), ...ox.load64Zero(at(qi)), ...ox.promoteLow, ...op.get(vi), ...op.f64x2Mul,
    ...op.get(qj), ...ox.load64Zero(at(qj)), ...ox.promoteLow, ...op.get(vj), ...op.f64x2Mul,
    ...op.f64x2Add, ...op.f64x2Add, ...op.set(gnew),
    ...op.get(g), ...op.get(gnew), ...(masked ? ox.store64Lane0(at(g)) : op.v128Store(at(g))),
    // then selectUp on the new gradient: −y_t G_t + penalty_t
    ...v(y, at(y)), ...op.get(gnew), ...op.f64x2Mul, ...ox.f64x2Neg, ...penalty(up, masked, oddPenalty, at(up)), ...op.f64x2Add, ...op.set(val),
    ...argmaxStep(val, null, best, bidx, idx, cmp, two),
  ];
  const body = [
    ...op.get(di), ...op.f64x2Splat, ...op.set(vi),
    ...op.get(dj), ...op.f64x2Splat, ...op.set(vj),
    ...ox.f64x2(-Infinity, -Infinity), ...op.set(best),
    ...ox.f64x2(0, NaN), ...op.set(oddPenalty),
    ...ox.i64x2(2n, 2n), ...op.set(two),
    ...ox.i64x2(-1n, -1n), ...op.set(bidx),
    ...ox.i64x2(0n, 1n), ...op.set(idx),
    ...pairLoop(n, counter, step, [[g, 16], [qi, 8], [qj, 8], [y, 16], [up, 16]], true, unroll),
    ...combine(best, bidx, a, b, ox.f64Gt),
  ];
  return {
    name: "updateGradientSelectUp",
    params: [I32, I32, I32, F64, F64, I32, I32, I32],
    results: [I32],
    locals: [I32, ...new Array<number>(10).fill(V128), F64, F64],
    body,
  };
}

/**
 * selectLow(g, y, low, qd, qi, n, gmax, qdi, yi2, out, obj) → j: see
 * SvmKernels.selectLow. Pass 1 stores each candidate's b²/a (NaN when
 * excluded) in `obj` and keeps only its maximum (one `maxpd` per pair);
 * pass 2 scans `obj` backwards for the last index equal to the maximum —
 * the index libsvm's ≤ loop keeps — which is usually found early.
 */
export function selectLowFn(unroll = 1): WasmFunction {
  const [g, y, low, qd, qi, n, gmax, qdi, yi2, out, obj] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const [counter, best, gm, qdiv, yi2v, gmax2, yy, yg, gd, quad, oddPenalty, zero, tau] = Array.from({ length: 13 }, (_, k) => 11 + k);
  const [bestScalar, k, mask] = [24, 25, 26];
  const step = (masked: boolean, at: PairOffset): number[] => [
    // y_j G_j + penalty_j (0 in I_low, NaN outside); Gmax2 = its max
    ...v(y, at(y)), ...op.tee(yy), ...v(g, at(g)), ...op.f64x2Mul, ...penalty(low, masked, oddPenalty, at(low)), ...op.f64x2Add, ...op.set(yg),
    ...op.get(gmax2), ...op.get(yg), ...ox.f64x2Pmax, ...op.set(gmax2),
    // grad_diff = Gmax + y_j G_j (NaN outside I_low); quad = (QD_i + QD_j) − (2 y_i y_j) Q_ij, τ when ≤ 0
    ...op.get(gm), ...op.get(yg), ...op.f64x2Add, ...op.set(gd),
    ...op.get(qdiv), ...v(qd, at(qd)), ...op.f64x2Add,
    ...op.get(yi2v), ...op.get(yy), ...op.f64x2Mul, ...op.get(qi), ...ox.load64Zero(at(qi)), ...ox.promoteLow, ...op.f64x2Mul,
    ...op.f64x2Sub, ...op.set(quad),
    ...op.get(quad), ...op.get(tau), ...op.get(quad), ...op.get(zero), ...ox.f64x2Gt, ...ox.bitselect, ...op.set(quad),
    // libsvm minimises −grad_diff²/quad; its negation grad_diff²/quad (exact, ≥ +0) is maximised where grad_diff > 0:
    // lanes with grad_diff ≤ 0 get all bits set (a NaN), lanes outside I_low are NaN already (NaN grad_diff)
    ...op.get(obj),
    ...op.get(gd), ...op.get(gd), ...op.f64x2Mul, ...op.get(quad), ...op.f64x2Div,
    ...op.get(gd), ...op.get(zero), ...ox.f64x2Le, ...ox.v128Or,
    ...op.tee(quad), ...op.v128Store(at(obj)),
    ...op.get(best), ...op.get(quad), ...ox.f64x2Pmax, ...op.set(best), // pmax ignores a NaN second operand
  ];
  const body = [
    ...ox.f64x2(-Infinity, -Infinity), ...op.tee(gmax2), ...op.set(best),
    ...ox.f64x2(0, 0), ...op.set(zero),
    ...ox.f64x2(0, NaN), ...op.set(oddPenalty),
    ...ox.f64x2(1e-12, 1e-12), ...op.set(tau),
    ...op.get(gmax), ...op.f64x2Splat, ...op.set(gm),
    ...op.get(qdi), ...op.f64x2Splat, ...op.set(qdiv),
    ...op.get(yi2), ...op.f64x2Splat, ...op.set(yi2v),
    // obj is read back from its start in pass 2: keep the pointer
    ...op.get(obj), ...op.set(k),
    ...pairLoop(n, counter, step, [[g, 16], [y, 16], [low, 16], [qd, 16], [qi, 8], [obj, 16]], true, unroll),
    ...op.get(k), ...op.set(obj),
    ...op.get(out), ...op.get(gmax2), ...op.f64x2Lane(0), ...op.get(gmax2), ...op.f64x2Lane(1), ...ox.f64Max, ...op.f64Store(0),
    // Pass 2: best = max of the lanes; −1 when no candidate (best = −∞); else the last pair holding best, lane 1 first.
    ...op.get(best), ...op.f64x2Lane(0), ...op.get(best), ...op.f64x2Lane(1), ...ox.f64Max, ...op.set(bestScalar),
    ...ox.i32Const(-1),
    ...op.get(bestScalar), ...ox.f64x2(-Infinity, -Infinity), ...op.f64x2Lane(0), ...ox.f64Eq, ...op.brIf(0),
    ...ox.drop,
    ...op.get(bestScalar), ...op.f64x2Splat, ...op.set(best),
    ...op.get(n), ...op.i32(1), ...op.i32Add, ...op.i32(1), ...[0x76] /* i32.shr_u */, ...op.set(k), // pairs = ⌈n/2⌉
    ...op.loop,
    ...op.get(k), ...ox.i32Eqz, ...ox.ifVoid, ...ox.i32Const(-1), ...ox.br(2), ...op.end, // unreachable: best is one of the values
    ...op.get(k), ...op.i32(-1), ...op.i32Add, ...op.set(k),
    ...op.get(obj), ...op.get(k), ...op.i32(4), ...op.i32Shl, ...op.i32Add, ...op.v128Load(0),
    ...op.get(best), ...ox.f64x2Eq, ...ox.i64x2Bitmask, ...op.tee(mask),
    ...ox.i32Eqz, ...op.brIf(0),
    ...op.end,
    ...op.get(k), ...op.i32(1), ...op.i32Shl, ...op.get(mask), ...op.i32(1), ...[0x76] /* i32.shr_u */, ...op.i32Add,
  ];
  return {
    name: "selectLow",
    params: [I32, I32, I32, I32, I32, I32, F64, F64, F64, I32, I32],
    results: [I32],
    locals: [I32, ...new Array<number>(12).fill(V128), F64, I32, I32],
    body: [...ox.blockI32, ...body, ...op.end],
  };
}

/** addScaledRow(dst, q, c, n): see SvmKernels.addScaledRow. */
export function addScaledRowFn(): WasmFunction {
  const [dst, q, c, n] = [0, 1, 2, 3];
  const [counter, cv, sum] = [4, 5, 6];
  const step = (masked: boolean): number[] => [
    ...v(dst), ...op.get(cv), ...op.get(q), ...ox.load64Zero(0), ...ox.promoteLow, ...op.f64x2Mul, ...op.f64x2Add, ...op.set(sum),
    ...op.get(dst), ...op.get(sum), ...(masked ? ox.store64Lane0(0) : op.v128Store(0)),
  ];
  const body = [...op.get(c), ...op.f64x2Splat, ...op.set(cv), ...pairLoop(n, counter, step, [[dst, 16], [q, 8]])];
  return { name: "addScaledRow", params: [I32, I32, F64, I32], results: [], locals: [I32, V128, V128], body };
}

/** linearRow(dots, y, out, n, yi): see SvmKernels.linearRow. */
export function linearRowFn(): WasmFunction {
  const [dots, y, out, n, yi] = [0, 1, 2, 3, 4];
  const [counter, yiv] = [5, 6];
  const step = (): number[] => [...op.get(out), ...op.get(yiv), ...v(y), ...op.f64x2Mul, ...v(dots), ...op.f64x2Mul, ...ox.demoteZero, ...ox.store64Lane0(0)];
  const body = [...op.get(yi), ...op.f64x2Splat, ...op.set(yiv), ...pairLoop(n, counter, () => step(), [[dots, 16], [y, 16], [out, 8]], false)];
  return { name: "linearRow", params: [I32, I32, I32, I32, F64], results: [], locals: [I32, V128], body };
}

/** rbfRow(dots, xsq, y, out, n, si, gneg, yi): see SvmKernels.rbfRow. */
export function rbfRowFn(): WasmFunction {
  const [dots, xsq, y, out, n, si, gneg, yi] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [counter, siv, gv, yiv, arg, kd, k, hi, lo, r, t, c, ev] = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
  const splat2 = (value: number): number[] => ox.f64x2(value, value);
  const mul = op.f64x2Mul;
  const step = (): number[] => [
    // arg = max(−γ((‖xᵢ‖² + ‖xⱼ‖²) − 2 xᵢ·xⱼ), EXP.floor)
    ...op.get(gv), ...op.get(siv), ...v(xsq), ...op.f64x2Add, ...splat2(2), ...v(dots), ...mul, ...op.f64x2Sub, ...mul,
    ...splat2(EXP.floor), ...ox.f64x2Pmax, ...op.set(arg),
    // k = round(arg / ln 2) by the 1.5·2⁵² shifter; hi = arg − k ln2_hi; lo = k ln2_lo; r = hi − lo
    ...op.get(arg), ...splat2(EXP.invLn2), ...mul, ...splat2(EXP.shift), ...op.f64x2Add, ...op.tee(kd),
    ...splat2(EXP.shift), ...op.f64x2Sub, ...op.set(k),
    ...op.get(arg), ...op.get(k), ...splat2(EXP.ln2Hi), ...mul, ...op.f64x2Sub, ...op.set(hi),
    ...op.get(k), ...splat2(EXP.ln2Lo), ...mul, ...op.set(lo),
    ...op.get(hi), ...op.get(lo), ...op.f64x2Sub, ...op.tee(r), ...op.get(r), ...mul, ...op.set(t),
    // c = r − t(P1 + t(P2 + t(P3 + t(P4 + t P5))))
    ...op.get(r),
    ...op.get(t),
    ...splat2(EXP.p1), ...op.get(t), ...splat2(EXP.p2), ...op.get(t), ...splat2(EXP.p3), ...op.get(t), ...splat2(EXP.p4), ...op.get(t), ...splat2(EXP.p5),
    ...mul, ...op.f64x2Add, ...mul, ...op.f64x2Add, ...mul, ...op.f64x2Add, ...mul, ...op.f64x2Add,
    ...mul, ...op.f64x2Sub, ...op.set(c),
    // e^r = 1 − ((lo − r c / (2 − c)) − hi); e^arg = e^r · 2^k (2^k from the shifter's low bits)
    ...splat2(1), ...op.get(lo), ...op.get(r), ...op.get(c), ...mul, ...splat2(2), ...op.get(c), ...op.f64x2Sub, ...op.f64x2Div, ...op.f64x2Sub,
    ...op.get(hi), ...op.f64x2Sub, ...op.f64x2Sub,
    ...op.get(kd), ...ox.i64x2(1023n, 1023n), ...ox.i64x2Add, ...op.i32(52), ...ox.i64x2Shl, ...mul, ...op.set(ev),
    // Q = (yᵢ yⱼ) e, rounded to single precision (libsvm's Qfloat)
    ...op.get(out), ...op.get(yiv), ...v(y), ...mul, ...op.get(ev), ...mul, ...ox.demoteZero, ...ox.store64Lane0(0),
  ];
  const body = [
    ...op.get(si), ...op.f64x2Splat, ...op.set(siv),
    ...op.get(gneg), ...op.f64x2Splat, ...op.set(gv),
    ...op.get(yi), ...op.f64x2Splat, ...op.set(yiv),
    // ⌈n/2⌉ pairs: the last pair may write one entry past n (inside the row's padded capacity).
    ...pairLoop(n, counter, () => step(), [[dots, 16], [xsq, 16], [y, 16], [out, 8]], false),
  ];
  return {
    name: "rbfRow",
    params: [I32, I32, I32, I32, I32, F64, F64, F64],
    results: [],
    locals: [I32, ...new Array<number>(12).fill(V128)],
    body,
  };
}
