import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile, normalTwoSidedP, normalUpperTail } from "../../src/stats/normal.js";
import { loadFixture, relDiff } from "../helpers.js";

// Reference: R 4.2.2 pnorm/qnorm, test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json (distributions).
const ref = loadFixture("metrics_extra.json").distributions;

describe("normal distribution (Cody 1969 / AS 241, as R)", () => {
  it("pnorm matches R to 1e-14 relative over the whole range, tails included", () => {
    ref.pnorm_x.forEach((x: number, k: number) => {
      // tolerance: 1e-14 relative (R's own algorithm; jstat is off by 1e-11 at x = -5 and returns 0 below -8.3)
      expect(relDiff(normalCdf(x), ref.pnorm[k])).toBeLessThan(1e-14);
      expect(relDiff(normalUpperTail(x), ref.pnorm_upper[k])).toBeLessThan(1e-14);
    });
  });

  it("qnorm matches R to 1e-15 relative, including p = 1e-300", () => {
    ref.qnorm_p.forEach((p: number, k: number) => {
      // tolerance: 1e-15 relative (absolute 1e-16 at the median where qnorm = 0)
      expect(Math.abs(normalQuantile(p) - ref.qnorm[k])).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(ref.qnorm[k])));
    });
  });

  it("two-sided p, edge cases and symmetry", () => {
    expect(normalTwoSidedP(0)).toBe(1);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(Number.isNaN(normalQuantile(1.5))).toBe(true);
    for (const x of [0.1, 1, 3, 7]) expect(normalCdf(-x)).toBe(normalUpperTail(x)); // exact symmetry by construction
    // round trip: tolerance 1e-14 relative
    for (const p of [1e-12, 0.01, 0.3, 0.77]) expect(relDiff(normalCdf(normalQuantile(p)), p)).toBeLessThan(1e-13);
  });
});
