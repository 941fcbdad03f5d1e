import { type EdtWorkspace, edtWorkspace, transformLine } from "./edt.js";
import type { Dims3, Spacing3, VoxelBox } from "./mask.js";

/**
 * Directed surface distances in both directions between two non-empty
 * surfaces given as linear voxel indices on the grid `dims`: for every
 * voxel a of `surfaceA` the Euclidean distance (mm, voxel centres at
 * (i·s₁, j·s₂, k·s₃)) to the nearest voxel of `surfaceB` (`ab`, in the order
 * of `surfaceA`), and likewise `ba`. Each direction is one exact squared
 * distance transform ({@link transformLine}, Felzenszwalb–Huttenlocher)
 * over `box`, which must contain both surfaces: cropping to it does not
 * change any distance, because every feature and every query voxel lies in
 * it. The last (z) pass runs only on the columns holding query voxels.
 * O(box volume) time; 8 bytes per box voxel of memory.
 */
export function surfaceDistances(
  surfaceA: Int32Array,
  surfaceB: Int32Array,
  dims: Dims3,
  spacing: Spacing3,
  box: VoxelBox,
): { ab: Float64Array; ba: Float64Array } {
  const bx = box.i1 - box.i0 + 1;
  const by = box.j1 - box.j0 + 1;
  const bz = box.k1 - box.k0 + 1;
  const f = new Float64Array(bx * by * bz);
  const w = edtWorkspace(Math.max(bx, by, bz));
  const localA = toLocal(surfaceA, dims, box);
  const localB = toLocal(surfaceB, dims, box);
  const ab = directed(f, localB, localA, [bx, by, bz], spacing, w);
  const ba = directed(f, localA, localB, [bx, by, bz], spacing, w);
  return { ab, ba };
}

/** Linear indices on the full grid → indices in the box. */
function toLocal(indices: Int32Array, dims: Dims3, box: VoxelBox): Int32Array {
  const [nx, ny] = dims;
  const bx = box.i1 - box.i0 + 1;
  const by = box.j1 - box.j0 + 1;
  const out = new Int32Array(indices.length);
  for (let t = 0; t < indices.length; t++) {
    const idx = indices[t]!;
    const i = idx % nx;
    const rest = (idx - i) / nx;
    const j = rest % ny;
    const k = (rest - j) / ny;
    out[t] = i - box.i0 + bx * (j - box.j0 + by * (k - box.k0));
  }
  return out;
}

/** Distances from each query voxel to the nearest feature voxel (box-local indices); `f` is overwritten. */
function directed(f: Float64Array, features: Int32Array, queries: Int32Array, dims: Dims3, spacing: Spacing3, w: EdtWorkspace): Float64Array {
  const [nx, ny, nz] = dims;
  const slice = nx * ny;
  f.fill(Infinity);
  for (let t = 0; t < features.length; t++) f[features[t]!] = 0;
  // x and y passes on every line (the z pass needs whole slices), z only on the columns with a query.
  const rowHasFeature = new Uint8Array(ny * nz);
  for (let t = 0; t < features.length; t++) rowHasFeature[Math.floor(features[t]! / nx)] = 1;
  for (let r = 0; r < ny * nz; r++) if (rowHasFeature[r] === 1) transformLine(f, r * nx, 1, nx, spacing[0], w);
  for (let k = 0; k < nz; k++) {
    for (let i = 0; i < nx; i++) transformLine(f, k * slice + i, nx, ny, spacing[1], w);
  }
  const column = new Uint8Array(slice);
  for (let t = 0; t < queries.length; t++) column[queries[t]! % slice] = 1;
  for (let c = 0; c < slice; c++) if (column[c] === 1) transformLine(f, c, slice, nz, spacing[2], w);
  const out = new Float64Array(queries.length);
  for (let t = 0; t < queries.length; t++) out[t] = Math.sqrt(f[queries[t]!]!);
  return out;
}
