import { describe, expect, it } from "vitest";
import { chiSquareCdf, chiSquareUpperTail } from "../../src/stats/chiSquare.js";
import { loadFixture, relDiff } from "../helpers.js";

// Reference: R 4.2.2 pchisq, test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json (distributions).
const ref = loadFixture("metrics_extra.json").distributions;

describe("chi-square distribution", () => {
  it("upper tail matches R's pchisq(lower.tail = FALSE) to 1e-12 relative, tiny tails included", () => {
    ref.chisq_x.forEach((x: number, k: number) => {
      const df = ref.chisq_df[k];
      // tolerance: 1e-12 relative (values down to ~1e-25)
      expect(relDiff(chiSquareUpperTail(x, df), ref.chisq_upper[k])).toBeLessThan(1e-12);
      // tolerance: 1e-12 relative
      expect(relDiff(chiSquareCdf(x, df), ref.chisq_lower[k])).toBeLessThan(1e-12);
    });
  });

  it("handles the boundaries", () => {
    expect(chiSquareUpperTail(0, 3)).toBe(1);
    expect(chiSquareUpperTail(-1, 3)).toBe(1);
    expect(chiSquareCdf(0, 3)).toBe(0);
    expect(Number.isNaN(chiSquareUpperTail(1, 0))).toBe(true);
  });
});
