import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { aucMannWhitney } from "../../src/metrics/auc.js";
import { loadExample } from "../../src/io/examples.js";
import { featureColumn } from "../../src/core/dataset.js";
import { radvalErrorOf } from "../helpers.js";

// Reference: pROC 1.18 on asah.csv, ../shared/fixtures/fx_auc_delong_asah.R → test/fixtures/auc_delong_asah.json
const ref = JSON.parse(readFileSync(new URL("../fixtures/auc_delong_asah.json", import.meta.url), "utf8"));

describe("aucMannWhitney", () => {
  it.each(["s100b", "ndka", "wfns"])("matches pROC's AUC for %s to 1e-12", (marker) => {
    const data = loadExample("asah");
    const auc = aucMannWhitney(data.outcome!.values, featureColumn(data, marker));
    expect(Math.abs(auc - ref.rocs[marker].auc)).toBeLessThan(1e-12);
  });

  it("counts ties as 1/2 and honours the direction without flipping", () => {
    expect(aucMannWhitney([0, 1], [1, 1])).toBe(0.5);
    expect(aucMannWhitney([0, 0, 1, 1], [1, 2, 3, 4])).toBe(1);
    expect(aucMannWhitney([0, 0, 1, 1], [1, 2, 3, 4], ">")).toBe(0);
    expect(aucMannWhitney([1, 1, 0, 0], [1, 2, 3, 4])).toBe(0);
  });

  it("rejects a single class, NaN scores and mismatched lengths", () => {
    expect(radvalErrorOf(() => aucMannWhitney([1, 1], [0.2, 0.3])).code).toBe("SINGLE_CLASS");
    expect(radvalErrorOf(() => aucMannWhitney([0, 1], [0.2, NaN])).code).toBe("NON_FINITE");
    expect(radvalErrorOf(() => aucMannWhitney([0, 1], [0.2])).code).toBe("DIMENSION_MISMATCH");
  });
});
