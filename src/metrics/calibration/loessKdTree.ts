/**
 * The one-dimensional k-d tree and vertex interpolation of R's loess
 * (`surface = "interpolate"`; Cleveland & Grosse 1991, Stat Comput 1:47),
 * re-implemented from the behaviour of its Fortran routines: bounding box
 * (ehg126), cell splitting (ehg124/ehg129) and cubic Hermite evaluation
 * (ehg128).
 * @module
 */

/** A k-d tree over sorted x: cells are index ranges, vertices are cell boundaries. */
export interface KdTree {
  /** Vertex positions: the box ends first, then one per split, in creation order. */
  readonly vertices: Float64Array;
  /** Per cell: split value (NaN for leaves), children, and its lower/upper vertex. */
  readonly split: Float64Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly lowerVertex: Int32Array;
  readonly upperVertex: Int32Array;
}

/**
 * Builds R's loess k-d tree on x sorted ascending: the box is
 * [min − μ, max + μ] with μ = 0.005·max(range, 1e-10·max|x| + 1e-30); a cell
 * with more than `fc` points is split at its median order statistic
 * x₍⌊(l+u)/2⌋₎, moved outward (+1, −1, +2, −2, …) to a position whose next
 * value differs so that ties stay on one side, unless the split would fall on
 * the cell's own boundary (then it is a leaf). Points ≤ split go left. Cells
 * are processed in creation order, as R does, with its memory limits
 * (nvmax = ncmax = max(200, n)). O(n log n).
 */
export function buildKdTree(xs: Float64Array, fc: number, nvmax: number): KdTree {
  const n = xs.length;
  const alpha = xs[0]!;
  const beta = xs[n - 1]!;
  const mu = 0.005 * Math.max(beta - alpha, 1e-10 * Math.max(Math.abs(alpha), Math.abs(beta)) + 1e-30);
  const vertices: number[] = [alpha - mu, beta + mu];
  // Cells (1-based point ranges l..u into xs, as in R).
  const cl: number[] = [1];
  const cu: number[] = [n];
  const lowerVertex: number[] = [0];
  const upperVertex: number[] = [1];
  const split: number[] = [NaN];
  const lo: number[] = [-1];
  const hi: number[] = [-1];
  const x = (i: number): number => xs[i - 1]!; // 1-based access
  const ncmax = nvmax;
  for (let p = 0; p < cl.length; p++) {
    const l = cl[p]!;
    const u = cu[p]!;
    const diam = vertices[upperVertex[p]!]! - vertices[lowerVertex[p]!]!;
    let leaf = u - l + 1 <= fc || diam <= 0 || ncmax < cl.length + 2 || nvmax < vertices.length + 1;
    let m = 0;
    if (!leaf) {
      m = Math.floor((l + u) / 2);
      // Move the split off ties: offsets 0, +1, −1, +2, −2, … until x(m+o) ≠ x(m+o+1) (or out of the cell).
      let offset = 0;
      for (;;) {
        if (m + offset >= u || m + offset < l) break;
        if (x(m + offset) === x(m + offset + 1)) {
          offset = -offset;
          if (offset >= 0) offset += 1;
          continue;
        }
        m += offset;
        break;
      }
      const t = x(m);
      leaf = vertices[lowerVertex[p]!] === t || vertices[upperVertex[p]!] === t;
    }
    if (leaf) continue;
    const t = x(m);
    split[p] = t;
    const v = vertices.length;
    vertices.push(t);
    lo[p] = cl.length;
    cl.push(l);
    cu.push(m);
    lowerVertex.push(lowerVertex[p]!);
    upperVertex.push(v);
    split.push(NaN);
    lo.push(-1);
    hi.push(-1);
    hi[p] = cl.length;
    cl.push(m + 1);
    cu.push(u);
    lowerVertex.push(v);
    upperVertex.push(upperVertex[p]!);
    split.push(NaN);
    lo.push(-1);
    hi.push(-1);
  }
  return {
    vertices: Float64Array.from(vertices),
    split: Float64Array.from(split),
    lo: Int32Array.from(lo),
    hi: Int32Array.from(hi),
    lowerVertex: Int32Array.from(lowerVertex),
    upperVertex: Int32Array.from(upperVertex),
  };
}

/**
 * The interpolated surface at z: descend to the leaf containing z (z ≤ split
 * goes left), then blend the vertex values g and slopes g′ of its two ends
 * by the cubic Hermite basis with h = (z − v₀)/(v₁ − v₀):
 * (1−h)²(1+2h)·g₀ + h²(3−2h)·g₁ + (h(1−h)²·g′₀ + h²(h−1)·g′₁)·(v₁ − v₀).
 * NaN outside the box (R's predict gives NA). O(depth).
 */
export function hermiteAt(tree: KdTree, value: Float64Array, slope: Float64Array, z: number): number {
  const box0 = tree.vertices[0]!;
  const box1 = tree.vertices[1]!;
  if (!(z >= box0 && z <= box1)) return NaN;
  let j = 0;
  while (!Number.isNaN(tree.split[j]!)) j = z <= tree.split[j]! ? tree.lo[j]! : tree.hi[j]!;
  const ll = tree.lowerVertex[j]!;
  const ur = tree.upperVertex[j]!;
  const v0 = tree.vertices[ll]!;
  const v1 = tree.vertices[ur]!;
  const h = (z - v0) / (v1 - v0);
  const phi0 = (1 - h) * (1 - h) * (1 + 2 * h);
  const phi1 = h * h * (3 - 2 * h);
  const psi0 = h * ((1 - h) * (1 - h));
  const psi1 = h * h * (h - 1);
  return phi0 * value[ll]! + phi1 * value[ur]! + (psi0 * slope[ll]! + psi1 * slope[ur]!) * (v1 - v0);
}
