import { RadvalError } from "../../core/errors.js";
import { argsortFloat64 } from "../../stats/argsort.js";
import { buildKdTree, hermiteAt } from "./loessKdTree.js";

/** Options of {@link loess}, with R's `loess` defaults. */
export interface LoessOptions {
  /** Fraction of points in each local fit (default 0.75). */
  readonly span?: number;
  /** Degree of the local polynomial, 0, 1 or 2 (default 2). */
  readonly degree?: 0 | 1 | 2;
  /**
   * "interpolate" (R's default): direct fits (value and slope) only at the
   * vertices of a k-d tree whose cells hold at most ⌊n·span·cell⌋ points,
   * cubic Hermite interpolation in between — O(vertices·q), fast for large n.
   * "direct": a local fit at every evaluation point — O(points·q).
   */
  readonly surface?: "interpolate" | "direct";
  /** Cell size of the k-d tree as a fraction of span (R's `loess.control(cell = 0.2)`). */
  readonly cell?: number;
}

/** A loess smoother fitted to (x, y): evaluate it anywhere in the range of x. */
export interface LoessFit {
  readonly span: number;
  readonly degree: 0 | 1 | 2;
  readonly surface: "interpolate" | "direct";
  /** Number of neighbours q = ⌊n·span⌋ in each local fit. */
  readonly neighbours: number;
  /** Number of k-d tree vertices ("interpolate" only; 0 for "direct"). */
  readonly vertices: number;
  /**
   * The fitted curve at each value of `at`. "interpolate" is defined inside
   * the k-d tree's box (the range of x widened by 0.5% each side) and gives
   * NaN outside it, as R's predict gives NA.
   */
  evaluate(at: ArrayLike<number>): Float64Array;
}

/**
 * Weighted least squares of y on (1, d, d²)[0..degree] with row weights w
 * (already square-rooted), by Householder QR of the column-equilibrated
 * design; writes the intercept (the fit at d = 0) to out[0] and the linear
 * coefficient (the slope there) to out[1]. Columns that are numerically
 * dependent (|r_kk| ≤ 1e-10·|r_11|) are dropped — R's loess uses a
 * pseudo-inverse there, which differs only in such degenerate windows.
 */
function localFit(d: Float64Array, y: Float64Array, w: Float64Array, m: number, degree: number, e: Float64Array, eta: Float64Array, out: Float64Array): void {
  const k = degree + 1;
  // Design columns (weighted) and response, column-major, in the caller's workspaces (m × 3 and m).
  for (let i = 0; i < m; i++) {
    let v = w[i]!;
    for (let c = 0; c < k; c++) {
      e[c * m + i] = v;
      v *= d[i]!;
    }
    eta[i] = w[i]! * y[i]!;
  }
  // Equilibrate columns.
  const scale = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += e[c * m + i]! * e[c * m + i]!;
    s = Math.sqrt(s);
    scale[c] = s > 0 ? s : 1;
    for (let i = 0; i < m; i++) e[c * m + i] = e[c * m + i]! / scale[c]!;
  }
  // Householder QR, applying each reflection to eta as well.
  const rdiag = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let norm = 0;
    for (let i = c; i < m; i++) norm += e[c * m + i]! * e[c * m + i]!;
    norm = Math.sqrt(norm);
    if (norm === 0) {
      rdiag[c] = 0;
      continue;
    }
    const alpha = e[c * m + c]! > 0 ? -norm : norm;
    e[c * m + c] = e[c * m + c]! - alpha;
    let vnorm = 0;
    for (let i = c; i < m; i++) vnorm += e[c * m + i]! * e[c * m + i]!;
    rdiag[c] = alpha;
    if (vnorm === 0) continue;
    for (let c2 = c + 1; c2 < k; c2++) {
      let dot = 0;
      for (let i = c; i < m; i++) dot += e[c * m + i]! * e[c2 * m + i]!;
      const f = (2 * dot) / vnorm;
      for (let i = c; i < m; i++) e[c2 * m + i] = e[c2 * m + i]! - f * e[c * m + i]!;
    }
    let dot = 0;
    for (let i = c; i < m; i++) dot += e[c * m + i]! * eta[i]!;
    const f = (2 * dot) / vnorm;
    for (let i = c; i < m; i++) eta[i] = eta[i]! - f * e[c * m + i]!;
  }
  // Rank: drop trailing columns with negligible diagonal.
  let rank = k;
  const tol = 1e-10 * Math.abs(rdiag[0]!);
  for (let c = 0; c < k; c++) {
    if (!(Math.abs(rdiag[c]!) > tol)) {
      rank = c;
      break;
    }
  }
  if (rank < k) {
    if (degree === 0 || rank === 0) {
      let sw = 0;
      let swy = 0;
      for (let i = 0; i < m; i++) {
        sw += w[i]! * w[i]!;
        swy += w[i]! * w[i]! * y[i]!;
      }
      if (!(sw > 0)) {
        throw new RadvalError("INVALID_ARGUMENT", "loess: every point of a neighbourhood lies on its boundary (all weights are 0)", {
          hint: "Use a larger span (R stops here too: \"all data on boundary of neighborhood\").",
        });
      }
      out[0] = swy / sw;
      out[1] = 0;
      return;
    }
    localFit(d, y, w, m, rank - 1, e, eta, out);
    return;
  }
  // Back-substitution R β = Qᵀη (R's upper triangle is stored above the diagonal in e, the diagonal in rdiag).
  const beta = new Float64Array(k);
  for (let c = k - 1; c >= 0; c--) {
    let s = eta[c]!;
    for (let c2 = c + 1; c2 < k; c2++) s -= e[c2 * m + c]! * beta[c2]!;
    beta[c] = s / rdiag[c]!;
  }
  out[0] = beta[0]! / scale[0]!;
  out[1] = k > 1 ? beta[1]! / scale[1]! : 0;
}

/**
 * Local polynomial regression (loess; Cleveland & Devlin 1988, JASA 83:596;
 * Cleveland, Grosse & Shyu 1992) with the definitions of R's
 * `loess(y ~ x, span, degree, family = "gaussian")` for one predictor: at a
 * point x₀ the q = ⌊n·span⌋ nearest x (ties at the boundary get weight 0
 * anyway), tricube weights (1 − (|x − x₀|/h)³)³ with h the q-th nearest
 * distance, and a weighted least-squares polynomial of `degree` in x − x₀.
 * `surface: "interpolate"` (R's default) builds R's k-d tree — box = range of
 * x ± 0.5%, cells split at the median order statistic (moved off ties) until
 * they hold ≤ ⌊n·span·cell⌋ points — fits value and slope directly at its
 * vertices and blends them by cubic Hermite interpolation, as R's
 * `ehg128`; `surface: "direct"` fits at every point. O(n log n) set-up,
 * then O(vertices·q) (interpolate) or O(points·q) (direct).
 */
export function loess(x: ArrayLike<number>, y: ArrayLike<number>, options: LoessOptions = {}): LoessFit {
  const n = x.length;
  const span = options.span ?? 0.75;
  const degree = options.degree ?? 2;
  const surface = options.surface ?? "interpolate";
  const cell = options.cell ?? 0.2;
  if (y.length !== n) throw new RadvalError("DIMENSION_MISMATCH", `loess: x has ${n} values but y has ${y.length}`);
  if (!(span > 0 && span <= 1)) throw new RadvalError("INVALID_OPTION", `loess span must be in (0, 1], got ${span}`, { where: { option: "span" } });
  if (degree !== 0 && degree !== 1 && degree !== 2) throw new RadvalError("INVALID_OPTION", `loess degree must be 0, 1 or 2, got ${String(degree)}`, { where: { option: "degree" } });
  if (surface !== "interpolate" && surface !== "direct") throw new RadvalError("INVALID_OPTION", `loess surface must be "interpolate" or "direct", got ${JSON.stringify(surface)}`, { where: { option: "surface" } });
  if (!(cell > 0)) throw new RadvalError("INVALID_OPTION", `loess cell must be positive, got ${cell}`, { where: { option: "cell" } });
  const q = Math.min(n, Math.floor(n * span));
  if (q < degree + 1) {
    throw new RadvalError("INVALID_ARGUMENT", `loess with span ${span} on ${n} points uses ${q} neighbours, too few for degree ${degree}`, { hint: "Use a larger span or more data." });
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]!) || !Number.isFinite(y[i]!)) throw new RadvalError("NON_FINITE", `loess: non-finite value at position ${i + 1}`);
  }
  const order = argsortFloat64(x);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    xs[k] = x[order[k]!]!;
    ys[k] = y[order[k]!]!;
  }
  const d = new Float64Array(q);
  const yw = new Float64Array(q);
  const w = new Float64Array(q);
  const e = new Float64Array(q * 3);
  const eta = new Float64Array(q);
  /** Direct local fit at x0: value in out[0], slope in out[1]. O(q + log n). */
  const fitAt = (x0: number, out: Float64Array): void => {
    // The q nearest points form a window [l, l + q − 1] of the sorted x.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (xs[mid]! < x0) lo = mid + 1;
      else hi = mid;
    }
    let l = Math.max(0, Math.min(lo - q, n - q));
    while (l + q < n && x0 - xs[l]! > xs[l + q]! - x0) l++;
    const h = Math.max(x0 - xs[l]!, xs[l + q - 1]! - x0);
    for (let k = 0; k < q; k++) {
      const dist = xs[l + k]! - x0;
      d[k] = dist;
      yw[k] = ys[l + k]!;
      let r = h > 0 ? Math.abs(dist) / h : 0;
      if (r > 1) r = 1;
      const c = 1 - r * r * r;
      w[k] = Math.sqrt(c * c * c);
    }
    localFit(d, yw, w, q, degree, e, eta, out);
  };
  const tmp = new Float64Array(2);
  if (surface === "direct") {
    const evaluate = (at: ArrayLike<number>): Float64Array => {
      const out = new Float64Array(at.length);
      for (let t = 0; t < at.length; t++) {
        fitAt(at[t]!, tmp);
        out[t] = tmp[0]!;
      }
      return out;
    };
    return { span, degree, surface, neighbours: q, vertices: 0, evaluate };
  }
  const tree = buildKdTree(xs, Math.floor(n * (span * cell)), Math.max(200, n));
  const value = new Float64Array(tree.vertices.length);
  const slope = new Float64Array(tree.vertices.length);
  for (let v = 0; v < tree.vertices.length; v++) {
    fitAt(tree.vertices[v]!, tmp);
    value[v] = tmp[0]!;
    slope[v] = tmp[1]!;
  }
  const evaluate = (at: ArrayLike<number>): Float64Array => {
    const out = new Float64Array(at.length);
    for (let t = 0; t < at.length; t++) out[t] = hermiteAt(tree, value, slope, at[t]!);
    return out;
  };
  return { span, degree, surface, neighbours: q, vertices: tree.vertices.length, evaluate };
}
