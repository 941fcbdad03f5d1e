// Conformance suite: runs on EVERY engine in the registry (ENGINES), so engines added to the list later
// (elastic net, logistic) are covered without touching this file. Each engine is fit with its defaults,
// except the few settings below that keep the suite fast. Data: WDBC (examples/wdbc.csv), every 4th row,
// 6 standardised features.
import { beforeAll, describe, expect, it } from "vitest";
import { allRows, gatherRows } from "../../src/core/matrix.js";
import { createRng } from "../../src/core/rng.js";
import { loadLibsvm } from "../../src/io/libsvmNode.js";
import { ENGINES, fitModel, prepareEngines, restoreModel } from "../../src/models/registry.js";
import type { ModelEngine, ModelSpec, ParamValue } from "../../src/models/types.js";
import { RADVAL_VERSION } from "../../src/version.js";
import { radvalErrorOf } from "../helpers.js";
import { maxAbsDiff, wdbcSmall } from "./data.js";

/** Settings that only make the suite faster (ml-random-forest and ml-svm are slow). */
const FAST: Readonly<Record<string, Readonly<Record<string, ParamValue>>>> = {
  "randomForest/radval": { trees: 25 },
  "randomForest/ml-random-forest": { trees: 3 },
};

function specFor(engine: ModelEngine): ModelSpec {
  const params = { ...engine.defaults, ...(FAST[`${engine.model}/${engine.engine}`] ?? {}) };
  return deepFreeze({ model: engine.model, engine: engine.engine, params });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value)) {
    for (const inner of Object.values(value as object)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

beforeAll(async () => {
  await loadLibsvm(); // radval/node's quiet loader; prepareEngines below is then a no-op for libsvm
  await prepareEngines(ENGINES.map((e) => ({ model: e.model, engine: e.engine })));
});

describe.each(ENGINES.map((e) => [`${e.model}/${e.engine}`, e] as const))("conformance: %s", (_, engine) => {
  const d = wdbcSmall();
  const fit = (seed: number, x = d.xs, y = d.y) => fitModel(specFor(engine), x, y, { rng: createRng(seed), featureNames: d.names });

  it("fitting twice with the same seed gives identical predictions", () => {
    expect(fit(42).predictProba(d.xs)).toEqual(fit(42).predictProba(d.xs));
  });

  it("does not mutate the (frozen) spec or the input arrays; returns a frozen model with valid probabilities", () => {
    const spec = specFor(engine);
    const x = Object.freeze({ ...d.xs, data: new Float64Array(d.xs.data) });
    const y = new Float64Array(d.y);
    const weights = new Float64Array(y.length).fill(1);
    const before = { x: Float64Array.from(x.data), y: Float64Array.from(y), w: Float64Array.from(weights), spec: JSON.stringify(spec) };
    const model = fitModel(spec, x, y, { rng: createRng(1), weights, featureNames: d.names });
    expect(x.data).toEqual(before.x);
    expect(y).toEqual(before.y);
    expect(weights).toEqual(before.w);
    expect(JSON.stringify(spec)).toBe(before.spec);
    expect(Object.isFrozen(model)).toBe(true);
    const p = model.predictProba(x);
    expect(p.length).toBe(x.nRows);
    expect(p.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(x.data).toEqual(before.x); // predicting does not mutate either
  });

  it("predicting a subset of rows equals the subset of the predictions (1e-12 abs)", () => {
    const model = fit(3);
    const all = model.predictProba(d.xs);
    const rows = Int32Array.from([17, 3, 3, 0, 40, d.xs.nRows - 1]);
    const sub = model.predictProba(gatherRows(d.xs, rows));
    expect(maxAbsDiff(sub, Array.from(rows, (r) => all[r]!))).toBeLessThan(1e-12);
    if (model.predictScore) {
      const s = model.predictScore(d.xs);
      expect(maxAbsDiff(model.predictScore(gatherRows(d.xs, rows)), Array.from(rows, (r) => s[r]!))).toBeLessThan(1e-12);
    }
  });

  it("a wrong feature count is a clear DIMENSION_MISMATCH naming both counts", () => {
    const model = fit(1);
    const fewer = gatherRows(d.xs, allRows(d.xs.nRows), [0, 1, 2, 3, 4]);
    const error = radvalErrorOf(() => model.predictProba(fewer));
    expect(error.code).toBe("DIMENSION_MISMATCH");
    expect(error.message).toContain("6 features");
    expect(error.message).toContain("5 columns");
  });

  it("describe() gives the full model specification (TRIPOD item 22)", () => {
    const model = fit(1);
    const description = model.describe();
    expect(description.model).toBe(engine.model);
    expect(description.engine).toBe(engine.engine);
    expect(description.nFeatures).toBe(6);
    expect(description.featureNames).toEqual(d.names);
    expect(description.nObservations).toBe(d.xs.nRows);
    expect(Object.keys(description.params).sort()).toEqual(Object.keys(engine.defaults).sort());
    expect(description.coefficients !== undefined || description.details !== undefined).toBe(true);
    expect(() => JSON.stringify(description)).not.toThrow();
  });

  it("toJSON() → JSON text → restoreModel() predicts the same on new rows", () => {
    const model = fit(5);
    const text = JSON.stringify(model.toJSON());
    const restored = restoreModel(JSON.parse(text));
    expect(restored.predictProba(d.xs)).toEqual(model.predictProba(d.xs));
    expect(restored.featureNames).toEqual(model.featureNames);
    expect(restored.spec).toEqual(model.spec);
  });

  it("a model saved by another radval version: same schema → restored with a warning; other schema → INCOMPATIBLE_MODEL", () => {
    const saved = JSON.parse(JSON.stringify(fit(5).toJSON()));
    const older = restoreModel({ ...saved, radvalVersion: "0.0.1" });
    expect(older.warnings.map((w) => w.code)).toContain("MODEL_FROM_OTHER_VERSION");
    const error = radvalErrorOf(() => restoreModel({ ...saved, radvalVersion: "0.0.1", schema: saved.schema + 1 }));
    expect(error.code).toBe("INCOMPATIBLE_MODEL");
    expect(error.message).toContain("0.0.1");
    expect(error.message).toContain(RADVAL_VERSION);
  });

  it("bad input: a single-class training set and a non-finite feature value are clear errors", () => {
    const single = radvalErrorOf(() => fit(1, d.xs, new Float64Array(d.xs.nRows).fill(1)));
    expect(single.code).toBe("SINGLE_CLASS");
    const data = new Float64Array(d.xs.data);
    data[3 * d.xs.nRows + 4] = Infinity;
    const bad = radvalErrorOf(() => fit(1, { ...d.xs, data }));
    expect(bad.code).toBe("NON_FINITE");
    expect(bad.message).toContain(d.names[3]!);
    expect(bad.message).toContain("row 5");
    const model = fit(1);
    const nan = new Float64Array(d.xs.data);
    nan[0] = NaN;
    expect(radvalErrorOf(() => model.predictProba({ ...d.xs, data: nan })).code).toBe("NON_FINITE");
  });
});
