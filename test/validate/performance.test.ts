import { describe, expect, it } from "vitest";
import { performanceIndexes, performanceMetrics } from "../../src/validate/performance.js";

describe("performance with one event or one non-event (degrade, don't abort)", () => {
  const prob = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
  it("one event: the AUC is computed, the recalibration fit is not estimable with the reason", () => {
    const y = [0, 0, 0, 0, 0, 1, 0, 0];
    const idx = performanceIndexes(y, prob);
    expect(idx.auc).toBeCloseTo(5 / 7, 12); // tolerance 1e-12: 5 of 7 non-events below the event (Mann–Whitney count)
    expect(idx.slope).toBeNull();
    expect(idx.notEstimable).toMatch(/1 event/);
    const m = performanceMetrics(y, prob);
    expect(m.calibrationSlope).toBeNull();
    expect(m.auc!.estimate).toBeCloseTo(5 / 7, 12);
  });
  it("one non-event: likewise", () => {
    const y = [1, 1, 1, 0, 1, 1, 1, 1];
    const idx = performanceIndexes(y, prob);
    expect(idx.slope).toBeNull();
    expect(idx.notEstimable).toMatch(/1 non-event/);
  });
});
