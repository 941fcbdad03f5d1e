import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isRadvalError } from "../../../src/core/errors.js";
import { loadStudy } from "../../../src/io/readStudy.js";
import { predictProportionalOdds } from "../../../src/ordinal/proportionalOdds.js";
import type { StudyResults } from "../../../src/report/results.js";
import { frameOfRows } from "../../../src/preprocess/frame.js";
import { buildTables } from "../../../src/report/tables.js";
import { type StudyModelFile, restoreWorkflow } from "../../../src/validate/modelFile.js";
import { type PredictionRow, runStudy } from "../../../src/validate/study/runStudy.js";
import { workerPoolExecutor } from "../../../src/validate/pool.js";
import { randomEffectsMeta } from "../../../src/validate/metaAnalysis.js";
import survivalRef from "../../fixtures/survival_pbc.json" with { type: "json" };
import ordinalRef from "../../fixtures/ordinal_pbc.json" with { type: "json" };

// Outcome kinds through the study pipeline (issues 17 and 18, item 4): a survival and an ordinal study on PBC run by
// runStudy from a YAML config, checked against R on the rows the references use and for the engine's invariants.
// References: test/fixtures/fx_survival_pbc.R (coxph ties = "breslow", concordance, riskRegression::Score at 1825 days on the
// external cohort) and test/fixtures/fx_ordinal_pbc.R (ordinal::clm exact MLE, pROC DeLong AUCs of its linear predictor).
const PBC = resolve("examples/pbc.csv");
const dir = mkdtempSync(join(tmpdir(), "radval-kinds-"));

function yamlList(values: readonly (string | number)[]): string {
  return `[${values.join(", ")}]`;
}

function writeConfig(name: string, body: string): string {
  const path = join(dir, `${name}.study.yaml`);
  writeFileSync(path, body);
  return path;
}

interface Run {
  results: StudyResults;
  predictions: readonly PredictionRow[];
  file: StudyModelFile;
}

async function run(path: string, workers = 1): Promise<Run> {
  const loaded = loadStudy(path);
  let predictions: readonly PredictionRow[] = [];
  let file: StudyModelFile | null = null;
  const executor = workerPoolExecutor(workers);
  try {
    const results = await runStudy(loaded.inputs, { createdAt: null, executor, onPredictions: (p) => (predictions = p), onModelFile: (f) => (file = f) });
    return { results, predictions, file: file! };
  } finally {
    await executor.close?.();
  }
}

const survivalConfig = (extra = "") => `
seed: 5
data:
  file: ${PBC}
  outcome: {type: survival, time: time, event: status, eventValue: 2, horizon: 1825}
  features: [bili, albumin, protime, age, edema]
  development: {column: id, values: ${yamlList(survivalRef.dev_ids)}}
models:
  - {name: Cox, model: cox, params: {ties: breslow}}
  - {name: Cox LASSO, model: lasso, params: {innerFolds: 4, lambdaRule: min}}
internal:
  cv: {folds: 4}
  bootstrap: {replicates: 6}
external:
  cohorts:
    - {name: external, column: id, values: ${yamlList(survivalRef.ext_ids)}}
${extra}`;

describe("a time-to-event study", () => {
  let result: Run;
  const config = writeConfig("surv", survivalConfig());
  beforeAll(async () => {
    result = await run(config);
  }, 120_000);

  it("fits the Cox model R fits: raw-scale coefficients equal coxph(ties = 'breslow') on the same 308 patients", () => {
    const cox = result.results.models.find((m) => m.id === "cox")!;
    const raw = Object.fromEntries(cox.final.rawScale!.coefficients.map((c) => [c.feature, c.value]));
    survivalRef.cox.terms.forEach((term, j) => expect(raw[term]).toBeCloseTo(survivalRef.cox.coefficients[j]!, 7)); // tolerance 5e-8 (coxph converges to ~1e-9)
    expect(cox.final.rawScale!.scale).toBe("log-hazard");
  });

  it("reports R's Harrell C (development) and, in the external cohort, Harrell's and Uno's C, AUC(1825) and Brier(1825) of riskRegression::Score", () => {
    const v = result.results.outcomeValidation!;
    const cox = v.models.find((m) => m.model === "cox")!;
    expect(cox.metrics.find((r) => r.metric === "c")!.apparent).toBeCloseTo(survivalRef.concordance.harrell_dev.c, 9); // 5e-10
    const ext = cox.cohorts.find((c) => c.cohort === "external")!.survival!;
    expect(ext.concordance.harrell.c).toBeCloseTo(survivalRef.concordance.harrell_ext.c, 9);
    expect(ext.concordance.uno.c).toBeCloseTo(survivalRef.concordance.uno_ext.c, 7); // 5e-8
    expect(ext.horizon!.auc.estimate).toBeCloseTo(survivalRef.external_5y.auc[0]!.AUC, 6); // 5e-7: the fixtures' README tolerance 1e-6
    expect(ext.horizon!.brier!.estimate).toBeCloseTo(survivalRef.external_5y.brier[1]!.Brier, 6);
    expect(ext.horizon!.brierNull.estimate).toBeCloseTo(survivalRef.external_5y.brier[0]!.Brier, 6);
    // The metric set's external values are the same numbers (one computation path per index).
    expect(cox.metrics.find((r) => r.metric === "c")!.external["external"]).toBeCloseTo(survivalRef.concordance.harrell_ext.c, 9);
  });

  it("predicts R's 5-year risks for the external patients (Breslow baseline) and model.json reproduces them bit for bit", () => {
    const ext = result.predictions.filter((p) => p.model === "cox" && p.scheme === "external");
    expect(ext.map((p) => p.id)).toEqual(survivalRef.ext_ids.map(String));
    ext.forEach((p, i) => expect(p.prob).toBeCloseTo(survivalRef.external_5y.risk[i]!, 6)); // 5e-7
    const loaded = loadStudy(writeConfig("surv-again", survivalConfig()));
    const rows = Int32Array.from(ext.map((p) => loaded.inputs.data.ids.indexOf(p.id)));
    const restored = restoreWorkflow(result.file.models.find((m) => m.id === "cox")!).predictOutcome(frameOfRows(loaded.inputs.data, rows));
    expect(restored.kind).toBe("survival");
    if (restored.kind === "survival") ext.forEach((p, i) => expect(restored.risk[i]).toBe(p.prob)); // exact
  });

  it("the report's hazard-ratio table gives R's HR per raw unit with the Wald CI of coxph's standard errors", () => {
    const hr = buildTables(result.results).find((t) => t.id === "hazard-ratios")!;
    survivalRef.cox.terms.forEach((term, j) => {
      const row = hr.rows.find((r) => r[0] === "Cox" && r[1] === term)!;
      const b = survivalRef.cox.coefficients[j]!;
      const se = survivalRef.cox.std_errors[j]!;
      expect(row[4] as number).toBeCloseTo(Math.exp(b), 6); // 5e-7
      const [lo, hi] = String(row[5]).split("–").map(Number);
      expect(lo).toBeCloseTo(Number(Math.exp(b - 1.959963984540054 * se).toPrecision(3)), 10); // the table prints 3 significant digits
      expect(hi).toBeCloseTo(Number(Math.exp(b + 1.959963984540054 * se).toPrecision(3)), 10);
    });
  });

  it("corrected = apparent − optimism for every index, exactly", () => {
    for (const m of result.results.outcomeValidation!.models) {
      for (const r of m.metrics) {
        if (r.corrected === null) continue;
        expect(r.corrected).toBe(r.apparent! - r.optimism!);
      }
    }
  });

  it("gives identical results with 1 and 2 workers", async () => {
    const two = await run(config, 2);
    expect(JSON.stringify(two.results)).toBe(JSON.stringify(result.results));
  }, 120_000);

  it("refuses bad time-to-event input with the config key and row", async () => {
    const horizon = writeConfig("surv-h", survivalConfig().replace("horizon: 1825", "horizon: 99999"));
    await expect(run(horizon)).rejects.toThrow(/horizon 99999 is beyond the last follow-up/);
    const csv = join(dir, "neg.csv");
    writeFileSync(csv, "id,time,status,bili\n1,100,1,1.2\n2,-5,0,0.8\n3,300,1,2.1\n4,400,0,1.1\n");
    const negative = writeConfig("surv-neg", `data:\n  file: ${csv}\n  outcome: {type: survival, time: time, event: status, horizon: 200}\nmodels: [{model: cox}]\n`);
    const err = await run(negative).catch((e: unknown) => e);
    expect(isRadvalError(err) && err.code === "INVALID_ARGUMENT" && err.where.line === 3 && err.where.column === "time").toBe(true);
    const grid = writeConfig("surv-grid", survivalConfig().replace("params: {ties: breslow}}", "tune: {ties: [efron, breslow]}}"));
    await expect(run(grid)).rejects.toThrow(/tuning grids are for binary outcomes/);
    const svm = writeConfig("surv-svm", survivalConfig().replace("model: cox,", "model: svm,"));
    await expect(run(svm)).rejects.toThrow(/no model "svm" for a survival outcome/);
  }, 60_000);
});

const ordinalConfig = (outcome: string) => `
seed: 3
data:
  file: ${PBC}
  outcome: ${outcome}
  missingOutcome: drop
  features: [bili, albumin, protime, platelet, age]
  development: {column: id, values: ${yamlList(ordinalRef.ids)}}
models:
  - {name: PO, model: ordinalLogistic}
  - {name: Multinomial LASSO, model: lasso, params: {innerFolds: 4, lambdaRule: min}}
  - {name: Forest, model: rf, params: {trees: 40}}
  - {name: SVM, model: svm, params: {kernel: rbf}}
internal:
  cv: {folds: 4}
  bootstrap: {replicates: 4}
`;

describe("an ordinal study", () => {
  let result: Run;
  beforeAll(async () => {
    result = await run(writeConfig("ord", ordinalConfig('{column: stage, type: ordinal, cutoffs: [">=2", ">=3", "==4"]}')));
  }, 120_000);

  it("fits ordinal::clm's exact maximum: the apparent class probabilities equal the MLE's", () => {
    const po = result.predictions.filter((p) => p.model === "po" && p.scheme === "apparent");
    expect(po.map((p) => p.id)).toEqual(ordinalRef.ids.map(String));
    const loaded = loadStudy(writeConfig("ord-x", ordinalConfig("{column: stage, type: ordinal}")));
    const data = loadedRows(loaded, ordinalRef.ids.map(String), ordinalRef.features);
    const mle = predictProportionalOdds({ coefficients: ordinalRef.features.map((f) => (ordinalRef.mle.coefficients as Record<string, number>)[f]!), zeta: Object.values(ordinalRef.mle.zeta), featureNames: ordinalRef.features }, data);
    po.forEach((p, i) => ["1", "2", "3", "4"].forEach((level, k) => expect(p.values![`P(${level})`]).toBeCloseTo(mle.probabilities[i]![k]!, 6))); // 5e-7 (clm's gradient < 1e-6)
  });

  it("reports pROC's DeLong AUC at every cut-off (the cumulative probability ranks as the clm linear predictor)", () => {
    const po = result.results.outcomeValidation!.models.find((m) => m.model === "po")!;
    const ref = ordinalRef.dichotomised_auc.lp;
    expect(po.metrics.find((r) => r.metric === "auc:>=2")!.apparent).toBeCloseTo(ref.ge2.auc, 9); // 5e-10
    expect(po.metrics.find((r) => r.metric === "auc:>=3")!.apparent).toBeCloseTo(ref.ge3.auc, 9);
    expect(po.metrics.find((r) => r.metric === "auc:==4")!.apparent).toBeCloseTo(ref.eq4.auc, 9);
    const dev = po.cohorts[0]!.levels!;
    expect(dev.cutoffs.map((c) => c.cutoff)).toEqual([">=2", ">=3", "==4"]);
    expect(dev.cutoffs[2]!.ci![0]).toBeCloseTo(ref.eq4.ci_delong.lower, 9);
  });

  it("corrected = apparent − optimism for every index, exactly, and every index is reported for both models", () => {
    const names = ["auc:>=2", "auc:>=3", "auc:==4", "obuchowski", "handTill", "kappaLinear", "kappaQuadratic", "brier", "accuracy"];
    for (const m of result.results.outcomeValidation!.models) {
      expect(m.metrics.map((r) => r.metric)).toEqual(names);
      for (const r of m.metrics) {
        expect(r.apparent).not.toBeNull();
        expect(r.cvPooled).not.toBeNull();
        if (r.corrected !== null) expect(r.corrected).toBe(r.apparent! - r.optimism!);
      }
    }
  });

  it("model.json reproduces every model's apparent class probabilities bit for bit (proportional odds, multinomial LASSO, forest, SVM)", () => {
    const loaded = loadStudy(writeConfig("ord-y", ordinalConfig("{column: stage, type: ordinal}")));
    for (const exported of result.file.models) {
      const apparent = result.predictions.filter((p) => p.model === exported.id && p.scheme === "apparent");
      const rows = Int32Array.from(apparent, (p) => loaded.inputs.data.ids.indexOf(p.id));
      const restored = restoreWorkflow(exported).predictOutcome(frameOfRows(loaded.inputs.data, rows));
      expect(restored.kind).toBe("ordinal");
      if (restored.kind !== "ordinal") continue;
      apparent.forEach((p, i) => ["1", "2", "3", "4"].forEach((l, k) => expect(restored.probs[i * 4 + k]).toBe(p.values![`P(${l})`])));
    }
    expect(result.file.models.map((m) => m.model.spec.model)).toEqual(["ordinalLogistic", "elasticNet", "randomForest", "svm"]);
  });

  it("refuses unordered labels, a level absent from development and a cut-off with an empty side, naming the config key", async () => {
    const csv = join(dir, "grades.csv");
    writeFileSync(csv, `id,grade,x\n${Array.from({ length: 30 }, (_, i) => `${i + 1},${["mild", "moderate", "severe"][i % 3]},${i}`).join("\n")}\n`);
    const unordered = writeConfig("ord-u", `data:\n  file: ${csv}\n  outcome: {column: grade, type: ordinal}\nmodels: [{model: ordinalLogistic}]\n`);
    await expect(run(unordered)).rejects.toThrow(/no natural order/);
    const empty = writeConfig("ord-e", `data:\n  file: ${csv}\n  outcome: {column: grade, type: ordinal, levels: [mild, moderate, severe, critical]}\nmodels: [{model: ordinalLogistic}]\n`);
    await expect(run(empty)).rejects.toThrow(/level "critical" of grade has no cases among the development rows/);
    const side = writeConfig("ord-s", `data:\n  file: ${csv}\n  outcome: {column: grade, type: ordinal, levels: [mild, moderate, severe], cutoffs: [">=mild"]}\nmodels: [{model: ordinalLogistic}]\n`);
    const err = await run(side).catch((e: unknown) => e);
    expect(isRadvalError(err) && err.code === "EMPTY_CUTOFF_SIDE" && err.where.key === "data.outcome.cutoffs").toBe(true);
  }, 60_000);
});

function loadedRows(loaded: ReturnType<typeof loadStudy>, ids: readonly string[], features: readonly string[]) {
  const data = loaded.inputs.data;
  const rows = Int32Array.from(ids, (id) => data.ids.indexOf(id));
  const n = data.x.nRows;
  const x = new Float64Array(rows.length * features.length);
  features.forEach((f, j) => {
    const col = data.featureNames.indexOf(f);
    rows.forEach((r, i) => (x[j * rows.length + i] = data.x.data[col * n + r]!));
  });
  return { nRows: rows.length, nCols: features.length, data: x };
}

describe("leave-one-site-out for a time-to-event study (issue 17 item 4)", () => {
  it("holds each site out in turn: per-site C is the held-out model's, the pooled C is the meta-analysis of the per-site C on the logit scale", async () => {
    // PBC with four pseudo-sites (id mod 4), written by the test.
    const lines = readFileSync(PBC, "utf8").trim().split("\n");
    const csv = join(dir, "pbc_sites.csv");
    writeFileSync(csv, [`${lines[0]},site`, ...lines.slice(1).map((l) => `${l},${"ABCD"[Number(l.split(",")[0]) % 4]}`)].join("\n") + "\n");
    const path = writeConfig("sites", `seed: 4\ndata:\n  file: ${csv}\n  outcome: {type: survival, time: time, event: status, eventValue: 2, horizon: 1825}\n  features: [bili, albumin, protime, age, edema]\n  site: site\n  development: {column: cohort, value: trial}\nimpute: median\nmodels: [{name: Cox, model: cox}]\ninternal: {cv: {folds: 3}}\nexternal: {leaveOneSiteOut: true}\n`);
    const { results } = await run(path);
    const loso = results.outcomeValidation!.leaveOneSiteOut![0]!;
    expect(loso.sites.map((s) => s.site).sort()).toEqual(["A", "B", "C", "D"]);
    for (const s of loso.sites) expect(s.values["c"]).toBe(s.concordance!.estimate); // one computation per index
    const logit = (p: number) => Math.log(p / (1 - p));
    const m = randomEffectsMeta(loso.sites.map((s) => logit(s.concordance!.estimate)), loso.sites.map((s) => (s.concordance!.se / (s.concordance!.estimate * (1 - s.concordance!.estimate))) ** 2));
    expect(loso.meta!.estimate).toBeCloseTo(1 / (1 + Math.exp(-m.estimate)), 12);
    expect(loso.meta!.sites).toBe(4);
    expect(loso.pooled["c"]).toBeGreaterThan(0.7);
    expect(buildTables(results).some((t) => t.id === "site-performance")).toBe(true);
  }, 120_000);
});
