import type { FitPredictTask, TaskExecutor, TaskOutput, ValidationJob } from "../tasks.js";
import { encodeValue, stringTable } from "./codec.js";
import { callHasher } from "./fingerprint.js";
import type { ShardCall, ShardIndex, ShardRecord, ShardTask } from "./format.js";
import { lptPartitioner } from "./partition.js";
import { placeholderOutput } from "./placeholder.js";

/** A task executor that computes one shard's tasks and records their outputs. */
export interface ShardRecorder extends TaskExecutor {
  /** The calls seen so far and the outputs this shard computed (the body of its shard file). */
  record(): ShardRecord;
  /** Number of fit tasks this shard computed so far. */
  computed(): number;
}

/**
 * The recording shard executor: wraps `inner` (the worker pool or this
 * thread) so that a study run computes only shard `shard.index` of
 * `shard.count`. Executor calls are numbered in order; task k of call c has
 * the id `c.k` and a fingerprint (fingerprint.ts). Each call's tasks are
 * assigned to shards by {@link lptPartitioner} (deterministic, balanced by
 * expected cost); this shard's go to `inner`, the others get
 * {@link placeholderOutput}s so the study run continues to its next call.
 * Only the computed outputs are recorded (generically encoded, codec.ts),
 * never a placeholder. A study's task lists never depend on earlier outputs
 * (every split and seed is drawn from the master seed up front), so all
 * shards see the same calls; the merge checks it.
 */
export function recordingShardExecutor(inner: TaskExecutor, shard: ShardIndex): ShardRecorder {
  const partition = lptPartitioner(shard.count);
  const identify = callHasher();
  const calls: ShardCall[] = [];
  const recorded: ShardTask[] = [];
  const table = stringTable();
  let total = 0;
  return {
    workers: inner.workers,
    async run(job: ValidationJob, tasks: readonly FitPredictTask[], onProgress?: (done: number, total: number) => void): Promise<TaskOutput[]> {
      const call = calls.length;
      const identity = identify(job, tasks);
      calls.push({ call, tasks: tasks.length, dataHash: identity.dataHash, workflowsHash: identity.workflowsHash, digest: identity.digest });
      total += tasks.length;
      const shardOf = partition(tasks, job.workflows);
      const mine = tasks.map((_, k) => k).filter((k) => shardOf[k] === shard.index - 1);
      const computed = mine.length ? await inner.run(job, mine.map((k) => tasks[k]!), onProgress) : [];
      const outputs = tasks.map((task) => placeholderOutput(job, task));
      mine.forEach((k, j) => {
        outputs[k] = computed[j]!;
        recorded.push({ id: `${call}.${k}`, fingerprint: identity.fingerprints[k]!, output: encodeValue(computed[j], table, `task ${call}.${k}`) });
      });
      return outputs;
    },
    record: () => ({ calls: [...calls], totalTasks: total, tasks: [...recorded], strings: [...table.strings] }),
    computed: () => recorded.length,
    ...(inner.close ? { close: () => inner.close!() } : {}),
  };
}
