import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { matrixFromColumns } from "../../src/core/matrix.js";
import { fitImpute, impute } from "../../src/preprocess/impute.js";
import { radvalErrorOf } from "../helpers.js";

const frame = { names: ["a", "b"], x: matrixFromColumns([[1, NaN, 3, 10], [5, 6, NaN, NaN]]) };

describe("impute step", () => {
  it("fills NaN with the analysis-row median (default) or mean, and leaves other values alone", () => {
    const median = fitImpute(impute(), frame, { rng: createRng(1) });
    expect(Array.from(median.transform(frame).x.data)).toEqual([1, 3, 3, 10, 5, 6, 5.5, 5.5]);
    const mean = fitImpute(impute({ method: "mean" }), frame, { rng: createRng(1) });
    expect(Array.from(mean.transform(frame).x.data)).toEqual([1, 14 / 3, 3, 10, 5, 6, 5.5, 5.5]);
    expect(median.describe().details).toMatchObject({ imputedFeatures: 2, missingInAnalysisRows: { a: 1, b: 2 } });
  });

  it("applies the learnt values to new rows without refitting and does not mutate its input", () => {
    const fitted = fitImpute(impute(), frame, { rng: createRng(1) });
    const before = Array.from(frame.x.data);
    const other = { names: ["b", "a"], x: matrixFromColumns([[NaN], [NaN]]) };
    expect(Array.from(fitted.transform(other).x.data)).toEqual([3, 5.5]); // columns reordered to a, b
    expect(Array.from(frame.x.data)).toEqual(before);
  });

  it("rejects a feature with no observed value, naming it", () => {
    const empty = { names: ["a", "gone"], x: matrixFromColumns([[1, 2], [NaN, NaN]]) };
    const e = radvalErrorOf(() => fitImpute(impute(), empty, { rng: createRng(1) }));
    expect(e.code).toBe("ALL_MISSING");
    expect(e.where.feature).toBe("gone");
  });
});
