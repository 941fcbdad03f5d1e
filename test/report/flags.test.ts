import { describe, expect, it } from "vitest";
import { anticipatedR2, assessSampleSize, computeFlags } from "../../src/report/flags.js";
import { rileySampleSize } from "../../src/report/riley.js";
import { parseStudyResults } from "../../src/report/resultsSchema.js";
import { exampleJson, exampleResults, minimalJson } from "./fixture.js";

const byId = (checks: ReturnType<typeof computeFlags>["checks"], id: string) => checks.filter((c) => c.id === id);

describe("automatic flags on the synthetic example (600 patients, 186 events, 40 candidate parameters)", () => {
  const results = exampleResults();
  const { checks, sampleSize } = computeFlags(results);

  it("computes EPP from the smaller outcome class and flags < 10 and < 20", () => {
    expect(sampleSize!.epp).toBeCloseTo(186 / 40, 12);
    expect(byId(checks, "epp-10")[0]).toMatchObject({ status: "flag", severity: "serious", items: ["10", "26"] });
    expect(byId(checks, "epp-20")[0]).toMatchObject({ status: "flag", severity: "caution" });
  });

  it("uses the primary model's optimism-corrected Cox–Snell R² and the Riley formulas at n = 600", () => {
    const enetCorrected = results.internalValidation!.models.find((m) => m.model === "enet")!.corrected.r2CoxSnell!.estimate!;
    expect(anticipatedR2(results)).toEqual({ value: enetCorrected, source: "corrected", model: "enet" });
    const expected = rileySampleSize({ r2CoxSnell: enetCorrected, parameters: 40, prevalence: 186 / 600 });
    expect(sampleSize!.riley).toEqual(expected);
    const shrink = byId(checks, "riley-shrinkage")[0]!;
    expect(shrink.status).toBe(600 >= expected.shrinkage.nRequired ? "pass" : "flag");
    expect(shrink.status).toBe("flag");
    expect(shrink.values["shrinkage"]).toBeLessThan(0.9);
    expect(byId(checks, "riley-optimism")[0]!.status).toBe("flag");
    // (iii): (1.96/0.05)^2 * 0.31 * 0.69 = 329 ≤ 600
    expect(byId(checks, "riley-intercept")[0]).toMatchObject({ status: "pass", values: { nRequired: 329 } });
  });

  it("flags the random forest's corrected calibration slope (0.58) but not the elastic net's (0.88); external slopes are checked too", () => {
    const slopes = byId(checks, "calibration-slope").filter((c) => c.message.includes("optimism-corrected"));
    expect(slopes.map((c) => [c.model, c.status])).toEqual([
      ["enet", "pass"],
      ["rf", "flag"],
    ]);
    expect(byId(checks, "calibration-slope").length).toBeGreaterThan(2);
  });

  it("checks the CI width of every internal and whole-cohort external AUC (all < 0.2 here)", () => {
    const widths = byId(checks, "auc-ci-width");
    expect(widths).toHaveLength(4);
    expect(widths.every((c) => c.status === "pass")).toBe(true);
    expect(widths[2]!.values["width"]).toBeCloseTo(0.8193 - 0.6462, 12);
  });

  it("flags the external cohort's case mix (max |SMD| 0.62 > 0.5)", () => {
    const mix = byId(checks, "case-mix");
    expect(mix).toHaveLength(1);
    expect(mix[0]).toMatchObject({ status: "flag", cohort: "temporal-2021", values: { maxAbsSmd: 0.62 } });
    expect(mix[0]!.message).toContain("original_firstorder_F001");
  });

  it("respects custom thresholds", () => {
    const relaxed = computeFlags(results, { eppSerious: 4, eppCaution: 4.5, smdCut: 0.7, slopeCut: 0.5, aucCiWidth: 0.1 });
    expect(byId(relaxed.checks, "epp-10")[0]!.status).toBe("pass");
    expect(byId(relaxed.checks, "epp-20")[0]!.status).toBe("pass");
    expect(byId(relaxed.checks, "case-mix")[0]!.status).toBe("pass");
    const internalSlopes = byId(relaxed.checks, "calibration-slope").filter((c) => c.message.includes("optimism-corrected"));
    // 0.58 is inside a 0.5–1.25 range now; the forest is still flagged, for its CI (0.409–0.752) excluding 1
    expect(internalSlopes.map((c) => c.status)).toEqual(["pass", "flag"]);
    expect(internalSlopes[1]!.message).toMatch(/confidence interval excludes 1/);
    expect(byId(relaxed.checks, "auc-ci-width").filter((c) => c.status === "flag")).toHaveLength(2);
  });
});

describe("flags when information is missing or comes from the config", () => {
  it("prefers the author's anticipated R² from the study config", () => {
    const json = exampleJson();
    json["study"]["anticipatedR2CoxSnell"] = 0.1;
    const s = assessSampleSize(parseStudyResults(json))!;
    expect(s.r2Source).toBe("config");
    expect(s.riley).toEqual(rileySampleSize({ r2CoxSnell: 0.1, parameters: 40, prevalence: 186 / 600 }));
  });

  it("marks Riley (i)–(ii) unavailable without any R², but still checks EPP and (iii)", () => {
    const { checks, sampleSize } = computeFlags(parseStudyResults(minimalJson()));
    expect(sampleSize!.rileyNote).toContain("no Cox–Snell R²");
    expect(byId(checks, "riley-shrinkage")[0]!.status).toBe("unavailable");
    expect(byId(checks, "riley-optimism")[0]!.status).toBe("unavailable");
    expect(byId(checks, "epp-10")[0]).toMatchObject({ status: "flag", values: { epp: 6 } }); // min(30, 70) / 5
    // (iii): (1.96 / 0.05)² × 0.3 × 0.7 = 322.7 → 323 > 100
    expect(byId(checks, "riley-intercept")[0]).toMatchObject({ status: "flag", values: { nRequired: 323, n: 100 } });
  });

  it("says why when the corrected R² is not positive", () => {
    const json = exampleJson();
    json["internalValidation"]["models"][0]["corrected"]["r2CoxSnell"] = { estimate: -0.01 };
    const s = assessSampleSize(parseStudyResults(json))!;
    expect(s.riley).toBeNull();
    expect(s.rileyNote).toContain("≤ 0");
  });
});

describe("optimism-reliability: Harrell's bootstrap under-corrects models that reproduce their training data", () => {
  const dotPlusAuc = (apparent: number, dot632plus: number) => ({
    measure: "auc", apparent, outOfBag: dot632plus - 0.02, noInformation: 0.5, relativeOverfitting: 0.4, dot632: dot632plus + 0.02, dot632plus,
  });
  // The shape of the multisite demo's random forest: apparent AUC 1, corrected 0.968, .632+ 0.843, CV 0.802.
  const json = exampleJson();
  const [enet, rf] = json["internalValidation"]["models"];
  rf["apparent"]["auc"] = { estimate: 1, lower: 1, upper: 1, level: 0.95, method: "DeLong" };
  rf["corrected"]["auc"] = { estimate: 0.968, lower: null, upper: null, level: null, method: null };
  rf["dotPlus"] = [dotPlusAuc(1, 0.843)];
  rf["crossValidated"] = { ...rf["corrected"], auc: { estimate: 0.802, lower: 0.764, upper: 0.839, level: 0.95, method: "DeLong" } };
  enet["dotPlus"] = [dotPlusAuc(0.8004, 0.765)];
  const results = parseStudyResults(json);
  const checks = byId(computeFlags(results).checks, "optimism-reliability");

  it("flags the forest (corrected 0.968 is 0.166 above the lower of .632+ and CV; apparent AUC 1) and passes the elastic net", () => {
    expect(checks.map((c) => [c.model, c.status, c.severity])).toEqual([
      ["enet", "pass", "serious"],
      ["rf", "flag", "serious"],
    ]);
    const flag = checks[1]!;
    expect(flag.message).toContain("0.166 above the lower of .632+ 0.843 and cross-validated 0.802");
    expect(flag.message).toContain("with an apparent AUC of 1 the model nearly reproduces its training data");
    expect(flag.message).toContain("report the .632+ estimate");
    expect(flag.values["gap"]).toBeCloseTo(0.968 - 0.802, 12);
    expect(flag.values["dot632plus"]).toBe(0.843);
  });

  it("passes an apparent AUC near 1 that .632+ and CV confirm (separable data, as WDBC)", () => {
    const separable = exampleJson();
    const m = separable["internalValidation"]["models"][0];
    m["apparent"]["auc"] = { estimate: 0.997, lower: 0.99, upper: 1, level: 0.95, method: "DeLong" };
    m["corrected"]["auc"] = { estimate: 0.996, lower: null, upper: null, level: null, method: null };
    m["dotPlus"] = [dotPlusAuc(0.997, 0.995)];
    m["crossValidated"] = { ...m["corrected"], auc: { estimate: 0.994, lower: 0.99, upper: 0.998, level: 0.95, method: "DeLong" } };
    expect(byId(computeFlags(parseStudyResults(separable)).checks, "optimism-reliability")[0]).toMatchObject({ model: "enet", status: "pass" });
  });

  it("with neither .632+ nor CV, an apparent AUC ≥ 0.99 is a caution (it cannot be checked)", () => {
    const unchecked = exampleJson();
    unchecked["internalValidation"]["models"][1]["apparent"]["auc"] = { estimate: 1, lower: 1, upper: 1, level: 0.95, method: "DeLong" };
    const [enetCheck, rfCheck] = byId(computeFlags(parseStudyResults(unchecked)).checks, "optimism-reliability");
    expect(enetCheck).toMatchObject({ status: "pass" });
    expect(rfCheck).toMatchObject({ model: "rf", status: "flag", severity: "caution" });
    expect(rfCheck!.message).toContain("no .632+ or cross-validated AUC to check the correction against");
  });

  it("flags a corrected AUC far above .632+ even when the apparent AUC is below the cut, and the gap is a setting", () => {
    const gapOnly = exampleJson();
    gapOnly["internalValidation"]["models"][0]["dotPlus"] = [dotPlusAuc(0.8004, 0.7)]; // corrected 0.7694 − 0.7 = 0.069 > 0.05
    const parsed = parseStudyResults(gapOnly);
    expect(byId(computeFlags(parsed).checks, "optimism-reliability")[0]).toMatchObject({ model: "enet", status: "flag" });
    expect(byId(computeFlags(parsed, { optimismGap: 0.1 }).checks, "optimism-reliability")[0]!.status).toBe("pass");
  });

  it("is not run for cross-validation, whose estimate has no optimism to under-correct", () => {
    const cv = exampleJson();
    cv["internalValidation"]["scheme"] = "cv";
    expect(byId(computeFlags(parseStudyResults(cv)).checks, "optimism-reliability")).toHaveLength(0);
  });
});

describe("leak screen checks (issue 15)", () => {
  it("flag suspected leaks and single-feature separation, list the clinical predictors; absent screen → no check", () => {
    const json = exampleJson();
    expect(byId(computeFlags(parseStudyResults(json)).checks, "leak-screen")).toEqual([]);
    json["predictors"]["suspectedLeaks"] = [
      { feature: "TTP", reason: "name suggests post-baseline or outcome-derived information (TTP)", auc: 0.91, separates: false },
      { feature: "copy_of_y", reason: "separates the outcome perfectly on its own (AUC 1)", auc: 1, separates: true },
    ];
    json["predictors"]["clinical"] = ["age", "AFP"];
    const { checks } = computeFlags(parseStudyResults(json));
    expect(byId(checks, "leak-screen")[0]).toMatchObject({ status: "flag", severity: "serious", values: { suspected: 2 } });
    expect(byId(checks, "leak-screen")[0]!.message).toContain("TTP (name suggests");
    expect(byId(checks, "single-feature-separation")[0]).toMatchObject({ status: "flag" });
    expect(byId(checks, "single-feature-separation")[0]!.message).toMatch(/^copy_of_y alone separate/);
    expect(byId(checks, "clinical-predictors")[0]!.message).toBe("Non-image candidate predictors: age, AFP.");
  });
});
