// Node worker for the validation pool (piscina): receives the job once as workerData, then runs tasks.
import { workerData } from "node:worker_threads";
import { type RadvalError, isRadvalError } from "../core/errors.js";
import { prepareEnginesNode } from "../io/prepareEngines.js";
import { type FitPredictTask, type TaskOutput, type ValidationJob, runTask } from "./tasks.js";

const job = workerData as ValidationJob;
let ready: Promise<void> | null = null;

/**
 * Runs one task in this worker (engines that load WebAssembly are prepared
 * once). A RadvalError comes back as data (`{ error }`), since errors lose
 * their code and location when they cross the thread boundary.
 */
export default async function runWorkerTask(task: FitPredictTask): Promise<TaskOutput | { error: ReturnType<RadvalError["toJSON"]> }> {
  ready ??= prepareEnginesNode(job.workflows.map((w) => w.model));
  await ready;
  try {
    return runTask(job, task);
  } catch (e) {
    if (isRadvalError(e)) return { error: e.toJSON() };
    throw e;
  }
}
