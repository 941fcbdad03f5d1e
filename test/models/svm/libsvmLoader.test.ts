// The libsvm engine before and after loading its WebAssembly (this file's worker starts with nothing loaded).
// Reference: test/fixtures/svm_rf_wdbc.json (shared/fixtures/fx_svm_rf_wdbc.py, scikit-learn 1.2.1).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/rng.js";
import { loadLibsvm } from "../../../src/io/libsvmNode.js";
import { fitModelAsync, prepareEngines } from "../../../src/models/registry.js";
import { libsvmEngine } from "../../../src/models/svm/libsvmEngine.js";
import { isLibsvmLoaded } from "../../../src/models/svm/libsvmLoader.js";
import { svm } from "../../../src/models/svm/spec.js";
import { radvalErrorOf } from "../../helpers.js";
import { maxAbsDiff, readFixture, wdbc } from "../data.js";

const root = new URL("../../../", import.meta.url).pathname;

describe("loading libsvm-js", () => {
  it("fit before loading is ENGINE_NOT_LOADED with a hint to await loadLibsvm(); afterwards it fits", async () => {
    expect(isLibsvmLoaded()).toBe(false);
    const d = wdbc();
    const error = radvalErrorOf(() => libsvmEngine.fit(svm(), d.xs, d.y, { rng: createRng(1) }));
    expect(error.code).toBe("ENGINE_NOT_LOADED");
    expect(error.hint).toContain("loadLibsvm");
    await loadLibsvm(); // radval/node's loader (vitest's CJS interop cannot import libsvm-js's promise export directly)
    const model = await fitModelAsync(svm({ kernel: "rbf", gamma: 0.05, tolerance: 1e-10, probability: "none" }), d.xs, d.y, { rng: createRng(1) });
    expect(isLibsvmLoaded()).toBe(true);
    // tolerance 1e-6 abs (tight fit)
    expect(maxAbsDiff(model.predictScore!(d.xs), readFixture("svm_rf_wdbc.json").full_fit.svc_rbf_tight.decision_function)).toBeLessThan(1e-6);
  });

  it("is idempotent: later loads and prepareEngines return at once with the same class", async () => {
    const a = await loadLibsvm();
    const b = await loadLibsvm();
    expect(a).toBe(b);
    await expect(prepareEngines([svm()])).resolves.toBeUndefined();
  });

  it("in plain Node (built dist/): the isomorphic loader works; radval/node's loader prints nothing on stderr", () => {
    const script = (entry: string) =>
      `const r = await import(${JSON.stringify(`${root}dist/${entry}`)}); const SVM = await r.loadLibsvm(); ` +
      `const m = r.fitModel(r.svm({ kernel: "linear", probability: "none" }), r.matrixFromRows([[0,0],[1,1],[0,1],[2,2]]), Float64Array.from([0,1,0,1]), { rng: r.createRng(1) }); ` +
      `console.log(typeof SVM, m.predictScore(r.matrixFromRows([[3,3]]))[0] > 0);`;
    const iso = spawnSync(process.execPath, ["--input-type=module", "-e", script("index.js")], { encoding: "utf8" });
    expect(iso.status).toBe(0);
    expect(iso.stdout.trim()).toBe("function true");
    const node = spawnSync(process.execPath, ["--input-type=module", "-e", script("node.js")], { encoding: "utf8" });
    expect(node.status).toBe(0);
    expect(node.stdout.trim()).toBe("function true");
    expect(node.stderr).toBe("");
  });
});
