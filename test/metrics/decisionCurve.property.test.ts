import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decisionCurve } from "../../src/metrics/decisionCurve.js";

const cases = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 2, maxLength: 100 })
  .filter((rows) => rows.some(([y]) => y === 1) && rows.some(([y]) => y === 0))
  .map((rows) => ({ truth: rows.map(([y]) => y), prob: rows.map(([, p]) => p) }));
const thresholds = fc.array(fc.double({ min: 0.001, max: 0.999, noNaN: true }), { minLength: 1, maxLength: 10 });
const RUNS = { seed: 5150, numRuns: 150 };

describe("decision curve properties (fast-check)", () => {
  it("treat-none has net benefit 0, and a model that treats nobody equals it", () => {
    fc.assert(
      fc.property(cases, thresholds, ({ truth }, ts) => {
        const nobody = decisionCurve(truth, truth.map(() => 0), { thresholds: ts });
        for (const p of nobody.points) {
          expect(p.treatNone).toBe(0);
          expect(p.netBenefit).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it("a model that treats everybody equals treat-all; no model beats the prevalence", () => {
    fc.assert(
      fc.property(cases, thresholds, ({ truth, prob }, ts) => {
        const all = decisionCurve(truth, truth.map(() => 1), { thresholds: ts });
        // tolerance: 1e-12 absolute (same quantity, different arithmetic order)
        for (const p of all.points) expect(Math.abs(p.netBenefit - p.treatAll)).toBeLessThan(1e-12);
        const model = decisionCurve(truth, prob, { thresholds: ts });
        for (const p of model.points) {
          expect(p.netBenefit).toBeLessThanOrEqual(model.prevalence + 1e-15);
          expect(p.standardizedNetBenefit).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      RUNS,
    );
  });
});
