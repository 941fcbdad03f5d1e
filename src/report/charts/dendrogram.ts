import { RadvalError } from "../../core/errors.js";
import type { MergeTree } from "../results.js";

/** A line segment of a dendrogram: position along the leaves (0-based, leaf i at i + 0.5) and merge height. */
export interface DendrogramSegment {
  readonly pos: number;
  readonly pos2: number;
  readonly height: number;
  readonly height2: number;
}

/**
 * Line segments drawing an R `hclust` tree: for merge k at height h joining
 * children a and b, a vertical segment from each child's height up to h and a
 * horizontal segment between the children; a node sits midway between its
 * children and leaves sit at their position in `order`. Pure; O(number of leaves).
 */
export function dendrogramSegments(tree: MergeTree): DendrogramSegment[] {
  const nLeaves = tree.labels.length;
  if (tree.merge.length !== nLeaves - 1 || tree.height.length !== tree.merge.length || tree.order.length !== nLeaves) {
    throw new RadvalError("INVALID_RESULTS", `merge tree of ${nLeaves} leaves needs ${nLeaves - 1} merges, heights and ${nLeaves} order entries`, {
      where: { key: "dataPreparation.redundancy.tree" },
    });
  }
  const leafPos = new Float64Array(nLeaves);
  tree.order.forEach((leaf, i) => {
    leafPos[leaf - 1] = i + 0.5;
  });
  const nodePos = new Float64Array(tree.merge.length);
  const position = (ref: number): { pos: number; height: number } => (ref < 0 ? { pos: leafPos[-ref - 1]!, height: 0 } : { pos: nodePos[ref - 1]!, height: tree.height[ref - 1]! });
  const segments: DendrogramSegment[] = [];
  tree.merge.forEach(([a, b], k) => {
    const h = tree.height[k]!;
    const left = position(a);
    const right = position(b);
    segments.push({ pos: left.pos, pos2: left.pos, height: left.height, height2: h });
    segments.push({ pos: right.pos, pos2: right.pos, height: right.height, height2: h });
    segments.push({ pos: left.pos, pos2: right.pos, height: h, height2: h });
    nodePos[k] = (left.pos + right.pos) / 2;
  });
  return segments;
}
