import type { Dims3, VoxelBox } from "./mask.js";

/** First and last nonzero position in data[from, to), or [-1, -1]; skips zero 4-byte words when `words` is a view. */
function rowRange(data: Uint8Array, words: Int32Array | null, from: number, to: number): [number, number] {
  let first = -1;
  let p = from;
  if (words) {
    // from and to are multiples of 4 here
    for (let w = from >> 2, wEnd = to >> 2; w < wEnd; w++) {
      if (words[w] !== 0) {
        p = w << 2;
        break;
      }
      p = (w + 1) << 2;
    }
  }
  for (; p < to; p++) {
    if (data[p] !== 0) {
      first = p;
      break;
    }
  }
  if (first < 0) return [-1, -1];
  let q = to - 1;
  if (words) {
    for (let w = (to >> 2) - 1, wStop = first >> 2; w > wStop; w--) {
      if (words[w] !== 0) break;
      q = (w << 2) - 1;
    }
  }
  for (; q > first; q--) if (data[q] !== 0) break;
  return [first, q];
}

/**
 * Foreground voxel count and bounding box of a mask, in one pass (zero
 * 4-byte words are skipped when the rows allow it). O(n).
 */
export function maskExtent(data: Uint8Array, dims: Dims3): { count: number; box: VoxelBox } {
  const [nx, ny, nz] = dims;
  const words = nx % 4 === 0 && data.byteOffset % 4 === 0 ? new Int32Array(data.buffer, data.byteOffset, data.length >> 2) : null;
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
      const [a, b] = rowRange(data, words, row, row + nx);
      if (a < 0) continue;
      for (let p = a; p <= b; p++) if (data[p] !== 0) count++;
      const first = a - row;
      const last = b - row;
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
