// The pure-JavaScript (asm.js) build of libsvm-js, for browsers that cannot serve the .wasm file:
// same results as scikit-learn. Reference: test/fixtures/svm_rf_wdbc.json (shared/fixtures/fx_svm_rf_wdbc.py).
import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/rng.js";
import { libsvmEngine } from "../../../src/models/svm/libsvmEngine.js";
import { loadLibsvm } from "../../../src/models/svm/libsvmLoader.js";
import { svm } from "../../../src/models/svm/spec.js";
import { maxAbsDiff, readFixture, wdbc } from "../data.js";

describe("libsvm-js asm.js build", () => {
  it("loads with { build: 'asm' } and reproduces SVC's tight RBF decision values (1e-6 abs)", async () => {
    await loadLibsvm({ build: "asm" });
    const d = wdbc();
    const model = libsvmEngine.fit(svm({ kernel: "rbf", gamma: 0.05, tolerance: 1e-10, probability: "none" }), d.xs, d.y, { rng: createRng(1) });
    expect(maxAbsDiff(model.predictScore!(d.xs), readFixture("svm_rf_wdbc.json").full_fit.svc_rbf_tight.decision_function)).toBeLessThan(1e-6);
  });
});
