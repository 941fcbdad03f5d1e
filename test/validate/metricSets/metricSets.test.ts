import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { concatPredictions, predictionAt } from "../../../src/core/prediction.js";
import { type Response, responseAt } from "../../../src/core/response.js";
import { parseCutoffs } from "../../../src/ordinal/cutoffs.js";
import { binaryMetricSet, metricSetFor, ordinalMetricSet, survivalMetricSet } from "../../../src/validate/metricSets/index.js";
import { performanceIndexes } from "../../../src/validate/performance.js";
import multiclass from "../../fixtures/multiclass_pbc.json" with { type: "json" };

// Metric sets per outcome kind. Reference: test/fixtures/fx_multiclass_pbc.R (pROC::multiclass.roc of glmnet multinomial
// probabilities on PBC stage, 276 trial patients complete on 9 labs).
const pbc = readFileSync("examples/pbc.csv", "utf8").trim().split("\n").map((l) => l.split(","));
const header = pbc[0]!;
const byId = new Map(pbc.slice(1).map((r) => [r[0]!, r]));

describe("metric sets", () => {
  it("ordinal: the Hand–Till AUC of class probabilities equals pROC::multiclass.roc", () => {
    const stage = header.indexOf("stage");
    const codes = Float64Array.from(multiclass.ids, (id) => Number(byId.get(String(id))![stage]) - 1);
    const levels = ["1", "2", "3", "4"];
    const response: Response = { kind: "ordinal", codes, levels, cutoffs: parseCutoffs([">=2", "==4"], levels) };
    const probs = Float64Array.from(multiclass.probabilities.flat());
    const values = metricSetFor(response).compute(response, { kind: "ordinal", nLevels: 4, probs });
    expect(values.handTill).toBeCloseTo(multiclass.hand_till_probs, 12); // 5e-13: same arithmetic
    expect(Object.keys(values)).toEqual(ordinalMetricSet([">=2", "==4"]).metrics.map((m) => m.name));
    expect(values["auc:>=2"]).toBeGreaterThan(0.5);
  });

  it("binary: the set's values are performanceIndexes' (test role: recalibrated R²)", () => {
    const y = Float64Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const prob = Float64Array.from({ length: 40 }, (_, i) => 0.2 + 0.5 * ((i * 7) % 11) / 11);
    const ix = performanceIndexes(y, prob);
    const apparent = binaryMetricSet.compute({ kind: "binary", y }, { kind: "binary", prob, logit: null });
    const test = binaryMetricSet.compute({ kind: "binary", y }, { kind: "binary", prob, logit: null }, "test");
    expect(apparent.auc).toBe(ix.auc);
    expect(apparent.r2Nagelkerke).toBe(ix.r2Nagelkerke);
    expect(test.r2Nagelkerke).toBe(ix.r2NagelkerkeRecalibrated);
  });

  it("survival: undefined indexes are null (no events), not an error", () => {
    const response: Response = { kind: "survival", time: Float64Array.of(1, 2, 3, 4), event: Float64Array.of(0, 0, 0, 0), horizon: 2 };
    const values = survivalMetricSet.compute(response, { kind: "survival", lp: Float64Array.of(0.1, 0.2, 0.3, 0.4), risk: Float64Array.of(0.1, 0.2, 0.3, 0.4) });
    expect(values).toEqual({ c: null, dxy: null, slope: null, auc: null, brier: null });
  });
});

describe("predictions and responses by kind", () => {
  it("subset and pool class probabilities row by row", () => {
    const p = { kind: "nominal" as const, nLevels: 2, probs: Float64Array.of(0.1, 0.9, 0.4, 0.6, 0.7, 0.3) };
    const sub = predictionAt(p, [2, 0]);
    expect(sub).toEqual({ kind: "nominal", nLevels: 2, probs: Float64Array.of(0.7, 0.3, 0.1, 0.9) });
    const pooled = concatPredictions([sub, predictionAt(p, [1])], [1, 2, 0]);
    expect(pooled).toEqual({ kind: "nominal", nLevels: 2, probs: Float64Array.of(0.1, 0.9, 0.4, 0.6, 0.7, 0.3) });
    expect(() => concatPredictions([sub, { kind: "binary", prob: Float64Array.of(0.5), logit: null }])).toThrow(/different outcome kinds/);
  });

  it("select survival responses by rows, keeping the horizon", () => {
    const r: Response = { kind: "survival", time: Float64Array.of(5, 6, 7), event: Float64Array.of(1, 0, 1), horizon: 6 };
    expect(responseAt(r, [2, 0])).toEqual({ kind: "survival", time: Float64Array.of(7, 5), event: Float64Array.of(1, 1), horizon: 6 });
  });
});
