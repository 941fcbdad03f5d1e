import { describe, expect, it } from "vitest";
import { survivalCalibration } from "../../src/survival/calibration.js";
import { loadFixture, relDiff } from "../helpers.js";

// Reference: test/fixtures/scripts/fx_survival_extra.R (calibration_ext; survival 3.5-3 survfit and coxph).
const fx = loadFixture("survival_extra.json");
const c = fx.calibration_ext;

describe("survivalCalibration at the horizon", () => {
  it("grouped observed 1 − KM vs mean predicted, Greenwood SE, calibration slope", () => {
    const r = survivalCalibration(fx.ext.time, fx.ext.event, c.risk, c.time, { groups: c.groups, lp: c.lp });
    expect(r.groups.length).toBe(c.table.length);
    r.groups.forEach((g, k) => {
      const ref = c.table[k];
      expect(g.n).toBe(ref.n);
      expect(relDiff(g.predicted, ref.predicted)).toBeLessThan(1e-12); // tolerance 1e-12
      expect(Math.abs(g.observed - ref.observed)).toBeLessThan(1e-12); // tolerance 1e-12 abs
      expect(Math.abs(g.se - ref.se)).toBeLessThan(1e-12); // tolerance 1e-12 abs
    });
    expect(relDiff(r.slope!.estimate, c.slope)).toBeLessThan(1e-7); // tolerance 1e-7 (coxph convergence)
    expect(relDiff(r.slope!.se, c.slope_se)).toBeLessThan(1e-7); // tolerance 1e-7
  });
});
