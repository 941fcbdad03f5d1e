import type { FitPredictTask, TaskOutput, ValidationJob } from "../tasks.js";

/**
 * The stand-in output of a fit task another shard computes, so that a shard's
 * study run goes through every procedure (and so reaches every later task
 * list) without fitting it: probabilities spread over 0.25–0.75 by a hash of
 * the row number (unrelated to the outcome, never 0 or 1, never constant:
 * every metric stays computable), their exact logits, nothing tuned or
 * selected. A shard run discards every result computed from these; only
 * real outputs are written to the shard file. The one place that knows the
 * fields of {@link TaskOutput}: when its shape changes, change this.
 */
export function placeholderOutput(_job: ValidationJob, task: FitPredictTask): TaskOutput {
  const n = task.predict.length;
  const prob = new Float64Array(n);
  const logit = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const u = (Math.imul(task.predict[k]! + 1, 0x9e3779b1) >>> 0) / 4294967296;
    prob[k] = 0.25 + 0.5 * u;
    logit[k] = Math.log(prob[k]! / (1 - prob[k]!));
  }
  return { prob, logit, tuned: null, features: [], selected: null, warnings: [] };
}
