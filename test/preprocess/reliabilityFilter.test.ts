import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { columnMatrix, getColumn, matrixFromColumns } from "../../src/core/matrix.js";
import { createRng } from "../../src/core/rng.js";
import { readLongTable } from "../../src/io/readTable.js";
import { fitReliabilityFilter, reliabilityFilterStep } from "../../src/preprocess/reliabilityFilter.js";
import type { FeatureFrame } from "../../src/preprocess/types.js";
import { iccTable } from "../../src/reliability/icc.js";
import { fixturePath, radvalErrorOf } from "../helpers.js";

// References: psych::ICC (../shared/fixtures/fx_icc.R → test/fixtures/icc_test_retest.json) and
// epiR::epi.ccc (../shared/fixtures/fx_hclust_ccc.R → test/fixtures/ccc_test_retest.json).
const load = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));
const iccRef = load("icc_test_retest.json");
const cccRef = load("ccc_test_retest.json");
const long = readLongTable(new URL("../../examples/test_retest.csv", import.meta.url).pathname, { caseColumn: "case_id", raterColumn: "reader" });
const rng = createRng(1);

/** A wide frame with the test-retest feature names and arbitrary values (the filter must not look at them). */
function frameOf(names: readonly string[], fill: (i: number, j: number) => number = (i, j) => i + j): FeatureFrame {
  const n = 10;
  const data = new Float64Array(n * names.length);
  for (let j = 0; j < names.length; j++) for (let i = 0; i < n; i++) data[j * n + i] = fill(i, j);
  return { names, x: columnMatrix(n, names.length, data) };
}

describe("reliability filter step", () => {
  it("default: keeps exactly the features with psych's ICC(A,1) ≥ 0.75, with value and Koo & Li band", () => {
    const spec = reliabilityFilterStep({ long });
    expect(spec).toMatchObject({ type: "reliabilityFilter", statistic: "ICC2", cut: 0.75, useLowerBound: false });
    expect(Object.isFrozen(spec)).toBe(true);
    const fitted = fitReliabilityFilter(spec, frameOf(long.featureNames), { rng });
    const want = iccRef.features.filter((f: string) => iccRef.results[f].ICC[1] >= 0.75);
    expect(fitted.outputNames).toEqual(want);
    expect(fitted.kept.length + fitted.dropped.length).toBe(60);
    expect(want.length).toBeGreaterThan(5);
    expect(fitted.dropped.length).toBeGreaterThan(5);
    for (const d of [...fitted.kept, ...fitted.dropped]) {
      // 1e-9 relative: the ICC is psych's
      expect(Math.abs(d.value! - iccRef.results[d.feature].ICC[1])).toBeLessThan(1e-9 * Math.abs(iccRef.results[d.feature].ICC[1]));
      expect(d.band).toBe(d.value! < 0.5 ? "poor" : d.value! < 0.75 ? "moderate" : d.value! <= 0.9 ? "good" : "excellent");
    }
    expect(fitted.describe()).toMatchObject({ type: "reliabilityFilter", inputFeatures: 60, outputFeatures: want.length });
  });

  it("lower bound option: keeps the features whose psych lower 95% bound of ICC(A,1) is ≥ the cut (a subset)", () => {
    const fitted = fitReliabilityFilter(reliabilityFilterStep({ long, useLowerBound: true }), frameOf(long.featureNames));
    const want = iccRef.features.filter((f: string) => iccRef.results[f].lower_bound[1] >= 0.75);
    expect(fitted.outputNames).toEqual(want);
    const byEstimate = fitReliabilityFilter(reliabilityFilterStep({ long }), frameOf(long.featureNames)).outputNames;
    expect(want.every((f: string) => byEstimate.includes(f))).toBe(true);
    expect(want.length).toBeLessThan(byEstimate.length);
  });

  it("CCC option: keeps the features whose epiR CCC (r1 vs r2) is ≥ the cut", () => {
    const fitted = fitReliabilityFilter(reliabilityFilterStep({ long, statistic: "CCC", cut: 0.8 }), frameOf(long.featureNames));
    const want = cccRef.features.filter((f: { ccc: number }) => f.ccc >= 0.8).map((f: { feature: string }) => f.feature);
    expect(fitted.outputNames).toEqual(want);
  });

  it("accepts McGraw–Wong names and a precomputed ICC result", () => {
    const icc = iccTable(long);
    const a = fitReliabilityFilter(reliabilityFilterStep({ icc, statistic: "ICC(C,1)", cut: 0.9 }), frameOf(long.featureNames));
    const want = iccRef.features.filter((f: string) => iccRef.results[f].ICC[2] >= 0.9);
    expect(a.outputNames).toEqual(want);
  });

  it("never looks at the analysis rows: the same decision whatever the values (NaN included)", () => {
    const spec = reliabilityFilterStep({ long });
    const one = fitReliabilityFilter(spec, frameOf(long.featureNames));
    const other = fitReliabilityFilter(spec, frameOf(long.featureNames, () => NaN));
    expect(other.outputNames).toEqual(one.outputNames);
  });

  it("transform keeps the kept columns of any rows, by name, without copying other columns", () => {
    const names = ["original_firstorder_Median", "original_firstorder_Mean"];
    const spec = reliabilityFilterStep({ table: { original_firstorder_Median: { estimate: 0.8, lower: 0.6, upper: 0.9 }, original_firstorder_Mean: { estimate: 0.3, lower: 0.1, upper: 0.5 } } });
    const fitted = fitReliabilityFilter(spec, frameOf(names));
    const other: FeatureFrame = { names: ["original_firstorder_Mean", "original_firstorder_Median"], x: matrixFromColumns([[1, 2], [3, 4]]) };
    const out = fitted.transform(other);
    expect(out.names).toEqual(["original_firstorder_Median"]);
    expect(Array.from(getColumn(out.x, 0))).toEqual([3, 4]);
    expect(radvalErrorOf(() => fitted.transform({ names: ["x"], x: matrixFromColumns([[1]]) })).code).toBe("UNKNOWN_COLUMN");
  });

  it("an undefined statistic (null) is dropped with its reason", () => {
    const degenerate = readLongTable(fixturePath("tables/icc_degenerate.csv"), { caseColumn: "case_id", raterColumn: "reader" });
    const fitted = fitReliabilityFilter(reliabilityFilterStep({ long: degenerate }), frameOf(["good", "flat_cases", "constant"]));
    expect(fitted.outputNames).toEqual(["good"]);
    const flat = fitted.dropped.find((d) => d.feature === "flat_cases")!;
    expect(flat.value).toBeNull();
    expect(flat.band).toBeNull();
    expect(flat.reason).toMatch(/no between-case variance/);
  });

  it("features not in the reliability table: error by default, or keep / drop", () => {
    const names = [...long.featureNames.slice(0, 3), "age"];
    const e = radvalErrorOf(() => fitReliabilityFilter(reliabilityFilterStep({ long }), frameOf(names)));
    expect(e.code).toBe("UNMEASURED_FEATURE");
    expect(e.message).toContain("age");
    const kept = fitReliabilityFilter(reliabilityFilterStep({ long, unmeasured: "keep" }), frameOf(names));
    expect(kept.outputNames).toContain("age");
    const dropped = fitReliabilityFilter(reliabilityFilterStep({ long, unmeasured: "drop" }), frameOf(names));
    expect(dropped.outputNames).not.toContain("age");
  });

  it("rejects bad options and sources clearly", () => {
    expect(radvalErrorOf(() => reliabilityFilterStep({ long, statistic: "ICC9" })).code).toBe("INVALID_OPTION");
    expect(radvalErrorOf(() => reliabilityFilterStep({ long, cut: 2 })).code).toBe("INVALID_OPTION");
    expect(radvalErrorOf(() => reliabilityFilterStep({})).code).toBe("INVALID_ARGUMENT");
    expect(radvalErrorOf(() => reliabilityFilterStep({ icc: iccTable(long), statistic: "CCC" })).code).toBe("INVALID_ARGUMENT");
  });
});
