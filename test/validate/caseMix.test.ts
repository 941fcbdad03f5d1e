import { expect, it } from "vitest";
import { matrixFromColumns } from "../../src/core/matrix.js";
import { standardisedMeanDifferences } from "../../src/validate/caseMix.js";

it("computes SMDs with the pooled SD and ignores missing values", () => {
  // dev a = 1,2,3 (mean 2, sd 1); val a = 3,4,5,NaN (mean 4, sd 1) → SMD = −2 / 1 = −2
  const x = matrixFromColumns([
    [1, 2, 3, 3, 4, 5, NaN],
    [7, 7, 7, 7, 7, 7, 7],
  ]);
  const [a, constant] = standardisedMeanDifferences(x, ["a", "k"], Int32Array.of(0, 1, 2), Int32Array.of(3, 4, 5, 6));
  expect(a).toMatchObject({ feature: "a", meanDevelopment: 2, meanValidation: 4, sdDevelopment: 1, sdValidation: 1, smd: -2 });
  expect(constant!.smd).toBe(0);
});
