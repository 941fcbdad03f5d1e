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
