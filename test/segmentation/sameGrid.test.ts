/** Masks are compared only on the same grid: dims, spacing and affine (within 1e-4 relative); the error names both files. */
import { describe, expect, it } from "vitest";
import { binaryMask } from "../../src/segmentation/mask.js";
import { segmentationMetrics } from "../../src/segmentation/metrics.js";
import { checkSameGrid } from "../../src/segmentation/sameGrid.js";
import { radvalErrorOf } from "../helpers.js";

const eye = (s: number[], origin = [0, 0, 0]) => [
  [s[0]!, 0, 0, origin[0]!],
  [0, s[1]!, 0, origin[1]!],
  [0, 0, s[2]!, origin[2]!],
  [0, 0, 0, 1],
];
const mask = (dims: [number, number, number], spacing: [number, number, number], source: string, affine = eye(spacing)) =>
  binaryMask(new Uint8Array(dims[0] * dims[1] * dims[2]).fill(1), dims, spacing, { source, affine });

describe("same-grid check", () => {
  it("different dimensions: GRID_MISMATCH naming both files", () => {
    const e = radvalErrorOf(() => segmentationMetrics(mask([4, 4, 3], [1, 1, 2], "ref.nii.gz"), mask([4, 4, 4], [1, 1, 2], "pred.nii.gz")));
    expect(e.code).toBe("GRID_MISMATCH");
    expect(e.message).toContain("ref.nii.gz");
    expect(e.message).toContain("pred.nii.gz");
    expect(e.message).toContain("4 × 4 × 3 vs 4 × 4 × 4");
    expect(e.hint).toMatch(/[Rr]esample/);
  });
  it("different spacing", () => {
    const e = radvalErrorOf(() => checkSameGrid(mask([2, 2, 2], [1, 1, 2], "a.nii"), mask([2, 2, 2], [1, 1, 2.5], "b.nii")));
    expect(e.code).toBe("GRID_MISMATCH");
    expect(e.message).toContain("spacing");
  });
  it("different origin (affine translation) beyond the tolerance", () => {
    const e = radvalErrorOf(() => checkSameGrid(mask([2, 2, 2], [1, 1, 1], "a.nii", eye([1, 1, 1], [0, 0, 0])), mask([2, 2, 2], [1, 1, 1], "b.nii", eye([1, 1, 1], [0, 0, 5]))));
    expect(e.code).toBe("GRID_MISMATCH");
    expect(e.message).toContain("affine entry [2][3]");
    expect(e.message).toContain("a.nii and b.nii");
  });
  it("flipped orientation", () => {
    const flipped = eye([1, 1, 1]);
    flipped[0]![0] = -1;
    expect(radvalErrorOf(() => checkSameGrid(mask([2, 2, 2], [1, 1, 1], "a.nii"), mask([2, 2, 2], [1, 1, 1], "b.nii", flipped))).code).toBe("GRID_MISMATCH");
  });
  it("float32 round-off in the affine is accepted", () => {
    expect(() => checkSameGrid(mask([2, 2, 2], [0.8, 0.8, 2.5], "a.nii", eye([0.8, 0.8, 2.5], [-120.5, 80.25, 33])), mask([2, 2, 2], [0.8, 0.8, 2.5], "b.nii", eye([Math.fround(0.8), 0.8, 2.5], [Math.fround(-120.5001), 80.25, 33])))).not.toThrow();
  });
  it("a negative tolerance is an option error", () => {
    expect(radvalErrorOf(() => segmentationMetrics(mask([2, 2, 2], [1, 1, 1], "a"), mask([2, 2, 2], [1, 1, 1], "b"), { tolerance: -1 })).code).toBe("INVALID_OPTION");
  });
  it("a voxel array of the wrong length", () => {
    expect(radvalErrorOf(() => binaryMask(new Uint8Array(7), [2, 2, 2], [1, 1, 1])).code).toBe("DIMENSION_MISMATCH");
  });
});
