// Spec / engine behaviour. Numbers are checked against the library functions, which test/models/elasticnet/*.test.ts
// checks against glmnet (fixtures from fx_glmnet_wdbc.R and fx_glmnet_extra.R).
import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/rng.js";
import { cvElasticNet } from "../../../src/models/elasticnet/cv.js";
import { elasticNetEngine } from "../../../src/models/elasticnet/engine.js";
import { elasticNetPath } from "../../../src/models/elasticnet/path.js";
import { elasticNetCoef } from "../../../src/models/elasticnet/predict.js";
import { elasticNet } from "../../../src/models/elasticnet/spec.js";
import { stratifiedFoldIds } from "../../../src/resample/stratifiedKFold.js";
import { radvalErrorOf } from "../../helpers.js";
import { wdbc } from "./helpers.js";

const { x, y, names } = wdbc();

describe("elasticNet spec", () => {
  it("is frozen plain data with defaults (penalty 'cv', λ_1se, mixture 1)", () => {
    const spec = elasticNet({ mixture: 0.5 });
    expect(spec).toMatchObject({ model: "elasticNet", engine: "radval", params: { penalty: "cv", mixture: 0.5, lambdaRule: "1se", innerFolds: 10, measure: "deviance" } });
    expect(Object.isFrozen(spec) && Object.isFrozen(spec.params)).toBe(true);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(elasticNet({ classWeight: { "0": 1, "1": 3 } }).params["classWeight"]).toEqual([1, 3]);
  });

  it("rejects bad parameters naming them", () => {
    expect(radvalErrorOf(() => elasticNet({ mixture: 1.2 })).where.key).toBe("mixture");
    expect(radvalErrorOf(() => elasticNet({ penalty: -1 })).where.key).toBe("penalty");
    expect(radvalErrorOf(() => elasticNet({ innerFolds: 2 })).where.key).toBe("innerFolds");
    expect(radvalErrorOf(() => elasticNet({ lambdaRule: "max" as never })).where.key).toBe("lambdaRule");
    expect(radvalErrorOf(() => elasticNet({ classWeight: { "0": 0, "1": 1 } })).where.key).toBe("classWeight");
    expect(radvalErrorOf(() => elasticNet({ foo: 1 } as never)).where.key).toBe("foo");
  });
});

describe("elasticNetEngine", () => {
  it("penalty 'cv': inner stratified CV from the fit's rng, then the full path at λ_1se", () => {
    const spec = elasticNet({ mixture: 1, nlambda: 40, innerFolds: 5 });
    const model = elasticNetEngine.fit(spec, x, y, { rng: createRng(9), featureNames: names });
    const foldId = stratifiedFoldIds(y, 5, createRng(9));
    const cv = cvElasticNet(x, y, { alpha: 1, nlambda: 40, foldId });
    const coef = elasticNetCoef(cv.fit, cv.lambda1se);
    const d = model.describe();
    expect(d.intercept).toBe(coef.intercept);
    names.forEach((f, j) => expect(d.coefficients![f]).toBe(coef.beta[j]));
    expect(d.details).toMatchObject({ lambda: cv.lambda1se, lambdaRule: "1se", cv: { lambdaMin: cv.lambdaMin, nFolds: 5 } });
    const eta = model.predictScore!(x);
    const prob = model.predictProba(x);
    expect(prob[0]).toBeCloseTo(1 / (1 + Math.exp(-eta[0]!)), 15);
    expect(model.nFeatures).toBe(30);
    // λ_min rule
    const minModel = elasticNetEngine.fit(elasticNet({ nlambda: 40, innerFolds: 5, lambdaRule: "min" }), x, y, { rng: createRng(9) });
    expect(minModel.describe().details).toMatchObject({ lambda: cv.lambdaMin });
  });

  it("a numeric penalty gives the solution at exactly that λ (glmnet's exact = TRUE)", () => {
    const model = elasticNetEngine.fit(elasticNet({ penalty: 0.0123, mixture: 0.5, thresh: 1e-12 }), x, y, { rng: createRng(1), featureNames: names });
    const direct = elasticNetPath(x, y, { alpha: 0.5, lambda: [0.5, 0.1, 0.05, 0.0123], thresh: 1e-12 });
    const d = model.describe();
    expect(d.details).toMatchObject({ lambda: 0.0123 });
    // Same optimum, reached from different warm starts (thresh bounds each step, not the distance to the optimum):
    // 1e-5 absolute on the standardised scale (β_j · sd_j), the tolerance for β.
    names.forEach((f, j) => expect(Math.abs(d.coefficients![f]! - direct.beta[j]![3]!) * direct.xScale[j]!).toBeLessThan(1e-5));
  });

  it("classWeight 'balanced' equals explicit weights n / (2 n_c), and multiplies prior weights", () => {
    const n1 = y.reduce((a, b) => a + b, 0);
    const w = Float64Array.from(y, (v) => (v === 1 ? 569 / (2 * n1) : 569 / (2 * (569 - n1))));
    const a = elasticNetEngine.fit(elasticNet({ penalty: 0.01, classWeight: "balanced" }), x, y, { rng: createRng(1) });
    const b = elasticNetEngine.fit(elasticNet({ penalty: 0.01 }), x, y, { rng: createRng(1), weights: w });
    expect(a.describe().coefficients).toEqual(b.describe().coefficients);
    const c = elasticNetEngine.fit(elasticNet({ penalty: 0.01 }), x, y, { rng: createRng(1) });
    expect(a.describe().intercept).not.toBe(c.describe().intercept);
  });

  it("toJSON / restore round trip predicts the same", () => {
    const model = elasticNetEngine.fit(elasticNet({ penalty: 0.02 }), x, y, { rng: createRng(1), featureNames: names });
    const json = JSON.parse(JSON.stringify(model.toJSON()));
    expect(json).toMatchObject({ format: "radval-model", schema: 1, spec: { model: "elasticNet", engine: "radval" } });
    const restored = elasticNetEngine.restore(json);
    expect(restored.predictProba(x)).toEqual(model.predictProba(x));
    expect(restored.describe().coefficients).toEqual(model.describe().coefficients);
    expect(radvalErrorOf(() => elasticNetEngine.restore({ ...json, spec: { ...json.spec, model: "svm" } })).code).toBe("INCOMPATIBLE_MODEL");
  });

  it("prediction with NaN or the wrong number of features is an error naming the place", () => {
    const model = elasticNetEngine.fit(elasticNet({ penalty: 0.02 }), x, y, { rng: createRng(1), featureNames: names });
    const bad = { nRows: 2, nCols: 30, data: new Float64Array(60) };
    bad.data[2 * 5 + 1] = NaN;
    const e = radvalErrorOf(() => model.predictProba(bad));
    expect(e.code).toBe("NON_FINITE");
    expect(e.message).toContain("row 2");
    expect(e.message).toContain(names[5]!);
    expect(radvalErrorOf(() => model.predictProba({ nRows: 1, nCols: 3, data: new Float64Array(3) })).code).toBe("DIMENSION_MISMATCH");
  });
});

describe("class weights given as params by other code", () => {
  it("accepts { '0': w0, '1': w1 } in raw spec params, and rejects nonsense", () => {
    const raw = { model: "elasticNet", engine: "radval", params: { penalty: 0.01, classWeight: { "0": 1, "1": 2 } } } as never;
    const a = elasticNetEngine.fit(raw, x, y, { rng: createRng(1) });
    const b = elasticNetEngine.fit(elasticNet({ penalty: 0.01, classWeight: [1, 2] }), x, y, { rng: createRng(1) });
    expect(a.describe().coefficients).toEqual(b.describe().coefficients);
    const bad = { model: "elasticNet", engine: "radval", params: { penalty: 0.01, classWeight: "heavy" } } as never;
    expect(radvalErrorOf(() => elasticNetEngine.fit(bad, x, y, { rng: createRng(1) })).where.key).toBe("classWeight");
  });
});

describe("inner CV messages (issue 15)", () => {
  it("too few events for the inner CV names the inner CV and innerFolds, not the user's --folds", () => {
    const few = Float64Array.from(y, (v, i) => (v === 1 && i > 60 ? 0 : v)); // keep the events among the first 61 rows
    const events = few.reduce((a, b) => a + b, 0);
    const rows = Int32Array.from({ length: 80 }, (_, i) => i);
    const xs = { nRows: rows.length, nCols: x.nCols, data: new Float64Array(rows.length * x.nCols) };
    for (let j = 0; j < x.nCols; j++) for (let i = 0; i < rows.length; i++) xs.data[j * rows.length + i] = x.data[j * x.nRows + i]!;
    const ys = few.slice(0, 80);
    const nEvents = Math.min(ys.reduce((a, b) => a + b, 0), 80 - ys.reduce((a, b) => a + b, 0));
    expect(events).toBeGreaterThan(0);
    const e = radvalErrorOf(() => elasticNetEngine.fit(elasticNet({ innerFolds: nEvents + 1 }), xs, ys, { rng: createRng(1) }));
    expect(e.message).toContain(`the inner ${nEvents + 1}-fold CV that chooses λ (params.innerFolds = ${nEvents + 1}`);
    expect(e.hint).toContain("innerFolds");
  });

  it("2 folds that fail do not advise 'at most 2 folds'", () => {
    const e = radvalErrorOf(() => stratifiedFoldIds([0, 0, 0, 1], 2, createRng(1)));
    expect(e.hint).not.toContain("at most 2 folds");
    expect(e.hint).toContain("With 1 event no k-fold cross-validation is possible");
  });
});
