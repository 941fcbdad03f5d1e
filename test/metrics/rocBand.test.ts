import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { loadExample } from "../../src/io/examples.js";
import { rocBand } from "../../src/metrics/rocBand.js";

// Reference: pROC 1.18 on examples/asah.csv (poor ~ s100b, direction "<"), a Monte-Carlo reference:
//   set.seed(1); ci.se(roc(...), specificities = seq(0, 1, 0.1), boot.n = 4000, stratified = TRUE)
// lower and upper limits at specificity 0, 0.1, …, 1 (printed in ascending specificity):
const PROC_LOWER = [1.0, 0.9066, 0.8139, 0.7488, 0.6866, 0.5999, 0.5366, 0.4902, 0.3415, 0.2195, 0.1463];
const PROC_UPPER = [1.0, 1.0, 1.0, 0.9693, 0.938, 0.9024, 0.8439, 0.7935, 0.7561, 0.6341, 0.439];

describe("rocBand (bootstrap band of sensitivity at fixed specificity, as pROC ci.se)", () => {
  const data = loadExample("asah", { features: ["s100b"] });
  const y = data.outcome!.values;
  const score = data.x.data.subarray(0, data.x.nRows);
  const band = rocBand(y, score, createRng(1), { replicates: 4000, gridSize: 11 });

  it("agrees with pROC's ci.se limits within Monte-Carlo error (0.035 absolute; 41 cases, 72 controls)", () => {
    for (let g = 0; g < 11; g++) {
      const k = 10 - g; // the band's specificities descend from 1; pROC's were printed ascending
      expect(Math.abs(band.lower[g]! - PROC_LOWER[k]!)).toBeLessThan(0.035);
      expect(Math.abs(band.upper[g]! - PROC_UPPER[k]!)).toBeLessThan(0.035);
    }
  });

  it("is deterministic for a seed and ordered (lower ≤ upper, sensitivity non-increasing in specificity)", () => {
    const again = rocBand(y, score, createRng(1), { replicates: 4000, gridSize: 11 });
    expect(Array.from(again.lower)).toEqual(Array.from(band.lower));
    for (let g = 0; g < 11; g++) expect(band.lower[g]!).toBeLessThanOrEqual(band.upper[g]!);
    for (let g = 1; g < 11; g++) expect(band.upper[g]!).toBeGreaterThanOrEqual(band.upper[g - 1]! - 1e-12);
  });

  it("refuses a single class", () => {
    expect(() => rocBand([1, 1, 1], [0.1, 0.2, 0.3], createRng(1))).toThrow(/cases and controls/);
  });
});
