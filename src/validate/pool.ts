import { availableParallelism } from "node:os";
import type { Piscina } from "piscina";
import { type ErrorLocation, RadvalError } from "../core/errors.js";
import { isCustomStep } from "../preprocess/registry.js";
import { type FitPredictTask, type TaskExecutor, type TaskOutput, type ValidationJob, inProcessExecutor } from "./tasks.js";

/** A RadvalError as it crosses the thread boundary. */
interface SerializedError {
  readonly code: string;
  readonly message: string;
  readonly detail: string;
  readonly where: ErrorLocation;
  readonly hint?: string;
}

function workerFile(): URL {
  // From dist/validate/pool.js the worker is its sibling; from the TypeScript sources (tests) use the build.
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL("../../dist/validate/worker.js", here) : new URL("./worker.js", here);
}

/**
 * A task executor on Node worker threads (piscina): the job (dataset and
 * workflows) is sent once per worker, tasks are spread over `workers` threads
 * and the outputs come back in task order. Every task carries its own
 * generator state, drawn before any parallel work, so the results are
 * bit-identical for any number of workers. `workers` ≤ 1 runs in this thread.
 * The feature matrix is shared by the threads, not copied ({@link shareFeatures}).
 * Threads start lazily, only as tasks arrive (never more than there are
 * tasks), and at most {@link maxWorkers} of them whatever `workers` says.
 * Call `close()` when done (the threads otherwise wait for their idle timeout).
 */
export function workerPoolExecutor(workers: number): TaskExecutor {
  if (!Number.isInteger(workers) || workers < 1) {
    throw new RadvalError("INVALID_OPTION", `workers must be a whole number ≥ 1, got ${workers}`, { where: { option: "--workers" } });
  }
  if (workers === 1) return inProcessExecutor;
  const threads = Math.min(workers, maxWorkers());
  // One pool per job: the job (dataset, workflows) is sent to the workers once, and reused while the same
  // job object comes back (a study run passes the same job to every procedure).
  let current: { job: ValidationJob; pool: Piscina } | null = null;
  const poolFor = async (job: ValidationJob): Promise<Piscina> => {
    if (current?.job === job) return current.pool;
    if (current) await current.pool.destroy();
    const { Piscina } = await import("piscina"); // loaded when a pool starts, not when radval starts
    // Threads start lazily (minThreads 0): a job with 5 tasks never starts 150 threads. The feature matrix goes
    // to them in shared memory: one copy for all threads instead of one per thread.
    const pool = new Piscina({ filename: workerFile().href, minThreads: 0, maxThreads: threads, workerData: shareFeatures(job), idleTimeout: 60_000 });
    current = { job, pool };
    return pool;
  };
  return Object.freeze({
    workers: threads,
    async run(job: ValidationJob, tasks: readonly FitPredictTask[], onProgress?: (done: number, total: number) => void): Promise<TaskOutput[]> {
      if (job.workflows.some((w) => w.steps.some(isCustomStep))) {
        throw new RadvalError("INVALID_OPTION", "custom recipe steps (functions) cannot be sent to worker threads", {
          where: { option: "--workers" },
          hint: "Run with workers = 1, or use the built-in steps.",
        });
      }
      if (tasks.length === 0) return [];
      if (tasks.length === 1) return inProcessExecutor.run(job, tasks, onProgress); // one task: no thread to start
      const pool = await poolFor(job);
      let done = 0;
      const settled = await Promise.allSettled(
        tasks.map((task) =>
          (pool.run(task) as Promise<TaskOutput | { error: SerializedError }>).then((out) => {
            done++;
            onProgress?.(done, tasks.length);
            return out;
          }),
        ),
      );
      // The first failure in task order (not in completion order), so the error reported is deterministic.
      return settled.map((result) => {
        if (result.status === "rejected") throw result.reason;
        const out = result.value;
        if ("error" in out) throw RadvalError.fromJSON(out.error);
        return out;
      });
    },
    async close(): Promise<void> {
      if (current) await current.pool.destroy();
      current = null;
    },
  });
}

/**
 * The job with its feature matrix in a `SharedArrayBuffer` (copied once, unless it is there already), so that
 * sending it to worker threads shares the matrix instead of cloning it into every thread (p = 20,000 features
 * × n = 1,000 rows is 160 MB per copy). The values, and so every result, are unchanged.
 */
export function shareFeatures(job: ValidationJob): ValidationJob {
  const x = job.data.x;
  if (x.data.buffer instanceof SharedArrayBuffer) return job;
  const shared = new Float64Array(new SharedArrayBuffer(x.data.byteLength));
  shared.set(x.data);
  return { ...job, data: { ...job.data, x: { ...x, data: shared } } };
}

/** Worker threads per core at most (a larger --workers is capped: each thread holds a copy of the job). */
export const WORKERS_PER_CORE = 2;

/** The most worker threads a pool starts: {@link WORKERS_PER_CORE} × the machine's parallelism, and never more than 64. */
export function maxWorkers(): number {
  return Math.max(1, Math.min(64, WORKERS_PER_CORE * availableParallelism()));
}

/** A sensible default worker count: the machine's parallelism (at most 64), at least 1. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(64, availableParallelism()));
}
