import { describe, expect, it } from "vitest";
import { EXAMPLE_NAMES } from "../../src/examples/catalog.js";
import { loadExample, loadLongExample } from "../../src/io/examples.js";
import { radvalErrorOf } from "../helpers.js";

describe("bundled examples", () => {
  it("loads wdbc: 569 cases, 30 features, 212 malignant (fixtures README)", () => {
    const data = loadExample("wdbc");
    expect(data.x.nRows).toBe(569);
    expect(data.featureNames.length).toBe(30);
    expect(data.featureNames[0]).toBe("mean_radius");
    expect(data.outcome!.values.reduce((a, b) => a + b, 0)).toBe(212);
  });

  it("loads pbc with cirrhosis as outcome, dropping the 6 rows without stage", () => {
    const data = loadExample("pbc");
    expect(data.x.nRows).toBe(412);
    expect(data.group!.levels).toEqual(["trial", "external"]);
    expect(data.featureNames).not.toContain("stage");
    expect(data.featureNames).not.toContain("status");
    expect(data.textColumns.map((c) => c.name)).toEqual(["sex"]);
  });

  it("loads asah without the outcome-restating columns", () => {
    const data = loadExample("asah");
    expect(data.outcome!.positiveLabel).toBe("Poor");
    expect(data.featureNames).toEqual(["age", "wfns", "s100b", "ndka"]);
    expect(data.outcome!.values.reduce((a, b) => a + b, 0)).toBe(41);
  });

  it("loads multisite with site and date roles", () => {
    const data = loadExample("multisite");
    expect(data.x.nRows).toBe(600);
    expect(data.featureNames.length).toBe(120);
    expect(data.site!.levels).toEqual(["A", "B", "C", "D"]);
    expect(data.date!.name).toBe("scan_date");
  });

  it("loads the long tables", () => {
    const tr = loadLongExample("test_retest");
    expect(tr.cases.length).toBe(40);
    expect(tr.raters).toEqual(["r1", "r2", "r3"]);
    expect(tr.featureNames.length).toBe(60);
    const sf = loadLongExample("shrout_fleiss");
    // Shrout & Fleiss (1979) Table 2, target 1: 9, 2, 5, 8
    expect(Array.from(sf.values[0]!.subarray(0, 4))).toEqual([9, 2, 5, 8]);
  });

  it("lists every example and rejects unknown names with a suggestion", () => {
    expect(EXAMPLE_NAMES).toEqual(["wdbc", "pbc", "asah", "multisite", "test_retest", "shrout_fleiss"]);
    const e = radvalErrorOf(() => loadExample("wbdc"));
    expect(e.code).toBe("UNKNOWN_EXAMPLE");
    expect(e.hint).toContain('Did you mean "wdbc"');
  });
});
