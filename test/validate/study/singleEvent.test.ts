import { describe, expect, it } from "vitest";
import { freezeDataset } from "../../../src/core/dataset.js";
import { createRng } from "../../../src/core/rng.js";
import { parseStudyResults } from "../../../src/report/resultsSchema.js";
import { parseStudyConfig } from "../../../src/validate/config.js";
import { runStudy } from "../../../src/validate/study/runStudy.js";
import { signalDataset } from "../helpers.js";

/** A learnable dataset where the rows listed in `oneEvent` keep exactly one event (the others set to 0). */
function withOneEvent(n: number, rows: (i: number) => boolean, seed: number, site?: string[]) {
  const d = signalDataset(n, 3, 2, 1.5, createRng(seed), site);
  const y = Float64Array.from(d.outcome!.values);
  let kept = false;
  for (let i = 0; i < n; i++) {
    if (!rows(i)) continue;
    if (y[i] === 1 && !kept) kept = true;
    else y[i] = 0;
  }
  return freezeDataset({ ...d, outcome: { ...d.outcome!, values: y } });
}

describe("a split, site or cohort with one event is reported as not estimable, and the run continues", () => {
  it("10-fold CV with 12 events in 400 rows (folds with one event)", async () => {
    const d = signalDataset(400, 3, 2, 1.5, createRng(5));
    const y = Float64Array.from(d.outcome!.values);
    let events = 0;
    for (let i = 0; i < y.length; i++) if (y[i] === 1 && ++events > 12) y[i] = 0;
    const data = freezeDataset({ ...d, outcome: { ...d.outcome!, values: y } });
    const config = parseStudyConfig({ data: { file: "x.csv", outcome: "y" }, models: [{ model: "logistic" }], internal: { cv: { folds: 10 } } });
    const results = await runStudy({ config, data, long: null, dataFile: "x.csv" }, { createdAt: null });
    const m = results.internalValidation!.models[0]!;
    expect(m.corrected.auc!.estimate).toBeGreaterThan(0.5);
    expect(() => parseStudyResults(JSON.parse(JSON.stringify(results)))).not.toThrow();
  });

  it("leave-one-site-out where one site has a single event: its slope is not estimable, pooling says how many sites it used", async () => {
    const site = Array.from({ length: 300 }, (_, i) => ["A", "B", "C"][i % 3]!);
    const data = withOneEvent(300, (i) => site[i] === "C", 7, site);
    const config = parseStudyConfig({ data: { file: "x.csv", outcome: "y", site: "site" }, models: [{ model: "logistic" }], internal: { cv: { folds: 3 } }, external: { leaveOneSiteOut: true } });
    const results = await runStudy({ config, data, long: null, dataFile: "x.csv" }, { createdAt: null });
    const c = results.externalValidation.find((e) => e.site === "C")!;
    expect(c.events).toBe(1);
    expect(c.metrics.calibrationSlope).toBeNull();
    expect(c.notEstimable).toMatch(/1 event in 100 rows/);
    const slope = results.heterogeneity.find((h) => h.metric === "calibrationSlope")!;
    expect(slope.sites.map((s) => s.site)).toEqual(["A", "B"]);
    expect(slope.pooled.method).toMatch(/2 of 3 sites/);
  });

  it("an external cohort with one event: validated with the slope not estimable; updating continues", async () => {
    const site = Array.from({ length: 300 }, (_, i) => ["A", "B", "C"][i % 3]!);
    const data = withOneEvent(300, (i) => site[i] === "C", 9, site);
    const config = parseStudyConfig({
      data: { file: "x.csv", outcome: "y", site: "site" },
      models: [{ model: "logistic" }],
      internal: { cv: { folds: 3 } },
      external: { cohorts: [{ name: "C", column: "site", value: "C" }], updating: ["intercept", "logistic", "refit"] },
    });
    const results = await runStudy({ config, data, long: null, dataFile: "x.csv" }, { createdAt: null });
    const c = results.externalValidation.find((e) => e.cohort === "C")!;
    expect(c.events).toBe(1);
    expect(c.metrics.auc).not.toBeNull();
    expect(c.metrics.calibrationSlope).toBeNull();
    expect(c.notEstimable).toMatch(/1 event in 100 rows/);
    expect(results.updating).toHaveLength(3);
    for (const u of results.updating) expect(u.evaluation).toMatch(/^not estimable: 1 event/);
    expect(() => parseStudyResults(JSON.parse(JSON.stringify(results)))).not.toThrow();
  });
});

/** The same, with no event at all in the chosen rows. */
function withNoEvent(n: number, rows: (i: number) => boolean, seed: number, site?: string[]) {
  const d = signalDataset(n, 3, 2, 1.5, createRng(seed), site);
  const y = Float64Array.from(d.outcome!.values, (v, i) => (rows(i) ? 0 : v));
  return freezeDataset({ ...d, outcome: { ...d.outcome!, values: y } });
}

describe("a site or cohort with no event at all is reported as not estimable, and the run continues", () => {
  const site = Array.from({ length: 300 }, (_, i) => ["A", "B", "C"][i % 3]!);

  it("leave-one-site-out with a site of one class: AUC, calibration and net benefit not estimable; pooling uses the other sites", async () => {
    const data = withNoEvent(300, (i) => site[i] === "C", 7, site);
    const config = parseStudyConfig({ data: { file: "x.csv", outcome: "y", site: "site" }, models: [{ model: "logistic" }], internal: { cv: { folds: 3 } }, external: { leaveOneSiteOut: true } });
    const results = await runStudy({ config, data, long: null, dataFile: "x.csv" }, { createdAt: null });
    const c = results.externalValidation.find((e) => e.site === "C")!;
    expect(c.events).toBe(0);
    expect(c.metrics.auc).toBeNull();
    expect(c.roc).toBeNull();
    expect(c.decisionCurve).toEqual([]);
    expect(c.notEstimable).toMatch(/no events in 100 rows: AUC, calibration and net benefit are undefined/);
    const auc = results.heterogeneity.find((h) => h.metric === "auc")!;
    expect(auc.sites.map((s) => s.site)).toEqual(["A", "B"]);
    expect(auc.pooled.method).toMatch(/2 of 3 sites/);
    expect(() => parseStudyResults(JSON.parse(JSON.stringify(results)))).not.toThrow();
  });

  it("an external cohort of one class is validated as far as it can be (Brier only); updating is not estimable", async () => {
    const data = withNoEvent(300, (i) => site[i] === "C", 9, site);
    const config = parseStudyConfig({
      data: { file: "x.csv", outcome: "y", site: "site" },
      models: [{ model: "logistic" }],
      internal: { cv: { folds: 3 } },
      external: { cohorts: [{ name: "C", column: "site", value: "C" }], updating: ["intercept"] },
    });
    const results = await runStudy({ config, data, long: null, dataFile: "x.csv" }, { createdAt: null });
    const c = results.externalValidation.find((e) => e.cohort === "C")!;
    expect(c.metrics.auc).toBeNull();
    expect(c.metrics.brier!.estimate).toBeGreaterThan(0);
    expect(c.notEstimable).toMatch(/^no events/);
    expect(results.updating[0]!.evaluation).toMatch(/^not estimable: 0 event/);
    const { buildReport } = await import("../../../src/report/report.js");
    expect(buildReport(results).checks.some((k) => k.id === "discrimination-above-chance" && k.status === "unavailable" && k.cohort === "C")).toBe(true);
  });
});
