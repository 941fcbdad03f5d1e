import { describe, expect, it } from "vitest";
import { featureColumn } from "../../src/core/dataset.js";
import { readFeatureTable } from "../../src/io/readTable.js";
import { parseCsvText } from "../../src/table/parseCsv.js";
import { tableToDataset } from "../../src/table/toDataset.js";
import { fixturePath, radvalErrorOf } from "../helpers.js";

const read = (name: string, roles = {}) => readFeatureTable(fixturePath(`tables/${name}`), roles);

describe("tableToDataset: roles and typing", () => {
  it("types a ;-separated file with decimal commas and maps outcome labels (no/yes → 0/1)", () => {
    const data = read("european_bom_crlf.csv", { outcome: "outcome" });
    expect(data.ids).toEqual(["1", "2", "3"]);
    expect(data.featureNames).toEqual(["a", "b"]);
    expect(Array.from(featureColumn(data, "a"))).toEqual([1.5, 2.25, -5]);
    expect(Array.from(data.outcome!.values)).toEqual([0, 1, 0]);
    expect(data.outcome!.positiveLabel).toBe("yes");
    expect(data.textColumns.map((c) => c.name)).toEqual(["note, quoted"]);
  });

  it("drops PyRadiomics diagnostics_* columns by default and keeps filter/class names verbatim", () => {
    const data = read("pyradiomics.csv", { outcome: "outcome" });
    expect(data.featureNames).toEqual(["original_glcm_Contrast", "wavelet-LLH_firstorder_Mean"]);
    expect(data.textColumns.map((c) => c.name)).toEqual(["Image"]);
    const withDiagnostics = read("pyradiomics.csv", { outcome: "outcome", keepDiagnostics: true });
    expect(withDiagnostics.featureNames).toContain("diagnostics_Mask-original_VoxelNum");
    expect(withDiagnostics.textColumns.map((c) => c.name)).toContain("diagnostics_Versions_PyRadiomics");
  });

  it("stores features column-major and keeps empty cells as missing (NaN)", () => {
    const data = tableToDataset(parseCsvText("id,y,a,b\n1,0,1,\n2,1,,4\n3,0,3,5\n"), { outcome: "y" });
    expect(Array.from(data.x.data)).toEqual([1, NaN, 3, NaN, 4, 5]);
  });

  it("uses a user-chosen positive label and records both labels", () => {
    const data = tableToDataset(parseCsvText("pid,status,x\na,Good,1\nb,Poor,2\nc,Good,3\n"), { id: "pid", outcome: "status", positive: "Poor" });
    expect(Array.from(data.outcome!.values)).toEqual([0, 1, 0]);
    expect(data.outcome!.negativeLabel).toBe("Good");
    expect(data.idColumn).toBe("pid");
  });

  it("numbers rows when there is no id column, and never uses the id as a feature", () => {
    const noId = tableToDataset(parseCsvText("y,x\n0,1\n1,2\n"), { outcome: "y" });
    expect(noId.ids).toEqual(["1", "2"]);
    expect(noId.idColumn).toBeUndefined();
    const withId = tableToDataset(parseCsvText("patient_id,y,x\n10,0,1\n11,1,2\n"), { outcome: "y" });
    expect(withId.featureNames).toEqual(["x"]);
  });

  it("reads site and ISO date roles", () => {
    const data = tableToDataset(parseCsvText("id,site,d,y,x\n1,A,2020-01-02,0,1\n2,B,2021-12-31,1,2\n3,A,,0,3\n"), { outcome: "y", site: "site", date: "d" });
    expect(data.site!.levels).toEqual(["A", "B"]);
    expect(data.date!.days[0]).toBe(Date.UTC(2020, 0, 2) / 86_400_000);
    expect(Number.isNaN(data.date!.days[2]!)).toBe(true);
  });
});

describe("tableToDataset: bad input gets a clear error", () => {
  it("duplicate ids (DUPLICATE_ID) name both lines and the id", () => {
    const e = radvalErrorOf(() => read("duplicate_id.csv"));
    expect(e.code).toBe("DUPLICATE_ID");
    expect(e.where.line).toBe(4);
    expect(e.message).toContain('case id "1" appears twice (lines 2 and 4)');
  });

  it("a non-numeric cell (NON_NUMERIC) names row, column and shows the value", () => {
    const e = radvalErrorOf(() => read("non_numeric.csv", { outcome: "outcome" }));
    expect(e.code).toBe("NON_NUMERIC");
    expect(e.where).toMatchObject({ line: 4, row: 3, column: "a", value: "abc" });
    expect(e.message).toContain('"abc"');
    expect(e.message).toContain('column "a"');
    expect(e.message).toContain("line 4");
  });

  it.each([
    ["nan_token.csv", "a", 3, "NaN"],
    ["inf_token.csv", "b", 3, "Inf"],
  ])("NaN/Inf tokens (NON_FINITE) in %s", (file, column, line, value) => {
    const e = radvalErrorOf(() => read(file, { outcome: "outcome" }));
    expect(e.code).toBe("NON_FINITE");
    expect(e.where).toMatchObject({ column, line, value });
  });

  it("an outcome with one level (OUTCOME_ONE_LEVEL)", () => {
    const e = radvalErrorOf(() => read("one_level.csv", { outcome: "outcome" }));
    expect(e.code).toBe("OUTCOME_ONE_LEVEL");
    expect(e.where.column).toBe("outcome");
  });

  it("an outcome with three levels (OUTCOME_TOO_MANY_LEVELS)", () => {
    const e = radvalErrorOf(() => read("three_levels.csv", { outcome: "outcome" }));
    expect(e.code).toBe("OUTCOME_TOO_MANY_LEVELS");
    expect(e.message).toContain("3 distinct values");
  });

  it("missing outcome values (OUTCOME_MISSING) name the line; missingOutcome: drop drops them with a warning", () => {
    const e = radvalErrorOf(() => read("missing_outcome.csv", { outcome: "outcome" }));
    expect(e.code).toBe("OUTCOME_MISSING");
    expect(e.where).toMatchObject({ line: 3, column: "outcome" });
    const dropped = read("missing_outcome.csv", { outcome: "outcome", missingOutcome: "drop" });
    expect(dropped.ids).toEqual(["1", "3", "4"]);
    expect(dropped.warnings.map((w) => w.code)).toContain("OUTCOME_MISSING_DROPPED");
  });

  it("an unknown role column (UNKNOWN_COLUMN) suggests the closest name", () => {
    const e = radvalErrorOf(() => read("constant_feature.csv", { outcome: "outcom" }));
    expect(e.code).toBe("UNKNOWN_COLUMN");
    expect(e.where.column).toBe("outcom");
    expect(e.hint).toContain('Did you mean "outcome"');
  });

  it("a positive label that is not a value (UNKNOWN_POSITIVE_LABEL)", () => {
    const e = radvalErrorOf(() => read("constant_feature.csv", { outcome: "outcome", positive: "yes" }));
    expect(e.code).toBe("UNKNOWN_POSITIVE_LABEL");
    expect(e.hint).toContain("0, 1");
  });

  it("a constant feature is a warning (CONSTANT_FEATURE), not an error", () => {
    const data = read("constant_feature.csv", { outcome: "outcome" });
    expect(data.featureNames).toEqual(["a", "const"]);
    const warning = data.warnings.find((w) => w.code === "CONSTANT_FEATURE");
    expect(warning?.where?.feature).toBe("const");
    expect(warning?.message).toContain('"const" is constant');
  });

  it("an explicitly named feature must be numeric in every row", () => {
    const e = radvalErrorOf(() => tableToDataset(parseCsvText("id,y,x\n1,0,a\n2,1,b\n"), { outcome: "y", features: ["x"] }));
    expect(e.code).toBe("NON_NUMERIC");
    expect(e.where).toMatchObject({ column: "x", row: 1 });
  });
});

describe("tableToDataset: cells that must not be read silently (issue 15)", () => {
  const csv = (rows: string[]) => parseCsvText(["id,y,f0,f1", ...rows].join("\n"), { source: "t.csv" });

  it('a quoted decimal-comma column ("1,9762") in a comma-separated file is an error with the --decimal hint, not a text column', () => {
    const table = csv(['1,0,0.5,"1,9762"', '2,1,0.7,"2,5"', '3,0,0.1,"0,25"', "4,1,0.9,"]);
    const e = radvalErrorOf(() => tableToDataset(table, { outcome: "y" }));
    expect(e.code).toBe("NON_NUMERIC");
    expect(e.message).toContain("decimal comma");
    expect(e.where).toMatchObject({ file: "t.csv", column: "f1", line: 2, row: 1, value: "1,9762" });
    expect(e.hint).toContain("--decimal ,");
    // and with --decimal , the column is the feature it was meant to be
    const data = tableToDataset(parseCsvText(["id,y,f0,f1", '1,0,0.5,"1,9762"', '2,1,0.7,"2,5"'].join("\n"), { decimal: "," }), { outcome: "y" });
    expect(data.featureNames).toEqual(["f0", "f1"]);
    expect(Array.from(featureColumn(data, "f1"))).toEqual([1.9762, 2.5]);
  });

  it("a named feature with a decimal comma says so in its NON_NUMERIC hint", () => {
    const e = radvalErrorOf(() => tableToDataset(csv(['1,0,0.5,"1,5"', "2,1,0.7,2"]), { outcome: "y", features: ["f1"] }));
    expect(e.code).toBe("NON_NUMERIC");
    expect(e.hint).toContain("--decimal ,");
  });

  it("1e400 (overflow to Infinity) is NON_FINITE naming the cell, as Inf is", () => {
    for (const token of ["1e400", "-1E999", "Inf"]) {
      const e = radvalErrorOf(() => tableToDataset(csv(["1,0,0.5,2", `2,1,0.7,${token}`, "3,0,0.2,1"]), { outcome: "y" }));
      expect(e.code, token).toBe("NON_FINITE");
      expect(e.where).toMatchObject({ column: "f1", line: 3, row: 2, value: token });
    }
  });

  it("reads a 0/1 outcome from its numbers and keeps the labels as written (1.0 / 0.0)", () => {
    const data = tableToDataset(parseCsvText("y,f\n1.0,1\n0.0,2\n1.0,3\n"), { outcome: "y" });
    expect(Array.from(data.outcome!.values)).toEqual([1, 0, 1]);
    expect([data.outcome!.positiveLabel, data.outcome!.negativeLabel]).toEqual(["1.0", "0.0"]);
  });
});
