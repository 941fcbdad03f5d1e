import { describe, expect, it } from "vitest";
import { computeFlags } from "../../src/report/flags.js";
import { parseStudyResults } from "../../src/report/resultsSchema.js";
import { exampleJson } from "./fixture.js";

// Issue 13, finding 3: checks that pass nonsense. Each case edits the synthetic results fixture to what was seen on a real
// radiomics table (weak signal, 96 patients) and asserts the check a reviewer would expect now flags it.
type Json = Record<string, any>;
const checksOf = (json: Json) => computeFlags(parseStudyResults(json, "fixture")).checks;
const est = (estimate: number, lower: number | null = null, upper: number | null = null) => ({ estimate, lower, upper, level: lower === null ? null : 0.95, method: null });

describe("model-level checks catch what a reviewer would", () => {
  it.each([1.6, 2.5, 18.35])("a corrected calibration slope of %s is flagged (two-sided range 0.8–1.25)", (slope) => {
    const json = exampleJson();
    json["internalValidation"]["models"][0]["corrected"]["calibrationSlope"] = est(slope);
    const check = checksOf(json).find((c) => c.id === "calibration-slope" && c.model === "enet" && c.message.includes("optimism-corrected"))!;
    expect(check.status).toBe("flag");
    expect(check.severity).toBe("serious");
    expect(check.message).toMatch(/too moderate/);
  });

  it("a pooled leave-one-site-out slope of 1.95 with I² 88% is flagged twice (slope and heterogeneity)", () => {
    const json = exampleJson();
    const h = json["heterogeneity"].find((x: Json) => x.metric === "calibrationSlope");
    h.pooled = est(1.95, 1.2, 2.7);
    h.i2 = 0.88;
    const checks = checksOf(json);
    expect(checks.find((c) => c.id === "calibration-slope" && c.cohort!.startsWith("pooled"))!.status).toBe("flag");
    expect(checks.find((c) => c.id === "site-heterogeneity" && c.values["i2"] === 0.88)!.status).toBe("flag");
  });

  it("a corrected AUC of 0.403 and an AUC whose CI includes 0.5 are flagged as not above chance", () => {
    const json = exampleJson();
    json["internalValidation"]["models"][0]["corrected"]["auc"] = est(0.403);
    json["externalValidation"][0]["metrics"]["auc"] = est(0.58, 0.46, 0.7);
    const checks = checksOf(json).filter((c) => c.id === "discrimination-above-chance");
    expect(checks.find((c) => c.model === "enet" && c.message.includes("optimism-corrected"))!.message).toMatch(/0\.403: not above chance/);
    expect(checks.find((c) => c.cohort === json["externalValidation"][0]["cohort"] && c.model === json["externalValidation"][0]["model"])!.status).toBe("flag");
    expect(checks.filter((c) => c.status === "pass").length).toBeGreaterThan(0); // the fixture's good AUCs pass
  });

  it("a temporal AUC of 0.500 (0.500–0.500) is flagged: not above chance and a zero-width interval", () => {
    const json = exampleJson();
    json["externalValidation"][0]["metrics"]["auc"] = est(0.5, 0.5, 0.5);
    const checks = checksOf(json);
    expect(checks.some((c) => c.id === "discrimination-above-chance" && c.status === "flag" && c.message.includes("0.5 (0.5–0.5)"))).toBe(true);
    expect(checks.some((c) => c.id === "intervals-have-width" && c.status === "flag")).toBe(true);
  });

  it("an intercept-only final model (0 of 431 features kept) is a serious flag; a model with predictors passes", () => {
    const json = exampleJson();
    const m = json["models"][0];
    m.final.coefficients = Array.from({ length: 431 }, (_, j) => ({ feature: `f${j}`, value: 0 }));
    const checks = checksOf(json).filter((c) => c.id === "final-model-has-predictors");
    expect(checks[0]).toMatchObject({ status: "flag", severity: "serious" });
    expect(checks[0]!.message).toMatch(/kept 0 of 431 features/);
    expect(checks[1]!.status).toBe("pass");
  });

  it("λ at the edge of its grid is flagged; inside it passes", () => {
    const json = exampleJson();
    const path = json["models"][0]["path"];
    expect(path).toBeTruthy();
    const inside = checksOf(json).find((c) => c.id === "lambda-inside-grid")!;
    expect(inside.status).toBe("pass");
    path.chosenLambda = path.lambda[path.lambda.length - 1];
    const edge = checksOf(json).find((c) => c.id === "lambda-inside-grid")!;
    expect(edge.status).toBe("flag");
    expect(edge.message).toMatch(/smallest λ of the grid/);
  });

  it("events per candidate parameter are printed with significant digits, never '0.0'", () => {
    const json = exampleJson();
    json["predictors"]["candidateParameters"] = 4961;
    const epp = checksOf(json).find((c) => c.id === "epp-10")!;
    expect(epp.message).toMatch(/^0\.037 events per candidate parameter/);
  });

  it("a final feature selected in fewer than half of the refits makes the selection-stability check flag", () => {
    const json = exampleJson();
    json["internalValidation"]["models"][0]["selection"] = {
      refits: 200,
      interceptOnly: 30,
      features: [
        { feature: "a", frequency: 0.9, inFinal: true },
        { feature: "b", frequency: 0.3, inFinal: true },
        { feature: "c", frequency: 0.2, inFinal: false },
      ],
    };
    const check = checksOf(json).find((c) => c.id === "selection-stability")!;
    expect(check.status).toBe("flag");
    expect(check.message).toMatch(/30 \(15%\) were intercept-only; 1 of the final model's 2 features were selected in fewer than 50% \(b 30%\)/);
  });
});
