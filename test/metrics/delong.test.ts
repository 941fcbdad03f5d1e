import { describe, expect, it } from "vitest";
import { featureColumn } from "../../src/core/dataset.js";
import { loadExample } from "../../src/io/examples.js";
import { delongAuc, delongPairedTest, delongPlacements, delongUnpairedTest } from "../../src/metrics/delong.js";
import { loadFixture, radvalErrorOf, relDiff } from "../helpers.js";

// References: pROC 1.18 on asah.csv.
//  ../shared/fixtures/fx_auc_delong_asah.R → test/fixtures/auc_delong_asah.json (AUC, DeLong var/CI, paired z and p)
//  test/fixtures/fx_metrics_extra.R → test/fixtures/metrics_extra.json (direction ">", paired CI, unpaired test)
const ref = loadFixture("auc_delong_asah.json");
const extra = loadFixture("metrics_extra.json");
const asah = loadExample("asah");
const y = asah.outcome!.values;
const marker = (name: string) => featureColumn(asah, name);

describe("delongAuc", () => {
  it.each(["s100b", "ndka", "wfns"])("matches pROC's var() and ci.auc(method = 'delong') for %s", (name) => {
    const r = delongAuc(y, marker(name));
    const R = ref.rocs[name];
    expect(r.nPositive).toBe(R.n_cases);
    expect(r.nNegative).toBe(R.n_controls);
    // tolerance: AUC 1e-12 absolute; variance and CI bounds 1e-9 relative
    expect(Math.abs(r.auc - R.auc)).toBeLessThan(1e-12);
    expect(relDiff(r.variance!, R.var_delong)).toBeLessThan(1e-9);
    expect(relDiff(r.ci![0], R.ci_delong.lower)).toBeLessThan(1e-9);
    expect(relDiff(r.ci![1], R.ci_delong.upper)).toBeLessThan(1e-9);
    expect(r.reason).toBeUndefined();
  });

  it("direction '>' matches pROC (AUC < 0.5 is reported, never flipped)", () => {
    const r = delongAuc(y, marker("ndka"), { direction: ">" });
    const R = extra.ndka_greater;
    // tolerance: AUC 1e-12 absolute; variance and CI 1e-9 relative
    expect(Math.abs(r.auc - R.auc)).toBeLessThan(1e-12);
    expect(r.auc).toBeLessThan(0.5);
    expect(relDiff(r.variance!, R.var)).toBeLessThan(1e-9);
    expect(relDiff(r.ci![0], R.ci_lower)).toBeLessThan(1e-9);
    expect(relDiff(r.ci![1], R.ci_upper)).toBeLessThan(1e-9);
  });

  it("the interval widens with the level and contains the AUC", () => {
    const a = delongAuc(y, marker("s100b"), { level: 0.9 });
    const b = delongAuc(y, marker("s100b"), { level: 0.99 });
    expect(a.ci![0]).toBeGreaterThan(b.ci![0]);
    expect(a.ci![1]).toBeLessThan(b.ci![1]);
    expect(a.ci![0]).toBeLessThan(a.auc);
  });

  it("a class with one case gives null variance with a reason (pROC: NA)", () => {
    const r = delongAuc([1, 0, 0, 0], [0.9, 0.1, 0.5, 0.3]);
    expect(r.auc).toBe(1);
    expect(r.variance).toBeNull();
    expect(r.ci).toBeNull();
    expect(r.reason).toMatch(/at least 2 events/);
  });

  it("all scores tied: AUC 0.5 with zero variance, flagged", () => {
    const r = delongAuc([0, 1, 0, 1, 1], [3, 3, 3, 3, 3]);
    expect(r.auc).toBe(0.5);
    expect(r.variance).toBe(0);
    expect(r.ci).toEqual([0.5, 0.5]);
    expect(r.reason).toMatch(/variance is 0/);
  });

  it("rejects bad input and a bad level", () => {
    expect(radvalErrorOf(() => delongAuc([0, 0, 0], [1, 2, 3])).code).toBe("SINGLE_CLASS");
    expect(radvalErrorOf(() => delongAuc([0, 1, 1], [1, NaN, 3])).code).toBe("NON_FINITE");
    expect(radvalErrorOf(() => delongAuc([0, 1, 1], [1, 2])).code).toBe("DIMENSION_MISMATCH");
    expect(radvalErrorOf(() => delongAuc([0, 1, 1, 0], [1, 2, 3, 4], { level: 95 })).code).toBe("INVALID_OPTION");
  });
});

describe("delongPlacements", () => {
  it("placements average to the AUC and follow the input order of each class", () => {
    const p = delongPlacements([1, 0, 1, 0, 0], [0.8, 0.8, 0.3, 0.1, 0.5]);
    // positive 0.8: beats 0.1, 0.5 and ties 0.8 → (2 + 0.5)/3; positive 0.3: beats 0.1 → 1/3
    expect(Array.from(p.positives)).toEqual([2.5 / 3, 1 / 3]);
    // negative 0.8: tied with one positive → 0.5/2; 0.1: below both → 1; 0.5: below one → 1/2
    expect(Array.from(p.negatives)).toEqual([0.25, 1, 0.5]);
    // tolerance: 1e-15 absolute (means of exact fractions)
    expect(Math.abs((p.positives[0]! + p.positives[1]!) / 2 - p.auc)).toBeLessThan(1e-15);
    expect(Math.abs((p.negatives[0]! + p.negatives[1]! + p.negatives[2]!) / 3 - p.auc)).toBeLessThan(1e-15);
  });
});

describe("delongPairedTest", () => {
  it.each(Object.keys(ref.delong_tests))("matches pROC's roc.test(paired = TRUE) for %s: z, p and the CI of the difference", (name) => {
    const t = ref.delong_tests[name];
    const r = delongPairedTest(y, marker(t.roc1), marker(t.roc2));
    // tolerance: AUCs 1e-12 absolute; z, p and CI 1e-9 relative
    expect(Math.abs(r.auc1 - t.auc1)).toBeLessThan(1e-12);
    expect(Math.abs(r.auc2 - t.auc2)).toBeLessThan(1e-12);
    expect(relDiff(r.z!, t.statistic_Z)).toBeLessThan(1e-9);
    expect(relDiff(r.p!, t.p_value)).toBeLessThan(1e-9);
    expect(relDiff(r.ci![0], extra.paired_ci[name].lower)).toBeLessThan(1e-9);
    expect(relDiff(r.ci![1], extra.paired_ci[name].upper)).toBeLessThan(1e-9);
  });

  it("a score compared with itself: difference 0, variance 0, z = 0, p = 1 (pROC's rule)", () => {
    const r = delongPairedTest(y, marker("s100b"), marker("s100b"));
    expect(r.difference).toBe(0);
    expect(r.variance).toBe(0);
    expect(r.z).toBe(0);
    expect(r.p).toBe(1);
  });

  it("perfectly separating different scores: zero variance, the test is null with a reason", () => {
    const r = delongPairedTest([0, 0, 1, 1], [1, 2, 3, 4], [1, 1, 1, 1]);
    expect(r.difference).toBe(0.5);
    expect(r.z).toBeNull();
    expect(r.reason).toMatch(/variance/);
  });

  it("rejects a NaN in the second score and mismatched lengths", () => {
    expect(radvalErrorOf(() => delongPairedTest([0, 1, 0, 1], [1, 2, 3, 4], [1, NaN, 3, 4])).code).toBe("NON_FINITE");
    expect(radvalErrorOf(() => delongPairedTest([0, 1, 0, 1], [1, 2, 3, 4], [1, 2, 3])).code).toBe("DIMENSION_MISMATCH");
  });
});

describe("delongUnpairedTest", () => {
  it("matches pROC's roc.test(paired = FALSE) on s100b in women vs men (t statistic, Welch df, p)", () => {
    const R = extra.unpaired;
    const female = new Set<number>(R.female_rows);
    const pick = (arr: ArrayLike<number>, inFemale: boolean) => Float64Array.from(Array.from(arr).filter((_, i) => female.has(i) === inFemale));
    const s = marker("s100b");
    const r = delongUnpairedTest(pick(y, true), pick(s, true), pick(y, false), pick(s, false));
    // tolerance: AUCs 1e-12 absolute; variances, statistic, df and p 1e-9 relative
    expect(Math.abs(r.auc1 - R.auc1)).toBeLessThan(1e-12);
    expect(Math.abs(r.auc2 - R.auc2)).toBeLessThan(1e-12);
    expect(relDiff(r.variance1!, R.var1)).toBeLessThan(1e-9);
    expect(relDiff(r.variance2!, R.var2)).toBeLessThan(1e-9);
    expect(relDiff(r.statistic!, R.statistic)).toBeLessThan(1e-9);
    expect(relDiff(r.df!, R.df)).toBeLessThan(1e-9);
    expect(relDiff(r.p!, R.p)).toBeLessThan(1e-9);
    expect(r.pNormal).toBeGreaterThan(0);
  });
});
