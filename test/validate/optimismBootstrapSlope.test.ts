import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { loadExample } from "../../src/io/examples.js";
import { logistic } from "../../src/models/logistic/spec.js";
import { bootstrapFromIndices } from "../../src/resample/bootstrap.js";
import { optimismBootstrap } from "../../src/validate/optimismBootstrap.js";
import { workflow } from "../../src/validate/workflow.js";

// Reference: test/fixtures/fx_optimism_bootstrap_wdbc.R → optimism_bootstrap_wdbc.json (R glm with its default control, R's own
// bootstrap indices). WDBC with 5 features: predictions reach 8e-11, below the old 1e-7 clip, so a calibration slope fit on
// logits of clipped probabilities drifts from R's glm(y ~ lp) (issue 13, finding 5). radval fits it on the model's own lp.
const ref = JSON.parse(readFileSync(new URL("../fixtures/optimism_bootstrap_wdbc.json", import.meta.url), "utf8"));

describe("optimism bootstrap calibration slopes on the model's linear predictor (WDBC, outside the shared fixtures)", async () => {
  const data = loadExample("wdbc", { features: ref.features });
  const rows = Int32Array.from({ length: data.x.nRows }, (_, i) => i);
  const boots = bootstrapFromIndices(rows.length, ref.bootstrap_indices, 1);
  const [result] = await optimismBootstrap({ data, workflows: [workflow({ id: "glm", label: "glm", steps: [], model: logistic() })] }, rows, boots, createRng(1));

  it("the replicates reach probabilities far below 1e-7 (the case the old clipping got wrong)", () => {
    expect(Math.min(...ref.per_bootstrap.min_prob)).toBeLessThan(1e-9);
  });

  it("every replicate's apparent and test calibration slope equals R's (1e-10 absolute)", () => {
    let worst = 0;
    result!.replicates.forEach((r, b) => {
      worst = Math.max(worst, Math.abs(r.apparent.slope! - ref.per_bootstrap.apparent_slope[b]), Math.abs(r.test.slope! - ref.per_bootstrap.test_slope[b]));
    });
    expect(worst).toBeLessThan(1e-10);
  });

  it("test AUC and Brier per replicate (1e-10), mean optimism and corrected slope (1e-10)", () => {
    result!.replicates.forEach((r, b) => {
      expect(Math.abs(r.test.auc! - ref.per_bootstrap.test_auc[b])).toBeLessThan(1e-10);
      expect(Math.abs(r.test.brier! - ref.per_bootstrap.test_brier[b])).toBeLessThan(1e-10);
    });
    expect(Math.abs(result!.meanOptimism.slope! - ref.mean_optimism.slope)).toBeLessThan(1e-10);
    expect(Math.abs(result!.corrected.slope! - ref.optimism_corrected.slope)).toBeLessThan(1e-10);
    expect(Math.abs(result!.original.slope! - ref.original_apparent.slope)).toBeLessThan(1e-10);
  });
});
