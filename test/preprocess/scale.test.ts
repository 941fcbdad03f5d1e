// Standardisation step. Reference: scikit-learn's StandardScaler (mean, population SD with ddof 0); the
// SVM tests (test/models/svm/libsvmEngine.test.ts) also depend on it reproducing SVC's decision values on
// data scaled by StandardScaler in shared/fixtures/fx_svm_rf_wdbc.py.
import { describe, expect, it } from "vitest";
import { columnMatrix, matrixFromColumns } from "../../src/core/matrix.js";
import { fitStandardize, standardize } from "../../src/preprocess/scale.js";
import { radvalErrorOf } from "../helpers.js";

describe("standardize step", () => {
  it("learns mean and population SD (ddof 0) on the fit rows and applies them to any rows", () => {
    const train = matrixFromColumns([
      [1, 2, 3, 4],
      [10, 10, 20, 20],
    ]);
    const step = fitStandardize(standardize(), { names: ["a", "b"], x: train });
    expect(Array.from(step.means)).toEqual([2.5, 15]);
    // tolerance 1e-15: sqrt(1.25) and 5 exactly
    expect(step.scales[0]).toBeCloseTo(Math.sqrt(1.25), 15);
    expect(step.scales[1]).toBe(5);
    const other = step.transform({ names: ["a", "b"], x: matrixFromColumns([[2.5, 5], [15, 0]]) });
    expect(Array.from(other.x.data)).toEqual([0, 2.5 / Math.sqrt(1.25), 0, -3]);
    expect(step.warnings).toEqual([]);
    expect(Object.isFrozen(step)).toBe(true);
  });

  it("ignores NaN in the fit, keeps NaN in the transform, and does not modify its input", () => {
    const data = Float64Array.from([1, NaN, 3]);
    const step = fitStandardize(standardize(), { names: ["a"], x: columnMatrix(3, 1, data) });
    expect(step.means[0]).toBe(2);
    expect(step.scales[0]).toBe(1);
    const out = step.transform({ names: ["a"], x: columnMatrix(3, 1, data) });
    expect(Array.from(out.x.data)).toEqual([-1, NaN, 1]);
    expect(Array.from(data)).toEqual([1, NaN, 3]);
  });

  it("a constant feature is centred to 0, not divided, with a CONSTANT_FEATURE warning; an empty one warns too", () => {
    const step = fitStandardize(standardize(), { names: ["c", "e"], x: matrixFromColumns([[7, 7, 7], [NaN, NaN, NaN]]) });
    expect(step.scales[0]).toBe(1);
    expect(Array.from(step.transform({ names: ["c", "e"], x: matrixFromColumns([[7, 8, 7], [1, 2, 3]]) }).x.data.subarray(0, 3))).toEqual([0, 1, 0]);
    expect(step.warnings.map((w) => w.code).sort()).toEqual(["CONSTANT_FEATURE", "EMPTY_FEATURE"]);
    expect(step.describe().details!["constantFeatures"]).toEqual(["c"]);
  });

  it("center / scale can be switched off", () => {
    const step = fitStandardize(standardize({ center: false }), { names: ["a"], x: matrixFromColumns([[1, 3]]) });
    expect(Array.from(step.transform({ names: ["a"], x: matrixFromColumns([[1, 3]]) }).x.data)).toEqual([1, 3]);
  });

  it("transforming other features is a clear error", () => {
    const step = fitStandardize(standardize(), { names: ["a", "b"], x: matrixFromColumns([[1, 2], [3, 4]]) });
    expect(radvalErrorOf(() => step.transform({ names: ["b", "a"], x: matrixFromColumns([[1, 2], [3, 4]]) })).code).toBe("DIMENSION_MISMATCH");
  });
});
