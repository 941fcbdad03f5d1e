import { describe, expect, it } from "vitest";
import { parseStudyConfig } from "../../src/validate/config.js";
import { radvalErrorOf } from "../helpers.js";

const minimal = { data: { file: "x.csv", outcome: "y" }, models: [{ model: "lasso" }] };

describe("study config schema", () => {
  it("accepts a minimal and a full config", () => {
    expect(parseStudyConfig(minimal).models[0]!.model).toBe("lasso");
    const full = parseStudyConfig({
      seed: 7,
      study: { title: "T", objectives: "O" },
      data: { file: "m.csv", outcome: "outcome", site: "site", date: "scan_date", development: { column: "cohort", value: "trial" } },
      reliability: { file: "tr.csv", rater: "reader", cut: 0.75 },
      redundancy: { threshold: 0.9 },
      models: [{ name: "LASSO", model: "lasso" }, { model: "rf", params: { trees: 500 } }, { model: "svm", tune: { cost: [0.1, 1] } }],
      internal: { cv: { folds: 5 }, bootstrap: { replicates: 200 }, permutations: 0 },
      external: { cohorts: [{ column: "cohort", value: "external" }], leaveOneSiteOut: true, updating: ["intercept", "logistic"] },
      decisionCurve: { thresholds: { from: 0.01, to: 0.5, by: 0.01 } },
    });
    expect(full.external!.updating).toEqual(["intercept", "logistic"]);
  });

  it("names a misspelt key and suggests the right one", () => {
    const e = radvalErrorOf(() => parseStudyConfig({ ...minimal, internal: { bootstrapp: { replicates: 10 } } }, "study.yaml"));
    expect(e.code).toBe("INVALID_CONFIG");
    expect(e.where).toMatchObject({ file: "study.yaml", key: "internal.bootstrapp" });
    expect(e.hint).toContain('Did you mean "internal.bootstrap"');
  });

  it("names a missing required key and a wrongly typed value", () => {
    const missing = radvalErrorOf(() => parseStudyConfig({ models: [{ model: "rf" }] }));
    expect(missing.message).toContain('required key "data" is missing');
    const wrong = radvalErrorOf(() => parseStudyConfig({ ...minimal, internal: { cv: { folds: "ten" } } }));
    expect(wrong.where.key).toBe("internal.cv.folds");
    expect(wrong.message).toContain("expected number");
    const topLevel = radvalErrorOf(() => parseStudyConfig({ ...minimal, seeed: 1 }));
    expect(topLevel.hint).toContain('Did you mean "seed"');
  });
});
