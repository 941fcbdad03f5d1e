import { afterAll, describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { elasticNet } from "../../src/models/elasticnet/spec.js";
import { randomForest } from "../../src/models/forest/spec.js";
import { standardize } from "../../src/preprocess/scale.js";
import { bootstrap } from "../../src/resample/bootstrap.js";
import { stratifiedKFold } from "../../src/resample/stratifiedKFold.js";
import { resampleWorkflows } from "../../src/validate/crossValidation.js";
import { optimismBootstrap } from "../../src/validate/optimismBootstrap.js";
import { workerPoolExecutor } from "../../src/validate/pool.js";
import { type TaskExecutor, inProcessExecutor } from "../../src/validate/tasks.js";
import { workflow } from "../../src/validate/workflow.js";
import { signalDataset } from "./helpers.js";

// Same seed → bit-identical results, whatever the number of worker threads (issue 7). The pool runs the built
// worker (dist/validate/worker.js), which `npm test` builds before vitest.
const data = signalDataset(160, 12, 3, 0.8, createRng(11));
const rows = Int32Array.from({ length: 160 }, (_, i) => i);
const workflows = [
  workflow({ id: "lasso", label: "LASSO", steps: [standardize()], model: elasticNet({ mixture: 1, lambdaMinRatio: 0.01, innerFolds: 4 }) }),
  workflow({ id: "rf", label: "forest", steps: [], model: randomForest({ trees: 25 }) }),
];
const job = { data, workflows };
const executors: TaskExecutor[] = [];
afterAll(async () => {
  for (const e of executors) await e.close?.();
});

async function run(executor: TaskExecutor) {
  const cv = await resampleWorkflows(job, stratifiedKFold(data.outcome!.values, 4, createRng(5)), createRng(6), { executor });
  const boot = await optimismBootstrap(job, rows, bootstrap(rows.length, 6, createRng(7)), createRng(8), { executor });
  return {
    cv: cv.map((w) => w.splits.map((s) => Array.from(s.prob))),
    boot: boot.map((w) => ({ corrected: w.corrected, replicates: w.replicates.map((r) => r.test) })),
  };
}

describe("results do not depend on the number of workers", () => {
  it("1, 2 and 4 workers give bit-identical predictions and corrected indexes", async () => {
    const one = await run(inProcessExecutor);
    for (const workers of [2, 4]) {
      const executor = workerPoolExecutor(workers);
      executors.push(executor);
      expect(await run(executor)).toEqual(one); // toEqual on numbers is exact (Object.is semantics for NaN/±0 aside)
    }
  }, 120_000);

  it("an error inside a worker comes back as the same RadvalError, code and split named", async () => {
    const executor = workerPoolExecutor(2);
    executors.push(executor);
    const y = data.outcome!.values;
    // Folds whose analysis rows are all non-events: fold 1 holds every event.
    const events = Array.from(rows).filter((r) => y[r] === 1);
    const foldIds = Float64Array.from(rows, (r) => (y[r] === 1 ? 1 : 2 + (r % 2)));
    const { splitsFromFoldIds } = await import("../../src/resample/foldIds.js");
    expect(events.length).toBeGreaterThan(0);
    await expect(resampleWorkflows(job, splitsFromFoldIds(foldIds), createRng(1), { executor })).rejects.toMatchObject({
      code: "SINGLE_CLASS",
      where: { split: "Fold1" },
    });
  }, 60_000);
});
