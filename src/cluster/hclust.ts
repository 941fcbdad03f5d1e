import { RadvalError } from "../core/errors.js";
import { condensedLength, rowOffset } from "./condensed.js";

/** Agglomeration criterion (R's `hclust(method = …)`). */
export type Linkage = "average" | "complete" | "single";

/** The linkages radval implements. */
export const LINKAGES: readonly Linkage[] = Object.freeze(["average", "complete", "single"]);

/**
 * A dendrogram in R's `hclust` conventions (1-based throughout):
 * `merge[2s]`, `merge[2s+1]` are the two clusters joined at step s + 1, a
 * negative number −j for singleton j, a positive number t for the cluster
 * formed at step t; `height[s]` the linkage distance of that step; `order`
 * the leaf order of the dendrogram plot.
 */
export interface HClustTree {
  /** Number of objects clustered. */
  readonly size: number;
  readonly linkage: Linkage;
  /** (size − 1) × 2, row-major pairs. */
  readonly merge: Int32Array;
  readonly height: Float64Array;
  /** Permutation of 1..size. */
  readonly order: Int32Array;
}

/** Binary heap of merge indices keyed by (height, first label, second label): R's pick of the next agglomeration. */
class MergeHeap {
  private readonly items: number[] = [];
  constructor(private readonly less: (a: number, b: number) => boolean) {}
  get length(): number {
    return this.items.length;
  }
  push(x: number): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }
  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l]!, a[m]!)) m = l;
        if (r < a.length && this.less(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Agglomerative hierarchical clustering of `size` objects from a condensed
 * dissimilarity matrix (R's `dist` order), with average (UPGMA), complete or
 * single linkage, returning the tree in R's `stats::hclust` conventions.
 *
 * Algorithm: the nearest-neighbour chain (Murtagh 1983; Müllner 2011,
 * "Modern hierarchical, agglomerative clustering algorithms", arXiv:1109.2378)
 * with Lance–Williams updates written as R's Fortran writes them (average:
 * (|I| d(I,K) + |J| d(J,K)) / (|I| + |J|); complete: max; single: min).
 * These linkages are reducible, so the chain finds the same merges as R's
 * global-minimum search; the merges are then put in R's order: repeatedly the
 * available merge (children done) of least height, ties broken by the
 * smaller leaf label of the pair and then the other (as R's NN-list scan
 * does). Each cluster is labelled by its smallest leaf (R's convention); merge
 * rows and `order` follow R's `hcass2` exactly: two singletons as (−i, −j)
 * with i < j, a singleton before a cluster, two clusters by step. Without
 * exact ties among the dissimilarities the result equals R's; with ties the
 * partitions at every height still agree but equal-height steps may come out
 * in another order.
 *
 * `dist` is used as scratch space and overwritten unless `copy` is true.
 * Errors: `TOO_FEW_FEATURES` (size < 2), `DIMENSION_MISMATCH`, `NON_FINITE`
 * (a NaN dissimilarity). O(size²) time and no memory beyond O(size).
 */
export function hclust(dist: Float64Array, size: number, linkage: Linkage = "average", options: { copy?: boolean } = {}): HClustTree {
  if (!LINKAGES.includes(linkage)) {
    throw new RadvalError("INVALID_OPTION", `linkage must be average, complete or single, got "${String(linkage)}"`, { where: { option: "--method" } });
  }
  if (size < 2) {
    throw new RadvalError("TOO_FEW_FEATURES", `hierarchical clustering needs at least 2 objects, got ${size}`, { hint: "With one feature there is nothing to cluster." });
  }
  if (dist.length !== condensedLength(size)) {
    throw new RadvalError("DIMENSION_MISMATCH", `a condensed dissimilarity matrix of ${size} objects has ${condensedLength(size)} entries, got ${dist.length}`);
  }
  const d = options.copy ? Float64Array.from(dist) : dist;
  for (let t = 0; t < d.length; t++) {
    if (Number.isNaN(d[t]!)) throw new RadvalError("NON_FINITE", `dissimilarity ${t + 1} is NaN`, { hint: "Remove objects with undefined dissimilarities first." });
  }
  const n = size;
  const offset = new Float64Array(n);
  for (let i = 0; i < n; i++) offset[i] = rowOffset(n, i);
  const at = (i: number, j: number) => (i < j ? offset[i]! + j : offset[j]! + i);

  // Active slots as a compact array (order irrelevant; removal by swap).
  const active = new Int32Array(n);
  const posInActive = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    active[i] = i;
    posInActive[i] = i;
  }
  let nActive = n;
  const clusterSize = new Float64Array(n).fill(1);
  const minLeaf = new Int32Array(n);
  for (let i = 0; i < n; i++) minLeaf[i] = i;
  // node[slot]: the generation-order merge that formed the slot's cluster (≥ 0), or −1 − leaf for a singleton.
  const node = new Int32Array(n);
  for (let i = 0; i < n; i++) node[i] = -1 - i;

  const steps = n - 1;
  const childA = new Int32Array(steps);
  const childB = new Int32Array(steps);
  const genHeight = new Float64Array(steps);
  const labelLo = new Int32Array(steps);
  const labelHi = new Int32Array(steps);

  const chain = new Int32Array(n);
  let len = 0;
  for (let s = 0; s < steps; s++) {
    if (len === 0) {
      let first = n;
      for (let t = 0; t < nActive; t++) if (active[t]! < first) first = active[t]!;
      chain[len++] = first;
    }
    let x = 0;
    let y = 0;
    let best = 0;
    for (;;) {
      x = chain[len - 1]!;
      const prev = len >= 2 ? chain[len - 2]! : -1;
      let nn = prev;
      best = prev >= 0 ? d[at(x, prev)]! : Infinity;
      // Ties keep the previous chain element (this guarantees termination), else the smaller slot.
      for (let t = 0; t < nActive; t++) {
        const c = active[t]!;
        if (c === x) continue;
        const v = d[at(x, c)]!;
        if (v < best || (v === best && nn !== prev && c < nn)) {
          best = v;
          nn = c;
        }
      }
      if (nn === prev) {
        y = prev;
        len -= 2;
        break;
      }
      chain[len++] = nn;
    }
    const keep = x < y ? x : y;
    const drop = x < y ? y : x;
    childA[s] = node[x]!;
    childB[s] = node[y]!;
    genHeight[s] = best;
    const lx = minLeaf[x]!;
    const ly = minLeaf[y]!;
    labelLo[s] = lx < ly ? lx : ly;
    labelHi[s] = lx < ly ? ly : lx;

    // Lance–Williams update of the merged cluster (stored in `keep`).
    const sk = clusterSize[keep]!;
    const sd = clusterSize[drop]!;
    const total = sk + sd;
    for (let t = 0; t < nActive; t++) {
      const c = active[t]!;
      if (c === keep || c === drop) continue;
      const ik = at(keep, c);
      const dk = d[ik]!;
      const dd = d[at(drop, c)]!;
      d[ik] = linkage === "average" ? (sk * dk + sd * dd) / total : linkage === "complete" ? (dk > dd ? dk : dd) : dk < dd ? dk : dd;
    }
    clusterSize[keep] = total;
    minLeaf[keep] = labelLo[s]!;
    node[keep] = s;
    // Remove `drop` from the active set.
    const p = posInActive[drop]!;
    const lastSlot = active[nActive - 1]!;
    active[p] = lastSlot;
    posInActive[lastSlot] = p;
    nActive--;
  }
  return toRConvention(n, linkage, childA, childB, genHeight, labelLo, labelHi);
}

/** Orders generation-order merges as R does and renders merge/height/order in hclust's conventions. */
function toRConvention(
  n: number,
  linkage: Linkage,
  childA: Int32Array,
  childB: Int32Array,
  genHeight: Float64Array,
  labelLo: Int32Array,
  labelHi: Int32Array,
): HClustTree {
  const steps = n - 1;
  const parentOf = new Int32Array(steps).fill(-1);
  const pending = new Int8Array(steps);
  for (let s = 0; s < steps; s++) {
    for (const c of [childA[s]!, childB[s]!]) {
      if (c >= 0) {
        parentOf[c] = s;
        pending[s]++;
      }
    }
  }
  const heap = new MergeHeap((a, b) =>
    genHeight[a]! !== genHeight[b]! ? genHeight[a]! < genHeight[b]! : labelLo[a]! !== labelLo[b]! ? labelLo[a]! < labelLo[b]! : labelHi[a]! < labelHi[b]!,
  );
  for (let s = 0; s < steps; s++) if (pending[s] === 0) heap.push(s);
  const stepOf = new Int32Array(steps); // generation index → 1-based R step
  const merge = new Int32Array(2 * steps);
  const height = new Float64Array(steps);
  for (let out = 0; out < steps; out++) {
    const s = heap.pop();
    stepOf[s] = out + 1;
    height[out] = genHeight[s]!;
    const a = childA[s]! < 0 ? childA[s]! : stepOf[childA[s]!]!;
    const b = childB[s]! < 0 ? childB[s]! : stepOf[childB[s]!]!;
    let left: number;
    let right: number;
    if (a < 0 && b < 0) {
      // Two singletons: (−i, −j) with i < j.
      left = a > b ? a : b;
      right = a > b ? b : a;
    } else if (a < 0 || b < 0) {
      left = a < 0 ? a : b;
      right = a < 0 ? b : a;
    } else {
      left = a < b ? a : b;
      right = a < b ? b : a;
    }
    merge[2 * out] = left;
    merge[2 * out + 1] = right;
    const parent = parentOf[s]!;
    if (parent >= 0 && --pending[parent]! === 0) heap.push(parent);
  }
  return Object.freeze({ size: n, linkage, merge, height, order: dendrogramOrder(merge, n) });
}

/** R's `hcass2` leaf order: expand the last merge, each cluster as (left leaves, right leaves). O(n). */
export function dendrogramOrder(merge: Int32Array, n: number): Int32Array {
  const order = new Int32Array(n);
  if (n === 1) {
    order[0] = 1;
    return order;
  }
  let k = 0;
  const stack: number[] = [n - 1];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item < 0) {
      order[k++] = -item;
      continue;
    }
    const left = merge[2 * (item - 1)]!;
    const right = merge[2 * (item - 1) + 1]!;
    stack.push(right, left);
  }
  return order;
}
