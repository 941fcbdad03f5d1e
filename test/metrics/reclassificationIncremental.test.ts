// References: test/fixtures/reclassification_pbc.json (../shared/fixtures/fx_reclassification_pbc.R: Hmisc 4.8-0
// improveProb, categorical NRI by hand, anova(A, B, test = "Chisq"), net benefit) and test/fixtures/reclassification_extra.json
// (test/fixtures/scripts/fx_reclassification_extra.R: Brier scores and their paired difference). Nested logistic models on
// the PBC trial cohort (n = 308): A = age + albumin (comparator), B = A + bili + protime + platelet (new model).
// Every comparison reads from the comparator A to the new model B: improveProb(x1 = pA, x2 = pB).
import { describe, expect, it } from "vitest";
import { matrixFromColumns } from "../../src/core/matrix.js";
import { readRawTable } from "../../src/io/readTable.js";
import { brierDifference } from "../../src/metrics/reclassificationBrier.js";
import { nestedLikelihoodRatioTest } from "../../src/metrics/reclassificationLrt.js";
import { netBenefitChange } from "../../src/metrics/reclassificationNetBenefit.js";
import { reclassification } from "../../src/metrics/reclassification.js";
import { logisticRegression } from "../../src/models/logistic/logisticRegression.js";
import { loadFixture, radvalErrorOf, relDiff } from "../helpers.js";

const ref = loadFixture("reclassification_pbc.json");
const extra = loadFixture("reclassification_extra.json").brier;
const y = Float64Array.from(ref.y as number[]);
const pA = Float64Array.from(ref.p_A as number[]);
const pB = Float64Array.from(ref.p_B as number[]);
const ip = ref.improveProb;
const cn = ref.categorical_nri;

describe("reclassification from comparator A to new model B (PBC nested models)", () => {
  const r = reclassification(y, pA, pB, { cutoffs: cn.cutoffs });

  it("continuous NRI, its components, SEs, z and p equal Hmisc::improveProb(x1 = A, x2 = B)", () => {
    const c = r.continuousNri;
    expect(c.nri).toBeGreaterThan(0);
    // tolerance: 1e-12 relative given the stored p (fixtures README)
    for (const [ours, theirs] of [
      [c.nri, ip.nri], [c.se, ip["se.nri"]], [c.z, ip["z.nri"]], [c.events.nri, ip["nri.ev"]], [c.events.se, ip["se.nri.ev"]],
      [c.nonEvents.nri, ip["nri.ne"]], [c.nonEvents.se, ip["se.nri.ne"]], [c.p, ref.derived["p.nri"]],
    ] as const) expect(relDiff(ours!, theirs)).toBeLessThan(1e-12);
    // counts exact: improveProb's proportions up/down times the class sizes
    expect(c.events.up / c.events.n).toBe(ip["pup.ev"]);
    expect(c.nonEvents.down / c.nonEvents.n).toBe(ip["pdown.ne"]);
  });

  it("IDI with SE, z and p equals improveProb", () => {
    // tolerance: 1e-12 relative
    for (const [ours, theirs] of [
      [r.idi.idi, ip.idi], [r.idi.se, ip["se.idi"]], [r.idi.z, ip["z.idi"]], [r.idi.p, ref.derived["p.idi"]],
      [r.idi.slopeOld, ref.derived.discrimination_slope_A], [r.idi.slopeNew, ref.derived.discrimination_slope_B],
    ] as const) expect(relDiff(ours!, theirs)).toBeLessThan(1e-12);
  });

  it("categorical NRI (cut-offs 0.2, 0.4) with its 3 × 3 tables (rows A, columns B)", () => {
    const k = r.categoricalNri!;
    expect(k.table!.events).toEqual(cn.table_events); // counts exact
    expect(k.table!.nonEvents).toEqual(cn.table_nonevents);
    expect([k.events.up, k.events.down, k.nonEvents.up, k.nonEvents.down]).toEqual([cn.up_events, cn.down_events, cn.up_nonevents, cn.down_nonevents]);
    // tolerance: 1e-12 relative (absolute 1e-15 for the zero events component)
    expect(Math.abs(k.events.nri - cn.nri_events)).toBeLessThan(1e-15);
    for (const [ours, theirs] of [[k.nri, cn.nri], [k.se, cn.se], [k.z, cn.z], [k.p, cn.p], [k.nonEvents.nri, cn.nri_nonevents], [k.nonEvents.se, cn.se_nonevents]] as const) {
      expect(relDiff(ours!, theirs)).toBeLessThan(1e-12);
    }
  });

  it("net-benefit difference B − A at 0.1 … 0.5", () => {
    const d = netBenefitChange(y, pA, pB, { thresholds: ref.net_benefit.threshold });
    expect(d.length).toBe(5);
    d.forEach((row, k) => {
      // tolerance: 1e-12 absolute given p (fixtures README)
      expect(Math.abs(row.difference - ref.net_benefit.nb_difference_B_minus_A[k])).toBeLessThan(1e-12);
      expect(Math.abs(row.netBenefitModel - ref.net_benefit.nb_B[k])).toBeLessThan(1e-12);
      expect(Math.abs(row.netBenefitComparator - ref.net_benefit.nb_A[k])).toBeLessThan(1e-12);
    });
  });

  it("ΔBrier B − A with its paired SE, z and p", () => {
    const b = brierDifference(y, pA, pB);
    // tolerance: 1e-12 relative (R by hand on the same p)
    for (const [ours, theirs] of [[b.brierComparator, extra.brier_A], [b.brierModel, extra.brier_B], [b.difference, extra.difference_B_minus_A], [b.se, extra.se], [b.z, extra.z], [b.p, extra.p]] as const) {
      expect(relDiff(ours!, Number(theirs))).toBeLessThan(1e-12);
    }
  });
});

describe("nestedLikelihoodRatioTest = anova(A, B, test = 'Chisq')", () => {
  const pbc = readRawTable(new URL("../../examples/pbc.csv", import.meta.url).pathname);
  const col = (name: string) => pbc.header.indexOf(name);
  const byId = new Map(pbc.rows.map((r) => [Number(r[col("id")]), r]));
  const rows = (ref.ids as number[]).map((id) => byId.get(id)!);
  const get = (v: string) => Float64Array.from(rows, (r) => Number(r[col(v)]));
  const fit = (vars: string[]) => logisticRegression(matrixFromColumns(vars.map(get)), get("cirrhosis"), { featureNames: vars, epsilon: 1e-14 });

  it("fits A and B with radval's glm and tests B against A", () => {
    const a = fit(["age", "albumin"]);
    const b = fit(["age", "albumin", "bili", "protime", "platelet"]);
    const t = nestedLikelihoodRatioTest(a, b);
    expect(t.df).toBe(ref.lrt.df);
    expect(t.dfResidual).toEqual(ref.lrt.resid_df);
    // tolerance: 1e-8 relative (fixtures README, LRT)
    expect(relDiff(t.statistic, ref.lrt.deviance_difference)).toBeLessThan(1e-8);
    expect(relDiff(t.p, ref.lrt.p_value)).toBeLessThan(1e-8);
    // the fitted probabilities are the fixture's: 1e-8 (fixtures README, probabilities)
    expect(relDiff(a.deviance, ref.model_A.deviance)).toBeLessThan(1e-8);
  });

  it("rejects a 'new' model with no more parameters than its comparator", () => {
    const e = radvalErrorOf(() => nestedLikelihoodRatioTest({ deviance: 320, dfResidual: 302 }, { deviance: 345, dfResidual: 305 }));
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.hint).toMatch(/nested/);
  });
});
