// decisionValues (shared by the SVM engines): the SIMD path against a direct evaluation of Σ cₖ K(svₖ, x) + b
// with kernelValue (Math.exp), and against its own plain-JavaScript twin.
import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/rng.js";
import { type KernelExpansion, decisionValues } from "../../../src/models/svm/decision.js";
import { type KernelSpec, kernelValue } from "../../../src/models/svm/kernel.js";

function direct(model: KernelExpansion, data: Float64Array, n: number): Float64Array {
  const p = model.nFeatures;
  const out = new Float64Array(n);
  const row = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < p; t++) row[t] = data[t * n + i]!;
    let f = 0;
    for (let k = 0; k < model.coef.length; k++) f += model.coef[k]! * kernelValue(model.kernel, model.supportVectors, k * p, row, 0, p);
    out[i] = f + model.intercept;
  }
  return out;
}

describe("decisionValues", () => {
  const rng = createRng(5);
  const kernels: KernelSpec[] = [
    { kind: "rbf", gamma: 0.3, degree: 3, coef0: 0 },
    { kind: "polynomial", gamma: 0.2, degree: 3, coef0: 1 },
    { kind: "sigmoid", gamma: 0.05, degree: 3, coef0: -0.3 },
    { kind: "linear", gamma: 0, degree: 3, coef0: 0 },
  ];
  it.each(kernels.map((k) => [k.kind, k] as const))("%s: equals the direct sum (1e-12 relative) and its JavaScript twin (exactly)", (_, kernel) => {
    for (const [m, p, n] of [[1, 1, 1], [17, 5, 9], [40, 33, 25]] as const) {
      const model: KernelExpansion = {
        kernel,
        nFeatures: p,
        supportVectors: Float64Array.from({ length: m * p }, () => rng.normal()),
        coef: Float64Array.from({ length: m }, () => rng.normal()),
        intercept: rng.normal(),
      };
      const data = Float64Array.from({ length: n * p }, () => rng.normal());
      const x = { nRows: n, nCols: p, data };
      const simd = decisionValues(model, x);
      const js = decisionValues(model, x, "js");
      expect(simd).toEqual(js);
      const expected = direct(model, data, n);
      const scale = model.coef.reduce((s, c) => s + Math.abs(c), Math.abs(model.intercept));
      // tolerance 1e-12 · Σ|cₖ| abs: other summation order (linear), exp to 1 ulp (RBF)
      for (let i = 0; i < n; i++) expect(Math.abs(simd[i]! - expected[i]!)).toBeLessThan(1e-12 * scale);
    }
  });

  it("no support vectors: the intercept for every row", () => {
    const model: KernelExpansion = { kernel: kernels[0]!, nFeatures: 2, supportVectors: new Float64Array(0), coef: new Float64Array(0), intercept: 0.25 };
    expect(Array.from(decisionValues(model, { nRows: 3, nCols: 2, data: new Float64Array(6) }))).toEqual([0.25, 0.25, 0.25]);
  });
});
