import { describe, expect, it } from "vitest";
import { survivalDecisionCurve } from "../../src/survival/decisionCurve.js";
import { loadFixture, radvalErrorOf } from "../helpers.js";

// Reference: test/fixtures/scripts/fx_survival_extra.R (decision_curve_ext: net benefit from survival 3.5-3 survfit).
const fx = loadFixture("survival_extra.json");
const c = fx.calibration_ext;

describe("survivalDecisionCurve at the horizon", () => {
  it("net benefit with KM among those above the threshold, and treat-all", () => {
    const d = fx.decision_curve_ext;
    const r = survivalDecisionCurve(fx.ext.time, fx.ext.event, c.risk, c.time, d.map((x: any) => x.threshold));
    r.forEach((row, k) => {
      expect(Math.abs(row.netBenefit - d[k].net_benefit)).toBeLessThan(1e-12); // tolerance 1e-12 abs
      expect(Math.abs(row.treatAll - d[k].treat_all)).toBeLessThan(1e-12); // tolerance 1e-12 abs
    });
  });

  it("rejects a horizon beyond the last follow-up", () => {
    expect(radvalErrorOf(() => survivalDecisionCurve(fx.ext.time, fx.ext.event, c.risk, 1e6, [0.1])).code).toBe("INVALID_ARGUMENT");
  });
});
