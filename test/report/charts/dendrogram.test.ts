import { describe, expect, it } from "vitest";
import { dendrogramSegments } from "../../../src/report/charts/dendrogram.js";
import { radvalErrorOf } from "../../helpers.js";

describe("dendrogramSegments", () => {
  // R: hclust of 3 leaves a, b, c: merge(-1,-2) at 0.1, then (-3, 1) at 0.5; order c, a, b
  const tree = { labels: ["a", "b", "c"], merge: [[-1, -2], [-3, 1]] as Array<[number, number]>, height: [0.1, 0.5], order: [3, 1, 2] };

  it("places leaves by order and nodes midway between their children", () => {
    expect(dendrogramSegments(tree)).toEqual([
      { pos: 1.5, pos2: 1.5, height: 0, height2: 0.1 }, // a up to the first merge
      { pos: 2.5, pos2: 2.5, height: 0, height2: 0.1 }, // b
      { pos: 1.5, pos2: 2.5, height: 0.1, height2: 0.1 }, // a–b bar
      { pos: 0.5, pos2: 0.5, height: 0, height2: 0.5 }, // c
      { pos: 2, pos2: 2, height: 0.1, height2: 0.5 }, // node (a, b) up
      { pos: 0.5, pos2: 2, height: 0.5, height2: 0.5 }, // top bar
    ]);
  });

  it("rejects a tree whose merges do not match its leaves", () => {
    expect(radvalErrorOf(() => dendrogramSegments({ ...tree, height: [0.1] })).code).toBe("INVALID_RESULTS");
  });
});
