import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import {
  bootstrap,
  bootstrapFromIndices,
  foldIdsOf,
  groupKFold,
  leaveOneSiteOut,
  repeatedStratifiedKFold,
  splitSample,
  splitsFromFoldIds,
  stratifiedKFold,
  temporalSplit,
} from "../../src/resample/index.js";
import { radvalErrorOf } from "../helpers.js";

const y = Float64Array.from({ length: 103 }, (_, i) => (i % 3 === 0 ? 1 : 0)); // 35 events, 68 non-events

function sortedUnion(a: Int32Array, b: Int32Array): number[] {
  return [...a, ...b].sort((x, z) => x - z);
}

describe("stratified k-fold", () => {
  it("partitions the rows; each fold's assessment is the complement of its analysis", () => {
    const folds = stratifiedKFold(y, 10, createRng(1));
    expect(folds.splits.length).toBe(10);
    const seen = new Int32Array(y.length);
    for (const split of folds.splits) {
      expect(sortedUnion(split.analysis, split.assessment)).toEqual(Array.from({ length: y.length }, (_, i) => i));
      for (const r of split.assessment) seen[r]++;
    }
    expect(Array.from(seen).every((c) => c === 1)).toBe(true);
  });

  it("balances classes: each fold has ⌊n_c/k⌋ or ⌈n_c/k⌉ of each class and sizes differ by ≤ 1", () => {
    const folds = stratifiedKFold(y, 10, createRng(2));
    const sizes = folds.splits.map((s) => s.assessment.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const split of folds.splits) {
      const events = Array.from(split.assessment).reduce((a, r) => a + y[r]!, 0);
      expect(events === 3 || events === 4).toBe(true);
    }
  });

  it("is reproducible with the same seed and differs with another", () => {
    const a = foldIdsOf(stratifiedKFold(y, 5, createRng(3)));
    const b = foldIdsOf(stratifiedKFold(y, 5, createRng(3)));
    const c = foldIdsOf(stratifiedKFold(y, 5, createRng(4)));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it("rejects fewer events than folds (TOO_FEW_EVENTS)", () => {
    const rare = Float64Array.from({ length: 50 }, (_, i) => (i < 4 ? 1 : 0));
    const e = radvalErrorOf(() => stratifiedKFold(rare, 5, createRng(1)));
    expect(e.code).toBe("TOO_FEW_EVENTS");
    expect(e.message).toContain("needs at least 5 events, but there are 4");
  });

  it("repeats with independent partitions and ids Repeat<r>.Fold<k>", () => {
    const rep = repeatedStratifiedKFold(y, 5, 3, createRng(5));
    expect(rep.splits.length).toBe(15);
    expect(rep.splits[0]!.id).toBe("Repeat1.Fold1");
    expect(rep.splits[14]!.id).toBe("Repeat3.Fold5");
    expect(Array.from(rep.splits[0]!.assessment)).not.toEqual(Array.from(rep.splits[5]!.assessment));
  });
});

describe("user-supplied splits", () => {
  it("builds folds from fold ids", () => {
    const folds = splitsFromFoldIds([1, 2, 1, 3, 2, 3]);
    expect(folds.splits.map((s) => Array.from(s.assessment))).toEqual([[0, 2], [1, 4], [3, 5]]);
    expect(Array.from(folds.splits[0]!.analysis)).toEqual([1, 3, 4, 5]);
    expect(radvalErrorOf(() => splitsFromFoldIds([1, 1.5])).code).toBe("INVALID_ARGUMENT");
  });

  it("takes R's 1-based bootstrap indices and derives the out-of-bag rows", () => {
    const boot = bootstrapFromIndices(5, [[1, 1, 3, 5, 5]], 1);
    expect(Array.from(boot.splits[0]!.analysis)).toEqual([0, 0, 2, 4, 4]);
    expect(Array.from(boot.splits[0]!.assessment)).toEqual([1, 3]);
    expect(radvalErrorOf(() => bootstrapFromIndices(5, [[0, 1, 2, 3, 4]], 1)).code).toBe("INVALID_ARGUMENT");
  });
});

describe("bootstrap", () => {
  it("draws n rows with replacement; out-of-bag rows are the assessment set (≈ 36.8%)", () => {
    const boot = bootstrap(1000, 20, createRng(6));
    let oob = 0;
    for (const split of boot.splits) {
      expect(split.analysis.length).toBe(1000);
      const inBag = new Set(split.analysis);
      for (const r of split.assessment) expect(inBag.has(r)).toBe(false);
      expect(inBag.size + split.assessment.length).toBe(1000);
      oob += split.assessment.length;
    }
    expect(oob / 20 / 1000).toBeGreaterThan(0.34); // E = (1 - 1/n)^n ≈ 0.368; SD over 20 reps ≈ 0.0034
    expect(oob / 20 / 1000).toBeLessThan(0.39);
  });

  it("keeps class counts with strata", () => {
    const boot = bootstrap(y.length, 5, createRng(7), { strata: y });
    for (const split of boot.splits) expect(Array.from(split.analysis).reduce((a, r) => a + y[r]!, 0)).toBe(35);
  });
});

describe("split-sample, grouped, site and temporal schemes", () => {
  it("splits 70/30 within each class", () => {
    const split = splitSample(y, 0.7, createRng(8)).splits[0]!;
    expect(split.analysis.length).toBe(Math.round(0.7 * 35) + Math.round(0.7 * 68));
    expect(sortedUnion(split.analysis, split.assessment).length).toBe(103);
  });

  it("never puts a group in two folds", () => {
    const groups = Array.from({ length: 60 }, (_, i) => `p${Math.floor(i / 3)}`); // 20 patients × 3 lesions
    const folds = groupKFold(groups, 4, createRng(9));
    for (const split of folds.splits) {
      const inAnalysis = new Set(Array.from(split.analysis, (r) => groups[r]));
      for (const r of split.assessment) expect(inAnalysis.has(groups[r]!)).toBe(false);
    }
    expect(folds.splits.map((s) => s.assessment.length)).toEqual([15, 15, 15, 15]);
    expect(radvalErrorOf(() => groupKFold(["a", "a", "b"], 3, createRng(1))).code).toBe("INVALID_ARGUMENT");
  });

  it("leaves one site out and rejects a site with one class, naming it", () => {
    const sites = ["A", "A", "B", "B", "C", "C"];
    const loso = leaveOneSiteOut(sites, { y: [0, 1, 0, 1, 0, 1] });
    expect(loso.splits.map((s) => s.id)).toEqual(["Site:A", "Site:B", "Site:C"]);
    expect(Array.from(loso.splits[1]!.assessment)).toEqual([2, 3]);
    expect(Array.from(loso.splits[1]!.analysis)).toEqual([0, 1, 4, 5]);
    const e = radvalErrorOf(() => leaveOneSiteOut(sites, { y: [0, 1, 0, 0, 0, 1] }));
    expect(e.code).toBe("SINGLE_CLASS");
    expect(e.message).toContain('site "B"');
  });

  it("splits by date, by fraction, and rejects a cutoff that leaves a side empty", () => {
    const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8))) / 86_400_000;
    const days = ["2016-01-01", "2017-06-01", "2019-01-01", "2020-02-02", "2021-03-03"].map(day);
    const byDate = temporalSplit([...days, NaN], { cutoff: "2019-01-01" }).splits[0]!;
    expect(Array.from(byDate.analysis)).toEqual([0, 1]);
    expect(Array.from(byDate.assessment)).toEqual([2, 3, 4]);
    const byFraction = temporalSplit(days, { fraction: 0.6 }).splits[0]!;
    expect(Array.from(byFraction.analysis)).toEqual([0, 1, 2]);
    const e = radvalErrorOf(() => temporalSplit(days, { cutoff: "2030-01-01" }));
    expect(e.code).toBe("EMPTY_SPLIT");
    expect(e.message).toContain("2030-01-01");
  });
});
