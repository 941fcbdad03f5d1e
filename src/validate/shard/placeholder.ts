import type { Prediction } from "../../core/prediction.js";
import type { FitPredictTask, TaskOutput, ValidationJob } from "../tasks.js";

/**
 * The stand-in output of a fit task another shard computes, so that a shard's
 * study run goes through every procedure (and so reaches every later task
 * list) without fitting it: a prediction of the job's outcome kind whose
 * values are spread by a hash of the row number (unrelated to the outcome,
 * never 0 or 1, never constant: every metric stays computable) — binary
 * P(event) in 0.25–0.75 with its exact logit, survival linear predictor and
 * risk, ordinal/nominal class probabilities that sum to 1 — nothing tuned
 * or selected. A shard run discards every result computed from these; only
 * real outputs are written to the shard file. The one place that knows the
 * fields of {@link TaskOutput}: when its shape changes, change this.
 */
export function placeholderOutput(job: ValidationJob, task: FitPredictTask): TaskOutput {
  const n = task.predict.length;
  const u = Float64Array.from(task.predict, (r) => 0.25 + 0.5 * ((Math.imul(r + 1, 0x9e3779b1) >>> 0) / 4294967296));
  const response = job.response;
  let prediction: Prediction;
  if (!response || response.kind === "binary") {
    prediction = { kind: "binary", prob: u, logit: Float64Array.from(u, (p) => Math.log(p / (1 - p))) };
  } else if (response.kind === "survival") {
    prediction = { kind: "survival", lp: Float64Array.from(u, (p) => Math.log(p / (1 - p))), risk: u };
  } else {
    const K = response.levels.length;
    const probs = new Float64Array(n * K);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let k = 0; k < K; k++) sum += probs[i * K + k] = u[i]! + k / K;
      for (let k = 0; k < K; k++) probs[i * K + k]! /= sum;
    }
    prediction = { kind: response.kind, nLevels: K, probs };
  }
  return { prediction, tuned: null, features: [], selected: null, warnings: [] };
}
