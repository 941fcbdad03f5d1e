import type { Dims3, VoxelBox } from "./mask.js";

/**
 * Foreground voxel count and bounding box of a mask, in one pass. When rows
 * are whole 4-byte words, all-zero words are skipped four voxels at a time
 * (masks are mostly background). One function with its loops inline, so the
 * engine optimises it on its first (long) call. O(n).
 */
export function maskExtent(data: Uint8Array, dims: Dims3): { count: number; box: VoxelBox } {
  const [nx, ny, nz] = dims;
  const useWords = nx % 4 === 0 && data.byteOffset % 4 === 0;
  const words = useWords ? new Int32Array(data.buffer, data.byteOffset, data.length >> 2) : new Int32Array(0);
  const wordsPerRow = nx >> 2;
  let count = 0;
  let i0 = nx;
  let i1 = -1;
  let j0 = ny;
  let j1 = -1;
  let k0 = nz;
  let k1 = -1;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      const row = nx * (j + ny * k);
      let first = -1;
      let last = -1;
      if (useWords) {
        const w0 = row >> 2;
        for (let w = w0; w < w0 + wordsPerRow; w++) {
          if (words[w] === 0) continue;
          for (let p = w << 2, e = p + 4; p < e; p++) {
            if (data[p] !== 0) {
              if (first < 0) first = p - row;
              last = p - row;
              count++;
            }
          }
        }
      } else {
        for (let i = 0; i < nx; i++) {
          if (data[row + i] !== 0) {
            if (first < 0) first = i;
            last = i;
            count++;
          }
        }
      }
      if (first < 0) continue;
      if (first < i0) i0 = first;
      if (last > i1) i1 = last;
      if (j < j0) j0 = j;
      if (j > j1) j1 = j;
      if (k < k0) k0 = k;
      k1 = k;
    }
  }
  return count === 0 ? { count, box: { empty: true, i0: 0, i1: -1, j0: 0, j1: -1, k0: 0, k1: -1 } } : { count, box: { empty: false, i0, i1, j0, j1, k0, k1 } };
}

/**
 * Surface voxels of a binary mask: foreground voxels with at least one of
 * their 6 face neighbours background or outside the image — `M AND NOT
 * binary_erosion(M, generate_binary_structure(3, 1), border_value = 0)` in
 * scipy.ndimage terms (the fixtures' definition; interior cavities give
 * surface voxels too). Returns their linear indices i + nx·(j + ny·k),
 * ascending. Only the mask's bounding box `box` is scanned. O(box volume).
 */
export function surfaceVoxels(data: Uint8Array, dims: Dims3, box: VoxelBox): Int32Array {
  if (box.empty) return new Int32Array(0);
  const [nx, ny, nz] = dims;
  const slice = nx * ny;
  let out = new Int32Array(1024);
  let n = 0;
  for (let k = box.k0; k <= box.k1; k++) {
    for (let j = box.j0; j <= box.j1; j++) {
      const row = k * slice + j * nx;
      const edgeJK = j === 0 || j === ny - 1 || k === 0 || k === nz - 1;
      for (let i = box.i0; i <= box.i1; i++) {
        const idx = row + i;
        if (data[idx] === 0) continue;
        const onSurface =
          edgeJK ||
          i === 0 ||
          i === nx - 1 ||
          data[idx - 1] === 0 ||
          data[idx + 1] === 0 ||
          data[idx - nx] === 0 ||
          data[idx + nx] === 0 ||
          data[idx - slice] === 0 ||
          data[idx + slice] === 0;
        if (!onSurface) continue;
        if (n === out.length) {
          const grown = new Int32Array(out.length * 2);
          grown.set(out);
          out = grown;
        }
        out[n++] = idx;
      }
    }
  }
  return out.slice(0, n);
}
