import type { Rng } from "../../core/rng.js";

/**
 * The training data of a forest, prepared once and shared by all its trees:
 * the column-major features, per-feature dense rank codes (equal values share
 * a rank) and the outcome as class codes 0 … K − 1 (binary: 0/1).
 */
export interface TreeData {
  readonly n: number;
  readonly p: number;
  /** n × p, column-major. */
  readonly x: Float64Array;
  /** Dense rank of x[j·n + i] among column j's distinct values (0-based), same layout as x. */
  readonly ranks: Int32Array;
  /** Class code of each row, 0 … nClasses − 1. */
  readonly y: Uint8Array;
  /** Number of classes K ≥ 2 (2 for a binary outcome). */
  readonly nClasses: number;
}

/**
 * Dense ranks of every column (one sort per column) and the class codes:
 * for `nClasses` = 2 (default) a row is class 1 when y = 1, else 0; for
 * K > 2 `y` must hold codes 0 … K − 1 (the caller checks them). Ranks replace values in
 * the split search: sorting small integers is faster than sorting doubles,
 * and ties are exact. O(p n log n).
 */
export function prepareTreeData(x: Float64Array, n: number, p: number, y: ArrayLike<number>, nClasses = 2): TreeData {
  const ranks = new Int32Array(n * p);
  const sorted = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    const base = j * n;
    sorted.set(x.subarray(base, base + n));
    sorted.sort();
    // Distinct values, then each value's rank by binary search (native sort + O(n log u)).
    let u = 0;
    for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[u - 1]) sorted[u++] = sorted[k]!;
    for (let i = 0; i < n; i++) {
      const v = x[base + i]!;
      let lo = 0;
      let hi = u - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      ranks[base + i] = lo;
    }
  }
  const yy = new Uint8Array(n);
  if (nClasses === 2) for (let i = 0; i < n; i++) yy[i] = y[i] === 1 ? 1 : 0;
  else for (let i = 0; i < n; i++) yy[i] = y[i]!; // codes 0 … K − 1, checked by the caller
  return { n, p, x, ranks, y: yy, nClasses };
}

/** Settings of one tree (resolved forest hyperparameters). */
export interface TreeSettings {
  /** Features tried per split (non-constant ones, as scikit-learn counts them). */
  readonly mtry: number;
  /** A node is split only when it holds at least this many distinct training rows. */
  readonly minNodeSize: number;
  /** Maximum depth (root = 0); Infinity for none. */
  readonly maxDepth: number;
}

/**
 * Growable flat storage of the nodes of many trees: node k splits on
 * `feature[k]` at `threshold[k]` (x ≤ threshold → `left[k]`, else `right[k]`,
 * absolute node indices) or is a leaf (`feature[k] = −1`) predicting
 * `value[k·K + c]` = weighted share of class c in the leaf (K = `nClasses`
 * values per node).
 */
export class NodeStore {
  readonly nClasses: number;
  feature = new Int32Array(1024);
  threshold = new Float64Array(1024);
  left = new Int32Array(1024);
  right = new Int32Array(1024);
  value: Float64Array;
  size = 0;

  constructor(nClasses = 2) {
    this.nClasses = nClasses;
    this.value = new Float64Array(1024 * nClasses);
  }

  ensure(extra: number): void {
    const need = this.size + extra;
    if (need <= this.feature.length) return;
    let cap = this.feature.length;
    while (cap < need) cap *= 2;
    const grow = <T extends Int32Array | Float64Array>(a: T, width = 1): T => {
      const b = new (a.constructor as new (n: number) => T)(cap * width);
      b.set(a.subarray(0, this.size * width));
      return b;
    };
    this.feature = grow(this.feature);
    this.threshold = grow(this.threshold);
    this.left = grow(this.left);
    this.right = grow(this.right);
    this.value = grow(this.value, this.nClasses);
  }
}

/**
 * Grows CART classification trees (Breiman et al. 1984) with exact splits,
 * as scikit-learn's `DecisionTreeClassifier` inside a random forest, for
 * K ≥ 2 classes (natively: one tree predicts every class's share):
 * Gini impurity; at every node up to `mtry` features are drawn without
 * replacement (a feature that is constant in the node does not count, and
 * drawing continues while features remain, as scikit-learn); for each, the
 * node's rows are sorted by rank and every boundary between distinct values
 * is scored by the weighted Gini proxy Σ_c w_{L,c}²/w_L + Σ_c w_{R,c}²/w_R;
 * the threshold is the midpoint of the two values. Nodes are split
 * depth-first until pure, smaller than `minNodeSize` distinct rows or at
 * `maxDepth`. Bootstrap repeats enter as weights on distinct rows. The sums
 * over classes run c = 0 … K − 1 from 0, so a binary tree's numbers are
 * those of the two-class formulas (l₀² + l₁²)/w_L + … bit for bit.
 *
 * Cost per node: O(mtry · (m log m + m K)) for m rows in the node (typed-array
 * sorts of packed rank/position keys); the buffers are reused across trees.
 */
export class TreeGrower {
  private readonly data: TreeData;
  private readonly samples: Int32Array;
  private readonly keys32: Uint32Array;
  private readonly keys64: Float64Array;
  private readonly pool: Int32Array;
  /** Stack of pending nodes: start, end, depth, parent, isLeft. */
  private readonly stack: Int32Array;
  /** Class weights of the node, of the left side while scanning, and of the best left side. */
  private readonly nodeWeight: Float64Array;
  private readonly leftWeight: Float64Array;
  private readonly bestLeft: Float64Array;
  /** MDI accumulator of the current tree, per feature. */
  readonly impurityDecrease: Float64Array;
  /** Sample weight per row for the current tree (bag count × observation weight); 0 = not in the bag. */
  readonly sampleWeight: Float64Array;
  private readonly packed: boolean;
  private readonly shift: number;

  constructor(data: TreeData) {
    this.data = data;
    const n = data.n;
    this.samples = new Int32Array(n);
    this.packed = n <= 65536;
    this.shift = this.packed ? 65536 : 2 ** Math.ceil(Math.log2(n + 1));
    this.keys32 = new Uint32Array(this.packed ? n : 0);
    this.keys64 = new Float64Array(this.packed ? 0 : n);
    this.pool = new Int32Array(data.p);
    this.stack = new Int32Array(5 * (n + 2) * 2);
    this.nodeWeight = new Float64Array(data.nClasses);
    this.leftWeight = new Float64Array(data.nClasses);
    this.bestLeft = new Float64Array(data.nClasses);
    this.impurityDecrease = new Float64Array(data.p);
    this.sampleWeight = new Float64Array(n);
  }

  /**
   * Grows one tree on the rows with `sampleWeight > 0` (set by the caller),
   * appending its nodes to `store` (whose `nClasses` must be the data's).
   * Returns the index of its root. The tree's weighted impurity decrease per
   * feature is left in `impurityDecrease` (normalised by the root weight, as
   * scikit-learn's `feature_importances_` before its per-tree normalisation).
   */
  grow(store: NodeStore, settings: TreeSettings, rng: Rng): number {
    const { n, p, x, ranks, y, nClasses: K } = this.data;
    const sw = this.sampleWeight;
    const samples = this.samples;
    const wc = this.nodeWeight;
    const lc = this.leftWeight;
    const bestL = this.bestLeft;
    let m = 0;
    for (let i = 0; i < n; i++) if (sw[i]! > 0) samples[m++] = i;
    this.impurityDecrease.fill(0);
    const pool = this.pool;
    for (let j = 0; j < p; j++) pool[j] = j;
    const stack = this.stack;
    const packed = this.packed;
    const keys32 = this.keys32;
    const keys64 = this.keys64;
    const shift = this.shift;
    const root = store.size;
    let rootWeight = 0;
    let top = 0;
    stack[0] = 0;
    stack[1] = m;
    stack[2] = 0;
    stack[3] = -1;
    stack[4] = 0;
    top = 5;
    while (top > 0) {
      top -= 5;
      const start = stack[top]!;
      const end = stack[top + 1]!;
      const depth = stack[top + 2]!;
      const parent = stack[top + 3]!;
      const isLeft = stack[top + 4]!;
      store.ensure(1);
      const node = store.size++;
      if (parent >= 0) {
        if (isLeft) store.left[parent] = node;
        else store.right[parent] = node;
      }
      wc.fill(0);
      for (let k = start; k < end; k++) {
        const row = samples[k]!;
        wc[y[row]!] += sw[row]!;
      }
      let wNode = 0;
      let present = 0;
      for (let c = 0; c < K; c++) {
        wNode += wc[c]!;
        if (wc[c]! > 0) present++;
      }
      if (node === root) rootWeight = wNode;
      for (let c = 0; c < K; c++) store.value[node * K + c] = wNode > 0 ? wc[c]! / wNode : 1 / K;
      store.feature[node] = -1;
      store.left[node] = -1;
      store.right[node] = -1;
      const count = end - start;
      if (count < settings.minNodeSize || count < 2 || depth >= settings.maxDepth || present < 2) continue;

      // Split search.
      let bestProxy = -Infinity;
      let bestFeature = -1;
      let bestRank = 0;
      let bestThreshold = 0;
      let visited = 0;
      for (let f = 0; f < p && visited < settings.mtry; f++) {
        const pick = f + rng.integer(p - f);
        const feature = pool[pick]!;
        pool[pick] = pool[f]!;
        pool[f] = feature;
        const base = feature * n;
        let minRank = 2147483647;
        let maxRank = -1;
        if (packed) {
          for (let k = 0; k < count; k++) {
            const r = ranks[base + samples[start + k]!]!;
            if (r < minRank) minRank = r;
            if (r > maxRank) maxRank = r;
            keys32[k] = r * 65536 + k;
          }
        } else {
          for (let k = 0; k < count; k++) {
            const r = ranks[base + samples[start + k]!]!;
            if (r < minRank) minRank = r;
            if (r > maxRank) maxRank = r;
            keys64[k] = r * shift + k;
          }
        }
        if (minRank === maxRank) continue; // constant in this node: does not count
        visited++;
        if (packed) keys32.subarray(0, count).sort();
        else keys64.subarray(0, count).sort();
        lc.fill(0);
        // Rows in rank order; a boundary between positions t and t + 1 where the rank changes is a candidate split.
        let rank = packed ? keys32[0]! >>> 16 : Math.floor(keys64[0]! / shift);
        let row = samples[start + (packed ? keys32[0]! & 0xffff : keys64[0]! - rank * shift)]!;
        for (let t = 0; t < count - 1; t++) {
          lc[y[row]!] += sw[row]!;
          const next = packed ? keys32[t + 1]! : keys64[t + 1]!;
          const nextRank = packed ? next >>> 16 : Math.floor(next / shift);
          const nextRow = samples[start + (packed ? next & 0xffff : next - nextRank * shift)]!;
          const rowHere = row;
          const rankHere = rank;
          row = nextRow;
          rank = nextRank;
          if (rankHere === nextRank) continue;
          let wl = 0;
          let wr = 0;
          let sl = 0;
          let sr = 0;
          for (let c = 0; c < K; c++) {
            const a = lc[c]!;
            const b = wc[c]! - a;
            wl += a;
            wr += b;
            sl += a * a;
            sr += b * b;
          }
          if (wl <= 0 || wr <= 0) continue;
          const proxy = sl / wl + sr / wr;
          if (proxy > bestProxy) {
            bestProxy = proxy;
            bestFeature = feature;
            bestRank = rankHere;
            bestL.set(lc);
            bestThreshold = midpoint(x[base + rowHere]!, x[base + nextRow]!);
          }
        }
      }
      if (bestFeature < 0) continue; // every feature constant in this node

      // Partition rows: rank ≤ bestRank go left.
      const base = bestFeature * n;
      let i = start;
      let j = end - 1;
      while (i <= j) {
        if (ranks[base + samples[i]!]! <= bestRank) i++;
        else {
          const tmp = samples[i]!;
          samples[i] = samples[j]!;
          samples[j] = tmp;
          j--;
        }
      }
      store.feature[node] = bestFeature;
      store.threshold[node] = bestThreshold;
      let wl = 0;
      let wr = 0;
      let sn = 0;
      let sl = 0;
      let sr = 0;
      for (let c = 0; c < K; c++) {
        const a = bestL[c]!;
        const b = wc[c]! - a;
        wl += a;
        wr += b;
        sn += wc[c]! * wc[c]!;
        sl += a * a;
        sr += b * b;
      }
      const gini = (s: number, w: number) => 1 - s / (w * w);
      this.impurityDecrease[bestFeature] += wNode * gini(sn, wNode) - wl * gini(sl, wl) - wr * gini(sr, wr);
      // Push right then left, so the left child is grown first (depth-first, as scikit-learn).
      stack[top] = i;
      stack[top + 1] = end;
      stack[top + 2] = depth + 1;
      stack[top + 3] = node;
      stack[top + 4] = 0;
      top += 5;
      stack[top] = start;
      stack[top + 1] = i;
      stack[top + 2] = depth + 1;
      stack[top + 3] = node;
      stack[top + 4] = 1;
      top += 5;
    }
    if (rootWeight > 0) for (let f = 0; f < p; f++) this.impurityDecrease[f] = this.impurityDecrease[f]! / rootWeight;
    return root;
  }
}

/** The split threshold between two consecutive distinct values, as scikit-learn: their midpoint, or the lower value when the midpoint rounds up to the higher. */
function midpoint(lo: number, hi: number): number {
  const mid = lo / 2 + hi / 2;
  return mid === hi || !Number.isFinite(mid) ? lo : mid;
}

/** Split structure of a tree store (what traversal reads). */
export interface TreeNodes {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
}

/** The leaf that row i of a column-major matrix with `nRows` rows falls into, in the tree rooted at `root`. O(depth). */
export function treeLeaf(store: TreeNodes, root: number, x: Float64Array, nRows: number, i: number): number {
  let node = root;
  let f = store.feature[node]!;
  while (f >= 0) {
    node = x[f * nRows + i]! <= store.threshold[node]! ? store.left[node]! : store.right[node]!;
    f = store.feature[node]!;
  }
  return node;
}

/** The leaf value of one tree for row i when each node holds one value (`value[node]`, the binary forest's P(class 1)). O(depth). */
export function treeValue(store: TreeNodes & { value: Float64Array }, root: number, x: Float64Array, nRows: number, i: number): number {
  return store.value[treeLeaf(store, root, x, nRows, i)]!;
}
