/** The arithmetic of `radval plan`: durations, and the shard count for a wall-time target. */
import { describe, expect, it } from "vitest";
import { parseDuration, suggestShards } from "../../../src/validate/shard/plan.js";

describe("parseDuration", () => {
  it("s, m, h, d, combined, and plain seconds", () => {
    expect(parseDuration("90s")).toBe(90);
    expect(parseDuration("45m")).toBe(2700);
    expect(parseDuration("1h30m")).toBe(5400);
    expect(parseDuration("1d")).toBe(86400);
    expect(parseDuration("0.5h")).toBe(1800);
    expect(parseDuration("120")).toBe(120);
  });
  it("refuses anything else, naming the option", () => {
    for (const bad of ["", "h", "1x", "1h soon", "0s"]) expect(() => parseDuration(bad)).toThrow(/option --target: expected a duration/);
  });
});

describe("suggestShards", () => {
  it("N = ⌈total / (workers × (target − overhead))⌉, wall per shard = overhead + total / (N × workers)", () => {
    // 10 h of fits, 2 workers per shard, 1 h target, 6 min overhead: ⌈36000 / (2 × 3240)⌉ = 6 shards.
    expect(suggestShards(36000, 30, 5000, 360, 2, 3600)).toEqual({ shards: 6, wallPerShard: 360 + 36000 / 12 });
  });
  it("never more shards than tasks, never a share below the longest task; null when the target is below the overhead", () => {
    expect(suggestShards(100, 50, 2, 10, 1, 20)).toBeNull(); // budget 10 s < a 50 s task
    expect(suggestShards(100, 5, 3, 10, 1, 20)).toEqual({ shards: 3, wallPerShard: 10 + 100 / 3 });
    expect(suggestShards(100, 5, 30, 30, 1, 20)).toBeNull();
  });
});
