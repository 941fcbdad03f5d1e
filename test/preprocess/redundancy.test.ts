import { describe, expect, it } from "vitest";
import { clusterFeatures } from "../../src/cluster/featureClusters.js";
import { gatherRows, getColumn } from "../../src/core/matrix.js";
import { createRng } from "../../src/core/rng.js";
import { loadExample } from "../../src/io/examples.js";
import { fitRedundancy, redundancyStep } from "../../src/preprocess/redundancy.js";
import type { FeatureFrame } from "../../src/preprocess/types.js";
import { radvalErrorOf } from "../helpers.js";

const wdbc = loadExample("wdbc");
const rng = createRng(7);

/** Analysis rows = the first 400 of WDBC's 569. */
const analysis = Int32Array.from({ length: 400 }, (_, i) => i);
const analysisFrame: FeatureFrame = { names: wdbc.featureNames, x: gatherRows(wdbc.x, analysis) };
const yAnalysis = Float64Array.from(analysis, (i) => wdbc.outcome!.values[i]!);

describe("redundancy step", () => {
  it("spec is frozen plain data with the defaults (pearson, average, 0.9, variance)", () => {
    const spec = redundancyStep();
    expect(spec).toEqual({ type: "redundancy", correlation: "pearson", linkage: "average", threshold: 0.9, representative: "variance" });
    expect(Object.isFrozen(spec)).toBe(true);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(radvalErrorOf(() => redundancyStep({ linkage: "ward" as "average" })).code).toBe("INVALID_OPTION");
  });

  it("fits on the analysis rows only: changing the other rows changes nothing", () => {
    const spec = redundancyStep({ representative: "auc" });
    const fitted = fitRedundancy(spec, analysisFrame, { y: yAnalysis, rng });
    // The same fit, directly on the same rows
    const direct = clusterFeatures(analysisFrame.x, analysisFrame.names, { representative: "auc", y: yAnalysis });
    expect(fitted.clustering.membership).toEqual(direct.membership);
    // Scramble the assessment rows of a copy of the full data: the analysis-row fit is unchanged
    const scrambled = Float64Array.from(wdbc.x.data);
    for (let j = 0; j < wdbc.x.nCols; j++) for (let i = 400; i < 569; i++) scrambled[j * 569 + i] = rng.normal();
    const again = fitRedundancy(spec, { names: wdbc.featureNames, x: gatherRows({ ...wdbc.x, data: scrambled }, analysis) }, { y: yAnalysis, rng });
    expect(again.outputNames).toEqual(fitted.outputNames);
    // ...whereas fitting on all rows is a different fit (at least the merge heights differ)
    const all = fitRedundancy(spec, { names: wdbc.featureNames, x: wdbc.x }, { y: wdbc.outcome!.values, rng });
    expect(all.clustering.merges.map((m) => m.height)).not.toEqual(fitted.clustering.merges.map((m) => m.height));
  });

  it("transform keeps one representative per cluster, in input order, for any rows", () => {
    const fitted = fitRedundancy(redundancyStep({ representative: "auc" }), analysisFrame, { y: yAnalysis, rng });
    expect(fitted.outputNames.length).toBe(fitted.clustering.clusters.length);
    expect(fitted.removed.length + fitted.outputNames.length).toBe(30);
    const order = fitted.outputNames.map((n) => wdbc.featureNames.indexOf(n));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const assessment = Int32Array.from({ length: 169 }, (_, i) => 400 + i);
    const out = fitted.transform({ names: wdbc.featureNames, x: gatherRows(wdbc.x, assessment) });
    expect(out.names).toEqual(fitted.outputNames);
    expect(out.x.nRows).toBe(169);
    const j = wdbc.featureNames.indexOf(fitted.outputNames[0]!);
    expect(Array.from(getColumn(out.x, 0))).toEqual(Array.from(assessment, (i) => wdbc.x.data[j * 569 + i]!));
  });

  it("the auc rule picks, in each cluster, the member with the highest direction-free AUC on the analysis rows", () => {
    const fitted = fitRedundancy(redundancyStep({ representative: "auc" }), analysisFrame, { y: yAnalysis, rng });
    for (const c of fitted.clustering.clusters) {
      if (c.members.length < 2) continue;
      const best = Math.max(...c.members.map((m) => c.scores[m]!));
      expect(c.scores[c.representative]).toBe(best);
    }
  });

  it("describe() reports clusters, removed features and the merge tree; the fit does not mutate its input", () => {
    const before = Float64Array.from(analysisFrame.x.data);
    const fitted = fitRedundancy(redundancyStep(), analysisFrame, { rng });
    expect(Array.from(analysisFrame.x.data)).toEqual(Array.from(before));
    const log = fitted.describe();
    expect(log).toMatchObject({ type: "redundancy", inputFeatures: 30, outputFeatures: fitted.outputNames.length });
    expect((log.details!["merges"] as unknown[]).length).toBe(29);
    expect(log.details!["removed"]).toEqual(fitted.removed);
  });

  it("auc without an outcome, missing values and an unknown column at transform are clear errors", () => {
    expect(radvalErrorOf(() => fitRedundancy(redundancyStep({ representative: "auc" }), analysisFrame, { rng })).code).toBe("MISSING_ROLE");
    const withNaN = Float64Array.from(analysisFrame.x.data);
    withNaN[5] = NaN;
    const e = radvalErrorOf(() => fitRedundancy(redundancyStep(), { names: analysisFrame.names, x: { ...analysisFrame.x, data: withNaN } }, { rng }));
    expect(e.code).toBe("MISSING_VALUES");
    expect(e.hint).toMatch(/[Ii]mpute/);
    const fitted = fitRedundancy(redundancyStep(), analysisFrame, { rng });
    expect(radvalErrorOf(() => fitted.transform({ names: ["a"], x: gatherRows(wdbc.x, analysis, [0]) })).code).toBe("UNKNOWN_COLUMN");
  });
});
