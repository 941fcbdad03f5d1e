// ml-svm (simplified SMO) measured against scikit-learn's SVC. Reference: test/fixtures/svm_rf_wdbc.json
// (shared/fixtures/fx_svm_rf_wdbc.py, scikit-learn 1.2.1). Runs on every 2nd WDBC row to stay fast:
// the comparison is with the exact solution on those rows, computed by the libsvm engine (itself checked
// against SVC to 1e-10 in libsvmEngine.test.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { gatherRows, gatherVector } from "../../../src/core/matrix.js";
import { createRng } from "../../../src/core/rng.js";
import { loadLibsvm } from "../../../src/io/libsvmNode.js";
import { aucMannWhitney } from "../../../src/metrics/auc.js";
import { libsvmEngine } from "../../../src/models/svm/libsvmEngine.js";
import { mlSvmEngine } from "../../../src/models/svm/mlSvmEngine.js";
import { svm } from "../../../src/models/svm/spec.js";
import { radvalErrorOf } from "../../helpers.js";
import { maxAbsDiff, wdbc } from "../data.js";

beforeAll(async () => {
  await loadLibsvm();
  await mlSvmEngine.prepare!(); // ml-svm is imported on demand
});

const half = () => {
  const d = wdbc();
  const rows = Int32Array.from({ length: Math.ceil(d.xs.nRows / 2) }, (_, k) => 2 * k);
  return { x: gatherRows(d.xs, rows), y: gatherVector(d.y, rows) };
};

describe("svm / ml-svm engine", () => {
  it("RBF: close to libsvm's optimum (decision values within 0.05 abs; measured ~2e-3 on all rows), same ranking to 0.002 AUC", () => {
    const { x, y } = half();
    const spec = { kernel: "rbf", gamma: 0.05, probability: "none" } as const;
    const exact = libsvmEngine.fit(svm({ ...spec, tolerance: 1e-10 }), x, y, { rng: createRng(1) }).predictScore!(x);
    const ml = mlSvmEngine.fit(svm(spec, "ml-svm"), x, y, { rng: createRng(1) }).predictScore!(x);
    expect(maxAbsDiff(ml, exact)).toBeLessThan(0.05);
    expect(Math.abs(aucMannWhitney(y, ml) - aucMannWhitney(y, exact))).toBeLessThan(0.002);
  });

  it("linear: far from the optimum in level (its intercept is off; measured 0.7–1.3 on all rows, by seed) but ranks like libsvm (AUC within 0.005)", () => {
    const { x, y } = half();
    const exact = libsvmEngine.fit(svm({ kernel: "linear", tolerance: 1e-10, probability: "none" }), x, y, { rng: createRng(1) }).predictScore!(x);
    const ml = mlSvmEngine.fit(svm({ kernel: "linear", probability: "none" }, "ml-svm"), x, y, { rng: createRng(1) }).predictScore!(x);
    const distance = maxAbsDiff(ml, exact);
    expect(distance).toBeGreaterThan(0.01); // documents that ml-svm does not reach libsvm's solution
    expect(distance).toBeLessThan(3);
    expect(Math.abs(aucMannWhitney(y, ml) - aucMannWhitney(y, exact))).toBeLessThan(0.005);
  });

  it("draws its random second multiplier from the Rng: same seed, same fit", () => {
    const { x, y } = half();
    const a = mlSvmEngine.fit(svm({ kernel: "rbf", gamma: 0.05, probability: "none" }, "ml-svm"), x, y, { rng: createRng(3) });
    const b = mlSvmEngine.fit(svm({ kernel: "rbf", gamma: 0.05, probability: "none" }, "ml-svm"), x, y, { rng: createRng(3) });
    expect(a.predictScore!(x)).toEqual(b.predictScore!(x));
  });

  it("refuses what it cannot do: class weights, libsvm probabilities", () => {
    const { x, y } = half();
    expect(radvalErrorOf(() => mlSvmEngine.fit(svm({ classWeight: "balanced" }, "ml-svm"), x, y, { rng: createRng(1) })).code).toBe("NOT_IMPLEMENTED_OPTION");
    expect(radvalErrorOf(() => mlSvmEngine.fit(svm({ probability: "libsvm" }, "ml-svm"), x, y, { rng: createRng(1) })).code).toBe("NOT_IMPLEMENTED_OPTION");
  });
});
