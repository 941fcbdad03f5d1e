/**
 * The LPT partition of fit tasks over shards: deterministic, every task in exactly one shard, balanced within
 * Graham's bound (the most loaded shard exceeds the least loaded by at most the largest task cost), loads carried
 * from call to call.
 */
import { describe, expect, it } from "vitest";
import { lptPartitioner, taskCost } from "../../../src/validate/shard/partition.js";
import type { FitPredictTask } from "../../../src/validate/tasks.js";
import type { WorkflowSpec } from "../../../src/validate/workflow.js";

const wf = (id: string, params: Record<string, number | string> = {}, tune?: Record<string, number[]>): WorkflowSpec => ({ id, label: id, steps: [], model: { model: "x", engine: "x", params }, ...(tune ? { tune } : {}) });
const task = (workflow: number, n: number, id: string): FitPredictTask => ({ workflow, splitId: id, analysis: new Int32Array(n), predict: new Int32Array(3), rngState: [1, 2, 3, 4] });

describe("taskCost", () => {
  it("rows × tuning grid × (inner folds + 1) × (inner λ folds + 1 unless the penalty is fixed)", () => {
    expect(taskCost(task(0, 100, "a"), wf("glm"))).toBe(100);
    expect(taskCost(task(0, 100, "a"), wf("lasso", { innerFolds: 5 }))).toBe(600);
    expect(taskCost(task(0, 100, "a"), wf("lasso", { innerFolds: 5, penalty: 0.1 }))).toBe(100);
    expect(taskCost(task(0, 100, "a"), { ...wf("svm", {}, { cost: [0.1, 1, 10], gamma: [1, 2] }), innerFolds: 4 })).toBe(100 * 6 * 5);
  });
});

describe("lptPartitioner", () => {
  const workflows = [wf("glm"), wf("lasso", { innerFolds: 3 })];
  const calls = [
    Array.from({ length: 10 }, (_, k) => task(k % 2, 50 + ((k * 37) % 23), `cv${k}`)),
    Array.from({ length: 17 }, (_, k) => task(k % 2, 80, `boot${k}`)),
    [task(1, 200, "site")],
  ];
  for (const count of [1, 2, 3, 7]) {
    it(`N = ${count}: deterministic, each task once, balanced within the largest task's cost`, () => {
      const run = () => {
        const p = lptPartitioner(count);
        return calls.map((c) => Array.from(p(c, workflows)));
      };
      const first = run();
      expect(run()).toEqual(first);
      const load = new Array(count).fill(0);
      calls.forEach((c, i) => c.forEach((t, k) => {
        const s = first[i]![k]!;
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThan(count);
        load[s] += taskCost(t, workflows[t.workflow]);
      }));
      const maxCost = Math.max(...calls.flat().map((t) => taskCost(t, workflows[t.workflow])));
      expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(maxCost);
    });
  }
});
