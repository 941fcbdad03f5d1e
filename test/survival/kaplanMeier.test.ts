import { describe, expect, it } from "vitest";
import { kaplanMeier, medianFollowUp, survivalAt } from "../../src/survival/kaplanMeier.js";
import { radvalErrorOf, loadFixture, maxAbsDiff } from "../helpers.js";

// Reference: test/fixtures/scripts/fx_survival_extra.R (summary(survfit()), reverse-KM median, survival 3.5-3).
const fx = loadFixture("survival_extra.json");

describe("kaplanMeier (survival::survfit)", () => {
  it("survival and Greenwood SE at the event times", () => {
    const km = kaplanMeier(fx.dev.time, fx.dev.event);
    const at = fx.km.time.map((t: number) => km.time.indexOf(t));
    expect(at.every((k: number) => k >= 0)).toBe(true);
    expect(at.map((k: number) => km.nRisk[k])).toEqual(fx.km.n_risk);
    expect(at.map((k: number) => km.nEvent[k])).toEqual(fx.km.n_event);
    expect(maxAbsDiff(at.map((k: number) => km.surv[k]), fx.km.surv)).toBeLessThan(1e-13); // tolerance 1e-13 abs
    expect(maxAbsDiff(at.map((k: number) => km.stdErr[k]), fx.km.std_err)).toBeLessThan(1e-13); // tolerance 1e-13 abs
    expect(survivalAt(km, 0)).toBe(1);
    expect(survivalAt(km, fx.km.time[3])).toBe(fx.km.surv[3]);
  });

  it("median follow-up by reverse Kaplan-Meier", () => {
    expect(medianFollowUp(fx.dev.time, fx.dev.event)).toBe(fx.median_followup); // exact: a data time
  });

  it("rejects negative or missing times and data without events", () => {
    expect(radvalErrorOf(() => kaplanMeier([1, -2, 3], [1, 0, 1])).code).toBe("INVALID_ARGUMENT");
    expect(radvalErrorOf(() => kaplanMeier([1, NaN, 3], [1, 0, 1])).code).toBe("NON_FINITE");
    expect(radvalErrorOf(() => kaplanMeier([1, 2, 3], [0, 0, 0])).code).toBe("TOO_FEW_EVENTS");
  });
});
