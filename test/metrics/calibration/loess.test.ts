import { describe, expect, it } from "vitest";
import { loess } from "../../../src/metrics/calibration/loess.js";
import { loadFixture, maxAbsDiff, radvalErrorOf } from "../../helpers.js";

// Reference: R 4.2.2 loess(y ~ p, span, degree, control = loess.control(surface = "direct")),
// test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json (calibration, lowess.loess_direct_ties).
const extra = loadFixture("metrics_extra.json");
const e = loadFixture("logistic_pbc.json").external;

describe("loess (direct local regression, R's definitions)", () => {
  it("degree 2, span 0.75: fitted values and a grid match R's surface = 'direct'", () => {
    const fit = loess(e.p, e.y);
    expect(fit.neighbours).toBe(Math.floor(91 * 0.75 + 1e-5));
    // tolerance: 1e-12 absolute
    expect(maxAbsDiff(fit.evaluate(e.p), extra.calibration.loess_direct_fitted)).toBeLessThan(1e-12);
    expect(maxAbsDiff(fit.evaluate(extra.calibration.grid), extra.calibration.loess_direct_grid)).toBeLessThan(1e-12);
  });

  it("degree 1, span 0.5, and x with many ties", () => {
    // tolerance: 1e-12 absolute
    expect(maxAbsDiff(loess(e.p, e.y, { span: 0.5, degree: 1 }).evaluate(e.p), extra.calibration.loess_degree1_fitted)).toBeLessThan(1e-12);
    const L = extra.lowess;
    expect(maxAbsDiff(loess(L.x, L.y).evaluate(L.x), L.loess_direct_ties)).toBeLessThan(1e-12);
  });

  it("R's default surface = 'interpolate' differs from the exact fit by up to ~0.02 here (documented)", () => {
    const d = maxAbsDiff(extra.calibration.loess_direct_fitted, extra.calibration.loess_interpolate_fitted);
    expect(d).toBeGreaterThan(1e-3);
    expect(d).toBeLessThan(0.05);
  });

  it("reproduces a quadratic exactly and rejects bad options", () => {
    const x = Array.from({ length: 30 }, (_, i) => i / 29);
    const y = x.map((v) => 1 - 2 * v + 3 * v * v);
    // tolerance: 1e-12 absolute (a degree-2 local fit is exact on a quadratic)
    expect(maxAbsDiff(loess(x, y).evaluate([0, 0.33, 0.5, 1]), [1, 1 - 0.66 + 3 * 0.33 * 0.33, 0.75, 2])).toBeLessThan(1e-12);
    expect(radvalErrorOf(() => loess(x, y, { span: 0 })).code).toBe("INVALID_OPTION");
    expect(radvalErrorOf(() => loess(x, y, { degree: 3 as never })).code).toBe("INVALID_OPTION");
    expect(radvalErrorOf(() => loess([1, 2], [1, 2])).code).toBe("INVALID_ARGUMENT");
  });
});
