import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { logistic } from "../../src/models/logistic/spec.js";
import { customStep } from "../../src/preprocess/registry.js";
import type { FeatureFrame } from "../../src/preprocess/types.js";
import { bootstrap } from "../../src/resample/bootstrap.js";
import { stratifiedKFold } from "../../src/resample/stratifiedKFold.js";
import { resampleWorkflows } from "../../src/validate/crossValidation.js";
import { optimismBootstrap } from "../../src/validate/optimismBootstrap.js";
import { workflow } from "../../src/validate/workflow.js";
import { signalDataset } from "./helpers.js";

// Proof that the recipe is fit on analysis rows only: a step that records the rows (and the number of rows)
// it was fit on, and passes its input through unchanged.
function recordingStep(log: Array<{ rows: number[]; nFrame: number }>) {
  return customStep("record", (frame: FeatureFrame, context) => {
    log.push({ rows: Array.from(context.rows ?? []), nFrame: frame.x.nRows });
    return Object.freeze({
      type: "custom",
      inputNames: frame.names,
      outputNames: frame.names,
      warnings: [],
      transform: (input: FeatureFrame) => input,
      describe: () => ({ type: "record", inputFeatures: frame.names.length, outputFeatures: frame.names.length }),
    });
  });
}

describe("every recipe step is fit on the analysis rows of its split and nothing else", () => {
  const data = signalDataset(120, 5, 2, 1, createRng(3));

  it("in cross-validation: the recorded rows are exactly each fold's analysis rows, never an assessment row", async () => {
    const log: Array<{ rows: number[]; nFrame: number }> = [];
    const spec = workflow({ id: "glm", label: "glm", steps: [recordingStep(log)], model: logistic() });
    const folds = stratifiedKFold(data.outcome!.values, 5, createRng(4));
    await resampleWorkflows({ data, workflows: [spec] }, folds, createRng(5));
    expect(log.length).toBe(5);
    folds.splits.forEach((split, k) => {
      expect(log[k]!.rows).toEqual(Array.from(split.analysis));
      expect(log[k]!.nFrame).toBe(split.analysis.length);
      const seen = new Set(log[k]!.rows);
      for (const r of split.assessment) expect(seen.has(r)).toBe(false);
    });
  });

  it("in the optimism bootstrap: each replicate's step saw its bootstrap sample (with repeats), the original fit all rows", async () => {
    const log: Array<{ rows: number[]; nFrame: number }> = [];
    const spec = workflow({ id: "glm", label: "glm", steps: [recordingStep(log)], model: logistic() });
    const rows = Int32Array.from({ length: 120 }, (_, i) => i);
    const samples = bootstrap(120, 3, createRng(6));
    await optimismBootstrap({ data, workflows: [spec] }, rows, samples, createRng(7));
    expect(log[0]!.rows).toEqual(Array.from(rows));
    samples.splits.forEach((split, b) => expect(log[b + 1]!.rows).toEqual(Array.from(split.analysis)));
  });
});
