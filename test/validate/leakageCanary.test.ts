import { describe, expect, it } from "vitest";
import { allRows } from "../../src/core/matrix.js";
import { createRng } from "../../src/core/rng.js";
import { aucMannWhitney } from "../../src/metrics/auc.js";
import { logistic } from "../../src/models/logistic/spec.js";
import { frameOfRows } from "../../src/preprocess/frame.js";
import { standardize } from "../../src/preprocess/scale.js";
import { fitUnivariateFilter, univariateFilter } from "../../src/preprocess/univariateFilter.js";
import { repeatedStratifiedKFold } from "../../src/resample/repeatedStratifiedKFold.js";
import { poolByRepeat, resampleWorkflows } from "../../src/validate/crossValidation.js";
import { workflow } from "../../src/validate/workflow.js";
import { noiseDataset, syntheticDataset } from "./helpers.js";

// The leakage canary (issue 7): pure-noise features, labels independent of X (n = 100, p = 5,000).
// Selecting the 10 "best" features inside every CV fold gives CV AUC ≈ 0.5; selecting them once on all rows
// before CV (the mistake radval prevents by construction) gives an optimistic CV AUC.
const N = 100;
const P = 5000;
const pipeline = workflow({ id: "filter-logistic", label: "top-10 univariate filter + logistic", steps: [univariateFilter({ top: 10 }), standardize()], model: logistic() });

async function cvAuc(seed: number, selectFirst: boolean): Promise<number> {
  const rng = createRng(seed);
  let data = noiseDataset(N, P, rng.split());
  const y = data.outcome!.values;
  let spec = pipeline;
  if (selectFirst) {
    // The mistake: the filter sees all rows (and their outcomes) once, before cross-validation.
    const fitted = fitUnivariateFilter(univariateFilter({ top: 10 }), frameOfRows(data, allRows(N)), { y, rng: rng.split() });
    const kept = fitted.transform(frameOfRows(data, allRows(N)));
    data = syntheticDataset(new Float64Array(kept.x.data), N, kept.names.length, y);
    spec = workflow({ ...pipeline, id: "logistic-after-selection", steps: [standardize()] });
  }
  // 5 × repeated stratified 5-fold CV: the mean of the repeats' pooled out-of-fold AUCs (one partition alone
  // varies by ±0.08 on n = 100 noise).
  const folds = repeatedStratifiedKFold(y, 5, 5, rng.split());
  const [result] = await resampleWorkflows({ data, workflows: [spec] }, folds, rng.split());
  const aucs = poolByRepeat(result!, 5, y).map((pooled) => aucMannWhitney(pooled.y, pooled.prob));
  return aucs.reduce((a, b) => a + b, 0) / aucs.length;
}

describe("leakage canary: noise features, n = 100, p = 5,000", () => {
  it.each([1, 2, 3, 4, 5])("seed %i: selection inside every fold gives CV AUC in [0.40, 0.60]; selection before CV gives > 0.75", { timeout: 120_000 }, async (seed) => {
    const honest = await cvAuc(seed, false);
    const leaky = await cvAuc(seed, true);
    expect(honest).toBeGreaterThanOrEqual(0.4);
    expect(honest).toBeLessThanOrEqual(0.6);
    expect(leaky).toBeGreaterThan(0.75);
  });
});
