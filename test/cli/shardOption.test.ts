/**
 * `--shard` values: i/N, and auto from a Slurm job array (SLURM_ARRAY_TASK_ID relative to SLURM_ARRAY_TASK_MIN,
 * of SLURM_ARRAY_TASK_COUNT) or a Kubernetes Indexed Job (0-based JOB_COMPLETION_INDEX, count from auto/N or
 * RADVAL_SHARD_COUNT); every bad combination is an INVALID_OPTION naming --shard.
 */
import { describe, expect, it } from "vitest";
import { parseShardOption } from "../../src/cli/shardOption.js";

describe("parseShardOption", () => {
  it("i/N", () => {
    expect(parseShardOption("2/4", {})).toEqual({ index: 2, count: 4 });
    expect(parseShardOption("1/1", {})).toEqual({ index: 1, count: 1 });
  });

  it("auto in a Slurm array: --array=1-4, 0-3 and 5-8 all give shards 1…4 of 4", () => {
    expect(parseShardOption("auto", { SLURM_ARRAY_TASK_ID: "1", SLURM_ARRAY_TASK_MIN: "1", SLURM_ARRAY_TASK_MAX: "4", SLURM_ARRAY_TASK_COUNT: "4" })).toEqual({ index: 1, count: 4 });
    expect(parseShardOption("auto", { SLURM_ARRAY_TASK_ID: "3", SLURM_ARRAY_TASK_MIN: "0", SLURM_ARRAY_TASK_MAX: "3", SLURM_ARRAY_TASK_COUNT: "4" })).toEqual({ index: 4, count: 4 });
    expect(parseShardOption("auto/4", { SLURM_ARRAY_TASK_ID: "6", SLURM_ARRAY_TASK_MIN: "5", SLURM_ARRAY_TASK_MAX: "8", SLURM_ARRAY_TASK_COUNT: "4" })).toEqual({ index: 2, count: 4 });
  });

  it("auto in a Slurm array: a step or gaps, and auto/N disagreeing with the array, are refused", () => {
    expect(() => parseShardOption("auto", { SLURM_ARRAY_TASK_ID: "3", SLURM_ARRAY_TASK_MIN: "1", SLURM_ARRAY_TASK_MAX: "7", SLURM_ARRAY_TASK_COUNT: "4" })).toThrow(/the Slurm array 1-7 has gaps or a step/);
    expect(() => parseShardOption("auto/3", { SLURM_ARRAY_TASK_ID: "1", SLURM_ARRAY_TASK_MIN: "1", SLURM_ARRAY_TASK_MAX: "4", SLURM_ARRAY_TASK_COUNT: "4" })).toThrow(/--shard auto\/3 but the Slurm array has 4 tasks/);
    expect(() => parseShardOption("auto", { SLURM_ARRAY_TASK_ID: "x", SLURM_ARRAY_TASK_COUNT: "4" })).toThrow(/SLURM_ARRAY_TASK_ID must be a whole number/);
  });

  it("auto in a Kubernetes Indexed Job: 0-based index, count from auto/N or RADVAL_SHARD_COUNT", () => {
    expect(parseShardOption("auto/4", { JOB_COMPLETION_INDEX: "0" })).toEqual({ index: 1, count: 4 });
    expect(parseShardOption("auto", { JOB_COMPLETION_INDEX: "3", RADVAL_SHARD_COUNT: "4" })).toEqual({ index: 4, count: 4 });
    expect(() => parseShardOption("auto", { JOB_COMPLETION_INDEX: "0" })).toThrow(/gives the index \(JOB_COMPLETION_INDEX\) but not the number of shards/);
    expect(() => parseShardOption("auto/4", { JOB_COMPLETION_INDEX: "4" })).toThrow(/JOB_COMPLETION_INDEX 4 is outside 0…3/);
  });

  it("errors name --shard and carry its value", () => {
    try {
      parseShardOption("5/4", {});
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/^option --shard: shard 5 of 4 does not exist/);
      expect((e as { where: { value: string } }).where.value).toBe("5/4");
    }
  });
});
