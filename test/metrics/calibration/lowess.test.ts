import { describe, expect, it } from "vitest";
import { lowess, lowessAt } from "../../../src/metrics/calibration/lowess.js";
import { loadFixture, maxAbsDiff, radvalErrorOf } from "../../helpers.js";

// Reference: R 4.2.2 stats::lowess (clowess) and approx(ties = mean),
// test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json (lowess).
const L = loadFixture("metrics_extra.json").lowess;

describe("lowess (R's clowess)", () => {
  it("iter = 0 on 0/1 outcomes with tied x (as val.prob uses it)", () => {
    const fit = lowess(L.x, L.y, { iter: 0 });
    expect(Array.from(fit.x)).toEqual(L.sorted_x);
    // tolerance: 1e-14 absolute (same algorithm, same operation order)
    expect(maxAbsDiff(fit.y, L.iter0)).toBeLessThan(1e-14);
  });

  it("default robustness iterations (iter = 3) and a smaller span", () => {
    // tolerance: 1e-14 absolute
    expect(maxAbsDiff(lowess(L.x, L.y).y, L.iter3)).toBeLessThan(1e-14);
    expect(maxAbsDiff(lowess(L.x, L.y, { f: 0.3, iter: 0 }).y, L.f03)).toBeLessThan(1e-14);
    expect(maxAbsDiff(lowess(L.cx, L.cy).y, L.c_iter3)).toBeLessThan(1e-14);
  });

  it("lowessAt returns the fit at each input x in input order (approx(..., ties = mean))", () => {
    // tolerance: 1e-14 absolute
    expect(maxAbsDiff(lowessAt(L.x, L.y, { iter: 0 }), L.approx_iter0)).toBeLessThan(1e-14);
  });

  it("handles tiny inputs and rejects non-finite values", () => {
    expect(Array.from(lowess([2], [5]).y)).toEqual([5]);
    expect(lowess([], []).y.length).toBe(0);
    expect(radvalErrorOf(() => lowess([1, NaN], [0, 1])).code).toBe("NON_FINITE");
    expect(radvalErrorOf(() => lowess([1, 2], [0])).code).toBe("DIMENSION_MISMATCH");
  });
});
