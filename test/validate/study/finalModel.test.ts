import { describe, expect, it } from "vitest";
import { loadExample } from "../../../src/io/examples.js";
import { prepareEnginesNode } from "../../../src/io/prepareEngines.js";
import { aucMannWhitney } from "../../../src/metrics/auc.js";
import { frameOfRows } from "../../../src/preprocess/frame.js";
import type { StudyResults } from "../../../src/report/results.js";
import { parseStudyConfig } from "../../../src/validate/config.js";
import { type StudyModelFile, restoreWorkflow } from "../../../src/validate/modelFile.js";
import { type PredictionRow, runStudy } from "../../../src/validate/study/runStudy.js";

// Issue 13 ("one final fit per workflow"): the object fitted on the development rows is the reported model, the optimism
// bootstrap's original, the model validated externally and the model exported to model.json. Invariants over every model type,
// a tuned workflow included, on the PBC cohorts (development = trial, external = external; median imputation + scaling).
const FEATURES = ["bili", "albumin", "platelet", "protime", "age"];
const MODELS = [
  { name: "Logistic", model: "logistic" },
  { name: "LASSO", model: "lasso", params: { lambdaMinRatio: 0.01, innerFolds: 4 } },
  { name: "Elastic net", model: "enet", params: { lambdaMinRatio: 0.01, innerFolds: 4 } },
  { name: "SVM", model: "svm" },
  { name: "RBF SVM tuned", model: "svm", params: { kernel: "rbf" }, tune: { cost: [0.5, 2] } },
  { name: "Forest", model: "rf", params: { trees: 60 } },
];

async function study(): Promise<{ results: StudyResults; file: StudyModelFile; predictions: readonly PredictionRow[] }> {
  const config = parseStudyConfig({
    seed: 11,
    data: { file: "pbc.csv", outcome: "cirrhosis", positive: 1, missingOutcome: "drop", features: FEATURES, development: { column: "cohort", value: "trial" } },
    models: MODELS,
    internal: { bootstrap: { replicates: 8 } },
    external: { cohorts: [{ name: "external", column: "cohort", value: "external" }] },
  });
  const data = loadExample("pbc", { features: FEATURES });
  let file: StudyModelFile | null = null;
  let predictions: readonly PredictionRow[] = [];
  const results = await runStudy(
    { config, data, long: null, dataFile: "pbc.csv" },
    { createdAt: null, prepare: prepareEnginesNode, onModelFile: (f) => (file = f), onPredictions: (p) => (predictions = p) },
  );
  return { results, file: file!, predictions };
}

describe("one final fit per workflow: reported = bootstrapped = externally validated = exported", async () => {
  const { results, file, predictions } = await study();
  const data = loadExample("pbc", { features: FEATURES });
  const ids = new Map(data.ids.map((id, r) => [id, r]));

  it.each(MODELS.map((m, k) => [m.name, k] as const))("%s: corrected = apparent − mean optimism, exactly, for every index", (_, k) => {
    const iv = results.internalValidation!.models[k]!;
    for (const row of iv.optimismTable) {
      if (row.index === "emax" || row.apparent === null || row.optimism === null) continue;
      expect(row.corrected).toBe(row.apparent - row.optimism); // exact (same double arithmetic)
    }
    const auc = iv.optimismTable.find((r) => r.index === "auc")!;
    expect(auc.apparent).toBe(iv.apparent.auc!.estimate); // the bootstrap's original is the final model
  });

  it.each(MODELS.map((m, k) => [m.name, k] as const))("%s: model.json reproduces the apparent and external predictions bit for bit, and the report's apparent AUC", async (_, k) => {
    const exported = file.models[k]!;
    expect(exported.id).toBe(results.models[k]!.id);
    await prepareEnginesNode([exported.model.spec]);
    const restored = restoreWorkflow(exported);
    for (const scheme of ["apparent", "external"]) {
      const rows = predictions.filter((p) => p.model === exported.id && p.scheme === scheme);
      expect(rows.length).toBeGreaterThan(90);
      const idx = Int32Array.from(rows, (p) => ids.get(p.id)!);
      const prob = restored.predict(frameOfRows(data, idx));
      rows.forEach((p, i) => expect(prob[i]).toBe(p.prob)); // bitwise
      if (scheme === "apparent") {
        const auc = aucMannWhitney(Float64Array.from(rows, (p) => Number(p.outcome)), prob);
        expect(auc).toBe(results.internalValidation!.models[k]!.apparent.auc!.estimate); // exact
      } else {
        const ext = results.externalValidation.find((e) => e.model === exported.id && e.site === null)!;
        expect(aucMannWhitney(Float64Array.from(rows, (p) => Number(p.outcome)), prob)).toBeCloseTo(ext.metrics.auc!.estimate!, 14); // same double, 1e-14
      }
    }
  });

  it("linear models: the raw-scale formula applied to raw rows reproduces predictions.csv (1e-12)", () => {
    for (const m of results.models.filter((m) => m.final.rawScale)) {
      const raw = m.final.rawScale!;
      const fill = Object.fromEntries((raw.imputation ?? []).map((c) => [c.feature, c.value]));
      const rows = predictions.filter((p) => p.model === m.id && (p.scheme === "apparent" || p.scheme === "external"));
      let worst = 0;
      for (const p of rows) {
        const r = ids.get(p.id)!;
        let lp = raw.intercept;
        for (const c of raw.coefficients) {
          const j = data.featureNames.indexOf(c.feature);
          const v = data.x.data[j * data.x.nRows + r]!;
          lp += c.value * (Number.isNaN(v) ? fill[c.feature]! : v);
        }
        worst = Math.max(worst, Math.abs(1 / (1 + Math.exp(-lp)) - p.prob));
      }
      expect(worst).toBeLessThan(1e-12);
    }
    expect(results.models.filter((m) => m.final.rawScale).map((m) => m.model)).toEqual(["logistic", "elasticNet", "elasticNet"]);
  });

  it("PBC logistic on the raw scale: intercept 0.281, albumin −1.85 per g/dl, age 0.0198 per year (issue 13's patient 314 reads 0.698)", () => {
    const raw = results.models[0]!.final.rawScale!;
    const coef = Object.fromEntries(raw.coefficients.map((c) => [c.feature, c.value]));
    expect(raw.intercept).toBeCloseTo(0.281, 3);
    expect(coef["albumin"]).toBeCloseTo(-1.85, 2);
    expect(coef["age"]).toBeCloseTo(0.0198, 4);
    expect(results.models[0]!.final.coefficientScale).toMatch(/standardised/);
    const p314 = predictions.find((p) => p.model === results.models[0]!.id && p.id === "314")!;
    expect(p314.prob).toBeCloseTo(0.698, 3);
  });

  it("non-linear models carry no formula; every model names model.json and lists its recipe constants", () => {
    for (const m of results.models) {
      expect(m.final.modelFile).toBe("model.json");
      expect(m.final.recipe.map((s) => s.type)).toEqual(["impute", "standardize"]);
      if (m.model === "svm" || m.model === "randomForest") expect(m.final.rawScale).toBeNull();
    }
  });
});

describe("curves are labelled by what they show (issue 13, item 5)", async () => {
  const { results } = await study();
  const { buildCharts } = await import("../../../src/report/reportCharts.js");
  const { formatEstimate } = await import("../../../src/report/charts/common.js");

  it("each internal ROC curve's legend AUC is the area under the drawn points (1e-12), with a bootstrap band", () => {
    for (const m of results.internalValidation!.models) {
      const roc = m.roc!;
      let area = 0;
      const pts = [...roc.points].sort((a, b) => a.fpr - b.fpr || a.tpr - b.tpr);
      for (let k = 1; k < pts.length; k++) area += ((pts[k]!.fpr - pts[k - 1]!.fpr) * (pts[k]!.tpr + pts[k - 1]!.tpr)) / 2;
      expect(Math.abs(area - roc.auc!.estimate!)).toBeLessThan(1e-12);
      expect(roc.band!.length).toBe(101);
      expect(roc.bandMethod).toMatch(/stratified bootstrap/);
    }
    const chart = buildCharts(results).find((c) => c.id === "roc-internal")!;
    const legend = JSON.stringify(chart.spec);
    for (const m of results.internalValidation!.models) {
      const a = m.roc!.auc!;
      expect(legend).toContain(formatEstimate(a.estimate, a.lower, a.upper));
    }
    expect(chart.caption).toMatch(/AUC of each drawn curve/);
  });

  it("optimism charts show only indexes the replicates estimated (no 'mean 0.000' over an empty histogram)", () => {
    for (const m of results.internalValidation!.models) for (const d of m.optimism) expect(d.values.length).toBeGreaterThan(0);
  });
});
