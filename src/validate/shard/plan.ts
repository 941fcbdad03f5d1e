import { RadvalError } from "../../core/errors.js";
import type { FitPredictTask, TaskExecutor, TaskOutput, ValidationJob } from "../tasks.js";
import { taskCost } from "./partition.js";
import { placeholderOutput } from "./placeholder.js";

/** One executor call of a study, as a dry run saw it. */
export interface PlannedCall {
  /** The stage the study reported for it ("cross-validation", "optimism bootstrap", …; "model updating" when none). */
  readonly stage: string;
  readonly job: ValidationJob;
  readonly tasks: readonly FitPredictTask[];
}

/** A task executor for dry runs: records every call and its stage, fits nothing (placeholder outputs). */
export interface CountingExecutor extends TaskExecutor {
  readonly calls: PlannedCall[];
  /** Pass the study's stage reports here (runStudy's onProgress), so each call learns its stage. */
  onStage(stage: string): void;
}

/**
 * The dry-run executor of `radval plan`: a study run with it goes through
 * every procedure (with {@link placeholderOutput}s) and leaves the complete
 * list of fit tasks, call by call, with the stage each call belongs to (the
 * stage the study reports when the call announces its size).
 */
export function countingExecutor(): CountingExecutor {
  const calls: PlannedCall[] = [];
  let stage: string | null = null;
  return {
    workers: 1,
    calls,
    onStage: (s) => (stage = s),
    async run(job: ValidationJob, tasks: readonly FitPredictTask[], onProgress?: (done: number, total: number) => void): Promise<TaskOutput[]> {
      stage = null;
      onProgress?.(0, tasks.length);
      calls.push({ stage: stage ?? "model updating", job, tasks });
      return tasks.map((t) => placeholderOutput(job, t));
    },
  };
}

/** Parses a wall-time target: "90s", "45m", "2h", "1h30m", "1d", or plain seconds. Returns seconds. */
export function parseDuration(text: string, option = "--target"): number {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const re = /(\d+(?:\.\d+)?)\s*(d|h|m|s)/gy;
  let seconds = 0;
  let end = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    seconds += Number(m[1]) * { d: 86400, h: 3600, m: 60, s: 1 }[m[2] as "d" | "h" | "m" | "s"];
    end = re.lastIndex;
  }
  if (end !== t.length || end === 0 || !(seconds > 0)) {
    throw new RadvalError("INVALID_OPTION", `expected a duration such as 90s, 45m, 2h or 1h30m, got "${text}"`, { where: { option } });
  }
  return seconds;
}

/** Estimated time of every call's tasks from per-workflow seconds per cost unit (pilot fits). */
export function estimateTaskSeconds(calls: readonly PlannedCall[], secondsPerCost: ReadonlyMap<string, number>): number[][] {
  return calls.map((c) => c.tasks.map((t) => {
    const w = c.job.workflows[t.workflow];
    return taskCost(t, w) * (secondsPerCost.get(w?.id ?? "") ?? 0);
  }));
}

/**
 * The number of shards for a wall-time target: each shard pays `overhead`
 * seconds (loading, the final fits, the assembly) plus its share of the fit
 * tasks' total time spread over `workers` threads, so
 * N = ⌈total / (workers × (target − overhead))⌉, at least 1 and at most the
 * number of tasks (a shard's share is never below its longest task). Null
 * when the target is not above the overhead.
 */
export function suggestShards(totalSeconds: number, longestTask: number, tasks: number, overhead: number, workers: number, target: number): { shards: number; wallPerShard: number } | null {
  const budget = target - overhead;
  if (budget <= 0 || budget < longestTask) return null;
  const shards = Math.min(Math.max(1, tasks), Math.max(1, Math.ceil(totalSeconds / (workers * budget))));
  return { shards, wallPerShard: overhead + Math.max(longestTask, totalSeconds / (shards * workers)) };
}
