// harmonize: {method: combat, …} in a study config, end to end through runStudy: ComBat refit inside every split
// (leave-one-site-out never sees the left-out site), the harmonisation block in results.json, the unseen-site policy.
import { describe, expect, it } from "vitest";
import { loadExample } from "../../src/io/examples.js";
import { parseStudyResults } from "../../src/report/resultsSchema.js";
import { parseStudyConfig } from "../../src/validate/config.js";
import { runStudy } from "../../src/validate/study/runStudy.js";

const FEATURES = ["wavelet-LHL_glcm_Imc1", "wavelet-LHL_gldm_DependenceEntropy", "wavelet-LHL_glszm_LargeAreaEmphasis", "original_firstorder_Variance", "wavelet-LHL_glrlm_LongRunEmphasis", "log-sigma-1-0-mm-3D_glcm_Idm"];
const data = loadExample("multisite", { features: FEATURES });

const config = (unseen: string) =>
  parseStudyConfig({
    seed: 5,
    data: { file: "multisite.csv", outcome: "outcome", site: "site", features: FEATURES },
    harmonize: { method: "combat", unseen },
    impute: "median",
    redundancy: { threshold: 0.9 }, // its log re-applies impute and ComBat to the development rows
    models: [{ name: "Logistic", model: "logistic" }],
    internal: { cv: { folds: 3 } },
    external: { leaveOneSiteOut: true },
  });

describe("study config harmonize", () => {
  it("runs ComBat inside every split and reports the before/after diagnostics", async () => {
    const results = await runStudy({ config: config("self"), data, long: null, dataFile: "multisite.csv" }, { createdAt: null });
    const parsed = parseStudyResults(JSON.parse(JSON.stringify(results)));
    const h = parsed.harmonization!;
    expect(h.unseen).toBe("self");
    expect(h.policy).toMatch(/transductive/);
    expect(h.nFeatures).toBe(FEATURES.length);
    expect(h.after.separating).toBeLessThan(h.before.separating);
    expect(results.dataPreparation.steps.map((s) => s.type)).toEqual(["impute", "combat", "standardize"]);
    expect(results.dataPreparation.redundancy).not.toBeNull();
    expect(results.heterogeneity.length).toBeGreaterThan(0); // leave-one-site-out ran, the left-out site harmonised by "self"
  }, 120_000);

  it("unseen: refuse stops leave-one-site-out at the first split, naming the site the fit never saw", async () => {
    await expect(runStudy({ config: config("refuse"), data, long: null, dataFile: "multisite.csv" }, { createdAt: null })).rejects.toMatchObject({
      code: "UNSEEN_SITE",
      where: { split: "Site:A" },
    });
  }, 120_000);
});
