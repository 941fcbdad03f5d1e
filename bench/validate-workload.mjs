// The workload of validate.bench.mjs, shared with its child process: a LASSO workflow (scale → redundancy
// clustering → scale → cv.glmnet-style inner λ choice, lambda.min.ratio 0.01, 10 inner folds) on the bundled
// multisite cohort, and B bootstrap index vectors.
import { loadExample } from "../dist/io/examples.js";
import { createRng } from "../dist/core/rng.js";
import { allRows } from "../dist/core/matrix.js";
import { bootstrap } from "../dist/resample/bootstrap.js";
import { workflow } from "../dist/validate/workflow.js";
import { standardize } from "../dist/preprocess/scale.js";
import { redundancyStep } from "../dist/preprocess/redundancy.js";
import { elasticNet } from "../dist/models/elasticnet/spec.js";

/** The job, all rows and `B` bootstrap samples (seed 1). */
export function lassoBootstrapWorkload(B) {
  const data = loadExample("multisite");
  const rows = allRows(data.x.nRows);
  const lasso = workflow({
    id: "lasso",
    label: "LASSO",
    steps: [standardize(), redundancyStep({ threshold: 0.9, representative: "variance" }), standardize()],
    model: elasticNet({ mixture: 1, innerFolds: 10, lambdaMinRatio: 0.01 }),
  });
  return { job: { data, workflows: [lasso] }, rows, samples: bootstrap(rows.length, B, createRng(1)) };
}
