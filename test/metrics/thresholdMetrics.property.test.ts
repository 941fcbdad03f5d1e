import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rocCurve } from "../../src/metrics/roc.js";
import { youden, youdenFromRoc } from "../../src/metrics/thresholdMetrics.js";

/** Both classes present; scores with many ties, −0 and +0, and huge values (pROC's a/2 + b/2 midpoints). */
const labelled = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.constantFrom(-1e300, -2.5, -1, -0, 0, 0.5, 1, 1.5, 3, 1e300), fc.integer({ min: -4, max: 4 })), { minLength: 2, maxLength: 80 })
  .filter((rows) => rows.some(([y]) => y === 1) && rows.some(([y]) => y === 0))
  .map((rows) => ({ truth: rows.map(([y]) => y), score: rows.map(([y, a, b]) => (b === 0 ? a : a + b / 4 + y)) }));

describe("youden (run walk) against the ROC curve (fast-check)", () => {
  it("gives exactly the point and the ties of youdenFromRoc(rocCurve(…)), both directions", () => {
    fc.assert(
      fc.property(labelled, fc.constantFrom("<" as const, ">" as const), ({ truth, score }, direction) => {
        const walk = youden(truth, score, { direction });
        const curve = youdenFromRoc(rocCurve(truth, score, { direction }));
        // tolerance: none — the same thresholds and counts, so bit-identical doubles
        expect(walk).toEqual(curve);
        expect(Object.is(walk.threshold, curve.threshold)).toBe(true);
      }),
      { seed: 16, numRuns: 400 },
    );
  });
});
