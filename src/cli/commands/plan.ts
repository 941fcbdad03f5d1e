import { performance } from "node:perf_hooks";
import type { Command } from "commander";
import { loadStudy } from "../../io/readStudy.js";
import { prepareEnginesNode } from "../../io/prepareEngines.js";
import { runStudy } from "../../validate/study/runStudy.js";
import { type FitPredictTask, type ValidationJob, runTask } from "../../validate/tasks.js";
import { taskCost } from "../../validate/shard/partition.js";
import { countingExecutor, estimateTaskSeconds, parseDuration, suggestShards } from "../../validate/shard/plan.js";
import { formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { numberOption } from "../options.js";
import { printJson } from "../output.js";

interface PlanOptions {
  seed?: string;
  target?: string;
  workers?: string;
  pilots?: string;
  json?: boolean;
  quiet?: boolean;
}

const MB = 1024 * 1024;
const bytesText = (b: number) => (b < MB ? `${(b / 1024).toFixed(0)} KB` : b < 1024 * MB ? `${(b / MB).toFixed(1)} MB` : `${(b / 1024 / MB).toFixed(2)} GB`);
const secondsText = (s: number) => (s < 1 ? `${(s * 1000).toFixed(0)} ms` : s < 120 ? `${s.toFixed(1)} s` : s < 7200 ? `${(s / 60).toFixed(1)} min` : `${(s / 3600).toFixed(1)} h`);

/** Evenly spaced picks of `k` items (first, …, last). */
function spread<T>(items: readonly T[], k: number): T[] {
  if (items.length <= k) return [...items];
  return Array.from({ length: k }, (_, j) => items[Math.round((j * (items.length - 1)) / Math.max(1, k - 1))]!);
}

/**
 * `radval plan <study.yaml>`: the resources a study needs before it runs.
 * A dry run of the study (every procedure, placeholders instead of fits; it
 * does fit the final models) lists every fit task by stage and measures the
 * per-shard overhead; a few pilot fits per model, spread over its range of
 * expected cost (after one warm-up fit), give seconds per unit of expected cost (partition.ts's `taskCost`), from
 * which every task's time is estimated; memory is the dataset (each worker
 * thread holds a copy) and the process's peak RSS during the pilots. Then
 * N = ⌈total / (workers × (target − overhead))⌉ shards for a wall-time target.
 */
export async function planCommand(configPath: string, options: PlanOptions, io: CliIo): Promise<void> {
  const seed = numberOption("--seed", options.seed, { min: 0, integer: true });
  const workers = numberOption("--workers", options.workers, { min: 1, integer: true, default: 1 })!;
  const pilots = numberOption("--pilots", options.pilots, { min: 1, max: 50, integer: true, default: 2 })!;
  const target = parseDuration(options.target ?? "1h");
  const start = performance.now();
  const loaded = loadStudy(configPath, { command: `radval run ${configPath}` });
  const counter = countingExecutor();
  await runStudy(loaded.inputs, {
    ...(seed !== undefined ? { seed } : {}),
    createdAt: null,
    executor: counter,
    onProgress: (stage) => counter.onStage(stage),
    prepare: prepareEnginesNode,
  });
  const overhead = (performance.now() - start) / 1000;

  // Pilot fits: per workflow, tasks spread over its range of expected cost (the cheapest first, as an untimed warm-up).
  const byWorkflow = new Map<string, { job: ValidationJob; task: FitPredictTask; cost: number }[]>();
  for (const call of counter.calls) {
    for (const task of call.tasks) {
      const w = call.job.workflows[task.workflow]!;
      byWorkflow.set(w.id, [...(byWorkflow.get(w.id) ?? []), { job: call.job, task, cost: taskCost(task, w) }]);
    }
  }
  const rssBefore = process.memoryUsage().rss;
  const pilotRows: Array<{ model: string; fits: number; secondsPerFit: number; secondsPerCost: number }> = [];
  const secondsPerCost = new Map<string, number>();
  for (const [id, tasks] of byWorkflow) {
    const chosen = spread([...tasks].sort((a, b) => a.cost - b.cost), pilots + 1);
    const timed = chosen.length > 1 ? chosen.slice(1) : chosen;
    if (chosen.length > 1) runTask(chosen[0]!.job, chosen[0]!.task); // warm-up (JIT, engine caches)
    let seconds = 0;
    let cost = 0;
    for (const { job, task, cost: c } of timed) {
      const t0 = performance.now();
      runTask(job, task);
      seconds += (performance.now() - t0) / 1000;
      cost += c;
    }
    secondsPerCost.set(id, seconds / cost);
    pilotRows.push({ model: id, fits: timed.length, secondsPerFit: seconds / timed.length, secondsPerCost: seconds / cost });
  }
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const data = loaded.inputs.data;
  const datasetBytes = data.x.data.byteLength + (data.outcome?.values.byteLength ?? 0);

  const perTask = estimateTaskSeconds(counter.calls, secondsPerCost);
  const stages = new Map<string, { tasks: number; seconds: number }>();
  counter.calls.forEach((c, k) => {
    const s = stages.get(c.stage) ?? { tasks: 0, seconds: 0 };
    s.tasks += c.tasks.length;
    s.seconds += perTask[k]!.reduce((a, b) => a + b, 0);
    stages.set(c.stage, s);
  });
  const all = perTask.flat();
  const total = all.reduce((a, b) => a + b, 0);
  const longest = all.reduce((a, b) => Math.max(a, b), 0);
  const suggestion = suggestShards(total, longest, all.length, overhead, workers, target);
  const summary = {
    config: configPath,
    fitTasks: all.length,
    stages: [...stages].map(([stage, s]) => ({ stage, tasks: s.tasks, estimatedSeconds: s.seconds })),
    pilots: pilotRows,
    overheadSeconds: overhead,
    estimatedTaskSeconds: total,
    longestTaskSeconds: longest,
    memory: { datasetBytes, peakRssBytes: peakRss, rssBeforePilotsBytes: rssBefore },
    target: { seconds: target, workersPerShard: workers, shards: suggestion?.shards ?? null, wallPerShardSeconds: suggestion?.wallPerShard ?? null },
  };
  if (options.json) {
    printJson(io, summary);
    return;
  }
  const lines = [
    `${configPath}: ${all.length} fit tasks`,
    formatTable(["stage", "fit tasks", "estimated time"], [...stages].map(([stage, s]) => [stage, String(s.tasks), secondsText(s.seconds)])).trimEnd(),
    `pilot fits on this machine: ${pilotRows.map((p) => `${p.model} ${secondsText(p.secondsPerFit)} per fit (${p.fits})`).join(", ")}`,
    `every shard (and the merge) also loads the study, fits the final models and assembles: ${secondsText(overhead)}`,
    `memory: the dataset is ${bytesText(datasetBytes)} (one copy per worker thread); peak RSS during the pilot fits ${(peakRss / MB).toFixed(0)} MB`,
    `all fit tasks on one thread: ${secondsText(total)} (longest task ${secondsText(longest)})`,
    suggestion
      ? `for a wall time of ${secondsText(target)} with ${workers} worker${workers > 1 ? "s" : ""} per shard: --shard i/${suggestion.shards} (about ${secondsText(suggestion.wallPerShard)} per shard)`
      : `a wall time of ${secondsText(target)} is not reachable: every shard needs ${secondsText(overhead)} of overhead plus its longest task (${secondsText(longest)})`,
  ];
  io.stdout(`${lines.join("\n")}\n`);
}

/** `radval plan`: fit tasks, measured time per task, memory and a suggested shard count (see {@link planCommand}). */
export function registerPlan(program: Command, io: CliIo): void {
  program
    .command("plan")
    .description("plan a sharded run: fit tasks by stage, time per task from pilot fits, memory, and the shard count for a target wall time")
    .argument("<study.yaml>", "study configuration")
    .option("--target <time>", "wall time per shard to aim for: 90s, 45m, 2h, 1h30m (default 1h)")
    .option("--workers <n>", "worker threads per shard (e.g. Slurm's --cpus-per-task; default 1)")
    .option("--pilots <n>", "timed pilot fits per model (default 2, after one warm-up fit)")
    .option("--seed <n>", "master seed (default: the config's seed, else 2026)")
    .option("--json", "print the plan as JSON")
    .option("--quiet", "print nothing on stderr")
    .action((file: string, options: PlanOptions) => planCommand(file, options, io));
}
