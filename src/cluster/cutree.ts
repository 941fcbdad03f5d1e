import type { HClustTree } from "./hclust.js";

/**
 * Cluster membership after cutting a dendrogram at height `h` (R's
 * `cutree(tree, h = h)`): the merges are applied in step order while their
 * height is ≤ h, and clusters are numbered 1, 2, … in order of first
 * appearance of their members (object 1 is always in cluster 1). Returns
 * 1-based cluster ids per object. O(n α(n)).
 */
export function cutreeHeight(tree: HClustTree, h: number): Int32Array {
  const n = tree.size;
  let steps = 0;
  while (steps < n - 1 && tree.height[steps]! <= h) steps++;
  return cutreeSteps(tree, steps);
}

/** Membership after the first `steps` merges (R's `cutree(tree, k = n − steps)`). */
export function cutreeSteps(tree: HClustTree, steps: number): Int32Array {
  const n = tree.size;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // Representative leaf of each step's cluster.
  const leafOfStep = new Int32Array(Math.max(0, n - 1));
  for (let s = 0; s < steps; s++) {
    const a = tree.merge[2 * s]!;
    const b = tree.merge[2 * s + 1]!;
    const la = a < 0 ? -a - 1 : leafOfStep[a - 1]!;
    const lb = b < 0 ? -b - 1 : leafOfStep[b - 1]!;
    const ra = find(la);
    const rb = find(lb);
    parent[rb] = ra;
    leafOfStep[s] = ra;
  }
  const id = new Int32Array(n);
  const numberOfRoot = new Int32Array(n);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const root = find(i);
    if (numberOfRoot[root] === 0) numberOfRoot[root] = ++next;
    id[i] = numberOfRoot[root]!;
  }
  return id;
}
