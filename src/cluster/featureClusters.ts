import { RadvalError, type RadvalWarning } from "../core/errors.js";
import { previewList } from "../core/dataset.js";
import type { ColumnMatrix } from "../core/matrix.js";
import { type Condensed, condensedGet } from "./condensed.js";
import { type CorrelationMethod, absCorrelationDistance, correlationMatrix } from "./correlation.js";
import { cutreeHeight } from "./cutree.js";
import { type HClustTree, type Linkage, LINKAGES, hclust } from "./hclust.js";
import { REPRESENTATIVE_RULES, type RepresentativeRule, chooseRepresentative } from "./representative.js";

/** Options of {@link clusterFeatures}. */
export interface FeatureClusteringOptions {
  /** Default "pearson". */
  readonly correlation?: CorrelationMethod;
  /** Default "average". */
  readonly linkage?: Linkage;
  /** Features with |r| ≥ threshold (by the linkage) share a cluster: the tree is cut at height 1 − threshold. Default 0.9. */
  readonly threshold?: number;
  /** Default "variance". */
  readonly representative?: RepresentativeRule;
  /** Outcome (0/1) of the rows, for the `auc` rule. */
  readonly y?: ArrayLike<number>;
}

/** One cluster of redundant features. */
export interface FeatureCluster {
  /** 1-based, in order of the first member (R's `cutree` numbering). */
  readonly id: number;
  readonly representative: string;
  /** Members in input order. */
  readonly members: readonly string[];
  /** Mean |r| over the distinct member pairs; null for a singleton (no pairs). */
  readonly meanAbsR: number | null;
  /** The rule that chose the representative (`medoid` when `variance` was undefined). */
  readonly rule: RepresentativeRule;
  /** Each member's score under that rule (CV, direction-free AUC or mean |r|); null for singletons. */
  readonly scores: Readonly<Record<string, number | null>>;
}

/** One agglomeration step, R's `hclust` convention: −j = feature j (1-based), +t = the cluster of step t. */
export interface MergeStep {
  readonly left: number;
  readonly right: number;
  /** Linkage distance 1 − |r| at which the two clusters join. */
  readonly height: number;
  /** Features in the new cluster. */
  readonly size: number;
}

/** Correlation clustering of features, cut at a correlation threshold, with one representative per cluster. */
export interface FeatureClustering {
  readonly features: readonly string[];
  readonly correlation: CorrelationMethod;
  readonly linkage: Linkage;
  readonly threshold: number;
  /** 1 − threshold. */
  readonly cutHeight: number;
  readonly representativeRule: RepresentativeRule;
  readonly clusters: readonly FeatureCluster[];
  /** Cluster id of each feature (input order). */
  readonly membership: readonly number[];
  /** The merge tree (dendrogram), p − 1 steps; empty for one feature. */
  readonly merges: readonly MergeStep[];
  /** Dendrogram leaf order, 1-based feature indices (R's `hclust$order`). */
  readonly order: readonly number[];
  /** Features without variance on the rows (correlations undefined, treated as 0: always singletons). */
  readonly constantFeatures: readonly string[];
  readonly warnings: readonly RadvalWarning[];
}

/** Checks and fills the options (clear errors naming the CLI option). */
export function resolveClusteringOptions(options: FeatureClusteringOptions): Required<Omit<FeatureClusteringOptions, "y">> {
  const correlation = options.correlation ?? "pearson";
  const linkage = options.linkage ?? "average";
  const threshold = options.threshold ?? 0.9;
  const representative = options.representative ?? "variance";
  if (correlation !== "pearson" && correlation !== "spearman") {
    throw new RadvalError("INVALID_OPTION", `correlation must be pearson or spearman, got "${String(correlation)}"`, { where: { option: "--correlation" } });
  }
  if (!LINKAGES.includes(linkage)) {
    throw new RadvalError("INVALID_OPTION", `linkage must be average, complete or single, got "${String(linkage)}"`, { where: { option: "--method" } });
  }
  if (!(typeof threshold === "number" && threshold > 0 && threshold <= 1)) {
    throw new RadvalError("INVALID_OPTION", `the correlation threshold must be in (0, 1], got ${String(threshold)}`, {
      where: { option: "--threshold" },
      hint: "Features with |r| at or above the threshold are merged; 0.9 is the usual choice.",
    });
  }
  if (!REPRESENTATIVE_RULES.includes(representative)) {
    throw new RadvalError("INVALID_OPTION", `representative rule must be variance, auc or medoid, got "${String(representative)}"`, { where: { option: "--representative" } });
  }
  return { correlation, linkage, threshold, representative };
}

function meanAbsR(members: readonly number[], absR: Condensed): number | null {
  if (members.length < 2) return null;
  let s = 0;
  let pairs = 0;
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) {
      s += condensedGet(absR, members[a]!, members[b]!);
      pairs++;
    }
  }
  return s / pairs;
}

/**
 * Redundancy clustering of features (columns of `x`, n × p, no NaN): the
 * Pearson or Spearman correlation matrix (one standardised X'X pass,
 * {@link correlationMatrix}), distance 1 − |r|, agglomerative clustering with
 * average, complete or single linkage ({@link hclust}, R's `hclust`
 * conventions), cut at height 1 − threshold (R's `cutree(h = 1 − threshold)`),
 * and one representative per cluster ({@link chooseRepresentative}).
 * Everything is computed on the rows given — pass analysis rows only.
 *
 * One feature: one singleton cluster, no merges, and a warning. No features:
 * `NO_FEATURES`. Missing values: `MISSING_VALUES` (impute first). Constant
 * features are kept as singletons with a warning. O(n p² / 2) for the
 * correlations, O(p²) for the tree; memory 2 × p(p − 1)/2 doubles (|r| and the
 * working distances).
 */
export function clusterFeatures(x: ColumnMatrix, names: readonly string[], options: FeatureClusteringOptions = {}): FeatureClustering {
  const opts = resolveClusteringOptions(options);
  const p = x.nCols;
  if (names.length !== p) throw new RadvalError("DIMENSION_MISMATCH", `${names.length} feature names for ${p} columns`);
  if (p === 0) throw new RadvalError("NO_FEATURES", "there are no features to cluster", { hint: "Check the feature selection." });
  if (options.y !== undefined && options.y.length !== x.nRows) {
    throw new RadvalError("DIMENSION_MISMATCH", `the outcome has ${options.y.length} values but the features have ${x.nRows} rows`);
  }
  const warnings: RadvalWarning[] = [];
  const r = correlationMatrix(x, opts.correlation, names);
  // |r| in place (the signs are not needed further): two p(p − 1)/2 arrays in all, |r| and the working distances.
  const abs = r.data;
  for (let t = 0; t < abs.length; t++) if (abs[t]! < 0) abs[t] = -abs[t]!;
  const absR: Condensed = { size: p, data: abs };
  let tree: HClustTree | null = null;
  let membership: Int32Array;
  if (p === 1) {
    warnings.push({ code: "TOO_FEW_FEATURES", message: `only one feature ("${names[0]}"): nothing to cluster, it is kept as is` });
    membership = Int32Array.of(1);
  } else {
    tree = hclust(absCorrelationDistance(r), p, opts.linkage);
    membership = cutreeHeight(tree, 1 - opts.threshold);
  }
  const constantFeatures = r.constantColumns.map((j) => names[j]!);
  if (constantFeatures.length > 0) {
    warnings.push({
      code: "CONSTANT_FEATURE",
      message: `${constantFeatures.length} feature${constantFeatures.length === 1 ? " has" : "s have"} no variance on these rows (${previewList(constantFeatures, 5)}): correlation undefined, kept as singleton cluster${constantFeatures.length === 1 ? "" : "s"}`,
    });
  }
  const groups: number[][] = [];
  for (let j = 0; j < p; j++) (groups[membership[j]! - 1] ??= []).push(j);
  let fallbacks = 0;
  const clusters = groups.map((members, c): FeatureCluster => {
    const choice = chooseRepresentative(members, opts.representative, x, absR, options.y);
    if (choice.rule !== opts.representative) fallbacks++;
    const scores: Record<string, number | null> = {};
    members.forEach((j, t) => {
      const s = choice.scores[t]!;
      scores[names[j]!] = members.length === 1 || !Number.isFinite(s) ? null : s;
    });
    return Object.freeze({
      id: c + 1,
      representative: names[choice.member]!,
      members: Object.freeze(members.map((j) => names[j]!)),
      meanAbsR: meanAbsR(members, absR),
      rule: choice.rule,
      scores: Object.freeze(scores),
    });
  });
  if (fallbacks > 0) {
    warnings.push({
      code: "REPRESENTATIVE_FALLBACK",
      message: `${fallbacks} cluster${fallbacks === 1 ? "" : "s"} had a member with mean 0 (coefficient of variation undefined): representative chosen as the medoid`,
    });
  }
  const merges: MergeStep[] = [];
  if (tree) {
    const sizes = new Int32Array(p - 1);
    for (let s = 0; s < p - 1; s++) {
      const a = tree.merge[2 * s]!;
      const b = tree.merge[2 * s + 1]!;
      sizes[s] = (a < 0 ? 1 : sizes[a - 1]!) + (b < 0 ? 1 : sizes[b - 1]!);
      merges.push(Object.freeze({ left: a, right: b, height: tree.height[s]!, size: sizes[s]! }));
    }
  }
  return Object.freeze({
    features: Object.freeze([...names]),
    correlation: opts.correlation,
    linkage: opts.linkage,
    threshold: opts.threshold,
    cutHeight: 1 - opts.threshold,
    representativeRule: opts.representative,
    clusters: Object.freeze(clusters),
    membership: Object.freeze(Array.from(membership)),
    merges: Object.freeze(merges),
    order: Object.freeze(tree ? Array.from(tree.order) : [1]),
    constantFeatures: Object.freeze(constantFeatures),
    warnings: Object.freeze(warnings),
  });
}
