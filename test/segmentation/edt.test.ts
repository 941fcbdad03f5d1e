/**
 * The Felzenszwalb–Huttenlocher transform against brute force (every feature voxel tried) on random anisotropic grids;
 * scipy's distance_transform_edt values are checked on the fixture masks in metrics.test.ts.
 */
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { squaredDistanceTransform } from "../../src/segmentation/edt.js";
import { binaryMask } from "../../src/segmentation/mask.js";
import { segmentationMetrics } from "../../src/segmentation/metrics.js";
import { percentileLinear } from "../../src/segmentation/percentile.js";

describe("squaredDistanceTransform", () => {
  for (const [dims, spacing, density] of [
    [[9, 7, 5], [0.8, 0.8, 2.5], 0.05],
    [[12, 5, 8], [1.3, 0.4, 1.1], 0.01],
    [[6, 6, 6], [1, 1, 1], 0.3],
  ] as const) {
    it(`${dims.join("×")} at spacing ${spacing.join("×")}: equals brute force to 1e-12`, () => {
      const rng = createRng(`${dims}`);
      const [nx, ny, nz] = dims;
      const n = nx * ny * nz;
      const f = new Float64Array(n).fill(Infinity);
      const features: number[] = [];
      for (let i = 0; i < n; i++) if (rng.uniform() < density) (f[i] = 0), features.push(i);
      if (features.length === 0) (f[0] = 0), features.push(0);
      squaredDistanceTransform(f, dims, spacing);
      let worst = 0;
      for (let idx = 0; idx < n; idx++) {
        const [i, j, k] = [idx % nx, Math.floor(idx / nx) % ny, Math.floor(idx / (nx * ny))];
        let best = Infinity;
        for (const p of features) {
          const [a, b, c] = [p % nx, Math.floor(p / nx) % ny, Math.floor(p / (nx * ny))];
          const d = ((i - a) * spacing[0]) ** 2 + ((j - b) * spacing[1]) ** 2 + ((k - c) * spacing[2]) ** 2;
          if (d < best) best = d;
        }
        worst = Math.max(worst, Math.abs(Math.sqrt(f[idx]!) - Math.sqrt(best)));
      }
      expect(worst).toBeLessThanOrEqual(1e-12); // brute force: 1e-12 abs
    });
  }

  it("no feature: every voxel stays infinite", () => {
    const f = new Float64Array(24).fill(Infinity);
    squaredDistanceTransform(f, [2, 3, 4], [1, 1, 1]);
    expect(f.every((v) => v === Infinity)).toBe(true);
  });
});

describe("percentileLinear (numpy 'linear')", () => {
  it("interpolates between order statistics as numpy.percentile", () => {
    // numpy 1.24.2: repr(numpy.percentile([1, 2, 4, 8], 95)) = 7.399999999999999 (exact: evaluated from the top as numpy's _lerp);
    // numpy.percentile([0.1, 0.7, 0.2, 0.9, 1.3, 0.4], 95) = 1.2
    expect(percentileLinear([1, 2, 4, 8], 95)).toBe(7.399999999999999);
    expect(percentileLinear([0.1, 0.2, 0.4, 0.7, 0.9, 1.3], 95)).toBe(1.2);
    expect(percentileLinear([5], 95)).toBe(5);
    expect(percentileLinear([1, 2], 0)).toBe(1);
    expect(percentileLinear([1, 2], 100)).toBe(2);
    expect(Number.isNaN(percentileLinear([], 95))).toBe(true);
  });
});

describe("masks touching the image border", () => {
  it("voxels on the border are surface voxels (outside = background)", () => {
    const full = binaryMask(new Uint8Array(27).fill(1), [3, 3, 3], [1, 1, 1]);
    const r = segmentationMetrics(full, full);
    expect(r.nSurfaceReference).toBe(26); // all but the centre
    expect(r.hausdorff).toBe(0);
  });
});
