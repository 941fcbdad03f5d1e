import { describe, expect, it } from "vitest";
import { quantileSorted, quantiles } from "../../src/stats/quantile.js";

describe("type-7 quantiles", () => {
  it("interpolates as R's quantile(type = 7)", () => {
    // R: quantile(c(1, 2, 4, 8), c(0, 0.25, 0.5, 0.9, 1)) = 1, 1.75, 3, 6.8, 8 (exact decimals; tolerance 1e-15 absolute)
    const q = quantiles([8, 1, 4, 2], [0, 0.25, 0.5, 0.9, 1]);
    [1, 1.75, 3, 6.8, 8].forEach((v, k) => expect(Math.abs(q[k]! - v)).toBeLessThan(1e-15));
  });

  it("handles ties, one value and empty input", () => {
    expect(quantileSorted([2, 2, 2, 5], 0.5)).toBe(2);
    expect(quantileSorted([7], 0.9)).toBe(7);
    expect(Number.isNaN(quantileSorted([], 0.5))).toBe(true);
  });
});
