import type { WorkflowSpec } from "../workflow.js";
import type { FitPredictTask } from "../tasks.js";

/**
 * The expected cost of one fit, in arbitrary units, for balancing shards:
 * analysis rows × (tuning grid size × (inner folds + 1)) × (inner λ folds + 1
 * for elastic nets that choose λ by an inner CV). A deterministic function
 * of the task list (never a timing), so every shard computes the same
 * partition. It does not rank model families against each other.
 */
export function taskCost(task: FitPredictTask, workflow: WorkflowSpec | undefined): number {
  let grid = 1;
  if (workflow?.tune) for (const values of Object.values(workflow.tune)) grid *= Math.max(1, values.length);
  const tuning = grid > 1 ? grid * ((workflow?.innerFolds ?? 5) + 1) : 1;
  const innerLambda = workflow?.model.params["innerFolds"];
  const fixedPenalty = typeof workflow?.model.params["penalty"] === "number";
  const lambda = typeof innerLambda === "number" && !fixedPenalty ? innerLambda + 1 : 1;
  return Math.max(1, task.analysis.length) * tuning * lambda;
}

/**
 * Deterministic partition of a study's fit tasks over `count` shards by
 * greedy longest-processing-time (Graham 1969): the tasks of each executor
 * call, largest expected cost first (ties by task index), go to the shard
 * with the least total cost so far (ties to the lower shard). Loads carry
 * over from call to call, so the whole study is balanced while each call's
 * assignment is known as soon as its task list is (later task lists never
 * wait for earlier outputs). Returns a stateful assigner: call it once per
 * executor call, in order; it returns each task's shard (0-based).
 */
export function lptPartitioner(count: number): (tasks: readonly FitPredictTask[], workflows: readonly WorkflowSpec[]) => Int32Array {
  const load = new Float64Array(count);
  return (tasks, workflows) => {
    const cost = tasks.map((t) => taskCost(t, workflows[t.workflow]));
    const order = tasks.map((_, k) => k).sort((a, b) => cost[b]! - cost[a]! || a - b);
    const shardOf = new Int32Array(tasks.length);
    for (const k of order) {
      let best = 0;
      for (let s = 1; s < count; s++) if (load[s]! < load[best]!) best = s;
      shardOf[k] = best;
      load[best]! += cost[k]!;
    }
    return shardOf;
  };
}
