import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aucReport } from "../../src/cli/commands/auc.js";
import { delongAuc, delongPairedTest } from "../../src/metrics/delong.js";
import { youden } from "../../src/metrics/thresholdMetrics.js";

/** Both classes present, tied and −0 scores, a second score. */
const labelled = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 })), { minLength: 2, maxLength: 150 })
  .filter((rows) => rows.some(([y]) => y === 1) && rows.some(([y]) => y === 0))
  .map((rows) => ({
    truth: Float64Array.from(rows, ([y]) => y),
    s1: Float64Array.from(rows, ([y, a]) => (a === 0 ? -0 : a / 3 + 2 * y)),
    s2: Float64Array.from(rows, ([, , b]) => b / 7),
  }));

describe("aucReport (one sort per score) against the library functions (fast-check)", () => {
  it("equals delongAuc, youden and delongPairedTest exactly, both directions", () => {
    fc.assert(
      fc.property(labelled, fc.constantFrom("<" as const, ">" as const), fc.constantFrom(0.9, 0.95), ({ truth, s1, s2 }, direction, level) => {
        const report = aucReport(truth, s1, s2, direction, level);
        const d = delongAuc(truth, s1, { direction, level });
        const y = youden(truth, s1, { direction });
        const t = delongPairedTest(truth, s1, s2, { direction, level });
        // tolerance: none — the same integer counts and the same arithmetic, so bit-identical doubles
        expect(report).toEqual({
          n: d.n,
          cases: d.nPositive,
          controls: d.nNegative,
          auc: d.auc,
          ci: d.ci ? [d.ci[0], d.ci[1]] : null,
          variance: d.variance,
          youden: { threshold: y.threshold, sensitivity: y.sensitivity, specificity: y.specificity },
          comparison: { auc2: t.auc2, difference: t.difference, ci: t.ci ? [t.ci[0], t.ci[1]] : null, z: t.z, p: t.p },
        });
      }),
      { seed: 16, numRuns: 300 },
    );
  });
});
