import { describe, expect, it } from "vitest";
import { timeDependentAuc, timeDependentRoc } from "../../src/survival/timeDependent.js";
import { loadFixture, radvalErrorOf } from "../helpers.js";

// Reference: test/fixtures/scripts/fx_time_roc.R (time_roc_pbc.json: riskRegression::Score(plots = "ROC",
// cens.model = "km") on the external PBC cohort at 5 years, the risks of survival_pbc.json). Tolerances: 1e-9 for the
// curve points against riskRegression (same arithmetic) and for the area against timeDependentAuc (exact identity).
const ref = loadFixture("time_roc_pbc.json");
const pbc = loadFixture("survival_pbc.json");
const fx = loadFixture("survival_extra.json");

function trapezoid(points: ReadonlyArray<{ fpr: number; tpr: number }>): number {
  let a = 0;
  for (let k = 1; k < points.length; k++) a += ((points[k]!.fpr - points[k - 1]!.fpr) * (points[k]!.tpr + points[k - 1]!.tpr)) / 2;
  return a;
}

describe("timeDependentRoc (cumulative/dynamic IPCW ROC curve)", () => {
  const risk: number[] = pbc.external_5y.risk;
  const roc = timeDependentRoc(fx.ext.time, fx.ext.event, risk, ref.time);

  it("each drawn point is riskRegression's (TPR, FPR) at that risk threshold", () => {
    const byRisk = new Map<number, { tpr: number; fpr: number }>(ref.roc.risk.map((r: number, k: number) => [r, { tpr: ref.roc.TPR[k], fpr: ref.roc.FPR[k] }]));
    const drawn = roc.points.filter((p) => p.threshold !== null);
    expect(drawn.length).toBeGreaterThan(10);
    for (const p of drawn) {
      const want = byRisk.get(p.threshold!);
      expect(want, `threshold ${p.threshold}`).toBeDefined();
      expect(Math.abs(p.tpr - want!.tpr)).toBeLessThan(1e-9); // tolerance 1e-9
      expect(Math.abs(p.fpr - want!.fpr)).toBeLessThan(1e-9); // tolerance 1e-9
    }
    expect(roc.points[0]).toEqual({ fpr: 0, tpr: 0, threshold: null });
    expect(roc.points[roc.points.length - 1]).toMatchObject({ fpr: 1, tpr: 1 });
  });

  it("the area under the drawn curve is AUC(t) (and riskRegression's AUC)", () => {
    const auc = timeDependentAuc(fx.ext.time, fx.ext.event, risk, ref.time).estimate;
    expect(Math.abs(trapezoid(roc.points) - auc)).toBeLessThan(1e-9); // tolerance 1e-9
    expect(Math.abs(roc.auc - auc)).toBeLessThan(1e-9); // tolerance 1e-9
    expect(Math.abs(roc.auc - ref.auc)).toBeLessThan(1e-9); // tolerance 1e-9
  });

  it("with tied risks (ties count ½) and on the development cohort, area = AUC(t)", () => {
    const dev = fx.dev_5y;
    for (const r of [dev.risk as number[], (dev.risk as number[]).map((x) => Math.round(x * 10) / 10)]) {
      const curve = timeDependentRoc(fx.dev.time, fx.dev.event, r, dev.time);
      expect(Math.abs(curve.auc - timeDependentAuc(fx.dev.time, fx.dev.event, r, dev.time).estimate)).toBeLessThan(1e-9); // tolerance 1e-9
      expect(Math.abs(trapezoid(curve.points) - curve.auc)).toBeLessThan(1e-12); // tolerance 1e-12
    }
  });

  it("no events by the horizon is TOO_FEW_EVENTS", () => {
    expect(radvalErrorOf(() => timeDependentRoc([5, 6, 7, 8], [0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4], 5.5)).code).toBe("TOO_FEW_EVENTS");
  });
});
