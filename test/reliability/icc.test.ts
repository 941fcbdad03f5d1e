import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RadvalError } from "../../src/core/errors.js";
import { readLongTable } from "../../src/io/readTable.js";
import { tableToLong } from "../../src/table/longTable.js";
import { parseCsvText } from "../../src/table/parseCsv.js";
import { iccMatrix, iccTable } from "../../src/reliability/icc.js";
import { ICC_FORMS } from "../../src/reliability/iccForms.js";
import { type IccForm, memoFQuantile } from "../../src/reliability/iccIntervals.js";
import { fQuantile } from "../../src/reliability/distributions.js";
import { fixturePath, radvalErrorOf } from "../helpers.js";

// References: psych 2.2.9 psych::ICC(x, lmer = FALSE, alpha = 0.05):
//   ../shared/fixtures/fx_icc.R → test/fixtures/icc_shrout_fleiss.json, test/fixtures/icc_test_retest.json
//   test/fixtures/fx_reliability_extra.R → test/fixtures/icc_missing.json (psych on na.omit(m))
const load = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));
const sf = load("icc_shrout_fleiss.json");
const tr = load("icc_test_retest.json");
const missing = load("icc_missing.json");
const example = (name: string) => new URL(`../../examples/${name}.csv`, import.meta.url).pathname;

interface IccRef {
  type: string[];
  ICC: number[];
  F: number[];
  df1: number[];
  df2: number[];
  p: number[];
  lower_bound: number[];
  upper_bound: number[];
}

const rel = (got: number | null, want: number) => Math.abs((got as number) - want) / Math.max(Math.abs(want), 1e-300);

/** Asserts every value of the six forms: ICC, F, df to 1e-9 relative; p and bounds to 1e-7 relative (the tolerances). */
function expectMatchesPsych(forms: Readonly<Record<string, IccForm>>, ref: IccRef) {
  ref.type.forEach((type, i) => {
    const f = forms[type]!;
    expect(f.form).toBe(type);
    expect(rel(f.icc, ref.ICC[i]!)).toBeLessThan(1e-9); // ICC: 1e-9 relative
    expect(rel(f.F, ref.F[i]!)).toBeLessThan(1e-9); // F: 1e-9 relative
    expect(f.df1).toBe(ref.df1[i]); // df: exact
    expect(f.df2).toBe(ref.df2[i]);
    expect(rel(f.p, ref.p[i]!)).toBeLessThan(1e-7); // p: 1e-7 relative
    expect(rel(f.lower, ref.lower_bound[i]!)).toBeLessThan(1e-7); // bounds: 1e-7 relative
    expect(rel(f.upper, ref.upper_bound[i]!)).toBeLessThan(1e-7);
  });
}

describe("iccMatrix: Shrout & Fleiss (1979) 6 × 4 example", () => {
  it("matches psych::ICC in every form (ICC/F 1e-9, p/bounds 1e-7 relative)", () => {
    expectMatchesPsych(iccMatrix(sf.matrix), sf.results);
  });

  it("gives the published values 0.17, 0.29, 0.71, 0.44, 0.62, 0.91 (Shrout & Fleiss Table 4), both names attached", () => {
    const forms = iccMatrix(sf.matrix);
    // tolerance 0.005 abs: the paper prints two decimals
    [0.17, 0.29, 0.71, 0.44, 0.62, 0.91].forEach((v, i) => expect(Math.abs(forms[ICC_FORMS[i]!].icc! - v)).toBeLessThan(0.005));
    expect(forms.ICC2.mcGrawWong).toBe("ICC(A,1)");
    expect(forms.ICC3.mcGrawWong).toBe("ICC(C,1)");
    expect(forms.ICC2k.mcGrawWong).toBe("ICC(A,k)");
  });

  it("rejects a matrix with one column, a ragged row or a missing rating", () => {
    expect(radvalErrorOf(() => iccMatrix([[1], [2]])).code).toBe("TOO_FEW_RATERS");
    expect(radvalErrorOf(() => iccMatrix([[1, 2], [2]])).code).toBe("DIMENSION_MISMATCH");
    expect(radvalErrorOf(() => iccMatrix([[1, 2], [2, NaN]])).code).toBe("NON_FINITE");
    expect(radvalErrorOf(() => iccMatrix(sf.matrix, { alpha: 1.5 })).code).toBe("INVALID_ARGUMENT");
  });
});

describe("iccTable: 60 features × 40 cases × 3 repeats (test_retest.csv)", () => {
  const table = readLongTable(example("test_retest"), { caseColumn: "case_id", raterColumn: "reader" });
  const result = iccTable(table);

  it("matches psych::ICC for every feature and form (ICC/F 1e-9, p/bounds 1e-7 relative)", () => {
    expect(result.features.map((f) => f.feature)).toEqual(tr.features);
    for (const f of result.features) {
      expect(f.n).toBe(40);
      expect(f.k).toBe(3);
      expect(f.dropped).toBe(0);
      expectMatchesPsych(f.forms, tr.results[f.feature]);
    }
    expect(result.warnings).toEqual([]);
  });

  it("computes the shared F quantiles once per (n, k): a memoised qf sees at most 4 + 2 per feature distinct calls", () => {
    let calls = 0;
    const counting = memoFQuantile((p, a, b) => {
      calls++;
      return fQuantile(p, a, b);
    });
    iccTable(table, { qf: counting });
    expect(calls).toBeLessThanOrEqual(4 + 2 * 60);
  });

  it("does not depend on the order of cases (the same ICC after reversing the rows of the file)", () => {
    const rows = readFileSync(example("test_retest"), "utf8").trimEnd().split("\n");
    const reversed = [rows[0], ...rows.slice(1).reverse()].join("\n");
    const again = iccTable(tableToLong(parseCsvText(reversed, { source: "reversed" }), { caseColumn: "case_id", raterColumn: "reader" }));
    again.features.forEach((f, j) => {
      // tolerance 1e-12 relative: only summation order changes
      for (const form of ICC_FORMS) expect(rel(f.forms[form].icc, result.features[j]!.forms[form].icc!)).toBeLessThan(1e-12);
    });
  });

  it("takes a feature subset and rejects an unknown feature name with a suggestion", () => {
    const sub = iccTable(table, { features: ["original_firstorder_Mean"] });
    expect(sub.features.length).toBe(1);
    const e = radvalErrorOf(() => iccTable(table, { features: ["original_firstorder_Maen"] }));
    expect(e.code).toBe("UNKNOWN_COLUMN");
    expect(e.hint).toContain("original_firstorder_Mean");
  });
});

describe("iccTable: cases with a missing repeat", () => {
  const table = readLongTable(fixturePath("tables/test_retest_missing.csv"), { caseColumn: "case_id", raterColumn: "reader" });

  it("drops them per feature, counts them, and then matches psych::ICC on the complete cases (1e-9 / 1e-7)", () => {
    const result = iccTable(table, { features: missing.features });
    for (const f of result.features) {
      const ref = missing.results[f.feature];
      expect(f.n).toBe(ref.n);
      expect(f.dropped).toBe(40 - ref.n);
      expectMatchesPsych(f.forms, ref);
    }
    expect(result.features[0]!.droppedCases).toEqual(["5", "12"]);
    expect(result.features[1]!.droppedCases).toEqual(["12", "17", "30"]);
    expect(result.warnings.map((w) => w.code)).toContain("INCOMPLETE_CASES_DROPPED");
  });

  it("is an INCOMPLETE_CASE error naming the feature and case under strict", () => {
    const e = radvalErrorOf(() => iccTable(table, { strict: true }));
    expect(e.code).toBe("INCOMPLETE_CASE");
    expect(e.message).toContain('column "original_firstorder_Mean"');
    expect(e.where.feature).toBe("original_firstorder_Mean");
    expect(e.message).toContain('case "5"');
  });
});

describe("iccTable: bad input", () => {
  const read = (name: string) => readLongTable(fixturePath(`tables/${name}`), { caseColumn: "case_id", raterColumn: "reader" });

  it("zero between-case variance and a constant feature: every form null with a reason, no NaN, no crash", () => {
    const result = iccTable(read("icc_degenerate.csv"));
    const byName = Object.fromEntries(result.features.map((f) => [f.feature, f]));
    for (const name of ["flat_cases", "constant"]) {
      for (const form of ICC_FORMS) {
        const f = byName[name]!.forms[form];
        expect([f.icc, f.F, f.p, f.lower, f.upper]).toEqual([null, null, null, null, null]);
        expect(f.reason).toMatch(name === "constant" ? /all values are equal/ : /no between-case variance/);
      }
    }
    expect(byName["good"]!.forms.ICC2.icc).toBeGreaterThan(0.9);
    expect(JSON.stringify(result)).not.toContain("NaN");
    expect(result.warnings.map((w) => w.code)).toContain("ICC_UNDEFINED");
  });

  it("no residual variation (ratings = case + rater offset): F null with a reason, p = 0, ICC(C,1) = 1 with degenerate interval [1, 1]", () => {
    const exact = iccTable(read("icc_degenerate.csv")).features.find((f) => f.feature === "exact")!;
    const c1 = exact.forms.ICC3;
    expect(c1.icc).toBe(1);
    expect(c1.F).toBeNull();
    expect(c1.p).toBe(0);
    expect([c1.lower, c1.upper]).toEqual([1, 1]);
    expect(c1.reason).toMatch(/no residual variation/);
    // absolute agreement is below 1 because of the rater offsets, and still defined
    expect(exact.forms.ICC2.icc!).toBeGreaterThan(0.9);
    expect(exact.forms.ICC2.icc!).toBeLessThan(1);
    // one-way forms are ordinary numbers (within-case variation exists)
    expect(Number.isFinite(exact.forms.ICC1.F!)).toBe(true);
  });

  it("a single rater is TOO_FEW_RATERS naming the rater column", () => {
    const e = radvalErrorOf(() => iccTable(read("icc_single_rater.csv")));
    expect(e.code).toBe("TOO_FEW_RATERS");
    expect(e.message).toContain('column "reader"');
  });

  it("raters with different case sets are UNBALANCED_DESIGN with per-rater counts and a hint", () => {
    const e = radvalErrorOf(() => iccTable(read("icc_different_cases.csv")));
    expect(e).toBeInstanceOf(RadvalError);
    expect(e.code).toBe("UNBALANCED_DESIGN");
    expect(e.message).toContain("only 3 of 9 cases");
    expect(e.message).toContain("r1: 6");
    expect(e.hint).toMatch(/crossed design/);
  });

  it("non-numeric ratings are NON_NUMERIC naming file, line and column (from the long-table reader)", () => {
    const e = radvalErrorOf(() => read("icc_non_numeric.csv"));
    expect(e.code).toBe("NON_NUMERIC");
    expect(e.message).toContain("line 5");
    expect(e.message).toContain('column "f1"');
  });
});
