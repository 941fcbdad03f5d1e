// The ComBat recipe step: fit on analysis rows only, frozen estimates applied to other rows, the outcome refused.
// Numbers are checked against combat() itself, which is tested against neuroCombat and sva (combat.test.ts).
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { combat } from "../../src/harmonize/combat.js";
import { combatFromConfig } from "../../src/harmonize/config.js";
import { combatStep, fitCombatStep } from "../../src/harmonize/combatStep.js";
import { readFeatureTable } from "../../src/io/readTable.js";
import { frameOfRows } from "../../src/preprocess/frame.js";
import { fitRecipe } from "../../src/preprocess/recipe.js";
import { standardize } from "../../src/preprocess/scale.js";
import { parseStudyConfig } from "../../src/validate/config.js";
import { recipeFromConfig } from "../../src/validate/study/pipeline.js";
import { radvalErrorOf } from "../helpers.js";

const features = ["wavelet-LHL_glcm_Imc1", "wavelet-LHL_gldm_DependenceEntropy", "wavelet-LHL_glszm_LargeAreaEmphasis", "original_firstorder_Variance", "wavelet-LHL_glrlm_LongRunEmphasis"];
const data = readFeatureTable(new URL("../../examples/multisite.csv", import.meta.url).pathname, { outcome: "outcome", site: "site", date: "scan_date", features });
const rowsWhere = (f: (site: string) => boolean) => Int32Array.from(data.site!.values.flatMap((s, i) => (f(s) ? [i] : [])));
const abc = rowsWhere((s) => s !== "D");
const d = rowsWhere((s) => s === "D");

describe("combat recipe step", () => {
  it("fits on the analysis rows only: equal to combat() on those rows", () => {
    const frame = frameOfRows(data, abc);
    const step = fitCombatStep(combatStep({ unseen: "refuse" }), frame);
    const direct = combat(frame.x, Array.from(abc, (r) => data.site!.values[r]!));
    expect(Array.from(step.transform(frame).x.data)).toEqual(Array.from(direct.harmonized.data));
    expect(step.fit.batches).toEqual(["A", "B", "C"]);
  });

  it("unseen sites follow the policy; there is no default", () => {
    const frame = frameOfRows(data, abc);
    const test = frameOfRows(data, d);
    expect(radvalErrorOf(() => fitCombatStep(combatStep({ unseen: "refuse" }), frame).transform(test)).code).toBe("UNSEEN_SITE");
    expect(Array.from(fitCombatStep(combatStep({ unseen: "reference", refBatch: "A" }), frame).transform(test).x.data)).toEqual(Array.from(test.x.data));
    const self = fitCombatStep(combatStep({ unseen: "self" }), frame).transform(test);
    expect(self.x.data.some((v, k) => v !== test.x.data[k])).toBe(true);
    expect(radvalErrorOf(() => combatStep({} as never)).code).toBe("INVALID_OPTION");
    expect(radvalErrorOf(() => combatStep({ unseen: "reference" })).code).toBe("INVALID_OPTION");
  });

  it("keeps the row context through a recipe, and a covariate feature passes through unchanged", () => {
    const spec = combatStep({ unseen: "self", covariates: ["original_firstorder_Variance"] });
    const { recipe, frame } = fitRecipe([spec, standardize()], frameOfRows(data, abc), { rng: createRng(1) });
    expect(frame.names).toEqual(features);
    const out = recipe.transform(frameOfRows(data, d));
    expect(out.x.nRows).toBe(d.length);
    const fitted = recipe.steps[0]! as ReturnType<typeof fitCombatStep>;
    expect(fitted.harmonized).not.toContain("original_firstorder_Variance");
    const j = features.indexOf("original_firstorder_Variance");
    const before = frameOfRows(data, abc).x;
    const after = fitted.transform(frameOfRows(data, abc)).x;
    expect(Array.from(after.data.subarray(j * abc.length, (j + 1) * abc.length))).toEqual(Array.from(before.data.subarray(j * abc.length, (j + 1) * abc.length)));
  });

  it("refuses to protect the outcome, in the step and in a study config", () => {
    const e = radvalErrorOf(() => fitCombatStep(combatStep({ unseen: "refuse", covariates: ["outcome"] }), frameOfRows(data, abc)));
    expect(e.code).toBe("OUTCOME_LEAK");
    expect(e.message).toMatch(/unknown/);
    const config = parseStudyConfig({ data: { file: "x.csv", outcome: "outcome", site: "site" }, harmonize: { method: "combat", covariates: ["outcome"], unseen: "self" }, models: [{ model: "lasso" }] });
    expect(radvalErrorOf(() => recipeFromConfig(config, null, false)).code).toBe("OUTCOME_LEAK");
  });

  it("study config: unseen is required, steps come in order impute → combat → standardize", () => {
    expect(radvalErrorOf(() => parseStudyConfig({ data: { file: "x.csv", outcome: "outcome", site: "site" }, harmonize: { method: "combat" }, models: [{ model: "lasso" }] })).code).toBe("INVALID_CONFIG");
    const config = parseStudyConfig({ data: { file: "x.csv", outcome: "outcome", site: "site" }, impute: "median", harmonize: { method: "combat", unseen: "self", covariates: [{ name: "age", kind: "numeric" }] }, models: [{ model: "lasso" }] });
    expect(recipeFromConfig(config, null, false).map((s) => s.type)).toEqual(["impute", "combat", "standardize"]);
    expect(combatFromConfig(config).batch).toBe("site");
    const noSite = parseStudyConfig({ data: { file: "x.csv", outcome: "outcome" }, harmonize: { method: "combat", unseen: "self" }, models: [{ model: "lasso" }] });
    expect(radvalErrorOf(() => combatFromConfig(noSite)).code).toBe("INVALID_CONFIG");
    const refNoBatch = parseStudyConfig({ data: { file: "x.csv", outcome: "outcome", site: "site" }, harmonize: { method: "combat", unseen: "reference" }, models: [{ model: "lasso" }] });
    expect(radvalErrorOf(() => combatFromConfig(refNoBatch)).code).toBe("INVALID_CONFIG");
  });

  it("a reference site missing from the analysis rows names harmonize.refBatch (leave-one-site-out)", () => {
    const bcd = rowsWhere((s) => s !== "A");
    const e = radvalErrorOf(() => fitCombatStep(combatStep({ unseen: "reference", refBatch: "A" }), frameOfRows(data, bcd)));
    expect(e.code).toBe("UNKNOWN_LEVEL");
    expect(e.where.key).toBe("harmonize.refBatch");
    expect(e.hint).toMatch(/leave-one-site-out/);
  });

  it("a frame without row context is a clear error", () => {
    const frame = frameOfRows(data, abc);
    expect(radvalErrorOf(() => fitCombatStep(combatStep({ unseen: "refuse" }), { names: frame.names, x: frame.x })).code).toBe("MISSING_ROLE");
  });
});
