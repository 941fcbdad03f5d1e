import { RadvalError } from "../../core/errors.js";
import type { FitPredictTask, TaskExecutor, TaskOutput, ValidationJob } from "../tasks.js";
import { decodeValue } from "./codec.js";
import { callHasher } from "./fingerprint.js";
import { type LoadedShard, type ShardCall, shardFileName } from "./format.js";
import { lptPartitioner } from "./partition.js";

/** A task executor answering from shard files; `finish` checks every recorded call and output was used. */
export interface ReplayExecutor extends TaskExecutor {
  finish(): void;
}

interface Entry {
  readonly fingerprint: string;
  readonly output: LoadedShard["file"]["tasks"][number]["output"];
  readonly shard: LoadedShard;
}

/**
 * The replay executor of `radval merge`: answers the study run's executor
 * calls, in order, from the outputs recorded in a complete, checked set of
 * shard files (`checkShardSet`), fitting nothing. Each call must match the
 * recorded one (same dataset, workflows and task fingerprints), each task's
 * output must come from the shard the partition assigns it to, and at the
 * end (`finish`) every recorded call and output must have been used — so the
 * assembly downstream sees exactly the outputs a single-machine run computes.
 */
export function replayExecutor(shards: readonly LoadedShard[]): ReplayExecutor {
  const reference = shards[0]!.file;
  const count = reference.shard.count;
  const calls: readonly ShardCall[] = reference.calls;
  const entries = new Map<string, Entry>();
  for (const shard of shards) {
    for (const t of shard.file.tasks) {
      const other = entries.get(t.id);
      if (other) {
        throw new RadvalError("INVALID_ARGUMENT", `task ${t.id} is in two shard files: ${other.shard.source} and ${shard.source}`, { where: { file: shard.source }, hint: "The shards come from different partitions: recompute them with one --shard i/N set." });
      }
      entries.set(t.id, { fingerprint: t.fingerprint, output: t.output, shard });
    }
  }
  const partition = lptPartitioner(count);
  const identify = callHasher();
  let next = 0;
  let used = 0;
  return {
    workers: 1,
    async run(job: ValidationJob, tasks: readonly FitPredictTask[], onProgress?: (done: number, total: number) => void): Promise<TaskOutput[]> {
      const call = next++;
      const recorded = calls[call];
      const identity = identify(job, tasks);
      if (!recorded) {
        throw new RadvalError("INVALID_ARGUMENT", `the study asks for more fit calls (${call + 1}) than the shards recorded (${calls.length})`, { where: { file: shards[0]!.source }, hint: "The config, data or radval differ from the shards' run: recompute the shards." });
      }
      if (recorded.dataHash !== identity.dataHash) {
        throw new RadvalError("INVALID_ARGUMENT", `the data differ from the shards' (call ${call}: hash ${identity.dataHash}, shards ${recorded.dataHash})`, { where: { file: shards[0]!.source }, hint: "A data file changed after the shards ran: recompute them, or restore the data." });
      }
      if (recorded.workflowsHash !== identity.workflowsHash || recorded.digest !== identity.digest || recorded.tasks !== tasks.length) {
        throw new RadvalError("INVALID_ARGUMENT", `the fit tasks of call ${call} (${tasks.length}) differ from the shards' (${recorded.tasks})`, { where: { file: shards[0]!.source }, hint: "The config or radval differ from the shards' run: recompute the shards." });
      }
      const shardOf = partition(tasks, job.workflows);
      const out = tasks.map((task, k) => {
        const id = `${call}.${k}`;
        const entry = entries.get(id);
        const expected = shardOf[k]! + 1;
        if (!entry) {
          throw new RadvalError("INVALID_ARGUMENT", `task ${id} (${job.workflows[task.workflow]?.id ?? task.workflow}, ${task.splitId}) is missing from ${shardFileName({ index: expected, count })}`, {
            where: { file: shards.find((s) => s.file.shard.index === expected)?.source ?? shardFileName({ index: expected, count }) },
            hint: `That shard file is incomplete: recompute shard ${expected}/${count}.`,
          });
        }
        if (entry.fingerprint !== identity.fingerprints[k] || entry.shard.file.shard.index !== expected) {
          throw new RadvalError("INVALID_ARGUMENT", `task ${id} in this file is not the fit the study asks for (fingerprint or shard differs)`, { where: { file: entry.shard.source }, hint: "Recompute this shard." });
        }
        used++;
        return decodeValue(entry.output, entry.shard.file.strings) as TaskOutput;
      });
      onProgress?.(tasks.length, tasks.length);
      return out;
    },
    finish(): void {
      if (next !== calls.length || used !== entries.size) {
        throw new RadvalError("INVALID_ARGUMENT", `the shards recorded ${calls.length} fit calls and ${entries.size} outputs; the merge used ${next} and ${used}`, { where: { file: shards[0]!.source }, hint: "The config, data or radval differ from the shards' run: recompute the shards." });
      }
    },
  };
}
