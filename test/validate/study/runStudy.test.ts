import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../../src/cli/io.js";
import { runCli } from "../../../src/cli/run.js";
import { createRng } from "../../../src/core/rng.js";
import { examplePath, loadExample, loadLongExample } from "../../../src/io/examples.js";
import { parseStudyResults } from "../../../src/report/resultsSchema.js";
import type { StudyResults } from "../../../src/report/results.js";
import { type StudyConfig, parseStudyConfig } from "../../../src/validate/config.js";
import { runStudy } from "../../../src/validate/study/runStudy.js";
import { signalDataset } from "../helpers.js";

const PBC_FEATURES = ["bili", "albumin", "platelet", "protime", "age"];

function pbcConfig(extra: Partial<StudyConfig> = {}): StudyConfig {
  return parseStudyConfig({
    seed: 3,
    data: { file: "pbc.csv", outcome: "cirrhosis", positive: 1, missingOutcome: "drop", features: PBC_FEATURES, development: { column: "cohort", value: "trial" } },
    models: [{ name: "Logistic", model: "logistic" }],
    internal: { cv: { folds: 5 }, bootstrap: { replicates: 10 } },
    external: { cohorts: [{ name: "external", column: "cohort", value: "external" }], updating: ["intercept", "logistic", "refit"] },
    ...extra,
  });
}

describe("runStudy on the PBC cohorts (development = trial, external = external)", () => {
  let results: StudyResults;
  beforeAll(async () => {
    const data = loadExample("pbc", { features: PBC_FEATURES });
    results = await runStudy({ config: pbcConfig(), data, long: null, dataFile: "pbc.csv", outcomeMissingDropped: 6 }, { createdAt: null });
  });

  it("writes a results object the report schema accepts", () => {
    expect(() => parseStudyResults(JSON.parse(JSON.stringify(results)))).not.toThrow();
    expect(results.schemaVersion).toBe(1);
  });

  it("finds the cohorts: 312 trial patients for development, 100 external (6 without stage dropped)", () => {
    expect(results.cohorts.map((c) => [c.name, c.role, c.n])).toEqual([
      ["development", "development", 312],
      ["external", "external", 100],
    ]);
    expect(results.cohorts[0]!.missing!.byFeature["platelet"]).toBe(4); // trial rows without a platelet count
  });

  it("the final model is glm's: same coefficients as R on the trial complete cases, here after median imputation of 4 platelets", () => {
    const final = results.models[0]!.final;
    expect(final.featureNames).toEqual(PBC_FEATURES);
    expect(final.nObservations).toBe(312);
    // imputation makes this differ slightly from glm on the 308 complete cases; the sign pattern is the clinical one
    const coef = Object.fromEntries(final.coefficients!.map((c) => [c.feature, c.value]));
    expect(coef["bili"]).toBeGreaterThan(0);
    expect(coef["albumin"]).toBeLessThan(0);
    expect(coef["platelet"]).toBeLessThan(0);
  });

  it("reports internal validation with an rms-style optimism table, .632+ rows and CV alongside", () => {
    const m = results.internalValidation!.models[0]!;
    expect(results.internalValidation!.scheme).toBe("bootstrap-optimism");
    expect(m.optimismTable.map((r) => r.index)).toEqual(["auc", "dxy", "brier", "intercept", "slope", "citl", "r2Nagelkerke", "emax"]);
    const auc = m.optimismTable[0]!;
    expect(auc.corrected).toBeCloseTo(auc.apparent! - auc.optimism!, 12);
    expect(m.dotPlus.map((d) => d.measure)).toEqual(["auc", "brier", "errorRate"]);
    expect(m.crossValidated!.auc!.estimate).toBeGreaterThan(0.6);
    expect(m.folds.length).toBe(5);
  });

  it("validates externally and updates the model three ways, each evaluated by CV in the external cohort", () => {
    const ext = results.externalValidation.filter((e) => e.cohort === "external");
    expect(ext.length).toBe(1);
    expect(ext[0]!.n).toBe(100);
    expect(ext[0]!.decisionCurve.length).toBe(99);
    expect(results.updating.map((u) => u.method)).toEqual(["recalibration-in-the-large", "logistic-recalibration", "refit"]);
    expect(Object.keys(results.updating[1]!.parameters)).toEqual(["intercept", "slope"]);
    // recalibration-in-the-large moves calibration-in-the-large towards 0 (it is estimated on other folds, so not exactly 0)
    const before = results.updating[0]!.before.calibrationIntercept!.estimate!;
    const after = results.updating[0]!.after.calibrationIntercept!.estimate!;
    expect(Math.abs(after)).toBeLessThan(Math.abs(before));
    expect(results.caseMix[0]!.smd.map((s) => s.feature)).toEqual(PBC_FEATURES);
  });

  it("is deterministic: the same seed gives the same results object", async () => {
    const data = loadExample("pbc", { features: PBC_FEATURES });
    const again = await runStudy({ config: pbcConfig(), data, long: null, dataFile: "pbc.csv", outcomeMissingDropped: 6 }, { createdAt: null });
    expect(JSON.stringify(again)).toBe(JSON.stringify(results));
  });
});

describe("a bootstrap-only study", () => {
  it("draws its internal curves from the out-of-bag predictions", async () => {
    const data = loadExample("pbc", { features: PBC_FEATURES });
    const config = pbcConfig({ internal: { bootstrap: { replicates: 8 } }, external: undefined });
    const results = await runStudy({ config, data, long: null, dataFile: "pbc.csv" }, { createdAt: null });
    const m = results.internalValidation!.models[0]!;
    expect(results.internalValidation!.description).toContain("out-of-bag");
    expect(m.roc!.points.length).toBeGreaterThan(100);
    expect(m.decisionCurve.length).toBe(99);
    expect(m.folds).toEqual([]);
  });
});

describe("leave-one-site-out on the multisite cohort", () => {
  it("gives four per-site validations and random-effects pooling of AUC, slope and calibration-in-the-large", async () => {
    const data = loadExample("multisite");
    const config = parseStudyConfig({
      data: { file: "multisite.csv", outcome: "outcome", site: "site" },
      reliability: { file: "test_retest.csv", id: "case_id", rater: "reader", unmeasured: "keep" },
      redundancy: { threshold: 0.8 },
      models: [{ model: "logistic" }],
      internal: { cv: { folds: 3 } },
      external: { leaveOneSiteOut: true },
    });
    const results = await runStudy({ config, data, long: loadLongExample("test_retest"), dataFile: "multisite.csv" }, { createdAt: null });
    const sites = results.externalValidation.filter((e) => e.site !== null);
    expect(sites.map((s) => [s.site, s.n])).toEqual([["A", 200], ["B", 160], ["C", 140], ["D", 100]]);
    expect(results.heterogeneity.map((h) => h.metric)).toEqual(["auc", "calibrationSlope", "calibrationIntercept"]);
    const auc = results.heterogeneity[0]!;
    expect(auc.pooled.estimate!).toBeGreaterThan(Math.min(...auc.sites.map((s) => s.estimate)));
    expect(auc.pooled.estimate!).toBeLessThan(Math.max(...auc.sites.map((s) => s.estimate)));
    expect(results.dataPreparation.reliability!.features.length).toBe(19); // the measured features
    // coverage: 19 of the 120 candidate features had test-retest data; the other 101 entered unassessed, and the results say so
    expect(results.dataPreparation.reliability!.assessed).toBe(19);
    expect(results.dataPreparation.reliability!.unassessed).toMatchObject({ count: 101, policy: "keep" });
    // the test-retest table's size is reported (examples/test_retest.csv: 40 cases × 3 readers), not null
    expect(results.dataPreparation.reliability).toMatchObject({ nCases: 40, nRaters: 3 });
    expect(results.dataPreparation.redundancy!.clusters.length).toBeGreaterThan(0);
    // pooled leave-one-site-out curves: every development patient once, predicted by the model fitted without their site
    const pooled = results.leaveOneSiteOutPooled[0]!;
    expect(pooled.n).toBe(600);
    expect(pooled.sites).toEqual(["A", "B", "C", "D"]);
    expect(pooled.events).toBe(sites.reduce((a, s) => a + s.events, 0));
    expect(pooled.roc!.auc!.estimate).toBe(pooled.metrics.auc!.estimate); // the legend's value is the pooled curve's AUC
    expect(pooled.decisionCurve.length).toBeGreaterThan(0);
  }, 60_000);

  it("candidate features without test-retest data need an explicit reliability.unassessed choice", async () => {
    const data = loadExample("multisite");
    const config = parseStudyConfig({
      data: { file: "multisite.csv", outcome: "outcome", site: "site" },
      reliability: { file: "test_retest.csv", id: "case_id", rater: "reader" },
      models: [{ model: "logistic" }],
      internal: { cv: { folds: 3 } },
    });
    await expect(runStudy({ config, data, long: loadLongExample("test_retest"), dataFile: "multisite.csv" }, { createdAt: null })).rejects.toMatchObject({
      code: "UNMEASURED_FEATURE",
      hint: expect.stringMatching(/reliability\.unassessed: keep .* or drop/),
    });
    const dropped = await runStudy(
      { config: parseStudyConfig({ ...JSON.parse(JSON.stringify(config)), reliability: { file: "test_retest.csv", id: "case_id", rater: "reader", unassessed: "drop" } }), data, long: loadLongExample("test_retest"), dataFile: "multisite.csv" },
      { createdAt: null },
    );
    expect(dropped.dataPreparation.reliability!.unassessed).toMatchObject({ count: 101, policy: "drop" });
    expect(dropped.models[0]!.final.featureNames.length).toBeLessThanOrEqual(19);
  }, 60_000);
});

describe("bad input in a study is a clear error naming the place", () => {
  it("fewer events than folds → TOO_FEW_EVENTS", async () => {
    const data = signalDataset(60, 3, 1, 1, createRng(1));
    const y = data.outcome!.values as Float64Array;
    // keep only 3 events
    let events = 0;
    const rare = Float64Array.from(y, (v) => (v === 1 && events++ < 3 ? 1 : 0));
    const config = parseStudyConfig({ data: { file: "x.csv", outcome: "y" }, models: [{ model: "logistic" }], internal: { cv: { folds: 5 } } });
    await expect(runStudy({ config, data: { ...data, outcome: { ...data.outcome!, values: rare } }, long: null, dataFile: "x.csv" })).rejects.toMatchObject({ code: "TOO_FEW_EVENTS" });
  });

  it("a site with one outcome class in leave-one-site-out is kept and reported as not estimable, naming the site (issue 15: degrade, don't abort)", async () => {
    const site = Array.from({ length: 90 }, (_, i) => ["A", "B", "C"][i % 3]!);
    const data = signalDataset(90, 3, 1, 1, createRng(2), site);
    const y = Float64Array.from(data.outcome!.values, (v, i) => (site[i] === "C" ? 0 : v));
    const config = parseStudyConfig({ data: { file: "x.csv", outcome: "y", site: "site" }, models: [{ model: "logistic" }], internal: { cv: { folds: 3 } }, external: { leaveOneSiteOut: true } });
    const results = await runStudy({ config, data: { ...data, outcome: { ...data.outcome!, values: y } }, long: null, dataFile: "x.csv" });
    const c = results.externalValidation.find((e) => e.site === "C")!;
    expect(c.notEstimable).toMatch(/^no events in 30 rows/);
    expect(c.metrics.auc).toBeNull();
  });

  it("a temporal cutoff that leaves an empty side → EMPTY_SPLIT", async () => {
    const data = loadExample("multisite");
    const config = parseStudyConfig({ data: { file: "multisite.csv", outcome: "outcome", date: "scan_date" }, models: [{ model: "logistic" }], external: { temporal: { cutoff: "2030-01-01" } } });
    await expect(runStudy({ config, data, long: null, dataFile: "multisite.csv" })).rejects.toMatchObject({ code: "EMPTY_SPLIT" });
  });

  it("a misspelt config key → exit 2 from radval validate, one line naming the key", async () => {
    const dir = mkdtempSync(join(tmpdir(), "radval-study-"));
    const file = join(dir, "study.yaml");
    writeFileSync(file, `data:\n  file: ${examplePath("wdbc")}\n  outcome: malignant\nmodels:\n  - model: logistic\ninternal:\n  bootstrapp:\n    replicates: 10\n`);
    const io = memoryIo();
    const code = await runCli(["validate", file, "--out", join(dir, "out"), "--workers", "1"], io);
    expect(code).toBe(2);
    const stderr = io.err.join("");
    expect(stderr.split("\n")[0]).toContain('config key "internal.bootstrapp"');
    expect(stderr).toContain('Did you mean "internal.bootstrap"');
  });
});
