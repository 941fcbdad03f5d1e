import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { decisionCurve, decisionCurves, defaultThresholds, netBenefitDifference, parseThresholdGrid } from "../../src/metrics/decisionCurve.js";
import { loadFixture, radvalErrorOf } from "../helpers.js";

// References: ../shared/fixtures/fx_logistic_pbc.R → test/fixtures/decision_curve_pbc.json (NB, treat-all,
// interventions avoided on the external PBC predictions; cross-checked in numpy), and the net-benefit difference
// with stored stratified bootstrap indices, test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json.
const dca = loadFixture("decision_curve_pbc.json");
const extra = loadFixture("metrics_extra.json");

describe("decisionCurve (Vickers & Elkin 2006)", () => {
  const curve = decisionCurve(dca.y, dca.p);

  it("uses thresholds k/100 computed exactly", () => {
    expect(curve.points.map((p) => p.threshold)).toEqual(dca.threshold);
    expect(Array.from(defaultThresholds())).toEqual(dca.threshold);
  });

  it("matches the reference net benefit, treat-all and interventions avoided to 1e-12 (counts exact)", () => {
    expect(curve.n).toBe(dca.n);
    expect(curve.prevalence).toBe(dca.prevalence);
    curve.points.forEach((pt, k) => {
      expect(pt.tp).toBe(dca.tp[k]);
      expect(pt.fp).toBe(dca.fp[k]);
      // tolerance: 1e-12 absolute
      expect(Math.abs(pt.netBenefit - dca.nb_model[k])).toBeLessThan(1e-12);
      expect(Math.abs(pt.treatAll - dca.nb_treat_all[k])).toBeLessThan(1e-12);
      expect(Math.abs(pt.interventionsAvoided - dca.interventions_avoided_per_100[k])).toBeLessThan(1e-12);
      expect(pt.treatNone).toBe(0);
      // standardised net benefit = NB / prevalence; tolerance 1e-15 absolute
      expect(Math.abs(pt.standardizedNetBenefit - pt.netBenefit / dca.prevalence)).toBeLessThan(1e-15);
    });
  });

  it("several models at once, names kept", () => {
    const both = decisionCurves(dca.y, { full: dca.p, small: extra.dca_difference.p_small }, { thresholds: [0.2, 0.3] });
    expect(Object.keys(both)).toEqual(["full", "small"]);
    expect(both["full"]!.points[0]!.netBenefit).toBe(curve.points[19]!.netBenefit);
  });

  it("parses threshold grids as exact decimals", () => {
    expect(Array.from(parseThresholdGrid("0.01:0.99:0.01"))).toEqual(dca.threshold);
    expect(Array.from(parseThresholdGrid("0.05:0.5:0.05"))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => (5 * k) / 100));
    expect(radvalErrorOf(() => parseThresholdGrid("0:1:0.1")).code).toBe("INVALID_OPTION");
    expect(radvalErrorOf(() => parseThresholdGrid("0.1-0.9")).code).toBe("INVALID_OPTION");
  });

  it("rejects thresholds outside (0, 1) and probabilities outside [0, 1]", () => {
    expect(radvalErrorOf(() => decisionCurve(dca.y, dca.p, { thresholds: [0.5, 1] })).code).toBe("INVALID_OPTION");
    expect(radvalErrorOf(() => decisionCurve([0, 1], [0.2, 1.4])).code).toBe("PROBABILITY_OUT_OF_RANGE");
  });
});

describe("netBenefitDifference", () => {
  const D = extra.dca_difference;

  it("matches R's percentile CIs with the same stratified resamples", () => {
    const r = netBenefitDifference(dca.y, dca.p, D.p_small, { thresholds: [0.1, 0.2, 0.3, 0.5], indices: D.indices_0based });
    r.forEach((row, k) => {
      const R = D.points[k];
      // tolerance: 1e-14 absolute
      expect(Math.abs(row.difference - R.difference)).toBeLessThan(1e-14);
      expect(Math.abs(row.lower! - R.ci[0])).toBeLessThan(1e-14);
      expect(Math.abs(row.upper! - R.ci[1])).toBeLessThan(1e-14);
    });
  });

  it("is reproducible with a seeded Rng and needs one", () => {
    const a = netBenefitDifference(dca.y, dca.p, D.p_small, { thresholds: [0.2], rng: createRng(1), replicates: 200 });
    const b = netBenefitDifference(dca.y, dca.p, D.p_small, { thresholds: [0.2], rng: createRng(1), replicates: 200 });
    expect(a).toEqual(b);
    expect(radvalErrorOf(() => netBenefitDifference(dca.y, dca.p, D.p_small, { thresholds: [0.2] })).code).toBe("INVALID_ARGUMENT");
  });
});
