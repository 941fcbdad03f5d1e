// Post-fit calibration of a fitted model on held-out rows. Reference values for the SVM score:
// test/fixtures/models_extra_wdbc.json (test/fixtures/fx_models_extra_wdbc.py: SVC(linear, tol 1e-10) fit on
// standardised rows 0..299, calibrated on rows 300..568).
import { beforeAll, describe, expect, it } from "vitest";
import { allRows, gatherRows, gatherVector } from "../../../src/core/matrix.js";
import { createRng } from "../../../src/core/rng.js";
import { loadLibsvm } from "../../../src/io/libsvmNode.js";
import { calibrateModel } from "../../../src/models/calibration/calibrate.js";
import { randomForest } from "../../../src/models/forest/spec.js";
import { fitModel, restoreModel } from "../../../src/models/registry.js";
import { svm } from "../../../src/models/svm/spec.js";
import { maxAbsDiff, readFixture, wdbc } from "../data.js";

const cal = readFixture("models_extra_wdbc.json").calibration;

beforeAll(async () => {
  await loadLibsvm();
});

const split = () => {
  const d = wdbc();
  const train = allRows(300);
  const held = Int32Array.from({ length: 269 }, (_, k) => 300 + k);
  return { d, xTrain: gatherRows(d.xs, train), yTrain: gatherVector(d.y, train), xHeld: gatherRows(d.xs, held), yHeld: gatherVector(d.y, held) };
};

describe("calibrateModel", () => {
  it("Platt on an SVM's held-out decision values reproduces the reference sigmoid (a, b to 1e-6)", () => {
    const { xTrain, yTrain, xHeld, yHeld } = split();
    const base = fitModel(svm({ kernel: "linear", tolerance: 1e-10, probability: "none" }), xTrain, yTrain, { rng: createRng(1) });
    // the held-out scores are scikit-learn's to 1e-6 (tolerance 1e-6 abs)
    expect(maxAbsDiff(base.predictScore!(xHeld), cal.score)).toBeLessThan(1e-6);
    const calibrated = calibrateModel(base, xHeld, yHeld, { method: "platt" });
    const details = calibrated.describe().details as { calibration: { a: number; b: number } };
    // tolerance 1e-6 abs (scores agree to ~1e-10; the optimum moves by about as much)
    expect(Math.abs(details.calibration.a - cal.platt_exact.a)).toBeLessThan(1e-6);
    expect(Math.abs(details.calibration.b - cal.platt_exact.b)).toBeLessThan(1e-6);
    expect(calibrated.spec).toEqual({ model: "calibrated", engine: "platt", params: { method: "platt" } });
    expect(() => base.predictProba(xHeld)).toThrow(); // the base model is unchanged (probability "none")
  });

  it("isotonic on an SVM's held-out decision values equals IsotonicRegression's map (1e-9 abs)", () => {
    const { xTrain, yTrain, xHeld, yHeld } = split();
    const base = fitModel(svm({ kernel: "linear", tolerance: 1e-10, probability: "none" }), xTrain, yTrain, { rng: createRng(1) });
    const calibrated = calibrateModel(base, xHeld, yHeld, { method: "isotonic" });
    // tolerance 1e-9 abs: the decision values agree with scikit-learn's to ~1e-10, which can move a grid point's interpolation slightly
    expect(maxAbsDiff(calibrated.predictProba(xHeld), cal.isotonic.predict_at_scores)).toBeLessThan(1e-9);
  });

  it("a model without predictScore is calibrated on the logit of its probability; saved and restored as one model", () => {
    const { xTrain, yTrain, xHeld, yHeld } = split();
    const forest = fitModel(randomForest({ trees: 30, minNodeSize: 20 }), xTrain, yTrain, { rng: createRng(1) });
    const calibrated = calibrateModel(forest, xHeld, yHeld, { method: "platt" });
    const p = calibrated.predictProba(xHeld);
    expect(p.every((v) => v > 0 && v < 1)).toBe(true);
    const restored = restoreModel(JSON.parse(JSON.stringify(calibrated.toJSON())));
    expect(restored.predictProba(xHeld)).toEqual(p);
    expect(restored.describe()).toEqual(calibrated.describe());
  });
});
