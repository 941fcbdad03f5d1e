/**
 * Work buffers of the one-dimensional transform, sized for the longest line.
 * Reused across lines and calls so the transform allocates nothing per line.
 */
export interface EdtWorkspace {
  readonly g: Float64Array;
  readonly h: Float64Array;
  readonly v: Int32Array;
  readonly z: Float64Array;
}

/** Buffers for lines of up to `n` voxels. */
export function edtWorkspace(n: number): EdtWorkspace {
  return { g: new Float64Array(n), h: new Float64Array(n), v: new Int32Array(n), z: new Float64Array(n + 1) };
}

/**
 * One line of the squared distance transform with voxel size `s` (mm), in
 * place: `f[offset + q·stride] ← min_p ((q − p)·s)² + f[offset + p·stride]`
 * over the n voxels of the line (Felzenszwalb & Huttenlocher 2012, "Distance
 * transforms of sampled functions", Theory of Computing 8:415, algorithm DT:
 * the lower envelope of the parabolas rooted at each finite sample). Samples
 * equal to +Infinity are not sites; a line without sites stays +Infinity.
 * The offset of the winning parabola is formed as ((q − p)·s)² so the result
 * is the sum of the same per-axis squares scipy's feature transform forms.
 * O(n).
 */
export function transformLine(f: Float64Array, offset: number, stride: number, n: number, s: number, w: EdtWorkspace): void {
  const g = w.g;
  const h = w.h;
  const v = w.v;
  const z = w.z;
  let k = -1;
  for (let q = 0, at = offset; q < n; q++, at += stride) {
    const fq = f[at]!;
    g[q] = fq;
    if (fq === Infinity) continue;
    const xq = q * s;
    const hq = fq + xq * xq;
    h[q] = hq;
    let cut = -Infinity;
    while (k >= 0) {
      const p = v[k]!;
      cut = (hq - h[p]!) / (2 * (xq - p * s));
      if (cut > z[k]!) break;
      k--;
    }
    if (k < 0) cut = -Infinity;
    k++;
    v[k] = q;
    z[k] = cut;
  }
  if (k < 0) return;
  z[k + 1] = Infinity;
  let j = 0;
  let next = z[1]!;
  let p = v[0]!;
  let gp = g[p]!;
  for (let q = 0, at = offset; q < n; q++, at += stride) {
    const xq = q * s;
    if (next < xq) {
      do {
        j++;
        next = z[j + 1]!;
      } while (next < xq);
      p = v[j]!;
      gp = g[p]!;
    }
    const d = (q - p) * s;
    f[at] = d * d + gp;
  }
}

/**
 * Exact squared Euclidean distance transform of a 3-D grid with anisotropic
 * voxel spacing, in place: on entry `f` holds 0 at feature voxels and
 * +Infinity elsewhere (x fastest: index i + nx·(j + ny·k)); on return each
 * voxel holds its squared distance in mm² to the nearest feature voxel
 * centre, coordinates (i·s₁, j·s₂, k·s₃) (+Infinity when there is no
 * feature). Separable: the one-dimensional transform of
 * {@link transformLine} along x, then y, then z (Felzenszwalb & Huttenlocher
 * 2012, section 5); the same distances as
 * `scipy.ndimage.distance_transform_edt(~features, sampling)²`.
 * O(nx·ny·nz) time, O(max(nx, ny, nz)) extra memory.
 */
export function squaredDistanceTransform(f: Float64Array, dims: readonly [number, number, number], spacing: readonly [number, number, number]): void {
  const [nx, ny, nz] = dims;
  const w = edtWorkspace(Math.max(nx, ny, nz));
  const slice = nx * ny;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) transformLine(f, k * slice + j * nx, 1, nx, spacing[0], w);
  }
  for (let k = 0; k < nz; k++) {
    for (let i = 0; i < nx; i++) transformLine(f, k * slice + i, nx, ny, spacing[1], w);
  }
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) transformLine(f, j * nx + i, slice, nz, spacing[2], w);
  }
}
