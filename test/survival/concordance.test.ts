import { describe, expect, it } from "vitest";
import { concordance } from "../../src/survival/concordance.js";
import { loadFixture, relDiff } from "../helpers.js";

// References: test/fixtures/scripts/fx_cindex_pbc.R (cindex_pbc.json) and fx_survival_pbc.R (survival_pbc.json),
// survival 3.5-3 concordance(); tolerances from the fixtures README.
describe("concordance (survival::concordance)", () => {
  it("Harrell's C of the PBC Cox lp: C, counts and IJ standard error", () => {
    const fx = loadFixture("cindex_pbc.json");
    const r = concordance(fx.time, fx.event, fx.linear_predictor);
    expect(Math.abs(r.c - fx.concordance)).toBeLessThan(1e-12); // tolerance 1e-12 abs (fixtures README)
    expect(r.counts.concordant).toBe(fx.counts.concordant);
    expect(r.counts.discordant).toBe(fx.counts.discordant);
    expect(r.counts.tiedX).toBe(fx.counts["tied.x"]);
    expect(r.counts.tiedY).toBe(fx.counts["tied.y"]);
    expect(r.counts.tiedXY).toBe(fx.counts["tied.xy"]);
    expect(relDiff(r.se, fx.std_error)).toBeLessThan(1e-8); // tolerance 1e-8 (fixtures README)
  });
});

describe("concordance on survival_pbc.json (development and external cohorts)", () => {
  const pbc = loadFixture("survival_pbc.json");
  const fx = loadFixture("survival_extra.json");
  it("Harrell's and Uno's C of the external lp", () => {
    const cc = pbc.concordance;
    const h = concordance(fx.ext.time, fx.ext.event, pbc.external_5y.lp);
    const u = concordance(fx.ext.time, fx.ext.event, pbc.external_5y.lp, { timeWeight: "n/G2" });
    expect(Math.abs(h.c - cc.harrell_ext.c)).toBeLessThan(1e-9); // tolerance 1e-9 (fixtures README)
    expect(relDiff(h.se, cc.harrell_ext.se)).toBeLessThan(1e-6); // tolerance 1e-6
    expect(Math.abs(u.c - cc.uno_ext.c)).toBeLessThan(1e-9); // tolerance 1e-9
    expect(relDiff(u.se, cc.uno_ext.se)).toBeLessThan(1e-6); // tolerance 1e-6
  });
  it("Harrell's and Uno's C of the development lp", () => {
    const d = fx.dev_5y;
    const h = concordance(fx.dev.time, fx.dev.event, d.lp);
    const u = concordance(fx.dev.time, fx.dev.event, d.lp, { timeWeight: "n/G2" });
    expect(Math.abs(h.c - pbc.concordance.harrell_dev.c)).toBeLessThan(1e-9); // tolerance 1e-9
    expect(relDiff(h.se, pbc.concordance.harrell_dev.se)).toBeLessThan(1e-6); // tolerance 1e-6
    expect(Math.abs(u.c - d.uno.c)).toBeLessThan(1e-9); // tolerance 1e-9
    expect(relDiff(u.se, d.uno.se)).toBeLessThan(1e-6); // tolerance 1e-6
  });
});
