import type { ColumnMatrix } from "../../../core/matrix.js";
import type { KernelSpec } from "../kernel.js";
import { powInt } from "../kernel.js";
import { expKernel } from "./exp.js";
import { PANEL, type SvmKernels, createSvmKernels } from "./kernels.js";

/** What {@link createQMatrix} needs: the training rows in solver order and their ±1 labels. */
export interface QMatrixInput {
  /** Training data, column-major n × p. */
  readonly x: ColumnMatrix;
  /** Rows of x in the solver's order (libsvm's: first-label class first). */
  readonly rows: ArrayLike<number>;
  /** libsvm's yᵢ = ±1 for each position of `rows`. */
  readonly y: ArrayLike<number>;
  readonly kernel: KernelSpec;
  /** Byte budget of the kernel-row cache (at least two rows are always kept). */
  readonly cacheBytes: number;
  /** "simd" (default): WebAssembly SIMD when available; "js": the plain-JavaScript kernels. */
  readonly prefer?: "simd" | "js";
  /** Extra 8-byte-element vectors of length l (+ padding) to place in the shared heap (e.g. the gradient). */
  readonly extraVectors?: number;
}

/**
 * libsvm's `SVC_Q` (Chang & Lin 2011, §4): the matrix Qᵢⱼ = yᵢ yⱼ K(xᵢ, xⱼ)
 * served one row at a time from an LRU cache of single-precision rows
 * (libsvm's `Qfloat`), its diagonal QD in double precision, and
 * `swap(i, j)` for shrinking. Rows are computed from a packed copy of the
 * training matrix (panels of {@link PANEL} rows, feature-major inside a
 * panel) so one SIMD lane sums one dot product in feature order, exactly
 * as libsvm's `Kernel::dot`; the RBF kernel is
 * exp(−γ(‖xᵢ‖² + ‖xⱼ‖² − 2 xᵢ·xⱼ)) with precomputed squared norms, as libsvm's
 * `kernel_rbf` (the exponential: {@link expKernel}, < 1 ulp). Positions are
 * solver positions (after shrinking swaps).
 */
export interface QMatrix {
  readonly l: number;
  readonly kernels: SvmKernels;
  /** Float32 view of the heap: row data is `f32[offset … offset + len)`. */
  readonly f32: Float32Array;
  /** Float64 view of the heap. */
  readonly f64: Float64Array;
  /** Diagonal Qᵢᵢ = K(xᵢ, xᵢ) (double), in solver positions. */
  readonly QD: Float64Array;
  /** yᵢ = ±1 (double), in solver positions. */
  readonly y: Float64Array;
  /** Byte offsets in the heap of QD and y. */
  readonly qdOffset: number;
  readonly yOffset: number;
  /** Byte offset of a 16-byte scratch area. */
  readonly scratchOffset: number;
  /** Number of extra vectors in the heap (QMatrixInput.extraVectors). */
  readonly extraVectors: number;
  /** Byte offset in the heap of extra vector k < extraVectors (l elements of 8 bytes, padded). */
  extraOffset(k: number): number;
  /**
   * Element offset (into `f32`) of row i of Q with at least its first `len`
   * entries valid: from the cache, extended or computed as needed. The row
   * stays valid until the next call that may evict it (at least the two most
   * recently used rows are kept). O(1) cached, else O((len − cached) · p).
   */
  row(i: number, len: number): number;
  /** Byte offset of the same row (for the heap kernels). */
  rowBytes(i: number, len: number): number;
  /** Swaps solver positions i and j everywhere (data, norms, labels, cached entries). O(p + cached rows). */
  swap(i: number, j: number): void;
  /** Returns the heap to the kernels' pool; the matrix must not be used afterwards. */
  release(): void;
  /** Number of kernel rows (or row extensions) computed so far, and entries computed. */
  readonly stats: { rowsComputed: number; entriesComputed: number };
}

const align16 = (bytes: number): number => Math.ceil(bytes / 16) * 16;

/**
 * Builds the {@link QMatrix} of a C-SVC problem: packs the rows, computes
 * squared norms and the diagonal, and lays out one heap (WebAssembly memory
 * when SIMD is available) holding panels, scratch, `extraVectors` solver
 * vectors and the row cache (⌊cacheBytes / (4 l)⌋ rows, at least 2, at most
 * l). O(l p) time; O(l p + cache) memory.
 */
export function createQMatrix(input: QMatrixInput): QMatrix {
  const { x, rows } = input;
  const l = rows.length;
  const p = x.nCols;
  const n = x.nRows;
  const nPanels = Math.ceil(l / PANEL);
  const lPad = nPanels * PANEL;
  // Vectors and cached rows get PANEL spare entries: pairwise SIMD loops may read or write one past the end.
  const vec = lPad + PANEL;
  const nSlots = Math.max(2, Math.min(l, Math.floor(input.cacheBytes / (4 * vec))));
  const extra = input.extraVectors ?? 0;
  // Heap layout (bytes, 16-aligned).
  let at = 0;
  const take = (bytes: number): number => {
    const start = at;
    at += align16(bytes);
    return start;
  };
  const panelsB = take(nPanels * p * PANEL * 8);
  const xrowB = take(p * 8);
  const dotsB = take(vec * 8);
  const qdB = take(vec * 8);
  const yB = take(vec * 8);
  const xsqB = take(vec * 8);
  const scratchB = take(16);
  // LRU bookkeeping (int32): slotOf[l], posOf[nSlots], lenOf[nSlots], prev/next[nSlots + 1]
  const lruB = take(4 * (l + 4 * nSlots + 2));
  const extraB: number[] = [];
  for (let k = 0; k < extra; k++) extraB.push(take(vec * 8));
  const cacheB = take(nSlots * vec * 4);
  const kernels = createSvmKernels(at, input.prefer ?? "simd");
  try {
    return buildQMatrix(input, kernels, { l, p, n, nPanels, lPad, vec, nSlots, extra, panelsB, xrowB, dotsB, qdB, yB, xsqB, scratchB, lruB, extraB, cacheB });
  } catch (error) {
    kernels.release();
    throw error;
  }
}

/** Heap layout of a {@link QMatrix} (counts, and byte offsets ending in B). */
interface Layout {
  readonly l: number;
  readonly p: number;
  readonly n: number;
  readonly nPanels: number;
  readonly lPad: number;
  readonly vec: number;
  readonly nSlots: number;
  readonly extra: number;
  readonly panelsB: number;
  readonly xrowB: number;
  readonly dotsB: number;
  readonly qdB: number;
  readonly yB: number;
  readonly xsqB: number;
  readonly scratchB: number;
  readonly lruB: number;
  readonly extraB: readonly number[];
  readonly cacheB: number;
}

function buildQMatrix(input: QMatrixInput, kernels: SvmKernels, layout: Layout): QMatrix {
  const { x, rows, kernel } = input;
  const { l, p, n, nPanels, lPad, vec, nSlots, extra, panelsB, xrowB, dotsB, qdB, yB, xsqB, scratchB, lruB, extraB, cacheB } = layout;
  const f64 = new Float64Array(kernels.heap);
  const f32 = new Float32Array(kernels.heap);
  const panels = panelsB >> 3;
  const xrow = xrowB >> 3;
  const dots = dotsB >> 3;
  const QD = new Float64Array(kernels.heap, qdB, l);
  const y = new Float64Array(kernels.heap, yB, l);
  const cache = cacheB >> 2;

  // Pack: element (position s, feature t) at panels + (⌊s/PANEL⌋ p + t) PANEL + s mod PANEL.
  const at64 = (s: number, t: number): number => {
    const b = Math.floor(s / PANEL);
    return panels + (b * p + t) * PANEL + (s - b * PANEL);
  };
  // The pooled heap holds whatever the last fit left: write every entry that is read.
  f64.fill(0, (qdB >> 3) + l, (qdB >> 3) + vec);
  f64.fill(0, (yB >> 3) + l, (yB >> 3) + vec);
  f64.fill(0, (xsqB >> 3) + l, (xsqB >> 3) + vec);
  const xsq = new Float64Array(kernels.heap, xsqB, l);
  xsq.fill(0);
  const src = rows instanceof Int32Array ? rows : Int32Array.from(rows);
  const panelStride = p * PANEL;
  for (let t = 0; t < p; t++) {
    const base = t * n;
    let dst = panels + t * PANEL;
    for (let b = 0, s = 0; b < nPanels; b++, dst += panelStride) {
      for (let lane = 0; lane < PANEL; lane++, s++) {
        if (s < l) {
          const v = x.data[base + src[s]!]!;
          f64[dst + lane] = v;
          xsq[s] = xsq[s]! + v * v; // ‖x_s‖² summed in feature order, as libsvm's dot(x, x)
        } else f64[dst + lane] = 0;
      }
    }
  }
  for (let s = 0; s < l; s++) y[s] = input.y[s]! > 0 ? 1 : -1;
  const { kind, gamma, coef0, degree } = kernel;
  const fromDot = (dot: number, i: number, j: number): number => {
    switch (kind) {
      case "linear":
        return dot;
      case "rbf":
        return expKernel(-gamma * (xsq[i]! + xsq[j]! - 2 * dot));
      case "polynomial":
        return powInt(gamma * dot + coef0, degree);
      default:
        return Math.tanh(gamma * dot + coef0);
    }
  };
  for (let s = 0; s < l; s++) QD[s] = fromDot(xsq[s]!, s, s);

  // LRU cache of rows: slot k holds position posOf[k] with lenOf[k] valid entries.
  // (in the heap, like every per-fit array, so that consecutive fits allocate nothing the GC must sweep)
  const slotOf = new Int32Array(kernels.heap, lruB, l).fill(-1);
  const posOf = new Int32Array(kernels.heap, lruB + 4 * l, nSlots).fill(-1);
  const lenOf = new Int32Array(kernels.heap, lruB + 4 * (l + nSlots), nSlots).fill(0);
  const prev = new Int32Array(kernels.heap, lruB + 4 * (l + 2 * nSlots), nSlots + 1);
  const next = new Int32Array(kernels.heap, lruB + 4 * (l + 3 * nSlots + 1), nSlots + 1);
  const HEAD = nSlots; // sentinel: next[HEAD] = least recently used, prev[HEAD] = most recent
  prev[HEAD] = HEAD;
  next[HEAD] = HEAD;
  let used = 0;
  const unlink = (k: number): void => {
    next[prev[k]!] = next[k]!;
    prev[next[k]!] = prev[k]!;
  };
  const pushRecent = (k: number): void => {
    const last = prev[HEAD]!;
    next[last] = k;
    prev[k] = last;
    next[k] = HEAD;
    prev[HEAD] = k;
  };
  const stats = { rowsComputed: 0, entriesComputed: 0 };

  const compute = (i: number, data: number, start: number, len: number): void => {
    const first = at64(i, 0);
    for (let t = 0; t < p; t++) f64[xrow + t] = f64[first + t * PANEL]!;
    const b0 = Math.floor(start / PANEL);
    const b1 = Math.ceil(len / PANEL);
    kernels.panelDots(xrowB, panelsB + b0 * p * PANEL * 8, dotsB + b0 * PANEL * 8, p, b1 - b0);
    const yi = y[i]!;
    switch (kind) {
      case "linear":
        kernels.linearRow(dotsB + start * 8, yB + start * 8, (data + start) * 4, len - start, yi);
        break;
      case "rbf":
        kernels.rbfRow(dotsB + start * 8, xsqB + start * 8, yB + start * 8, (data + start) * 4, len - start, xsq[i]!, -gamma, yi);
        break;
      default:
        for (let j = start; j < len; j++) f32[data + j] = yi * y[j]! * fromDot(f64[dots + j]!, i, j);
    }
    stats.rowsComputed++;
    stats.entriesComputed += len - start;
  };

  const row = (i: number, len: number): number => {
    let k = slotOf[i]!;
    let start: number;
    if (k >= 0) {
      unlink(k);
      start = lenOf[k]!;
    } else {
      if (used < nSlots) k = used++;
      else {
        k = next[HEAD]!;
        unlink(k);
        slotOf[posOf[k]!] = -1;
      }
      slotOf[i] = k;
      posOf[k] = i;
      lenOf[k] = 0;
      start = 0;
    }
    pushRecent(k);
    const data = cache + k * vec;
    if (start < len) {
      compute(i, data, start, len);
      lenOf[k] = len;
    }
    return data;
  };

  const swap = (i: number, j: number): void => {
    if (i === j) return;
    for (let t = 0; t < p; t++) {
      const a = at64(i, t);
      const b = at64(j, t);
      const v = f64[a]!;
      f64[a] = f64[b]!;
      f64[b] = v;
    }
    let v = xsq[i]!;
    xsq[i] = xsq[j]!;
    xsq[j] = v;
    v = QD[i]!;
    QD[i] = QD[j]!;
    QD[j] = v;
    v = y[i]!;
    y[i] = y[j]!;
    y[j] = v;
    const si = slotOf[i]!;
    const sj = slotOf[j]!;
    slotOf[i] = sj;
    slotOf[j] = si;
    if (sj >= 0) posOf[sj] = i;
    if (si >= 0) posOf[si] = j;
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    for (let k = 0; k < used; k++) {
      const len = lenOf[k]!;
      if (len <= lo) continue;
      const data = cache + k * vec;
      if (len > hi) {
        const w = f32[data + i]!;
        f32[data + i] = f32[data + j]!;
        f32[data + j] = w;
      } else lenOf[k] = lo; // entry hi is not cached: keep the valid prefix
    }
  };

  return {
    l,
    kernels,
    f32,
    f64,
    QD,
    y,
    qdOffset: qdB,
    yOffset: yB,
    scratchOffset: scratchB,
    extraVectors: extra,
    extraOffset: (k: number) => extraB[k]!,
    row,
    rowBytes: (i: number, len: number) => row(i, len) * 4,
    swap,
    stats,
    release: () => kernels.release(),
  };
}
