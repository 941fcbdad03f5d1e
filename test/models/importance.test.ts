import { beforeAll, describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { loadLibsvm } from "../../src/io/libsvmNode.js";
import { permutationImportance } from "../../src/models/importance.js";
import { fitModel } from "../../src/models/registry.js";
import { svm } from "../../src/models/svm/spec.js";
import { wdbcSmall } from "./data.js";

beforeAll(async () => {
  await loadLibsvm();
});

describe("permutationImportance (model-agnostic, AUC decrease)", () => {
  it("is ~0 for a column the model ignores and clearly positive for the features it uses; x is untouched", () => {
    const d = wdbcSmall(2, 4);
    const n = d.xs.nRows;
    const data = new Float64Array(n * 5);
    data.set(d.xs.data);
    const noise = createRng(5);
    for (let i = 0; i < n; i++) data[4 * n + i] = noise.normal();
    const x = { nRows: n, nCols: 5, data };
    const model = fitModel(svm({ kernel: "linear", probability: "platt" }), x, d.y, { rng: createRng(1), featureNames: [...d.names, "noise"] });
    const before = Float64Array.from(data);
    const result = permutationImportance(model, x, d.y, { rng: createRng(2), repeats: 3 });
    expect(data).toEqual(before);
    expect(result.map((r) => r.feature)).toEqual([...d.names, "noise"]);
    const byName = Object.fromEntries(result.map((r) => [r.feature, r]));
    expect(Math.abs(byName["noise"]!.mean)).toBeLessThan(0.01);
    expect(Math.max(...result.slice(0, 4).map((r) => r.mean))).toBeGreaterThan(0.02);
    expect(byName["noise"]!.values.length).toBe(3);
    // same Rng seed → same importances
    expect(permutationImportance(model, x, d.y, { rng: createRng(2), repeats: 3 })).toEqual(result);
  });
});
