import { describe, expect, it } from "vitest";
import { loess } from "../../../src/metrics/calibration/loess.js";
import { loadFixture, maxAbsDiff, radvalErrorOf } from "../../helpers.js";

// Reference: R 4.2.2 loess(y ~ x, span, degree) with the default surface = "interpolate" and with
// control = loess.control(surface = "direct"), test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json
// (calibration, lowess.loess_direct_ties, loess_interpolate).
const extra = loadFixture("metrics_extra.json");
const e = loadFixture("logistic_pbc.json").external;

describe("loess, surface = 'interpolate' (R's default: k-d tree + cubic Hermite blending)", () => {
  const L = extra.loess_interpolate;

  it("fitted values and a grid match R on the PBC predictions (n = 91, 9 vertices)", () => {
    const fit = loess(e.p, e.y);
    expect(fit.surface).toBe("interpolate");
    // tolerance: 1e-12 absolute
    expect(maxAbsDiff(fit.evaluate(e.p), extra.calibration.loess_interpolate_fitted)).toBeLessThan(1e-12);
    expect(maxAbsDiff(fit.evaluate(extra.calibration.grid), extra.calibration.loess_interpolate_grid)).toBeLessThan(1e-12);
  });

  it("n = 1500 with rounded (tied) x: fitted values, a grid, and degree 1 with span 0.4", () => {
    const fit = loess(L.x, L.y);
    // tolerance: 1e-12 absolute
    expect(maxAbsDiff(fit.evaluate(L.x), L.fitted)).toBeLessThan(1e-12);
    expect(maxAbsDiff(fit.evaluate(L.grid), L.grid_fitted)).toBeLessThan(1e-12);
    expect(maxAbsDiff(loess(L.x, L.y, { degree: 1, span: 0.4 }).evaluate(L.x), L.fitted_deg1_span04)).toBeLessThan(1e-12);
    expect(fit.vertices).toBeLessThan(20);
  });

  it("x with many ties (n = 80, 2 decimals)", () => {
    // tolerance: 1e-12 absolute
    expect(maxAbsDiff(loess(extra.lowess.x, extra.lowess.y).evaluate(extra.lowess.x), L.ties_fitted)).toBeLessThan(1e-12);
  });

  it("is NaN outside the k-d tree's box, as R's predict is NA", () => {
    const fit = loess(e.p, e.y);
    expect(Number.isNaN(fit.evaluate([-0.5])[0]!)).toBe(true);
    expect(Number.isFinite(fit.evaluate([Math.min(...e.p)])[0]!)).toBe(true);
  });
});

describe("loess, surface = 'direct'", () => {
  it("degree 2, span 0.75: fitted values and a grid match R's surface = 'direct'", () => {
    const fit = loess(e.p, e.y, { surface: "direct" });
    expect(fit.neighbours).toBe(Math.floor(91 * 0.75));
    // tolerance: 1e-12 absolute
    expect(maxAbsDiff(fit.evaluate(e.p), extra.calibration.loess_direct_fitted)).toBeLessThan(1e-12);
    expect(maxAbsDiff(fit.evaluate(extra.calibration.grid), extra.calibration.loess_direct_grid)).toBeLessThan(1e-12);
  });

  it("degree 1, span 0.5, and x with many ties", () => {
    // tolerance: 1e-12 absolute
    expect(maxAbsDiff(loess(e.p, e.y, { span: 0.5, degree: 1, surface: "direct" }).evaluate(e.p), extra.calibration.loess_degree1_fitted)).toBeLessThan(1e-12);
    const L = extra.lowess;
    expect(maxAbsDiff(loess(L.x, L.y, { surface: "direct" }).evaluate(L.x), L.loess_direct_ties)).toBeLessThan(1e-12);
  });

  it("R's two surfaces differ by up to ~0.02 here: the choice matters and is stated", () => {
    const d = maxAbsDiff(extra.calibration.loess_direct_fitted, extra.calibration.loess_interpolate_fitted);
    expect(d).toBeGreaterThan(1e-3);
    expect(d).toBeLessThan(0.05);
  });

  it("reproduces a quadratic exactly and rejects bad options", () => {
    const x = Array.from({ length: 30 }, (_, i) => i / 29);
    const y = x.map((v) => 1 - 2 * v + 3 * v * v);
    // tolerance: 1e-12 absolute (a degree-2 local fit is exact on a quadratic)
    for (const surface of ["direct", "interpolate"] as const) {
      expect(maxAbsDiff(loess(x, y, { surface }).evaluate([0, 0.33, 0.5, 1]), [1, 1 - 0.66 + 3 * 0.33 * 0.33, 0.75, 2])).toBeLessThan(1e-12);
    }
    expect(radvalErrorOf(() => loess(x, y, { span: 0 })).code).toBe("INVALID_OPTION");
    expect(radvalErrorOf(() => loess(x, y, { surface: "kd" as never })).code).toBe("INVALID_OPTION");
    expect(radvalErrorOf(() => loess(x, y, { degree: 3 as never })).code).toBe("INVALID_OPTION");
    expect(radvalErrorOf(() => loess([1, 2], [1, 2])).code).toBe("INVALID_ARGUMENT");
  });
});

describe("loess edge cases", () => {
  it("a neighbourhood with all points on its boundary is an error, as in R, not NaN", () => {
    expect(radvalErrorOf(() => loess([1, 1, 1, 1, 1, 1], [0, 1, 0, 1, 1, 0]).evaluate([1])).code).toBe("INVALID_ARGUMENT");
  });
});
