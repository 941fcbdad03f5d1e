import { describe, expect, it } from "vitest";
import { featureColumn } from "../../src/core/dataset.js";
import { createRng } from "../../src/core/rng.js";
import { loadExample } from "../../src/io/examples.js";
import { thresholdMetrics, transportThreshold, youden } from "../../src/metrics/thresholdMetrics.js";
import { loadFixture, radvalErrorOf } from "../helpers.js";

// References: pROC 1.18 coords(roc, "best", best.method = "youden") on asah.csv
//  (../shared/fixtures/fx_auc_delong_asah.R → test/fixtures/auc_delong_asah.json; ndka ">" and the
//  development/validation split from test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json),
//  and R's prop.test(correct = FALSE) / binom.test for the intervals (metrics_extra.json threshold_metrics).
const ref = loadFixture("auc_delong_asah.json");
const extra = loadFixture("metrics_extra.json");
const asah = loadExample("asah");
const y = asah.outcome!.values;

describe("youden", () => {
  it.each(["s100b", "ndka", "wfns"])("matches pROC's Youden threshold, sensitivity and specificity for %s exactly", (name) => {
    const r = youden(y, featureColumn(asah, name));
    const R = ref.rocs[name].best_youden;
    expect(r.ties.length).toBe(R.threshold.length);
    // exact (tolerance 0): pROC's arithmetic is reproduced
    expect(r.threshold).toBe(R.threshold[0]);
    expect(r.sensitivity).toBe(R.sensitivity[0]);
    expect(r.specificity).toBe(R.specificity[0]);
    // tolerance: 1e-15 absolute
    expect(Math.abs(r.youdenIndex - (r.sensitivity + r.specificity - 1))).toBeLessThan(1e-15);
  });

  it("matches pROC with direction '>'", () => {
    const r = youden(y, featureColumn(asah, "ndka"), { direction: ">" });
    const R = extra.ndka_greater.best;
    expect(r.ties.map((t) => t.threshold)).toEqual(R.threshold);
    expect(r.sensitivity).toBe(R.sensitivity[0]);
    expect(r.specificity).toBe(R.specificity[0]);
  });

  it("lists all tied optima in pROC's order (sensitivity decreasing) and reports the first", () => {
    // Thresholds 1.5 and 3.5 both give se + sp = 1.5.
    const r = youden([0, 1, 0, 1], [1, 2, 3, 4]);
    expect(r.ties.map((t) => t.threshold)).toEqual([1.5, 3.5]);
    expect(r.threshold).toBe(1.5);
  });
});

describe("thresholdMetrics", () => {
  it("matches R's counts, Wilson and Clopper–Pearson intervals at s100b ≥ 0.205", () => {
    const R = extra.threshold_metrics;
    const s = featureColumn(asah, "s100b");
    const w = thresholdMetrics(y, s, R.threshold);
    const cp = thresholdMetrics(y, s, R.threshold, { ci: "clopper-pearson" });
    expect(w.counts).toEqual({ tp: R.tp, fp: R.fp, tn: R.tn, fn: R.fn });
    for (const name of ["sensitivity", "specificity", "ppv", "npv", "accuracy"] as const) {
      // tolerance: estimates exact; Wilson 1e-14 absolute; Clopper–Pearson 1e-12 absolute
      expect(w[name].estimate).toBe(R[name].estimate);
      expect(Math.abs(w[name].lower! - R[name].wilson[0])).toBeLessThan(1e-14);
      expect(Math.abs(w[name].upper! - R[name].wilson[1])).toBeLessThan(1e-14);
      expect(Math.abs(cp[name].lower! - R[name].clopper_pearson[0])).toBeLessThan(1e-12);
      expect(Math.abs(cp[name].upper! - R[name].clopper_pearson[1])).toBeLessThan(1e-12);
    }
    // tolerance: 1e-15 absolute
    expect(Math.abs(w.f1.estimate! - R.f1)).toBeLessThan(1e-15);
    expect(w.f1.lower).toBeNull();
    expect(w.f1.reason).toMatch(/rng/);
  });

  it("gives F1 a seeded stratified bootstrap interval when an Rng is passed (same seed → same interval)", () => {
    const s = featureColumn(asah, "s100b");
    const a = thresholdMetrics(y, s, 0.205, { rng: createRng(3), replicates: 300 });
    const b = thresholdMetrics(y, s, 0.205, { rng: createRng(3), replicates: 300 });
    expect(a.f1.lower).toBe(b.f1.lower);
    expect(a.f1.lower!).toBeLessThan(a.f1.estimate!);
    expect(a.f1.upper!).toBeGreaterThan(a.f1.estimate!);
  });

  it("a proportion with an empty denominator is null with a reason, never NaN", () => {
    const r = thresholdMetrics([0, 1, 0, 1], [0.1, 0.2, 0.3, 0.4], 0.9);
    expect(r.ppv.estimate).toBeNull();
    expect(r.ppv.reason).toMatch(/no case called positive/);
    expect(r.sensitivity.estimate).toBe(0);
    expect(r.npv.estimate).toBe(0.5);
  });

  it("applies a development threshold unchanged to validation data (pROC on rows 1–60 → rows 61–113)", () => {
    const R = extra.transported;
    const s = featureColumn(asah, "s100b");
    const dev = { truth: y.subarray(0, 60), score: s.subarray(0, 60) };
    const val = { truth: y.subarray(60), score: s.subarray(60) };
    const t = transportThreshold(dev, val);
    // exact: the threshold comes from the development data only
    expect(t.threshold).toBe(R.threshold);
    expect(t.development.sensitivity.estimate).toBe(R.dev_sensitivity);
    expect(t.development.specificity.estimate).toBe(R.dev_specificity);
    expect(t.validation.sensitivity.estimate).toBe(R.val_sensitivity);
    expect(t.validation.specificity.estimate).toBe(R.val_specificity);
    expect(t.validation.threshold).toBe(t.threshold);
  });

  it("rejects a NaN threshold and bad input", () => {
    expect(radvalErrorOf(() => thresholdMetrics([0, 1], [0.1, 0.2], NaN)).code).toBe("INVALID_ARGUMENT");
    expect(radvalErrorOf(() => thresholdMetrics([1, 1], [0.1, 0.2], 0.5)).code).toBe("SINGLE_CLASS");
  });
});
