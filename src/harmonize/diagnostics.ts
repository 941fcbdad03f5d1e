import { RadvalError } from "../core/errors.js";
import type { ColumnMatrix } from "../core/matrix.js";
import { averageRanks } from "../cluster/ranks.js";
import { chiSquareUpperTail } from "../stats/chiSquare.js";
import { quantiles } from "../stats/quantile.js";
import { sortedLevels } from "./design.js";

/** A Kruskal–Wallis rank-sum test across groups. */
export interface KruskalWallis {
  /** H with the tie correction. */
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
}

/**
 * Kruskal–Wallis rank-sum test of `values` across `groups` (Kruskal & Wallis
 * 1952), as R's `kruskal.test(x, g)`: average ranks, H = (12/(N(N+1)) Σ R_g²/n_g
 * − 3(N+1)) / (1 − Σ(t³ − t)/(N³ − N)), p = P(χ²_{k−1} > H). Missing values
 * and rows without a group are dropped. NaN when fewer than 2 groups remain or
 * every value is tied. O(N log N).
 */
export function kruskalWallis(values: ArrayLike<number>, groups: readonly string[]): KruskalWallis {
  const keep: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!) && groups[i] !== "" && groups[i] !== undefined) keep.push(i);
  const x = Float64Array.from(keep, (i) => values[i]!);
  const g = keep.map((i) => groups[i]!);
  const n = x.length;
  const ranks = averageRanks(x);
  const sums = new Map<string, { r: number; n: number }>();
  g.forEach((label, k) => {
    const s = sums.get(label) ?? { r: 0, n: 0 };
    s.r += ranks[k]!;
    s.n += 1;
    sums.set(label, s);
  });
  const k = sums.size;
  if (k < 2) return { statistic: NaN, df: k - 1, p: NaN };
  let h = 0;
  for (const s of sums.values()) h += (s.r * s.r) / s.n;
  h = (12 / (n * (n + 1))) * h - 3 * (n + 1);
  const sorted = Float64Array.from(x).sort();
  let ties = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    const t = j - i;
    ties += t * t * t - t;
    i = j;
  }
  const correction = 1 - ties / (n * n * n - n);
  if (!(correction > 0)) return { statistic: NaN, df: k - 1, p: NaN };
  const statistic = h / correction;
  return { statistic, df: k - 1, p: chiSquareUpperTail(statistic, k - 1) };
}

/** Eigen-decomposition of a symmetric matrix (row-major p × p) by cyclic Jacobi rotations; eigenvalues descending. */
export function symmetricEigen(a: Float64Array, p: number): { values: Float64Array; vectors: Float64Array[] } {
  const m = Float64Array.from(a);
  const v = new Float64Array(p * p);
  for (let i = 0; i < p; i++) v[i * p + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) off += m[i * p + j]! * m[i * p + j]!;
    if (off < 1e-30) break;
    for (let i = 0; i < p; i++) {
      for (let j = i + 1; j < p; j++) {
        const aij = m[i * p + j]!;
        if (Math.abs(aij) < 1e-300) continue;
        const theta = (m[j * p + j]! - m[i * p + i]!) / (2 * aij);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < p; k++) {
          const mki = m[k * p + i]!;
          const mkj = m[k * p + j]!;
          m[k * p + i] = c * mki - s * mkj;
          m[k * p + j] = s * mki + c * mkj;
        }
        for (let k = 0; k < p; k++) {
          const mik = m[i * p + k]!;
          const mjk = m[j * p + k]!;
          m[i * p + k] = c * mik - s * mjk;
          m[j * p + k] = s * mik + c * mjk;
        }
        for (let k = 0; k < p; k++) {
          const vki = v[k * p + i]!;
          const vkj = v[k * p + j]!;
          v[k * p + i] = c * vki - s * vkj;
          v[k * p + j] = s * vki + c * vkj;
        }
      }
    }
  }
  const order = Array.from({ length: p }, (_, i) => i).sort((x, y) => m[y * p + y]! - m[x * p + x]!);
  return {
    values: Float64Array.from(order, (i) => m[i * p + i]!),
    vectors: order.map((i) => Float64Array.from({ length: p }, (_, k) => v[k * p + i]!)),
  };
}

/** Principal-component scores of standardised features. */
export interface PcaScores {
  /** Proportion of the total variance explained by each returned component. */
  readonly explained: readonly number[];
  /** Scores, one array per component (length = complete rows). */
  readonly scores: readonly Float64Array[];
  /** Indices of the rows used (complete rows). */
  readonly rows: Int32Array;
}

/**
 * Principal components of the features, each centred and scaled to unit SD
 * (R: `prcomp(x, center = TRUE, scale. = TRUE)`), on the complete rows.
 * Constant features are left out. Each component's sign is fixed so that its
 * largest loading is positive (prcomp's sign is arbitrary). O(n p² + p³).
 */
export function pcaScores(x: ColumnMatrix, components = 2): PcaScores {
  const { nRows: n, nCols: p, data } = x;
  const rows = Int32Array.from({ length: n }, (_, i) => i).filter((i) => {
    for (let j = 0; j < p; j++) if (Number.isNaN(data[j * n + i]!)) return false;
    return true;
  });
  const m = rows.length;
  const z: Float64Array[] = [];
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (const i of rows) s += data[j * n + i]!;
    const mean = s / m;
    let ss = 0;
    for (const i of rows) ss += (data[j * n + i]! - mean) ** 2;
    const sd = Math.sqrt(ss / (m - 1));
    if (!(sd > 0)) continue;
    z.push(Float64Array.from(rows, (i) => (data[j * n + i]! - mean) / sd));
  }
  const q = z.length;
  if (m < 3 || q < 1) throw new RadvalError("TOO_FEW_CASES", `PCA needs at least 3 complete rows and one non-constant feature (got ${m} rows, ${q} features)`);
  const cov = new Float64Array(q * q);
  for (let a = 0; a < q; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      const za = z[a]!;
      const zb = z[b]!;
      for (let i = 0; i < m; i++) s += za[i]! * zb[i]!;
      cov[a * q + b] = cov[b * q + a] = s / (m - 1);
    }
  }
  const eig = symmetricEigen(cov, q);
  const total = eig.values.reduce((s, v) => s + v, 0);
  const k = Math.min(components, q);
  const scores: Float64Array[] = [];
  const explained: number[] = [];
  for (let c = 0; c < k; c++) {
    const vec = eig.vectors[c]!;
    let big = 0;
    for (let a = 1; a < q; a++) if (Math.abs(vec[a]!) > Math.abs(vec[big]!)) big = a;
    const sign = vec[big]! < 0 ? -1 : 1;
    const sc = new Float64Array(m);
    for (let a = 0; a < q; a++) {
      const w = sign * vec[a]!;
      const za = z[a]!;
      for (let i = 0; i < m; i++) sc[i] += w * za[i]!;
    }
    scores.push(sc);
    explained.push(eig.values[c]! / total);
  }
  return { explained, scores, rows };
}

/** Five-number summary of one feature at one site. */
export interface SiteDistribution {
  readonly feature: string;
  readonly site: string;
  readonly n: number;
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

/** Site diagnostics of a feature table. */
export interface SiteDiagnostics {
  readonly sites: readonly string[];
  /** Kruskal–Wallis test across sites per feature, in feature order. */
  readonly tests: ReadonlyArray<{ readonly feature: string } & KruskalWallis>;
  readonly alpha: number;
  /** Features with p < alpha. */
  readonly separating: number;
  /** Features with p < alpha / p (Bonferroni). */
  readonly separatingBonferroni: number;
  readonly pca: { readonly explained: readonly number[]; readonly points: ReadonlyArray<{ readonly site: string; readonly pc1: number; readonly pc2: number }> };
  /** Per-site five-number summaries of `features` (default: the most site-separating ones). */
  readonly distributions: readonly SiteDistribution[];
}

/**
 * Whether features still separate by site (Fortin et al. 2018; the checks
 * reviewers ask for after harmonisation): per-feature Kruskal–Wallis p-values
 * across sites with the count below `alpha` (default 0.05) and below the
 * Bonferroni cut, the first two principal components of the standardised
 * features (for a scatter coloured by site), and per-site five-number
 * summaries (type-7 quartiles) of `distributionFeatures` (default: the
 * `top` = 4 features with the smallest p). Pure. O(p n log n + n p² + p³).
 */
export function siteDiagnostics(
  x: ColumnMatrix,
  names: readonly string[],
  site: readonly string[],
  options: { alpha?: number; top?: number; distributionFeatures?: readonly string[] } = {},
): SiteDiagnostics {
  const { nRows: n, nCols: p, data } = x;
  const alpha = options.alpha ?? 0.05;
  const tests = names.map((feature, j) => ({ feature, ...kruskalWallis(data.subarray(j * n, (j + 1) * n), site) }));
  const separating = tests.filter((t) => t.p < alpha).length;
  const separatingBonferroni = tests.filter((t) => t.p < alpha / p).length;
  const pca = pcaScores(x, 2);
  const points = Array.from(pca.rows, (i, k) => ({ site: site[i]!, pc1: pca.scores[0]![k]!, pc2: pca.scores[1]?.[k] ?? 0 }));
  const chosen = options.distributionFeatures ?? [...tests].filter((t) => !Number.isNaN(t.p)).sort((a, b) => a.p - b.p || b.statistic - a.statistic).slice(0, options.top ?? 4).map((t) => t.feature);
  const sites = sortedLevels(site.filter((s) => s !== ""));
  const distributions: SiteDistribution[] = [];
  for (const feature of chosen) {
    const j = names.indexOf(feature);
    if (j < 0) continue;
    for (const s of sites) {
      const v: number[] = [];
      for (let i = 0; i < n; i++) if (site[i] === s && !Number.isNaN(data[j * n + i]!)) v.push(data[j * n + i]!);
      if (!v.length) continue;
      const [min, q1, median, q3, max] = quantiles(v, [0, 0.25, 0.5, 0.75, 1]) as [number, number, number, number, number];
      distributions.push({ feature, site: s, n: v.length, min, q1, median, q3, max });
    }
  }
  return { sites, tests, alpha, separating, separatingBonferroni, pca: { explained: pca.explained, points }, distributions };
}
