import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { randomForest } from "../../src/models/forest/spec.js";
import { logistic } from "../../src/models/logistic/spec.js";
import { customStep } from "../../src/preprocess/registry.js";
import type { FeatureFrame } from "../../src/preprocess/types.js";
import { stratifiedKFold } from "../../src/resample/stratifiedKFold.js";
import { resampleWorkflows } from "../../src/validate/crossValidation.js";
import { permutationTest } from "../../src/validate/permutation.js";
import { expandGrid } from "../../src/validate/tuning.js";
import { fitWorkflow, workflow } from "../../src/validate/workflow.js";
import { noiseDataset, signalDataset } from "./helpers.js";

describe("tuning grids and nested cross-validation", () => {
  it("expands a grid in row-major order of its keys", () => {
    expect(expandGrid({ a: [1, 2], b: ["x", "y"] })).toEqual([
      { a: 1, b: "x" },
      { a: 1, b: "y" },
      { a: 2, b: "x" },
      { a: 2, b: "y" },
    ]);
  });

  it("tunes inside every outer split on that split's analysis rows only (nested CV)", async () => {
    const data = signalDataset(150, 6, 2, 1.2, createRng(1));
    const seen: number[][] = [];
    const record = customStep("record", (frame: FeatureFrame, context) => {
      seen.push(Array.from(context.rows ?? []));
      return Object.freeze({ type: "custom", inputNames: frame.names, outputNames: frame.names, warnings: [], transform: (f: FeatureFrame) => f, describe: () => ({ type: "record", inputFeatures: 0, outputFeatures: 0 }) });
    });
    const spec = workflow({ id: "rf", label: "rf", steps: [record], model: randomForest({ trees: 15 }), tune: { mtry: [1, 3] }, innerFolds: 3 });
    const outer = stratifiedKFold(data.outcome!.values, 3, createRng(2));
    const [result] = await resampleWorkflows({ data, workflows: [spec] }, outer, createRng(3));
    // per outer split: 2 candidates × 3 inner folds + 1 final fit = 7 recipe fits, all inside the analysis rows
    expect(seen.length).toBe(3 * 7);
    outer.splits.forEach((split, s) => {
      const analysis = new Set(split.analysis);
      for (const rows of seen.slice(s * 7, (s + 1) * 7)) for (const r of rows) expect(analysis.has(r)).toBe(true);
      expect([1, 3]).toContain(result!.splits[s]!.tuned!["mtry"]);
    });
  });

  it("records the tuning candidates and the choice on a final fit", () => {
    const data = signalDataset(120, 4, 2, 1.5, createRng(4));
    const rows = Int32Array.from({ length: 120 }, (_, i) => i);
    const fitted = fitWorkflow(workflow({ id: "rf", label: "rf", steps: [], model: randomForest({ trees: 15 }), tune: { minNodeSize: [1, 20] } }), data, rows, createRng(5));
    expect(fitted.tuning!.candidates.map((c) => c.params["minNodeSize"])).toEqual([1, 20]);
    expect(fitted.tuning!.candidates.every((c) => c.auc !== null && c.auc > 0.5)).toBe(true);
    expect(fitted.model.spec.params["minNodeSize"]).toBe(fitted.tuning!.selected["minNodeSize"]);
  });
});

describe("label-permutation test of the whole pipeline", () => {
  const glm = workflow({ id: "glm", label: "glm", steps: [], model: logistic() });
  it("finds signal (p = 1/(K+1)) when there is some", async () => {
    const data = signalDataset(120, 3, 2, 1.5, createRng(6));
    const [result] = await permutationTest({ data, workflows: [glm] }, Int32Array.from({ length: 120 }, (_, i) => i), 19, 5, createRng(7));
    expect(result!.observedAuc).toBeGreaterThan(0.7);
    expect(result!.pValue).toBe(1 / 20);
    expect(Math.max(...result!.permutedAucs)).toBeLessThan(result!.observedAuc);
  });

  it("does not on pure noise", async () => {
    const data = noiseDataset(80, 3, createRng(8));
    const [result] = await permutationTest({ data, workflows: [glm] }, Int32Array.from({ length: 80 }, (_, i) => i), 19, 5, createRng(9));
    expect(result!.pValue).toBeGreaterThan(0.1);
  });
});
