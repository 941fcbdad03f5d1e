import { describe, expect, it } from "vitest";
import { parseCutoffs } from "../../src/ordinal/cutoffs.js";
import { cutoffProbability, dichotomisedAuc } from "../../src/ordinal/dichotomisedAuc.js";
import { obuchowskiIndex } from "../../src/ordinal/obuchowski.js";
import { kappaWeightMatrix, weightedKappa } from "../../src/ordinal/kappa.js";
import { argmaxClass, confusionMatrix } from "../../src/ordinal/confusion.js";
import { multiclassBrier } from "../../src/ordinal/brier.js";
import { delongAuc } from "../../src/metrics/delong.js";
import { loadFixture, radvalErrorOf } from "../helpers.js";
import { pbcRows } from "./pbcData.js";

// References: ../shared/fixtures/fx_ordinal_pbc.R → test/fixtures/ordinal_pbc.json (pROC 1.18 DeLong, Obuchowski's index
// as derived in the fixtures README, psych 2.2.9 / vcd 1.4-11 kappa) and ../shared/fixtures/fx_multiclass_pbc.R →
// test/fixtures/multiclass_pbc.json (pROC DeLong CIs of bilirubin). PBC histologic stage 1–4, trial cohort.
const fx = loadFixture("ordinal_pbc.json");
const codes = Int32Array.from(fx.y, (y: number) => y - 1);
const levels = fx.levels.map(String);
const bili = Float64Array.from(pbcRows(fx.ids), (r) => Number(r[fx.marker]));
const lp = Float64Array.from(fx.mle.lp as number[]);
const cutoffs = parseCutoffs(">=2,>=3,==4", levels);
const KEYS = ["ge2", "ge3", "eq4"];

describe("dichotomised AUC per cut-off (DeLong)", () => {
  for (const [name, score] of [["marker", bili], ["lp", lp]] as const) {
    it(`matches pROC for ${name} at stage >= 2, >= 3, == 4`, () => {
      const r = dichotomisedAuc(codes, score, cutoffs);
      r.forEach((c, k) => {
        const ref = fx.dichotomised_auc[name][KEYS[k]!];
        expect(c.cutoff).toBe(cutoffs[k]!.label);
        expect([c.cases, c.controls]).toEqual([ref.n_cases, ref.n_controls]);
        expect(Math.abs(c.auc - ref.auc)).toBeLessThan(1e-12); // tolerance 1e-12 (fixtures README)
        expect(Math.abs(c.variance! - ref.var_delong)).toBeLessThan(1e-9); // tolerance 1e-9
        expect(Math.abs(c.ci![0] - ref.ci_delong.lower)).toBeLessThan(1e-9); // tolerance 1e-9
        expect(Math.abs(c.ci![1] - ref.ci_delong.upper)).toBeLessThan(1e-9); // tolerance 1e-9
      });
    });
  }

  it("matches multiclass_pbc's bilirubin CIs on its own cohort (276 complete on 9 labs)", () => {
    const mc = loadFixture("multiclass_pbc.json");
    const rows = pbcRows(mc.ids);
    const c2 = Int32Array.from(rows, (r) => Number(r["stage"]) - 1);
    const b2 = Float64Array.from(rows, (r) => Number(r["bili"]));
    const r = dichotomisedAuc(c2, b2, parseCutoffs([">=2", ">=3", "==4"], ["1", "2", "3", "4"]));
    r.forEach((c, k) => {
      const ref = mc.dichotomised_bili[KEYS[k]!];
      expect(c.cases).toBe(ref.n_cases);
      expect(Math.abs(c.auc - ref.auc)).toBeLessThan(1e-12); // tolerance 1e-12
      expect(Math.abs(c.ci![0] - ref.lower)).toBeLessThan(1e-9); // tolerance 1e-9
      expect(Math.abs(c.ci![1] - ref.upper)).toBeLessThan(1e-9); // tolerance 1e-9
    });
  });

  it("scores each cut-off by the model's cumulative probability P(Y in the case set)", () => {
    const P = fx.mle.fitted_probabilities as number[][];
    const r = dichotomisedAuc(codes, (c) => cutoffProbability(P, c), cutoffs);
    // P(Y >= k) and P(Y == 4) are increasing in lp (proportional odds), so the AUCs equal lp's (up to near-ties)
    r.forEach((c, k) => expect(Math.abs(c.auc - fx.dichotomised_auc.lp[KEYS[k]!].auc)).toBeLessThan(1e-4));
    const ge3 = cutoffProbability(P, cutoffs[1]!);
    expect(ge3[0]).toBeCloseTo(P[0]![2]! + P[0]![3]!, 15);
    const direct = delongAuc(Float64Array.from(codes, (c) => (c >= 2 ? 1 : 0)), ge3);
    expect(r[1]!.auc).toBe(direct.auc);
  });
});

describe("Obuchowski's ordinal concordance index", () => {
  for (const [name, score] of [["marker", bili], ["lp", lp]] as const) {
    it(`matches the README's estimator for ${name}`, () => {
      const ref = fx.obuchowski[name];
      const r = obuchowskiIndex(codes, score, 4);
      expect(Math.abs(r.estimate - ref.psi)).toBeLessThan(1e-12); // tolerance 1e-12
      expect(Math.abs(r.estimate - fx.obuchowski.cross_check_survival_concordance[name])).toBeLessThan(1e-12); // = survival::concordance
      expect(Math.abs(r.variance - ref.variance)).toBeLessThan(1e-9); // tolerance 1e-9
      expect(Math.abs(r.se - ref.std_error)).toBeLessThan(1e-9); // tolerance 1e-9
      expect(Math.abs(r.ci[0] - ref.ci95.lower)).toBeLessThan(1e-9); // tolerance 1e-9
      expect(Math.abs(r.ci[1] - ref.ci95.upper)).toBeLessThan(1e-9); // tolerance 1e-9
      expect(r.nPairs).toBe(ref.n_pairs_between_categories);
      expect(r.nPerCategory).toEqual(ref.n_per_category);
      expect(Math.abs(r.equalWeightMean - ref.equal_weight_mean_of_pairwise_auc)).toBeLessThan(1e-12); // tolerance 1e-12
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 4; j++) {
          if (i === j) expect(r.pairwiseAuc[i]![j]).toBeNull();
          else expect(Math.abs(r.pairwiseAuc[i]![j]! - ref.pairwise_auc[i][j])).toBeLessThan(1e-12); // tolerance 1e-12
          expect(Math.abs(r.pairWeights[i]![j]! - ref.pair_weights[i][j])).toBeLessThan(1e-12);
        }
      }
    });
  }

  it("reduces to DeLong's AUC and variance for two categories", () => {
    const two = Int32Array.from(codes, (c) => (c >= 2 ? 1 : 0));
    const r = obuchowskiIndex(two, bili, 2);
    const d = delongAuc(two, bili);
    expect(Math.abs(r.estimate - d.auc)).toBeLessThan(1e-12);
    expect(Math.abs(r.variance / d.variance! - 1)).toBeLessThan(1e-10);
  });

  it("rejects one level, bad codes and missing scores", () => {
    expect(radvalErrorOf(() => obuchowskiIndex([1, 1, 1], [1, 2, 3], 3)).code).toBe("SINGLE_CLASS");
    expect(radvalErrorOf(() => obuchowskiIndex([0, 5], [1, 2], 3)).code).toBe("INVALID_ARGUMENT");
    expect(radvalErrorOf(() => obuchowskiIndex([0, 1], [1, NaN], 2)).code).toBe("NON_FINITE");
    expect(radvalErrorOf(() => obuchowskiIndex([0, 1], [1], 2)).code).toBe("DIMENSION_MISMATCH");
  });
});

describe("weighted kappa with Fleiss–Cohen–Everitt (1969) standard errors", () => {
  const pred = Int32Array.from(fx.mle.predicted_class, (c: number) => c - 1);
  const table = confusionMatrix(codes, pred, 4);

  it("the confusion matrix (rows observed, columns argmax class) equals R's table", () => {
    expect(table).toEqual(fx.kappa.table);
    expect(Array.from(argmaxClass(fx.mle.fitted_probabilities))).toEqual(Array.from(pred));
  });

  for (const w of ["linear", "quadratic"] as const) {
    it(`${w}: estimate = psych/vcd, SE = vcd::Kappa's ASE (FCE 1969, not psych's variance)`, () => {
      const ref = fx.kappa[w];
      const k = weightedKappa(table, w);
      expect(kappaWeightMatrix(4, w)).toEqual(ref.weight_matrix);
      expect(Math.abs(k.estimate - ref.weighted_kappa)).toBeLessThan(1e-12); // tolerance 1e-12
      expect(Math.abs(k.variance - ref.var_weighted_fce1969)).toBeLessThan(1e-9); // tolerance 1e-9
      expect(Math.abs(k.se - ref.ase_weighted_vcd)).toBeLessThan(1e-9); // tolerance 1e-9
      expect(Math.abs(k.variance - ref.var_weighted_psych)).toBeGreaterThan(1e-4); // psych's quirk is not reproduced
      expect(Math.abs(k.lower - (k.estimate - 1.959963984540054 * k.se))).toBeLessThan(1e-12);
      const u = weightedKappa(table, "unweighted");
      expect(Math.abs(u.estimate - ref.unweighted_kappa)).toBeLessThan(1e-12); // tolerance 1e-12
      expect(Math.abs(u.variance - ref.var_unweighted_psych)).toBeLessThan(1e-9); // tolerance 1e-9 (psych = FCE = vcd)
      expect(Math.abs(u.se - ref.ase_unweighted_vcd)).toBeLessThan(1e-9);
      expect(Math.abs(u.lower - ref.ci95_unweighted_psych.lower)).toBeLessThan(1e-9); // psych's unweighted CI
      expect(Math.abs(u.upper - ref.ci95_unweighted_psych.upper)).toBeLessThan(1e-9);
    });
  }

  it("rejects non-square and empty tables", () => {
    expect(radvalErrorOf(() => weightedKappa([[1, 2]])).code).toBe("DIMENSION_MISMATCH");
    expect(radvalErrorOf(() => weightedKappa([[0, 0], [0, 0]])).code).toBe("INVALID_ARGUMENT");
    expect(radvalErrorOf(() => confusionMatrix([0, 1], [0], 2)).code).toBe("DIMENSION_MISMATCH");
  });
});

describe("multi-class Brier score", () => {
  it("is the mean of Σ_k (p_ik − y_ik)², twice the binary Brier for two classes", () => {
    const P = fx.mle.fitted_probabilities as number[][];
    let s = 0;
    P.forEach((row, i) => row.forEach((p, k) => (s += (p - (codes[i] === k ? 1 : 0)) ** 2)));
    expect(multiclassBrier(codes, P)).toBeCloseTo(s / P.length, 14);
    const b = multiclassBrier([1, 0], [[0.2, 0.8], [0.7, 0.3]]);
    expect(b).toBeCloseTo(2 * ((0.8 - 1) ** 2 + 0.3 ** 2) / 2, 15);
    expect(radvalErrorOf(() => multiclassBrier([0], [[1.2, -0.2]])).code).toBe("PROBABILITY_OUT_OF_RANGE");
    expect(radvalErrorOf(() => multiclassBrier([0, 1], [[1, 0]])).code).toBe("DIMENSION_MISMATCH");
  });
});
