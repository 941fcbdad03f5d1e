/** Leak screen: names by word parts, association (AUC, Spearman ρ against R: test/fixtures/scripts/fx_spearman_leak.R), separation. */
import { describe, expect, it } from "vitest";
import { isImageFeatureName, leakNameParts, nameWords, screenLeaks, spearmanRho } from "../../../src/validate/study/leakScreen.js";

describe("leakNameParts", () => {
  it("matches word parts of follow-up, response, survival and time-to-event names, not whole names", () => {
    expect(nameWords("Death_1_StillAliveorLostToFU_0")).toEqual(["Death", "1", "Still", "Aliveor", "Lost", "To", "FU", "0"]);
    expect(leakNameParts("1_mRECIST_FU")).toEqual(["RECIST", "FU"]);
    expect(leakNameParts("1_EASL_FU")).toEqual(["EASL", "FU"]);
    expect(leakNameParts("TTP")).toEqual(["TTP"]);
    expect(leakNameParts("Censored_0_progressed_1")).toEqual(["Censored", "progressed"]);
    expect(leakNameParts("Interval_FU")).toEqual(["Interval", "FU"]);
    expect(leakNameParts("OS_months")).toEqual(["OS"]);
    expect(leakNameParts("overallSurvival")).toEqual(["Survival"]);
    expect(leakNameParts("best_response")).toEqual(["response"]);
    expect(leakNameParts("time_to_recurrence")).toEqual(["time", "recurrence"]);
  });

  it("never flags baseline clinical names or PyRadiomics features", () => {
    for (const name of ["Age", "AFP", "Child_Pugh", "tumour_size", "original_firstorder_Mean", "lbp-3D-m1_firstorder_Median", "wavelet-LLH_glrlm_RunLengthNonUniformity", "original_shape_Maximum3DDiameter", "log-sigma-3-0-mm-3D_glszm_ZoneEntropy"]) {
      expect(leakNameParts(name)).toEqual([]);
    }
    expect(isImageFeatureName("original_glcm_Contrast")).toBe(true);
    expect(isImageFeatureName("AFP")).toBe(false);
  });
});

describe("screenLeaks", () => {
  it("Spearman ρ with average ranks equals R's cor(method = 'spearman')", () => {
    const x = [3.1, 2.2, 5.0, 5.0, 1.4, 7.7, 0.3, 6.1];
    const y = [0, 0, 1, 1, 0, 1, 0, 1];
    expect(spearmanRho(x, y)).toBeCloseTo(0.878114079917523, 12); // tolerance 1e-12 (R 4.2 cor)
  });

  it("flags a predictor with AUC ≥ 0.8 alone, and a perfectly separating one as separating; ignores weak ones; skips missing values", () => {
    const y = [0, 0, 0, 0, 1, 1, 1, 1, 0, 1];
    const suspects = screenLeaks(
      [
        { name: "copy", values: [1, 2, 3, 4, 5, 6, 7, 8, 0, NaN] }, // separates (rows with NaN left out)
        { name: "strong", values: [1, 2, 3, 6, 4, 7, 8, 9, 5, 10] },
        { name: "weak", values: [5, 1, 4, 2, 3, 6, 1, 2, 7, 4] },
        { name: "TTP", values: [5, 1, 4, 2, 3, 6, 1, 2, 7, 4] },
      ],
      y,
    );
    expect(suspects.map((s) => s.feature)).toEqual(["copy", "strong", "TTP"]);
    expect(suspects[0]).toMatchObject({ auc: 1, separates: true });
    expect(suspects[0]!.reason).toContain("separates the outcome perfectly");
    expect(suspects[1]!.auc).toBeCloseTo(23 / 25, 12); // tolerance 1e-12: 23 of 25 event/non-event pairs ordered
    expect(suspects[1]!.separates).toBe(false);
    expect(suspects[2]!.reason).toMatch(/^name suggests post-baseline or outcome-derived information \(TTP\)$/);
  });
});
