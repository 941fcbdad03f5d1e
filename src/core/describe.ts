import type { Dataset } from "./dataset.js";
import { getColumn } from "./matrix.js";

/** A near-constant feature by caret's `nearZeroVar` rule. */
export interface NearConstantFeature {
  readonly feature: string;
  /** Count of the most common value over the count of the second most common. */
  readonly freqRatio: number;
  /** Distinct values as a percentage of non-missing values. */
  readonly percentUnique: number;
}

/** What `radval describe` reports about a dataset. */
export interface DatasetSummary {
  readonly file: string;
  readonly layout: "wide";
  readonly rows: number;
  readonly features: number;
  readonly roles: {
    readonly id: string | null;
    readonly outcome: string | null;
    readonly site: string | null;
    readonly date: string | null;
    readonly group: string | null;
    readonly time: string | null;
    readonly event: string | null;
  };
  readonly outcome: {
    readonly column: string;
    readonly positive: string;
    readonly negative: string;
    readonly events: number;
    readonly nonEvents: number;
    readonly prevalence: number;
  } | null;
  readonly site: { readonly column: string; readonly levels: ReadonlyArray<{ level: string; n: number; events: number | null }> } | null;
  readonly group: { readonly column: string; readonly levels: ReadonlyArray<{ level: string; n: number; events: number | null }> } | null;
  readonly date: { readonly column: string; readonly first: string | null; readonly last: string | null; readonly missing: number } | null;
  readonly missing: {
    /** Missing feature cells in total. */
    readonly cells: number;
    /** Rows with at least one missing feature. */
    readonly rowsWithMissing: number;
    /** Missing count of every feature column, in feature order. */
    readonly byFeature: Readonly<Record<string, number>>;
  };
  readonly constantFeatures: readonly string[];
  readonly nearConstantFeatures: readonly NearConstantFeature[];
  /** Non-numeric columns not used as features. */
  readonly textColumns: readonly string[];
  readonly featureNames: readonly string[];
  readonly warnings: readonly string[];
}

/** Features with the same number of missing values (one missingness pattern, as far as per-feature counts tell). */
export interface MissingPattern {
  readonly missing: number;
  readonly features: readonly string[];
}

/**
 * Groups per-feature missing counts into patterns: features with
 * the same (non-zero) count form one group, in the order of first appearance;
 * groups sorted by count, largest first. A 2,000-feature table whose features
 * all miss the same rows becomes one row.
 */
export function missingPatterns(byFeature: Readonly<Record<string, number>>): MissingPattern[] {
  const groups = new Map<number, string[]>();
  for (const [feature, k] of Object.entries(byFeature)) {
    if (!(k > 0)) continue;
    const list = groups.get(k);
    if (list) list.push(feature);
    else groups.set(k, [feature]);
  }
  return [...groups.entries()].sort((a, b) => b[0] - a[0]).map(([missing, features]) => ({ missing, features }));
}

/** Options of {@link describeDataset}: caret's nearZeroVar cut-offs. */
export interface DescribeOptions {
  /** Most-common / second-most-common count ratio above which a feature is near-constant (caret: 95/5). */
  freqCut?: number;
  /** Percentage of distinct values below which (together with freqCut) it is near-constant (caret: 10). */
  uniqueCut?: number;
}

function levelCounts(values: readonly string[], levels: readonly string[], outcome: Float64Array | undefined) {
  return levels.map((level) => {
    let n = 0;
    let events = 0;
    values.forEach((v, i) => {
      if (v === level) {
        n++;
        if (outcome) events += outcome[i]!;
      }
    });
    return { level, n, events: outcome ? events : null };
  });
}

/**
 * Summarises a dataset: sizes, roles, outcome counts and prevalence, site and
 * group sizes, date range, per-feature missing counts, constant features and
 * near-constant features (caret::nearZeroVar: freqRatio > freqCut and
 * percentUnique < uniqueCut). O(n p log n).
 */
export function describeDataset(data: Dataset, options: DescribeOptions = {}): DatasetSummary {
  const freqCut = options.freqCut ?? 95 / 5;
  const uniqueCut = options.uniqueCut ?? 10;
  const n = data.x.nRows;
  const byFeature: Record<string, number> = {};
  const constantFeatures: string[] = [];
  const nearConstantFeatures: NearConstantFeature[] = [];
  const rowHasMissing = new Uint8Array(n);
  let cells = 0;
  data.featureNames.forEach((name, j) => {
    const column = getColumn(data.x, j);
    const present: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = column[i]!;
      if (Number.isNaN(v)) {
        rowHasMissing[i] = 1;
        cells++;
      } else present.push(v);
    }
    byFeature[name] = n - present.length;
    present.sort((a, b) => a - b);
    const counts: number[] = [];
    for (let i = 0; i < present.length; ) {
      let k = i;
      while (k < present.length && present[k] === present[i]) k++;
      counts.push(k - i);
      i = k;
    }
    if (counts.length <= 1) {
      constantFeatures.push(name);
      return;
    }
    counts.sort((a, b) => b - a);
    const freqRatio = counts[0]! / counts[1]!;
    const percentUnique = (100 * counts.length) / present.length;
    if (freqRatio > freqCut && percentUnique < uniqueCut) nearConstantFeatures.push({ feature: name, freqRatio, percentUnique });
  });

  const outcome = data.outcome;
  let events = 0;
  if (outcome) for (let i = 0; i < n; i++) events += outcome.values[i]!;

  let date: DatasetSummary["date"] = null;
  if (data.date) {
    let first: string | null = null;
    let last: string | null = null;
    let firstDay = Infinity;
    let lastDay = -Infinity;
    let missing = 0;
    data.date.days.forEach((d, i) => {
      if (Number.isNaN(d)) {
        missing++;
        return;
      }
      if (d < firstDay) {
        firstDay = d;
        first = data.date!.text[i]!;
      }
      if (d > lastDay) {
        lastDay = d;
        last = data.date!.text[i]!;
      }
    });
    date = { column: data.date.name, first, last, missing };
  }

  return {
    file: data.source,
    layout: "wide",
    rows: n,
    features: data.featureNames.length,
    roles: {
      id: data.idColumn ?? null,
      outcome: outcome?.name ?? null,
      site: data.site?.name ?? null,
      date: data.date?.name ?? null,
      group: data.group?.name ?? null,
      time: data.time?.name ?? null,
      event: data.event?.name ?? null,
    },
    outcome: outcome
      ? {
          column: outcome.name,
          positive: outcome.positiveLabel,
          negative: outcome.negativeLabel,
          events,
          nonEvents: n - events,
          prevalence: events / n,
        }
      : null,
    site: data.site ? { column: data.site.name, levels: levelCounts(data.site.values, data.site.levels, outcome?.values) } : null,
    group: data.group ? { column: data.group.name, levels: levelCounts(data.group.values, data.group.levels, outcome?.values) } : null,
    date,
    missing: { cells, rowsWithMissing: rowHasMissing.reduce((a, b) => a + b, 0), byFeature },
    constantFeatures,
    nearConstantFeatures,
    textColumns: data.textColumns.map((c) => c.name),
    featureNames: data.featureNames,
    warnings: data.warnings.map((w) => w.message),
  };
}
