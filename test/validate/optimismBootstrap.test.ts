import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/core/dataset.js";
import { createRng } from "../../src/core/rng.js";
import { loadExample } from "../../src/io/examples.js";
import { logistic } from "../../src/models/logistic/spec.js";
import { bootstrap, bootstrapFromIndices } from "../../src/resample/bootstrap.js";
import { type OptimismResult, optimismBootstrap } from "../../src/validate/optimismBootstrap.js";
import { workflow } from "../../src/validate/workflow.js";

// Reference: plain R glm + pROC, ../shared/fixtures/fx_optimism_bootstrap_pbc.R → test/fixtures/optimism_bootstrap_pbc.json
// (trial cohort, complete cases on cirrhosis, bili, albumin, platelet, protime, age: n = 308, file order),
// and rms::validate(lrm(...), B = 1000) in the same file (Monte-Carlo reference).
const ref = JSON.parse(readFileSync(new URL("../fixtures/optimism_bootstrap_pbc.json", import.meta.url), "utf8"));
const FEATURES = ["bili", "albumin", "platelet", "protime", "age"];

function trialCompleteCases(): { data: Dataset; rows: Int32Array } {
  const data = loadExample("pbc", { features: FEATURES });
  const rows: number[] = [];
  for (let i = 0; i < data.x.nRows; i++) {
    const complete = FEATURES.every((_, j) => !Number.isNaN(data.x.data[j * data.x.nRows + i]!));
    if (data.group!.values[i] === "trial" && complete) rows.push(i);
  }
  return { data, rows: Int32Array.from(rows) };
}

const glm = workflow({ id: "glm", label: "glm", steps: [], model: logistic() });

describe("optimism bootstrap with R's bootstrap indices", () => {
  let result: OptimismResult;
  let n: number;
  beforeAll(async () => {
    const { data, rows } = trialCompleteCases();
    n = rows.length;
    const boots = bootstrapFromIndices(rows.length, ref.bootstrap_indices, 1);
    [result] = await optimismBootstrap({ data, workflows: [glm] }, rows, boots, createRng(1));
  });

  it("uses the same 308 development rows", () => {
    expect(n).toBe(308);
  });

  it("reproduces the original apparent AUC, Brier and slope (1e-8)", () => {
    expect(Math.abs(result.original.auc! - ref.original_apparent.auc)).toBeLessThan(1e-8);
    expect(Math.abs(result.original.brier! - ref.original_apparent.brier)).toBeLessThan(1e-8);
    expect(Math.abs(result.original.slope! - ref.original_apparent.slope)).toBeLessThan(1e-8);
  });

  it("reproduces every replicate's apparent and test AUC, Brier and slope (1e-8 absolute)", () => {
    const per = ref.per_bootstrap;
    const worst: Record<string, number> = {};
    result.replicates.forEach((r, b) => {
      for (const [name, ours, theirs] of [
        ["apparent auc", r.apparent.auc, per.apparent_auc[b]],
        ["apparent brier", r.apparent.brier, per.apparent_brier[b]],
        ["apparent slope", r.apparent.slope, per.apparent_slope[b]],
        ["test auc", r.test.auc, per.test_auc[b]],
        ["test brier", r.test.brier, per.test_brier[b]],
        ["test slope", r.test.slope, per.test_slope[b]],
      ] as Array<[string, number, number]>) {
        worst[name] = Math.max(worst[name] ?? 0, Math.abs(ours - theirs));
      }
    });
    expect(result.replicates.length).toBe(50);
    for (const value of Object.values(worst)) expect(value).toBeLessThan(1e-8);
  });

  it("reproduces the mean optimism and the corrected AUC, Brier and slope (1e-8)", () => {
    for (const m of ["auc", "brier", "slope"] as const) {
      expect(Math.abs(result.meanOptimism[m]! - ref.mean_optimism[m])).toBeLessThan(1e-8);
      expect(Math.abs(result.corrected[m]! - ref.optimism_corrected[m])).toBeLessThan(1e-8);
    }
  });

  it(".632+ is between the apparent and the out-of-bag estimate, and .632+ ≥ .632 for a loss", () => {
    const b = result.dotPlus.brier;
    expect(b.outOfBag).toBeGreaterThan(b.apparent);
    expect(b.dot632plus).toBeGreaterThanOrEqual(b.dot632 - 1e-15);
    expect(b.dot632plus).toBeLessThanOrEqual(b.outOfBag + 1e-15);
    const auc = result.dotPlus.auc!;
    expect(auc.dot632plus).toBeLessThanOrEqual(auc.dot632 + 1e-15);
    expect(auc.dot632plus).toBeGreaterThanOrEqual(auc.outOfBag - 1e-15);
  });
});

describe("optimism bootstrap with radval's own resamples against rms::validate (B = 1000, Monte Carlo)", () => {
  it("agrees within 0.01 on corrected Dxy, slope and Brier; the original indexes exactly", async () => {
    const { data, rows } = trialCompleteCases();
    const rng = createRng(2026);
    const boots = bootstrap(rows.length, 1000, rng.split());
    const [result] = await optimismBootstrap({ data, workflows: [glm] }, rows, boots, rng);
    const table = ref.rms_validate.table;
    expect(Math.abs(result!.original.dxy! - table.Dxy["index.orig"])).toBeLessThan(1e-8);
    expect(Math.abs(result!.original.r2Nagelkerke! - table.R2["index.orig"])).toBeLessThan(1e-8);
    expect(Math.abs(result!.original.brier! - table.B["index.orig"])).toBeLessThan(1e-8);
    expect(Math.abs(result!.corrected.dxy! - table.Dxy["index.corrected"])).toBeLessThan(0.01);
    expect(Math.abs(result!.corrected.slope! - table.Slope["index.corrected"])).toBeLessThan(0.01);
    expect(Math.abs(result!.corrected.brier! - table.B["index.corrected"])).toBeLessThan(0.01);
    // R², intercept and Emax as rms computes them, looser (Monte Carlo).
    expect(Math.abs(result!.corrected.r2Nagelkerke! - table.R2["index.corrected"])).toBeLessThan(0.02);
    expect(Math.abs(result!.corrected.intercept! - table.Intercept["index.corrected"])).toBeLessThan(0.05);
    expect(Math.abs(result!.correctedEmax! - table.Emax["index.corrected"])).toBeLessThan(0.02);
  }, 120_000);
});
