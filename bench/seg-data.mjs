// Bench data for seg.bench.mjs: a synthetic CT-sized liver mask pair (512 × 512 × 300, 0.78 × 0.78 × 1.0 mm)
// written as gzipped NIfTI-1 uint8 files (a minimal header writer: sform = qform = diag(spacing)).
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

/** A NIfTI-1 single-file image (uint8) as bytes: 348-byte header, 4 extension bytes, voxels from offset 352. */
export function niftiBytes(data, dims, spacing) {
  const out = new Uint8Array(352 + data.length);
  const v = new DataView(out.buffer);
  v.setInt32(0, 348, true);
  const dim = [3, dims[0], dims[1], dims[2], 1, 1, 1, 1];
  dim.forEach((d, i) => v.setInt16(40 + 2 * i, d, true));
  v.setInt16(70, 2, true); // datatype uint8
  v.setInt16(72, 8, true); // bitpix
  const pix = [1, spacing[0], spacing[1], spacing[2], 1, 1, 1, 1];
  pix.forEach((p, i) => v.setFloat32(76 + 4 * i, p, true));
  v.setFloat32(108, 352, true); // vox_offset
  v.setFloat32(112, 1, true); // scl_slope
  v.setUint8(123, 2); // xyzt_units: mm
  v.setInt16(252, 1, true); // qform_code
  v.setInt16(254, 1, true); // sform_code
  v.setFloat32(268, spacing[0], true);
  v.setFloat32(284, spacing[1], true);
  v.setFloat32(300, spacing[2], true);
  out.set([0x6e, 0x2b, 0x31, 0x00], 344); // "n+1\0"
  out.set(data, 352);
  return out;
}

function ellipsoids(dims, spacing, shapes, shift = [0, 0, 0]) {
  const [nx, ny, nz] = dims;
  const m = new Uint8Array(nx * ny * nz);
  for (const [c, r] of shapes) {
    // voxel range of the ellipsoid's bounding box (centre c, semi-axes r in mm; voxel centre (i − shift)·s)
    const lo = (d) => Math.max(0, Math.floor((c[d] - r[d]) / spacing[d] + shift[d]));
    const hi = (d, n) => Math.min(n - 1, Math.ceil((c[d] + r[d]) / spacing[d] + shift[d]));
    for (let k = lo(2); k <= hi(2, nz); k++) {
      for (let j = lo(1); j <= hi(1, ny); j++) {
        const row = nx * (j + ny * k);
        for (let i = lo(0); i <= hi(0, nx); i++) {
          const a = ((i - shift[0]) * spacing[0] - c[0]) / r[0];
          const b = ((j - shift[1]) * spacing[1] - c[1]) / r[1];
          const d = ((k - shift[2]) * spacing[2] - c[2]) / r[2];
          if (a * a + b * b + d * d <= 1) m[row + i] = 1;
        }
      }
    }
  }
  return m;
}

export const BENCH_DIMS = [512, 512, 300];
export const BENCH_SPACING = [0.78125, 0.78125, 1.0];

/**
 * Writes ref.nii.gz and pred.nii.gz into `dir`: the reference is a liver-like union of two ellipsoids
 * (~1.6 l; bounding box ≈ 250 × 200 × 190 voxels); the prediction is a slightly larger, shifted union plus a
 * spurious distant blob (so HD ≫ HD95). Returns the paths.
 */
export function writeBenchPair(dir) {
  const liver = [
    [[190, 200, 150], [95, 75, 80]],
    [[250, 170, 160], [55, 45, 50]],
  ];
  const ref = ellipsoids(BENCH_DIMS, BENCH_SPACING, liver);
  const pred = ellipsoids(BENCH_DIMS, BENCH_SPACING, [
    [[190, 200, 150], [97, 76, 78]],
    [[250, 170, 160], [57, 44, 52]],
    [[330, 320, 60], [6, 6, 6]],
  ], [3, -2, 2]);
  const paths = [`${dir}/ref.nii.gz`, `${dir}/pred.nii.gz`];
  writeFileSync(paths[0], gzipSync(niftiBytes(ref, BENCH_DIMS, BENCH_SPACING), { level: 1 }));
  writeFileSync(paths[1], gzipSync(niftiBytes(pred, BENCH_DIMS, BENCH_SPACING), { level: 1 }));
  return paths;
}
