import { describe, expect, it } from "vitest";
import { betaCdf, betaQuantile } from "../../src/stats/beta.js";
import { logGamma } from "../../src/stats/gamma.js";
import { loadFixture, relDiff } from "../helpers.js";

// Reference: R 4.2.2 qbeta, test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json (distributions).
const ref = loadFixture("metrics_extra.json").distributions;

describe("beta distribution and log-gamma", () => {
  it("qbeta matches R to 1e-12 relative", () => {
    ref.qbeta_p.forEach((p: number, k: number) => {
      // tolerance: 1e-12 relative
      expect(relDiff(betaQuantile(p, ref.qbeta_a[k], ref.qbeta_b[k]), ref.qbeta[k])).toBeLessThan(1e-12);
    });
  });

  it("the CDF inverts the quantile and has closed forms where known", () => {
    // Beta(1, 1) is uniform; Beta(2, 1) has CDF x²: tolerance 1e-14 absolute
    expect(Math.abs(betaCdf(0.3, 1, 1) - 0.3)).toBeLessThan(1e-14);
    expect(Math.abs(betaCdf(0.3, 2, 1) - 0.09)).toBeLessThan(1e-14);
    expect(Math.abs(betaCdf(betaQuantile(0.2, 3.5, 8), 3.5, 8) - 0.2)).toBeLessThan(1e-13);
  });

  it("log-gamma of integers and halves", () => {
    // lgamma(n) = log((n-1)!), lgamma(1/2) = log(√π): tolerance 1e-14 relative
    expect(relDiff(logGamma(10), Math.log(362880))).toBeLessThan(1e-14);
    expect(relDiff(logGamma(0.5), 0.5 * Math.log(Math.PI))).toBeLessThan(1e-14);
    expect(Number.isNaN(logGamma(0))).toBe(true);
  });
});
