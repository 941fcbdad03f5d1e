import { describe, expect, it } from "vitest";
import { featureColumn } from "../../src/core/dataset.js";
import { loadExample } from "../../src/io/examples.js";
import { AUC_INFO, aucMannWhitney } from "../../src/metrics/auc.js";
import { loadFixture, radvalErrorOf } from "../helpers.js";

// Reference: pROC 1.18 on asah.csv, ../shared/fixtures/fx_auc_delong_asah.R → test/fixtures/auc_delong_asah.json
const ref = loadFixture("auc_delong_asah.json");

describe("aucMannWhitney", () => {
  it.each(["s100b", "ndka", "wfns"])("matches pROC's AUC for %s to 1e-12", (marker) => {
    const data = loadExample("asah");
    const auc = aucMannWhitney(data.outcome!.values, featureColumn(data, marker));
    // tolerance: 1e-12 absolute
    expect(Math.abs(auc - ref.rocs[marker].auc)).toBeLessThan(1e-12);
  });

  it("counts ties as 1/2 and honours the direction without flipping", () => {
    expect(aucMannWhitney([0, 1], [1, 1])).toBe(0.5);
    expect(aucMannWhitney([0, 0, 1, 1], [1, 2, 3, 4])).toBe(1);
    expect(aucMannWhitney([0, 0, 1, 1], [1, 2, 3, 4], ">")).toBe(0);
    expect(aucMannWhitney([1, 1, 0, 0], [1, 2, 3, 4])).toBe(0);
    // one tie between a positive and a negative out of 4 pairs: (3 + 0.5)/4
    expect(aucMannWhitney([0, 0, 1, 1], [1, 3, 3, 4])).toBe(0.875);
  });

  it("equals the brute-force pair count on data with many ties (exact: integer U)", () => {
    const truth = [1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 1];
    const score = [2, 2, 3, 1, 1, 3, 2, 0, 2, 3, -0, 0];
    let u = 0;
    let pairs = 0;
    for (let i = 0; i < truth.length; i++) {
      for (let j = 0; j < truth.length; j++) {
        if (truth[i] === 1 && truth[j] === 0) {
          pairs++;
          u += score[i]! > score[j]! ? 1 : score[i] === score[j] ? 0.5 : 0;
        }
      }
    }
    expect(aucMannWhitney(truth, score)).toBe(u / pairs);
  });

  it("all scores tied give exactly 0.5; infinite scores still rank", () => {
    expect(aucMannWhitney([0, 1, 0, 1], [7, 7, 7, 7])).toBe(0.5);
    expect(aucMannWhitney([0, 1, 0, 1], [-Infinity, Infinity, 0, 5])).toBe(1);
  });

  it("rejects a single class, NaN scores, non-0/1 outcomes, mismatched lengths and a bad direction", () => {
    expect(radvalErrorOf(() => aucMannWhitney([1, 1], [0.2, 0.3])).code).toBe("SINGLE_CLASS");
    expect(radvalErrorOf(() => aucMannWhitney([0, 1], [0.2, NaN])).code).toBe("NON_FINITE");
    expect(radvalErrorOf(() => aucMannWhitney([0, 2], [0.2, 0.3])).code).toBe("INVALID_ARGUMENT");
    expect(radvalErrorOf(() => aucMannWhitney([0, 1], [0.2])).code).toBe("DIMENSION_MISMATCH");
    expect(radvalErrorOf(() => aucMannWhitney([0, 1], [0.2, 0.3], "auto" as never)).code).toBe("INVALID_OPTION");
  });

  it("carries its metadata", () => {
    expect(AUC_INFO).toMatchObject({ name: "auc", direction: "maximize", range: [0, 1] });
    expect(Object.isFrozen(AUC_INFO)).toBe(true);
  });
});
