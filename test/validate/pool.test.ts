import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { maxWorkers, workerPoolExecutor } from "../../src/validate/pool.js";

describe("workerPoolExecutor: bounded resources", () => {
  it("caps --workers 150 (or 10,000) at a sane multiple of the cores; no thread starts before a task arrives", async () => {
    expect(maxWorkers()).toBe(Math.max(1, Math.min(64, 2 * availableParallelism())));
    const pool = workerPoolExecutor(150);
    expect(pool.workers).toBe(Math.min(150, maxWorkers()));
    expect(workerPoolExecutor(10_000).workers).toBe(maxWorkers());
    await pool.close?.(); // nothing was started: closing is immediate
  });
});
