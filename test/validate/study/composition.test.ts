import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadStudy } from "../../../src/io/readStudy.js";
import { frameOfRows } from "../../../src/preprocess/frame.js";
import type { StudyResults } from "../../../src/report/results.js";
import { createRng } from "../../../src/core/rng.js";
import { type StudyModelFile, restoreWorkflow } from "../../../src/validate/modelFile.js";
import { type PredictionRow, runStudy } from "../../../src/validate/study/runStudy.js";
import { fitWorkflow } from "../../../src/validate/workflow.js";
import { parseStudyResults } from "../../../src/report/resultsSchema.js";
import { buildTables } from "../../../src/report/tables.js";
import { workflowsFromConfig, recipeFromConfig } from "../../../src/validate/study/pipeline.js";
import ref from "../../fixtures/reclassification_pbc.json" with { type: "json" };

// Issue 20 items 1–2: composed workflows (a rad-score stage feeding a logistic model) refit in every split, and the
// incremental value of each configured pair. Reference: test/fixtures/fx_reclassification_pbc.R — on the 308 trial
// patients complete on the labs, A = glm(cirrhosis ~ age + albumin), B = glm(… + bili + protime + platelet):
// Hmisc::improveProb, anova(A, B, test = "Chisq"), pROC::roc.test(paired DeLong), categorical NRI at 0.2 and 0.4.
const dir = mkdtempSync(join(tmpdir(), "radval-compose-"));
const config = join(dir, "compose.study.yaml");
writeFileSync(
  config,
  `seed: 9
data:
  file: ${resolve("examples/pbc.csv")}
  outcome: cirrhosis
  missingOutcome: drop
  features: [age, albumin, bili, protime, platelet]
  groups:
    clinical: [age, albumin]
    labs: "bili|protime|plate*"
  development: {column: id, values: [${ref.ids.join(", ")}]}
models:
  - {name: Clinical, model: logistic, predictors: clinical}
  - {name: Full, model: logistic, predictors: [clinical, labs]}
  - {name: Combined, model: logistic, predictors: [age, albumin, {radscore: {model: lasso, features: labs, params: {innerFolds: 4, lambdaRule: min}}}]}
internal:
  cv: {folds: 5}
  bootstrap: {replicates: 5}
incremental:
  pairs: [[Clinical, Full], [Clinical, Combined]]
  cutoffs: [0.2, 0.4]
`,
);

describe("composed workflows and incremental value", () => {
  let results: StudyResults;
  let file: StudyModelFile;
  let predictions: readonly PredictionRow[];
  beforeAll(async () => {
    const loaded = loadStudy(config);
    results = await runStudy(loaded.inputs, { createdAt: null, onModelFile: (f) => (file = f), onPredictions: (p) => (predictions = p) });
  }, 120_000);

  it("apparent incremental value of Full over Clinical equals R: paired DeLong, LR test, NRI (continuous and categorical) and IDI", () => {
    const set = results.incrementalValue![0]!.sets[0]!;
    expect(set.n).toBe(308);
    expect(set.aucComparator).toBeCloseTo(ref.delong.auc_A, 9); // 5e-10 (glm converged to ~1e-12)
    expect(set.aucModel).toBeCloseTo(ref.delong.auc_B, 9);
    // pROC's Z is for A − B; ours is B − A.
    expect(set.deltaAuc!.p).toBeCloseTo(ref.delong.p_value, 8);
    expect(set.lrt!.df).toBe(ref.lrt.df);
    expect(set.lrt!.statistic).toBeCloseTo(ref.lrt.deviance_difference, 6); // 5e-7
    expect(set.lrt!.p).toBeCloseTo(ref.lrt.p_value, 9);
    expect(set.nriContinuous!.estimate).toBeCloseTo(ref.improveProb.nri, 10);
    expect(set.nriContinuous!.events).toBeCloseTo(ref.improveProb["nri.ev"], 10);
    expect(set.nriContinuous!.nonEvents).toBeCloseTo(ref.improveProb["nri.ne"], 10);
    expect(set.nriContinuous!.lower).toBeCloseTo(ref.derived["ci95.nri"].lower, 8);
    expect(set.idi!.estimate).toBeCloseTo(ref.improveProb.idi, 9);
    expect(set.nriCategorical!.estimate).toBeCloseTo(ref.categorical_nri.nri, 10);
    expect(set.nriCategorical!.p).toBeCloseTo(ref.categorical_nri.p, 9);
  });

  it("reports the cross-validated and optimism-corrected ΔAUC from the same splits and replicates", () => {
    const pair = results.incrementalValue![0]!;
    expect(pair.sets.map((s) => s.data)).toEqual(["apparent (development)", "cross-validated (pooled out-of-fold, first repeat)"]);
    const corrected = (id: string) => results.internalValidation!.models.find((m) => m.model === id)!.corrected.auc!.estimate!;
    expect(pair.correctedDeltaAuc).toBe(corrected("full") - corrected("clinical"));
    const combined = results.incrementalValue![1]!.sets[0]!;
    expect(combined.lrt!.df).toBe(1); // the rad-score adds one parameter
  });

  it("refits the rad-score inside every split: a CV fold's predictions are those of the stage and model fitted on its analysis rows only", () => {
    const loaded = loadStudy(config);
    const data = loaded.inputs.data;
    const workflows = workflowsFromConfig(loaded.inputs.config, recipeFromConfig(loaded.inputs.config, null, false), data.featureNames);
    const combined = workflows.find((w) => w.id === "combined")!;
    expect(combined.stages!.map((s) => s.name)).toEqual(["radscore"]);
    expect(combined.stages![0]!.workflow.predictors).toEqual(["bili", "protime", "platelet"]);
    // The stage fitted on half the rows gives other scores than the stage fitted on all: the score is not shared across splits.
    const rows = Int32Array.from(ref.ids.map((id) => data.ids.indexOf(String(id))));
    const half = rows.subarray(0, 154);
    const onHalf = fitWorkflow(combined, data, half, createRng(1));
    const onAll = fitWorkflow(combined, data, rows, createRng(1));
    const scoreHalf = onHalf.inputFrame(data, rows).x.data.subarray(2 * rows.length);
    const scoreAll = onAll.inputFrame(data, rows).x.data.subarray(2 * rows.length);
    expect(Array.from(scoreHalf)).not.toEqual(Array.from(scoreAll));
    // Re-fitting the same fold twice gives the same predictions (the stage is part of the fit, not a cached input).
    const again = fitWorkflow(combined, data, half, createRng(1));
    expect(Array.from(again.predict(data, rows))).toEqual(Array.from(onHalf.predict(data, rows)));
  });

  it("model.json reproduces the composed model's apparent predictions bit for bit, its formula naming the rad-score", () => {
    const loaded = loadStudy(config);
    const exported = file.models.find((m) => m.id === "combined")!;
    expect(exported.stages!.map((s) => s.name)).toEqual(["radscore"]);
    expect(exported.inputFeatures).toEqual(["age", "albumin", "bili", "protime", "platelet"]);
    expect(Object.keys(exported.formula!.coefficients)).toContain("radscore");
    const apparent = predictions.filter((p) => p.model === "combined" && p.scheme === "apparent");
    const rows = Int32Array.from(apparent, (p) => loaded.inputs.data.ids.indexOf(p.id));
    const prob = restoreWorkflow(exported).predict(frameOfRows(loaded.inputs.data, rows));
    apparent.forEach((p, i) => expect(prob[i]).toBe(p.prob));
  });

  it("results.json keeps the incremental value and the composed model when read back for `radval report`", () => {
    const back = parseStudyResults(JSON.parse(JSON.stringify(results)));
    expect(back.incrementalValue).toEqual(results.incrementalValue);
    expect(buildTables(back).find((t) => t.id === "incremental-value")!.rows).toHaveLength(4);
  });

  it("names an unknown group or model of a pair in the error", async () => {
    const bad = join(dir, "bad.study.yaml");
    writeFileSync(bad, `data:\n  file: ${resolve("examples/pbc.csv")}\n  outcome: cirrhosis\n  missingOutcome: drop\n  features: [age, albumin]\nmodels: [{model: logistic, predictors: [clincal]}]\n`);
    await expect(runStudy(loadStudy(bad).inputs, { createdAt: null })).rejects.toThrow(/predictor "clincal" is neither a feature column nor a feature group/);
    const pair = join(dir, "pair.study.yaml");
    writeFileSync(pair, `data:\n  file: ${resolve("examples/pbc.csv")}\n  outcome: cirrhosis\n  missingOutcome: drop\n  features: [age, albumin]\nmodels: [{name: A, model: logistic}]\ninternal: {cv: {folds: 3}}\nincremental: {pairs: [[A, B]]}\n`);
    await expect(runStudy(loadStudy(pair).inputs, { createdAt: null })).rejects.toThrow(/names model "B", which is not one of the study's models/);
  }, 60_000);
});

// The leakage a composed model avoids (issue 20 item 1): on pure noise, a rad-score fitted once on all patients and then
// used as a predictor makes the cross-validated AUC of the combined model look good; the same score as a stage of the
// workflow (refit on the analysis rows of every fold) gives the AUC of noise.
describe("a rad-score stage does not leak", () => {
  it("noise: naive score (fitted on all rows) → CV AUC far above 0.5; the stage refit in every fold → about 0.5", async () => {
    const rng = createRng(2026);
    const n = 160;
    const p = 80;
    const header = ["id", "y", "c1", "c2", ...Array.from({ length: p }, (_, j) => `original_f${j}`)];
    const rows = Array.from({ length: n }, (_, i) => [String(i + 1), String(i % 2), ...Array.from({ length: p + 2 }, () => rng.normal().toFixed(5))]);
    const noise = join(dir, "noise.csv");
    writeFileSync(noise, [header, ...rows].map((r) => r.join(",")).join("\n") + "\n");
    const stage = "{model: ridge, features: radiomics, params: {penalty: 0.01}}";
    const composedPath = join(dir, "noise-composed.study.yaml");
    writeFileSync(composedPath, `seed: 1\ndata:\n  file: ${noise}\n  outcome: y\n  groups: {radiomics: "original_*"}\nmodels: [{name: Combined, model: logistic, predictors: [c1, c2, {radscore: ${stage}}]}]\ninternal: {cv: {folds: 5}}\n`);
    const composed = await runStudy(loadStudy(composedPath).inputs, { createdAt: null });
    const composedCv = composed.internalValidation!.models[0]!.corrected.auc!.estimate! // CV only: the internal estimate is the cross-validated one;

    // The naive way: the same ridge score fitted once on every patient, written into the table, then cross-validated.
    const loaded = loadStudy(composedPath);
    const data = loaded.inputs.data;
    const all = Int32Array.from({ length: n }, (_, i) => i);
    const ridge = workflowsFromConfig(loaded.inputs.config, recipeFromConfig(loaded.inputs.config, null, false), data.featureNames)[0]!.stages![0]!.workflow;
    const fitted = fitWorkflow(ridge, data, all, createRng(1));
    const naiveScore = fitted.predictWithLogit(data, all).logit!;
    const naiveCsv = join(dir, "noise-naive.csv");
    writeFileSync(naiveCsv, ["id,y,c1,c2,score", ...rows.map((r, i) => `${r[0]},${r[1]},${r[2]},${r[3]},${naiveScore[i]}`)].join("\n") + "\n");
    const naivePath = join(dir, "noise-naive.study.yaml");
    writeFileSync(naivePath, `seed: 1\ndata:\n  file: ${naiveCsv}\n  outcome: y\nmodels: [{name: Naive, model: logistic, predictors: [c1, c2, score]}]\ninternal: {cv: {folds: 5}}\n`);
    const naive = await runStudy(loadStudy(naivePath).inputs, { createdAt: null });
    const naiveCv = naive.internalValidation!.models[0]!.corrected.auc!.estimate!;

    expect(naiveCv).toBeGreaterThan(0.8); // the leak: the outcome was used to build the score every fold then "validates"
    expect(Math.abs(composedCv - 0.5)).toBeLessThan(0.12); // noise stays noise (SE of an AUC at n = 160 is about 0.046)
  }, 120_000);
});
