import { describe, expect, it } from "vitest";
import { featureColumn } from "../../src/core/dataset.js";
import { createRng } from "../../src/core/rng.js";
import { loadExample } from "../../src/io/examples.js";
import { aucMannWhitney } from "../../src/metrics/auc.js";
import { bootstrapCi, bootstrapResamples, bootstrapStatistic } from "../../src/metrics/bootstrap.js";
import { loadFixture, radvalErrorOf } from "../helpers.js";

// Reference: 200 stratified resamples drawn in R (set.seed(2026)) with the AUC of each by pROC; percentile
// interval quantile(type = 7); BCa with z0 = qnorm(mean(boot < theta)) and jackknife acceleration (Efron &
// Tibshirani 1993, eqs 14.14–14.15). test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json (bootstrap).
const B = loadFixture("metrics_extra.json").bootstrap;
const asah = loadExample("asah");
const y = asah.outcome!.values;
const s = featureColumn(asah, "s100b");
const auc = (t: Float64Array, p: Float64Array) => aucMannWhitney(t, p);

describe("bootstrap confidence intervals", () => {
  it("percentile interval and SE match R with the same resamples", () => {
    const r = bootstrapCi(y, s, auc, { indices: B.indices_0based });
    expect(r.replicates).toBe(200);
    expect(r.failed).toBe(0);
    // tolerance: 1e-14 absolute
    expect(Math.abs(r.estimate! - B.estimate)).toBeLessThan(1e-14);
    expect(Math.abs(r.lower! - B.percentile[0])).toBeLessThan(1e-14);
    expect(Math.abs(r.upper! - B.percentile[1])).toBeLessThan(1e-14);
    expect(Math.abs(r.se! - B.se)).toBeLessThan(1e-14);
  });

  it("BCa interval, bias correction and acceleration match the R formulas", () => {
    const r = bootstrapCi(y, s, auc, { indices: B.indices_0based, method: "bca" });
    // tolerance: 1e-12 absolute
    expect(Math.abs(r.bias! - B.z0)).toBeLessThan(1e-12);
    expect(Math.abs(r.acceleration! - B.acceleration)).toBeLessThan(1e-12);
    expect(Math.abs(r.lower! - B.bca[0])).toBeLessThan(1e-12);
    expect(Math.abs(r.upper! - B.bca[1])).toBeLessThan(1e-12);
  });

  it("stratified resamples keep the class counts; the same seed gives the same interval", () => {
    const draws = bootstrapResamples(y, { rng: createRng(9), replicates: 20 });
    const events = y.reduce((a, v) => a + v, 0);
    for (const rows of draws) expect(Array.from(rows).reduce((a, i) => a + y[i]!, 0)).toBe(events);
    const a = bootstrapCi(y, s, auc, { rng: createRng(9), replicates: 300 });
    const b = bootstrapCi(y, s, auc, { rng: createRng(9), replicates: 300 });
    expect(a).toEqual(b);
  });

  it("replicates where the statistic is undefined are counted, not averaged in", () => {
    // Unstratified resamples of a tiny sample often contain one class only: the AUC throws SINGLE_CLASS there.
    const r = bootstrapCi([0, 1, 0, 1], [0.1, 0.9, 0.4, 0.3], auc, { rng: createRng(2), replicates: 200, stratified: false });
    expect(r.failed).toBeGreaterThan(0);
    expect(r.replicates + r.failed).toBe(200);
    const none = bootstrapStatistic([0, 1, 0, 1], () => null, { rng: createRng(2), replicates: 10 });
    expect(none.lower).toBeNull();
    expect(none.reason).toMatch(/replicate/);
  });

  it("requires an Rng (or indices) and valid options", () => {
    expect(radvalErrorOf(() => bootstrapCi(y, s, auc, {})).code).toBe("INVALID_ARGUMENT");
    expect(radvalErrorOf(() => bootstrapCi(y, s, auc, { rng: createRng(1), replicates: 0 })).code).toBe("INVALID_OPTION");
    expect(radvalErrorOf(() => bootstrapCi(y, s, auc, { rng: createRng(1), method: "basic" as never })).code).toBe("INVALID_OPTION");
    expect(radvalErrorOf(() => bootstrapCi(y, s, auc, { indices: [[0, 1, 500]] })).code).toBe("INVALID_ARGUMENT");
  });
});
