/**
 * The commented example configs in examples/ load as written (files found, roles valid, models known), say
 * what the demo relies on, and the example reports committed in reports/ were generated from the current
 * configs (`npm run demo` regenerates them).
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadStudy } from "../../../src/io/readStudy.js";
import { hasMissing, recipeFromConfig, workflowsFromConfig } from "../../../src/validate/study/pipeline.js";
import { resolveDesign } from "../../../src/validate/study/design.js";

const examples = new URL("../../../examples/", import.meta.url);
const configs = readdirSync(examples).filter((f) => f.endsWith(".study.yaml")).sort();

describe("example study configs", () => {
  it("there is one per bundled study", () => {
    expect(configs).toEqual(["asah.study.yaml", "multisite.study.yaml", "pbc-stage.study.yaml", "pbc-survival.study.yaml", "pbc.study.yaml", "wdbc.study.yaml"]);
  });

  it.each(configs)("%s loads, resolves its design and builds its workflows", (name) => {
    const { inputs } = loadStudy(new URL(name, examples).pathname);
    const design = resolveDesign(inputs.config, inputs.data, inputs.fileCohorts ?? [], inputs.dataFile);
    const steps = recipeFromConfig(inputs.config, inputs.long, hasMissing(inputs.data, design.development.rows));
    const workflows = workflowsFromConfig(inputs.config, steps, inputs.data.featureNames);
    expect(workflows.length).toBeGreaterThanOrEqual(2);
    expect(readFileSync(new URL(name, examples), "utf8")).toMatch(/^# radval study: /);
  });

  it("multisite: ICC filter keeping unmeasured features, clustering at 0.9, four models, bootstrap + CV, leave-one-site-out", () => {
    const { inputs } = loadStudy(new URL("multisite.study.yaml", examples).pathname);
    const c = inputs.config;
    expect(c.data).toMatchObject({ file: "multisite.csv", outcome: "outcome", site: "site", date: "scan_date" });
    expect(c.reliability).toMatchObject({ file: "test_retest.csv", id: "case_id", rater: "reader", unmeasured: "keep" });
    expect(inputs.long?.source).toBe("test_retest.csv"); // as the config names it, not this machine's path
    const measured = inputs.long!.featureNames.filter((f) => inputs.data.featureNames.includes(f));
    expect(measured).toHaveLength(19); // why unmeasured: keep is needed
    expect(c.redundancy?.threshold).toBe(0.9);
    expect(c.models.map((m) => m.model)).toEqual(["lasso", "enet", "svm", "rf"]);
    expect(c.internal?.bootstrap?.replicates).toBeGreaterThan(0);
    expect(c.internal?.cv).toBeDefined();
    expect(c.external?.leaveOneSiteOut).toBe(true);
  });

  it("pbc: five labs measured in both cohorts, developed on the trial, validated externally with updating", () => {
    const { inputs } = loadStudy(new URL("pbc.study.yaml", examples).pathname);
    const c = inputs.config;
    expect(c.data).toMatchObject({ outcome: "cirrhosis", positive: 1, missingOutcome: "drop", features: ["bili", "albumin", "platelet", "protime", "age"], development: { column: "cohort", value: "trial" } });
    expect(c.external?.cohorts).toEqual([{ name: "external", column: "cohort", value: "external" }]);
    expect(c.external?.updating).toEqual(["intercept", "logistic", "refit"]);
    expect(c.models.map((m) => m.model)).toEqual(["logistic", "lasso", "logistic", "logistic"]);
    expect(c.data.groups).toEqual({ clinical: ["age", "albumin"], labs: ["bili", "platelet", "protime"] });
    expect(c.incremental?.pairs).toEqual([["Clinical", "Combined"], ["Clinical", "Logistic regression"]]);
    const design = resolveDesign(c, inputs.data, [], inputs.dataFile);
    expect([design.development.rows.length, design.external[0]!.rows.length]).toEqual([312, 100]);
  });

  it.each(["multisite", "pbc", "wdbc", "asah", "pbc-survival", "pbc-stage"])("reports/%s was generated from the current example study config", (name) => {
    const text = readFileSync(new URL(`${name}.study.yaml`, examples), "utf8");
    const results = JSON.parse(readFileSync(new URL(`../../../reports/${name}/results.json`, import.meta.url), "utf8"));
    expect(results.software.configHash, `reports/${name} is stale: run npm run demo and commit reports/`).toBe(createHash("sha256").update(text).digest("hex"));
    expect(results.software.command).toBe(`radval run examples/${name}.study.yaml`);
  });
});
