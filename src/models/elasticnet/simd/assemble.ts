/**
 * A minimal WebAssembly binary writer for the few numeric kernels radval runs
 * in SIMD (see `kernels.ts`): LEB128 numbers, sections, and the handful of
 * opcodes the kernels use (WebAssembly Core Specification 2.0, §5 "Binary
 * Format", and the fixed-width SIMD proposal, now part of the standard).
 * Emitting bytes at load time keeps the module readable in source form and
 * avoids shipping an opaque binary or a build step. O(size of the module).
 */

/** Unsigned LEB128. */
export function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 (32-bit). */
export function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** A length-prefixed vector of already-encoded items. */
export function vec(items: readonly (readonly number[])[]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function section(id: number, bytes: readonly number[]): number[] {
  return [id, ...uleb(bytes.length), ...bytes];
}

function name(text: string): number[] {
  return [...uleb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];
}

/** Value types. */
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;

const memarg = (offset: number): number[] => [3, ...uleb(offset)];

/** Instruction encoders (only those the kernels need). */
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  brIf: (depth: number): number[] => [0x0d, ...uleb(depth)],
  get: (local: number): number[] => [0x20, ...uleb(local)],
  set: (local: number): number[] => [0x21, ...uleb(local)],
  tee: (local: number): number[] => [0x22, ...uleb(local)],
  i32: (value: number): number[] => [0x41, ...sleb(value)],
  i32Add: [0x6a],
  i32And: [0x71],
  i32Shl: [0x74],
  i32LtU: [0x49],
  i32GeU: [0x4f],
  f64Load: (offset: number): number[] => [0x2b, ...memarg(offset)],
  f64Store: (offset: number): number[] => [0x39, ...memarg(offset)],
  f64Add: [0xa0],
  f64Sub: [0xa1],
  f64Mul: [0xa2],
  v128Load: (offset: number): number[] => [0xfd, 0x00, ...memarg(offset)],
  v128Store: (offset: number): number[] => [0xfd, 0x0b, ...memarg(offset)],
  f64x2Splat: [0xfd, 0x14],
  f64x2Lane: (lane: number): number[] => [0xfd, 0x21, lane],
  f64x2Add: [0xfd, 0xf0, 0x01],
  f64x2Sub: [0xfd, 0xf1, 0x01],
  f64x2Mul: [0xfd, 0xf2, 0x01],
  f64x2Div: [0xfd, 0xf3, 0x01],
  f64Div: [0xa3],
  /** `if` with no result, with an f64 result; `else`; unconditional branch; `return`. */
  if: [0x04, 0x40],
  ifF64: [0x04, 0x7c],
  else: [0x05],
  br: (depth: number): number[] => [0x0c, ...uleb(depth)],
  return: [0x0f],
  select: [0x1b],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  i32LtS: [0x48],
  i32GeS: [0x4e],
  f64Const: (value: number): number[] => [0x44, ...new Uint8Array(new Float64Array([value]).buffer)],
  f64Abs: [0x99],
  f64Neg: [0x9a],
  f64Eq: [0x61],
  f64Ne: [0x62],
  f64Lt: [0x63],
  f64Gt: [0x64],
} as const;

/** Turns element offsets (locals) into byte addresses: p ← p · 8. */
export function toBytes(ptrs: readonly number[]): number[] {
  return ptrs.flatMap((p) => [...op.get(p), ...op.i32(3), ...op.i32Shl, ...op.set(p)]);
}

/**
 * Emits a loop over `n` (a local) doubles: `width` (2, 4 or 8) at a time with
 * `vectorBody`, then the tail one at a time with `scalarBody`; the byte-address
 * locals `ptrs` advance and `end` is a scratch i32 local.
 */
export function stream(ptrs: readonly number[], n: number, end: number, vectorBody: readonly number[], scalarBody: readonly number[], width = 4): number[] {
  const first = ptrs[0]!;
  const advance = (bytes: number) => ptrs.flatMap((p) => [...op.get(p), ...op.i32(bytes), ...op.i32Add, ...op.set(p)]);
  const loop = (mask: number, body: readonly number[], bytes: number) => [
    ...op.get(first), ...op.get(n), ...op.i32(mask), ...op.i32And, ...op.i32(3), ...op.i32Shl, ...op.i32Add, ...op.set(end),
    ...op.block,
    ...op.get(first), ...op.get(end), ...op.i32GeU, ...op.brIf(0),
    ...op.loop,
    ...body,
    ...advance(bytes),
    ...op.get(first), ...op.get(end), ...op.i32LtU, ...op.brIf(0),
    ...op.end,
    ...op.end,
  ];
  return [...loop(-width, vectorBody, 8 * width), ...loop(width - 1, scalarBody, 8)];
}

/** One exported function: parameter and result types, extra locals, body (without the final `end`). */
export interface WasmFunction {
  readonly name: string;
  readonly params: readonly number[];
  readonly results: readonly number[];
  readonly locals: readonly number[];
  readonly body: readonly number[];
}

/**
 * A module importing one memory (`env.memory`) and exporting the given
 * functions, each with its own type. Returns the binary.
 */
export function assembleModule(functions: readonly WasmFunction[]): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...vec(f.params.map((t) => [t])), ...vec(f.results.map((t) => [t]))]);
  const imports = [[...name("env"), ...name("memory"), 0x02, 0x00, ...uleb(1)]];
  const funcs = functions.map((_, i) => uleb(i));
  const exports = functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const codes = functions.map((f) => {
    const locals = vec(f.locals.map((t) => [1, t]));
    const body = [...locals, ...f.body, ...op.end];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, vec(imports)),
    ...section(3, vec(funcs)),
    ...section(7, vec(exports)),
    ...section(10, vec(codes)),
  ]);
}

/**
 * Like {@link stream} for pairwise (f64x2) bodies, unrolled: `pairBody(off)`
 * handles the two doubles at byte offset `off` of each pointer; it runs for
 * 0 and 16 per iteration over 4 doubles, once more if 2 or 3 remain, and
 * `scalarBody` takes the last odd double. The doubles reach the body in the
 * same pairs as with `stream(…, width 2)`, so reductions give the same bits,
 * with half the pointer updates.
 */
export function streamPairs(ptrs: readonly number[], n: number, end: number, pairBody: (off: number) => number[], scalarBody: readonly number[]): number[] {
  const first = ptrs[0]!;
  const advance = (bytes: number) => ptrs.flatMap((p) => [...op.get(p), ...op.i32(bytes), ...op.i32Add, ...op.set(p)]);
  const bit = (mask: number) => [...op.get(n), ...op.i32(mask), ...op.i32And];
  return [
    ...op.get(first), ...op.get(n), ...op.i32(-4), ...op.i32And, ...op.i32(3), ...op.i32Shl, ...op.i32Add, ...op.set(end),
    ...op.block,
    ...op.get(first), ...op.get(end), ...op.i32GeU, ...op.brIf(0),
    ...op.loop,
    ...pairBody(0), ...pairBody(16),
    ...advance(32),
    ...op.get(first), ...op.get(end), ...op.i32LtU, ...op.brIf(0),
    ...op.end,
    ...op.end,
    ...bit(2), ...op.if, ...pairBody(0), ...advance(16), ...op.end,
    ...bit(1), ...op.if, ...scalarBody, ...op.end,
  ];
}

