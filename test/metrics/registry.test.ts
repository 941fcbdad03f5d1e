import { describe, expect, it } from "vitest";
import { defineMetric, metricInfo } from "../../src/metrics/metricInfo.js";
import { METRICS } from "../../src/metrics/registry.js";
import { loadFixture, radvalErrorOf, relDiff } from "../helpers.js";

// References on the external PBC predictions: rms::val.prob (../shared/fixtures/fx_logistic_pbc.R →
// test/fixtures/logistic_pbc.json) and glm / loess in R (test/fixtures/fx_metrics_extra.R → metrics_extra.json).
const e = loadFixture("logistic_pbc.json").external;
const c = loadFixture("metrics_extra.json").calibration;

describe("METRICS registry", () => {
  const expected: Record<string, [number, number]> = {
    // name: [reference value, relative tolerance]
    auc: [e.val_prob["C (ROC)"], 1e-12],
    brier: [e.val_prob["Brier"], 1e-12],
    scaledBrier: [c.scaled_brier, 1e-12],
    calibrationSlope: [c.recal_slope, 1e-10],
    calibrationInTheLarge: [c.citl, 1e-10],
    eoRatio: [c.eo, 1e-12],
    ici: [c.ici_interpolate, 1e-10],
  };

  it.each(Object.keys(expected))("%s computes the reference value and carries its metadata", (name) => {
    const metric = METRICS[name]!;
    const [value, tol] = expected[name]!;
    // tolerance: as listed in `expected`, relative
    expect(relDiff(metric(e.y, e.p), value)).toBeLessThan(tol);
    expect(metric.info.name).toBe(name);
    expect(["maximize", "minimize", "target"]).toContain(metric.info.direction);
    const [lo, hi] = metric.info.range;
    expect(metric(e.y, e.p)).toBeGreaterThanOrEqual(lo);
    expect(metric(e.y, e.p)).toBeLessThanOrEqual(hi);
    if (metric.info.direction === "target") expect(metric.info.target).toBeTypeOf("number");
    expect(Object.isFrozen(metric.info)).toBe(true);
  });

  it("every registered metric is listed above", () => {
    expect(Object.keys(METRICS).sort()).toEqual(Object.keys(expected).sort());
  });

  it("an undefined value throws instead of returning NaN", () => {
    expect(radvalErrorOf(() => METRICS["calibrationSlope"]!([0, 1, 0, 1], [0.3, 0.3, 0.3, 0.3])).code).toBe("NOT_CONVERGED");
    expect(radvalErrorOf(() => METRICS["scaledBrier"]!([1, 1], [0.3, 0.3])).code).toBe("SINGLE_CLASS");
  });

  it("defineMetric wraps without mutating the function it is given", () => {
    const fn = (t: ArrayLike<number>) => t.length;
    const m = defineMetric(fn, metricInfo({ name: "n", label: "n", direction: "maximize", range: [0, Infinity], reference: "—" }));
    expect(m([1, 0], [0.1, 0.2])).toBe(2);
    expect("info" in fn).toBe(false);
  });
});
