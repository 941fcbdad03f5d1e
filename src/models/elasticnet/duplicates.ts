import type { ColumnMatrix } from "../../core/matrix.js";

/** The rows of a fit with exact duplicates merged: one row per distinct (x, y), weights summed. */
export interface MergedRows {
  /** Row index into x of each distinct row (its first occurrence). */
  readonly rows: Int32Array;
  readonly y: Float64Array;
  /** Sum of the weights of the rows merged into each distinct row. */
  readonly w: Float64Array;
}

/**
 * Merges rows that are exact copies (every feature value and the outcome
 * bit-identical), as a bootstrap sample has about n/e of: the binomial
 * log-likelihood is a weighted sum over rows, so rows with the same (x, y)
 * contribute exactly as one row carrying their total weight, and everything
 * glmnet computes from the rows (weighted means and SDs, null deviance, IRLS
 * weights and residuals, gradients) is a weighted sum of that form. The fit
 * is therefore the same problem on fewer rows, identical up to floating-point
 * rounding (sums taken in a different grouping), and every O(n) step of the
 * solver gets cheaper. `rows` (null = all) selects the rows of `x`; `y` and
 * `w` are indexed like `rows`. Returns null when no two rows are equal.
 * Distinct rows keep their order of first occurrence. `rowHash` is
 * {@link hashRows}(x), computed here when not given (cross-validation hashes
 * once for all its fits; null = the rows of x are all distinct). O(n p) time
 * (equality verified value by value).
 */
export function mergeDuplicateRows(x: ColumnMatrix, rows: Int32Array | null, y: Float64Array, w: Float64Array, rowHash?: Int32Array | null): MergedRows | null {
  const n = y.length;
  if (n < 2) return null;
  const N = x.nRows;
  const p = x.nCols;
  const data = x.data;
  const bits = new Uint32Array(data.buffer, data.byteOffset, data.length * 2);
  const yBits = new Uint32Array(y.buffer, y.byteOffset, y.length * 2);
  const src = rows ?? null;
  const xHash = rowHash === undefined ? hashRows(x) : rowHash;
  if (xHash === null) return null;
  const hash = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = Math.imul(xHash[src ? src[i]! : i]! ^ yBits[2 * i]!, 0x9e3779b1);
    hash[i] = Math.imul(h ^ yBits[2 * i + 1]!, 0x85ebca77);
  }
  const same = (a: number, b: number): boolean => {
    if (yBits[2 * a] !== yBits[2 * b] || yBits[2 * a + 1] !== yBits[2 * b + 1]) return false;
    const ra = src ? src[a]! : a;
    const rb = src ? src[b]! : b;
    for (let j = 0; j < p; j++) {
      const ka = 2 * (j * N + ra);
      const kb = 2 * (j * N + rb);
      if (bits[ka] !== bits[kb] || bits[ka + 1] !== bits[kb + 1]) return false;
    }
    return true;
  };
  // First distinct row with each hash, then a chain through the others with the same hash (rare).
  const first = new Map<number, number>();
  const chain: number[] = [];
  const repr: number[] = [];
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = hash[i]!;
    let g = first.get(h);
    let last = -1;
    while (g !== undefined && g >= 0 && !same(repr[g]!, i)) {
      last = g;
      g = chain[g]!;
    }
    if (g === undefined || g < 0) {
      g = repr.length;
      repr.push(i);
      chain.push(-1);
      if (last >= 0) chain[last] = g;
      else first.set(h, g);
    }
    group[i] = g;
  }
  const m = repr.length;
  if (m === n) return null;
  const outRows = new Int32Array(m);
  const outY = new Float64Array(m);
  const outW = new Float64Array(m);
  for (let g = 0; g < m; g++) {
    const i = repr[g]!;
    outRows[g] = src ? src[i]! : i;
    outY[g] = y[i]!;
  }
  for (let i = 0; i < n; i++) outW[group[i]!] += w[i]!;
  return { rows: outRows, y: outY, w: outW };
}

/** Mixes columns [from, to) of x into the row hashes `hash`. O(n (to − from)). */
function mixColumns(x: ColumnMatrix, from: number, to: number, hash: Int32Array): void {
  const N = x.nRows;
  const data = x.data;
  const bits = new Uint32Array(data.buffer, data.byteOffset, data.length * 2);
  for (let j = from; j < to; j++) {
    const off = 2 * j * N;
    for (let i = 0; i < N; i++) {
      const k = off + 2 * i;
      let h = Math.imul(hash[i]! ^ bits[k]!, 0x9e3779b1);
      h = Math.imul(h ^ bits[k + 1]!, 0x85ebca77);
      hash[i] = h ^ (h >>> 15);
    }
  }
}

/**
 * A 32-bit hash of each row of x over the bits of its values (equal rows hash
 * equal; equal hashes are checked value by value), or null when the rows are
 * known to be all distinct: the hashes of the first few columns already
 * differ, the usual case for continuous data, found in O(n) instead of O(n p).
 */
export function hashRows(x: ColumnMatrix): Int32Array | null {
  const N = x.nRows;
  const hash = new Int32Array(N).fill(0x2545f491);
  const first = Math.min(x.nCols, 4);
  mixColumns(x, 0, first, hash);
  if (new Set(hash).size === N) return null;
  mixColumns(x, first, x.nCols, hash);
  return hash;
}
