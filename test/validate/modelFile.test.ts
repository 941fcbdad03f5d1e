import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { combatStep } from "../../src/harmonize/combatStep.js";
import { loadExample } from "../../src/io/examples.js";
import { elasticNet } from "../../src/models/elasticnet/spec.js";
import { frameOfRows } from "../../src/preprocess/frame.js";
import { impute } from "../../src/preprocess/impute.js";
import { standardize } from "../../src/preprocess/scale.js";
import { exportWorkflow, restoreWorkflow } from "../../src/validate/modelFile.js";
import { fitWorkflow, workflow } from "../../src/validate/workflow.js";

// model.json round trip (issue 13): an exported workflow reproduces the fitted one bit for bit, ComBat included (its frozen
// estimates are applied to the rows' own sites); sites never seen follow the step's policy, also after the round trip.
describe("exportWorkflow / restoreWorkflow", () => {
  const data = loadExample("multisite");
  const features = data.featureNames.slice(0, 12);
  const sub = { ...data, featureNames: features, x: { nRows: data.x.nRows, nCols: 12, data: data.x.data.subarray(0, 12 * data.x.nRows) } };
  const training = Int32Array.from({ length: data.x.nRows }, (_, i) => i).filter((i) => data.site!.values[i] !== "D");
  const siteD = Int32Array.from({ length: data.x.nRows }, (_, i) => i).filter((i) => data.site!.values[i] === "D");
  const spec = workflow({ id: "lasso", label: "LASSO", steps: [impute(), combatStep({ unseen: "self" }), standardize()], model: elasticNet({ mixture: 1, lambdaMinRatio: 0.01, innerFolds: 4 }) });
  const fitted = fitWorkflow(spec, sub, training, createRng(4));
  const restored = restoreWorkflow(JSON.parse(JSON.stringify(exportWorkflow(fitted, sub, training))));

  it("reproduces the fitted workflow's predictions bitwise on the training sites and on an unseen site (unseen: self)", () => {
    for (const rows of [training, siteD]) {
      const expected = fitted.predict(sub, rows);
      const got = restored.predict(frameOfRows(sub, rows));
      expect(Array.from(got)).toEqual(Array.from(expected));
    }
  });

  it("a linear model behind ComBat has no single raw-scale formula (per-site scaling), and says so by null", () => {
    expect(restored.exported.formula).toBeNull();
    expect(restored.exported.recipe.map((s) => s.type)).toEqual(["impute", "combat", "standardize"]);
  });
});
