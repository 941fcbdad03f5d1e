import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { delongAuc, delongPairedTest } from "../../src/metrics/delong.js";

/** At least 2 events and 2 non-events, continuous scores with some ties, plus a second score. */
const labelled = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: -30, max: 30 }), fc.integer({ min: -30, max: 30 })), { minLength: 4, maxLength: 120 })
  .filter((rows) => rows.filter(([y]) => y === 1).length >= 2 && rows.filter(([y]) => y === 0).length >= 2)
  .map((rows) => ({ truth: rows.map(([y]) => y), s1: rows.map(([y, a]) => a / 3 + 4 * y), s2: rows.map(([, , b]) => b / 7) }));

const RUNS = { seed: 77, numRuns: 200 };

describe("DeLong properties (fast-check)", () => {
  it("the variance is non-negative and the CI contains the AUC", () => {
    fc.assert(
      fc.property(labelled, fc.constantFrom(0.8, 0.9, 0.95, 0.99), ({ truth, s1 }, level) => {
        const r = delongAuc(truth, s1, { level });
        expect(r.variance!).toBeGreaterThanOrEqual(0);
        expect(r.ci![0]).toBeLessThanOrEqual(r.auc);
        expect(r.ci![1]).toBeGreaterThanOrEqual(r.auc);
        expect(r.ci![0]).toBeGreaterThanOrEqual(0);
        expect(r.ci![1]).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it("the paired test is antisymmetric and its CI contains the difference", () => {
    fc.assert(
      fc.property(labelled, ({ truth, s1, s2 }) => {
        const a = delongPairedTest(truth, s1, s2);
        const b = delongPairedTest(truth, s2, s1);
        expect(b.difference === -a.difference).toBe(true); // exact (the AUCs are exact ratios)
        if (a.z === null) return;
        // tolerance: 1e-12 absolute on z, p
        expect(Math.abs(a.z + b.z!)).toBeLessThan(1e-12);
        expect(Math.abs(a.p! - b.p!)).toBeLessThan(1e-12);
        expect(a.p!).toBeGreaterThanOrEqual(0);
        expect(a.p!).toBeLessThanOrEqual(1);
        expect(a.ci![0]).toBeLessThanOrEqual(a.difference);
        expect(a.ci![1]).toBeGreaterThanOrEqual(a.difference);
      }),
      RUNS,
    );
  });
});
