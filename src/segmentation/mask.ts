import { RadvalError } from "../core/errors.js";

/** Grid dimensions (nx, ny, nz): voxel (i, j, k) is element i + nx·(j + ny·k). */
export type Dims3 = readonly [number, number, number];
/** Voxel spacing in mm along i, j, k. */
export type Spacing3 = readonly [number, number, number];

/**
 * A binary 3-D mask on a voxel grid: `data[i + nx·(j + ny·k)]` is 1 inside,
 * 0 outside; `spacing` in mm; `affine` (4 × 4, voxel → world mm) when known;
 * `source` names the file for error messages.
 */
export interface BinaryMask {
  readonly data: Uint8Array;
  readonly dims: Dims3;
  readonly spacing: Spacing3;
  readonly affine?: readonly (readonly number[])[];
  readonly source?: string;
}

/** Inclusive bounding box of a set of voxels (empty when `empty` is true). */
export interface VoxelBox {
  readonly empty: boolean;
  readonly i0: number;
  readonly i1: number;
  readonly j0: number;
  readonly j1: number;
  readonly k0: number;
  readonly k1: number;
}

/** The empty box. */
export const EMPTY_BOX: VoxelBox = { empty: true, i0: 0, i1: -1, j0: 0, j1: -1, k0: 0, k1: -1 };

/** Smallest box containing both. */
export function unionBox(a: VoxelBox, b: VoxelBox): VoxelBox {
  if (a.empty) return b;
  if (b.empty) return a;
  return {
    empty: false,
    i0: Math.min(a.i0, b.i0),
    i1: Math.max(a.i1, b.i1),
    j0: Math.min(a.j0, b.j0),
    j1: Math.max(a.j1, b.j1),
    k0: Math.min(a.k0, b.k0),
    k1: Math.max(a.k1, b.k1),
  };
}

/** A binary mask from any voxel array: 1 where `inside(value)` (default value ≠ 0). O(n). */
export function binaryMask(
  values: ArrayLike<number>,
  dims: Dims3,
  spacing: Spacing3,
  options: { inside?: (value: number) => boolean; affine?: readonly (readonly number[])[]; source?: string } = {},
): BinaryMask {
  checkGrid(dims, spacing, options.source);
  const n = dims[0] * dims[1] * dims[2];
  if (values.length !== n) {
    throw new RadvalError("DIMENSION_MISMATCH", `the mask has ${values.length} voxels but its grid ${dims.join(" × ")} has ${n}`, {
      where: options.source === undefined ? {} : { file: options.source },
    });
  }
  const inside = options.inside ?? ((v: number) => v !== 0);
  const data = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (inside(values[i]!)) data[i] = 1;
  return {
    data,
    dims: [dims[0], dims[1], dims[2]],
    spacing: [spacing[0], spacing[1], spacing[2]],
    ...(options.affine ? { affine: options.affine } : {}),
    ...(options.source !== undefined ? { source: options.source } : {}),
  };
}

/** Throws unless dims are positive integers and spacing positive and finite. */
export function checkGrid(dims: Dims3, spacing: Spacing3, source?: string): void {
  const where = source === undefined ? {} : { file: source };
  if (dims.length !== 3 || !dims.every((d) => Number.isInteger(d) && d > 0)) {
    throw new RadvalError("INVALID_ARGUMENT", `a mask grid needs three positive whole dimensions, got ${dims.join(" × ")}`, { where });
  }
  if (spacing.length !== 3 || !spacing.every((s) => Number.isFinite(s) && s > 0)) {
    throw new RadvalError("INVALID_ARGUMENT", `voxel spacing must be three positive numbers (mm), got ${spacing.join(", ")}`, {
      where,
      hint: "Check pixdim[1..3] in the NIfTI header.",
    });
  }
}
