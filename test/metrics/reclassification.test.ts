import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { idi, nriCategorical, nriContinuous, reclassification, riskCategory } from "../../src/metrics/reclassification.js";
import { loadFixture, radvalErrorOf, relDiff } from "../helpers.js";

// Reference: Hmisc::improveProb(old, new, y) on the external PBC predictions (new = full model, old = bili + albumin),
// categorical NRI as improveProb on the risk categories [0, .2), [.2, .4), [.4, 1]; percentile CIs with stored
// stratified bootstrap indices. test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json.
const extra = loadFixture("metrics_extra.json");
const e = loadFixture("logistic_pbc.json").external;
const R = extra.reclassification;

describe("NRI and IDI (Pencina et al.)", () => {
  it("continuous NRI and its parts match improveProb, with SEs", () => {
    const r = nriContinuous(e.y, R.p_small, e.p);
    // tolerance: 1e-14 absolute (counts and closed forms)
    expect(Math.abs(r.nri - R.continuous.nri)).toBeLessThan(1e-14);
    expect(Math.abs(r.se - R.continuous.se_nri)).toBeLessThan(1e-14);
    expect(Math.abs(r.events.nri - R.continuous.nri_events)).toBeLessThan(1e-14);
    expect(Math.abs(r.events.se - R.continuous.se_nri_events)).toBeLessThan(1e-14);
    expect(Math.abs(r.nonEvents.nri - R.continuous.nri_nonevents)).toBeLessThan(1e-14);
    expect(Math.abs(r.nonEvents.se - R.continuous.se_nri_nonevents)).toBeLessThan(1e-14);
  });

  it("categorical NRI with cut-offs 0.2 and 0.4 matches improveProb on the categories", () => {
    const r = nriCategorical(e.y, R.p_small, e.p, { cutoffs: R.cutoffs });
    // tolerance: 1e-14 absolute
    expect(Math.abs(r.nri - R.categorical.nri)).toBeLessThan(1e-14);
    expect(Math.abs(r.se - R.categorical.se_nri)).toBeLessThan(1e-14);
    const total = (t: number[][]) => t.flat().reduce((s, v) => s + v, 0);
    expect(total(r.table!.events)).toBe(32);
    expect(total(r.table!.nonEvents)).toBe(59);
    expect(riskCategory(0.2, [0.2, 0.4])).toBe(1);
    expect(riskCategory(0.1999, [0.2, 0.4])).toBe(0);
  });

  it("IDI, its SE and z match improveProb", () => {
    const r = idi(e.y, R.p_small, e.p);
    // tolerance: 1e-12 relative
    expect(relDiff(r.idi, R.continuous.idi)).toBeLessThan(1e-12);
    expect(relDiff(r.se!, R.continuous.se_idi)).toBeLessThan(1e-12);
    expect(relDiff(r.z!, R.continuous.z_idi)).toBeLessThan(1e-12);
    // IDI = difference of discrimination slopes; tolerance 1e-15 absolute
    expect(Math.abs(r.idi - (r.slopeNew - r.slopeOld))).toBeLessThan(1e-15);
  });

  it("bootstrap CIs match R's percentile intervals with the same resamples", () => {
    const r = reclassification(e.y, R.p_small, e.p, { cutoffs: R.cutoffs, bootstrap: { indices: extra.dca_difference.indices_0based } });
    const B = extra.reclassification_bootstrap;
    // tolerance: 1e-14 absolute
    expect(Math.abs(r.bootstrap!.continuousNri.lower! - B.nri_ci[0])).toBeLessThan(1e-14);
    expect(Math.abs(r.bootstrap!.continuousNri.upper! - B.nri_ci[1])).toBeLessThan(1e-14);
    expect(Math.abs(r.bootstrap!.idi.lower! - B.idi_ci[0])).toBeLessThan(1e-14);
    expect(Math.abs(r.bootstrap!.idi.upper! - B.idi_ci[1])).toBeLessThan(1e-14);
    expect(r.bootstrap!.categoricalNri!.lower!).toBeLessThanOrEqual(r.categoricalNri!.nri);
  });

  it("identical models: NRI 0 and IDI 0; swapping the models flips the signs", () => {
    expect(nriContinuous(e.y, e.p, e.p).nri).toBe(0);
    expect(idi(e.y, e.p, e.p).idi).toBe(0);
    // tolerance: 1e-15 absolute
    expect(Math.abs(nriContinuous(e.y, e.p, R.p_small).nri + R.continuous.nri)).toBeLessThan(1e-15);
    const seeded = reclassification(e.y, R.p_small, e.p, { bootstrap: { rng: createRng(4), replicates: 100 } });
    expect(seeded.categoricalNri).toBeNull();
    expect(seeded.bootstrap!.categoricalNri).toBeNull();
  });

  it("rejects bad cut-offs and probabilities", () => {
    expect(radvalErrorOf(() => nriCategorical(e.y, R.p_small, e.p, { cutoffs: [0.4, 0.2] })).code).toBe("INVALID_OPTION");
    expect(radvalErrorOf(() => nriCategorical(e.y, R.p_small, e.p, { cutoffs: [] })).code).toBe("INVALID_OPTION");
    expect(radvalErrorOf(() => idi([0, 1], [0.2, 0.3], [0.2, 3])).code).toBe("PROBABILITY_OUT_OF_RANGE");
  });
});
