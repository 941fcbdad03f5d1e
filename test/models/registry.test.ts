import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { randomForest } from "../../src/models/forest/spec.js";
import { ENGINES, defaultEngine, engineFor, fitModel, listEngines, prepareEngines, restoreModel } from "../../src/models/registry.js";
import { svm } from "../../src/models/svm/spec.js";
import { radvalErrorOf } from "../helpers.js";
import { wdbcSmall } from "./data.js";

describe("model registry", () => {
  it("lists every model × engine, defaults first, with their standard parameter names", () => {
    const rows = listEngines();
    expect(rows.map((r) => `${r.model}/${r.engine}`)).toEqual([
      "elasticNet/radval",
      "logistic/radval",
      "svm/radval",
      "svm/libsvm",
      "svm/ml-svm",
      "randomForest/radval",
      "randomForest/ml-random-forest",
    ]);
    expect(rows.filter((r) => r.isDefault).map((r) => `${r.model}/${r.engine}`)).toEqual(["elasticNet/radval", "logistic/radval", "svm/radval", "randomForest/radval"]);
    expect(rows.find((r) => r.engine === "libsvm")!.needsPrepare).toBe(true);
    expect(rows.find((r) => r.model === "svm" && r.engine === "radval")!.needsPrepare).toBe(false);
    expect(Object.keys(rows.find((r) => r.model === "randomForest" && r.engine === "radval")!.defaults)).toEqual(["trees", "mtry", "minNodeSize", "maxDepth", "sampleFraction", "replace", "classWeight", "importance"]);
    expect(Object.keys(rows.find((r) => r.model === "svm")!.defaults)).toEqual(["kernel", "cost", "gamma", "degree", "coef0", "tolerance", "cacheSize", "probability", "classWeight"]);
    expect(Object.isFrozen(ENGINES)).toBe(true);
    expect(defaultEngine("svm")).toBe("radval");
    expect(svm().engine).toBe("radval");
    expect(randomForest().engine).toBe("radval");
  });

  it("ml-svm and ml-random-forest are imported on demand: fitted unprepared → ENGINE_NOT_LOADED naming prepareEngines; prepared, they fit", async () => {
    const rows = listEngines();
    expect(rows.filter((r) => r.needsPrepare).map((r) => `${r.model}/${r.engine}`)).toEqual(["svm/libsvm", "svm/ml-svm", "randomForest/ml-random-forest"]);
    const d = wdbcSmall(2, 5);
    const forest = randomForest({ trees: 2 }, "ml-random-forest");
    const linear = svm({ kernel: "linear" }, "ml-svm");
    for (const spec of [forest, linear]) {
      const e = radvalErrorOf(() => fitModel(spec, d.xs, d.y, { rng: createRng(1) }));
      expect(e.code).toBe("ENGINE_NOT_LOADED");
      expect(e.hint).toContain("prepareEngines");
    }
    await prepareEngines([forest, linear]);
    for (const spec of [forest, linear]) {
      const p = fitModel(spec, d.xs, d.y, { rng: createRng(1) }).predictProba(d.xs);
      expect(p.length).toBe(d.y.length);
      expect(p.every((v) => v >= 0 && v <= 1)).toBe(true);
    }
  });

  it("unknown model or engine → UNKNOWN_MODEL with a did-you-mean", () => {
    const model = radvalErrorOf(() => engineFor({ model: "randomforest", engine: "radval" }));
    expect(model.code).toBe("UNKNOWN_MODEL");
    expect(model.hint).toContain('Did you mean "randomForest"?');
    const engine = radvalErrorOf(() => engineFor({ model: "svm", engine: "libsv" }));
    expect(engine.code).toBe("UNKNOWN_MODEL");
    expect(engine.hint).toContain('Did you mean "libsvm"?');
    expect(engine.hint).toContain("radval, libsvm, ml-svm");
    const d = wdbcSmall();
    expect(radvalErrorOf(() => fitModel({ model: "gbm", engine: "x", params: {} }, d.xs, d.y, { rng: createRng(1) })).code).toBe("UNKNOWN_MODEL");
  });

  it("restoreModel refuses what is not a radval model, or names an unknown engine", () => {
    expect(radvalErrorOf(() => restoreModel({ hello: 1 } as never)).code).toBe("INCOMPATIBLE_MODEL");
    const d = wdbcSmall();
    const saved = JSON.parse(JSON.stringify(fitModel(randomForest({ trees: 2 }), d.xs, d.y, { rng: createRng(1) }).toJSON()));
    expect(radvalErrorOf(() => restoreModel({ ...saved, spec: { ...saved.spec, engine: "ranger" } })).code).toBe("UNKNOWN_MODEL");
    expect(radvalErrorOf(() => restoreModel({ ...saved, state: { ...saved.state, left: { dtype: "int32", length: 3, base64: "AAAA" } } })).code).toBe("INCOMPATIBLE_MODEL");
  });
});
