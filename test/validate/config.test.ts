import { describe, expect, it } from "vitest";
import { parseStudyConfig } from "../../src/validate/config.js";
import { radvalErrorOf } from "../helpers.js";
import { parse as parseYaml } from "yaml";

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

describe("study config messages and limits (issue 15)", () => {
  it("a typo'd required key is named with a suggestion, not reported as the real key missing", () => {
    const e = radvalErrorOf(() => parseStudyConfig(parseYaml("data: {file: x.csv, outcom: y}\nmodels: [{model: lasso}]\n"), "study.yaml"));
    expect(e.message).toContain(`unknown key "data.outcom"`);
    expect(e.hint).toContain('Did you mean "data.outcome"?');
  });

  it("positive: TRUE (a YAML boolean) gets quoting advice", () => {
    const e = radvalErrorOf(() => parseStudyConfig(parseYaml("data: {file: x.csv, outcome: y, positive: TRUE}\nmodels: [{model: lasso}]\n"), "study.yaml"));
    expect(e.message).toMatch(/"data\.positive" is the YAML boolean true/);
    expect(e.hint).toContain('positive: "TRUE"');
  });

  it("a reversed decision-curve grid is refused, as the CLI refuses it", () => {
    const e = radvalErrorOf(() => parseStudyConfig({ ...minimal, decisionCurve: { thresholds: { from: 0.9, to: 0.1, by: 0.01 } } }));
    expect(e.where.key).toBe("decisionCurve.thresholds.to");
    expect(e.message).toContain("the grid is reversed (from > to)");
  });

  it("replicates, permutations, folds and repeats beyond sane maxima are a clear error", () => {
    expect(radvalErrorOf(() => parseStudyConfig({ ...minimal, internal: { bootstrap: { replicates: 1e9 } } })).message).toMatch(/internal\.bootstrap\.replicates.*at most 10,000 replicates/);
    expect(radvalErrorOf(() => parseStudyConfig({ ...minimal, internal: { permutations: 1e6 } })).message).toContain("at most 10,000 permutations");
    expect(radvalErrorOf(() => parseStudyConfig({ ...minimal, internal: { cv: { folds: 5000 } } })).message).toContain("at most 1,000 folds");
    expect(radvalErrorOf(() => parseStudyConfig({ ...minimal, internal: { cv: { folds: 5, repeats: 5000 } } })).message).toContain("at most 1,000 repeats");
    expect(parseStudyConfig({ ...minimal, internal: { bootstrap: { replicates: 10_000 } } }).internal!.bootstrap!.replicates).toBe(10_000);
  });
});
