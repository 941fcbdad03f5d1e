import { describe, expect, it } from "vitest";
import { RESULTS_SCHEMA_VERSION } from "../../src/report/results.js";
import { formatIssuePath, parseStudyResults } from "../../src/report/resultsSchema.js";
import { radvalErrorOf } from "../helpers.js";
import { exampleJson, minimalJson } from "./fixture.js";

describe("results.json schema", () => {
  it("reads the synthetic example with two models, two cohorts and four sites", () => {
    const r = parseStudyResults(exampleJson());
    expect(r.schemaVersion).toBe(RESULTS_SCHEMA_VERSION);
    expect(r.models.map((m) => m.id)).toEqual(["enet", "rf"]);
    expect(r.cohorts.map((c) => [c.name, c.role, c.sites.length])).toEqual([
      ["development", "development", 4],
      ["temporal-2021", "external", 0],
    ]);
    expect(r.internalValidation!.models[0]!.optimism[0]!.values).toHaveLength(200);
  });

  it("fills omitted nullable fields with null and lists with [] in a minimal file", () => {
    const r = parseStudyResults(minimalJson());
    expect(r.study.title).toBeNull();
    expect(r.study.anticipatedR2CoxSnell).toBeNull();
    expect(r.internalValidation).toBeNull();
    expect(r.externalValidation).toEqual([]);
    expect(r.dataPreparation).toEqual({ reliability: null, redundancy: null, steps: [], refitInEverySplit: true });
    expect(r.cohorts[0]).toMatchObject({ design: null, firstDate: null, sites: [], missing: null });
  });

  it("names the key and what was expected when a number is a string", () => {
    const json = exampleJson();
    json["internalValidation"]["models"][1]["corrected"]["auc"]["estimate"] = "0.71";
    const e = radvalErrorOf(() => parseStudyResults(json, "results.json"));
    expect(e.code).toBe("INVALID_RESULTS");
    expect(e.where).toEqual({ file: "results.json", key: "internalValidation.models[1].corrected.auc.estimate" });
    expect(e.message).toMatch(/expected number/i);
    expect(e.message).toContain('config key "internalValidation.models[1].corrected.auc.estimate"');
  });

  it("counts further problems and names a missing required key", () => {
    const json = minimalJson();
    delete json["outcome"];
    json["cohorts"][0]["role"] = "training";
    const e = radvalErrorOf(() => parseStudyResults(json));
    expect(e.message).toContain("(and 1 more problem)");
    expect(["outcome", "cohorts[0].role"]).toContain(e.where.key);
  });

  it("rejects another schema version with its own code", () => {
    const json = minimalJson();
    json["schemaVersion"] = 2;
    const e = radvalErrorOf(() => parseStudyResults(json));
    expect(e.code).toBe("RESULTS_VERSION");
    expect(e.where.key).toBe("schemaVersion");
  });

  it("rejects unknown study keys (typos in author-written items)", () => {
    const json = minimalJson();
    json["study"] = { titel: "x" };
    const e = radvalErrorOf(() => parseStudyResults(json));
    expect(e.where.key).toBe("study");
    expect(e.message).toContain("titel");
  });

  it("checks references to models and cohorts", () => {
    const json = exampleJson();
    json["externalValidation"][0]["cohort"] = "temporal-2022";
    const e = radvalErrorOf(() => parseStudyResults(json));
    expect(e.message).toContain('cohort "temporal-2022" is not defined');
    expect(e.where.key).toBe("externalValidation[0].cohort");
    expect(e.hint).toContain("development, temporal-2021");
    const json2 = exampleJson();
    json2["primaryModel"] = "svm";
    expect(radvalErrorOf(() => parseStudyResults(json2)).where.key).toBe("primaryModel");
  });

  it("rejects probabilities outside [0, 1] and non-integer counts", () => {
    const json = minimalJson();
    json["cohorts"][0]["events"] = 30.5;
    expect(radvalErrorOf(() => parseStudyResults(json)).where.key).toBe("cohorts[0].events");
  });

  it("formats issue paths", () => {
    expect(formatIssuePath(["a", 0, "b", 12])).toBe("a[0].b[12]");
    expect(formatIssuePath([])).toBe("(top level)");
  });
});
