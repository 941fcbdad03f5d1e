import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readLongTable } from "../../src/io/readTable.js";
import { cccTable, concordanceCorrelation } from "../../src/reliability/ccc.js";
import { fixturePath, radvalErrorOf } from "../helpers.js";

// Reference: epiR 2.0.57 epi.ccc(x, y, ci = "z-transform", conf.level = 0.95), x = r1, y = r2 matched by case:
//   ../shared/fixtures/fx_hclust_ccc.R → test/fixtures/ccc_test_retest.json (values written with 15 significant digits)
const ref = JSON.parse(readFileSync(new URL("../fixtures/ccc_test_retest.json", import.meta.url), "utf8"));
const example = new URL("../../examples/test_retest.csv", import.meta.url).pathname;

describe("Lin's CCC against epiR::epi.ccc", () => {
  const table = readLongTable(example, { caseColumn: "case_id", raterColumn: "reader" });
  const results = cccTable(table, { raters: ["r1", "r2"] });

  it("matches estimate, z-transform CI, scale/location shift and C_b for all 60 features to 1e-9 abs", () => {
    expect(results.length).toBe(ref.features.length);
    for (const want of ref.features) {
      const got = results.find((r) => r.feature === want.feature)!;
      // tolerance 1e-9 abs (the tolerance; the fixture has 15 significant digits)
      expect(Math.abs(got.ccc! - want.ccc)).toBeLessThan(1e-9);
      expect(Math.abs(got.lower! - want.lower)).toBeLessThan(1e-9);
      expect(Math.abs(got.upper! - want.upper)).toBeLessThan(1e-9);
      expect(Math.abs(got.scaleShift! - want.scale_shift)).toBeLessThan(1e-9);
      expect(Math.abs(got.locationShift! - want.location_shift)).toBeLessThan(1e-9);
      expect(Math.abs(got.biasCorrection! - want.bias_correction)).toBeLessThan(1e-9);
      expect(got.n).toBe(40);
    }
  });

  it("defaults to the first two repeats in order of appearance (r1, r2 here)", () => {
    expect(cccTable(table)[0]!.ccc).toBe(results[0]!.ccc);
  });

  it("is bounded by |r| (ρ_c = r · C_b, 0 < C_b ≤ 1) on every feature", () => {
    for (const r of results) {
      expect(Math.abs(r.ccc!)).toBeLessThanOrEqual(Math.abs(r.pearson!) + 1e-15);
      expect(r.biasCorrection!).toBeGreaterThan(0);
      expect(r.biasCorrection!).toBeLessThanOrEqual(1 + 1e-15);
    }
  });

  it("drops pairs with a missing value (na.omit) and counts them", () => {
    const missingTable = readLongTable(fixturePath("tables/test_retest_missing.csv"), { caseColumn: "case_id", raterColumn: "reader" });
    const [first] = cccTable(missingTable, { raters: ["r1", "r2"], features: ["original_firstorder_Mean"] });
    // case 5 lacks r2 and case 12 lacks r1 for this feature
    expect(first!.n).toBe(38);
    expect(first!.dropped).toBe(2);
  });
});

describe("concordanceCorrelation: undefined cases are null with a reason", () => {
  it("identical repeats: ρ_c = 1, interval undefined (|ρ_c| = 1)", () => {
    const r = concordanceCorrelation([1, 2, 3, 4], [1, 2, 3, 4]);
    expect(r.ccc).toBe(1);
    expect(r.lower).toBeNull();
    expect(r.reason).toMatch(/\|CCC\| = 1/);
  });

  it("all values equal: everything null", () => {
    const r = concordanceCorrelation([2, 2, 2], [2, 2, 2]);
    expect(r.ccc).toBeNull();
    expect(r.reason).toMatch(/all values are equal/);
  });

  it("one constant repeat: ρ_c = 0 but r and the interval are undefined", () => {
    const r = concordanceCorrelation([1, 2, 3, 4], [5, 5, 5, 5]);
    expect(r.ccc).toBe(0);
    expect(r.pearson).toBeNull();
    expect(r.lower).toBeNull();
    expect(r.reason).toMatch(/constant/);
  });

  it("fewer than 3 pairs, mismatched lengths, bad alpha and one rater are clear", () => {
    expect(concordanceCorrelation([1, 2], [1, 3]).reason).toMatch(/at least 3/);
    expect(radvalErrorOf(() => concordanceCorrelation([1, 2, 3], [1, 2])).code).toBe("DIMENSION_MISMATCH");
    expect(radvalErrorOf(() => concordanceCorrelation([1, 2, 3], [1, 2, 4], { alpha: 0 })).code).toBe("INVALID_ARGUMENT");
    const single = readLongTable(fixturePath("tables/icc_single_rater.csv"), { caseColumn: "case_id", raterColumn: "reader" });
    expect(radvalErrorOf(() => cccTable(single)).code).toBe("TOO_FEW_RATERS");
    const table = readLongTable(example, { caseColumn: "case_id", raterColumn: "reader" });
    expect(radvalErrorOf(() => cccTable(table, { raters: ["r1", "r9"] })).code).toBe("UNKNOWN_COLUMN");
  });
});
