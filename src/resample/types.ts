/**
 * One resampling split: the analysis rows (what every fitted thing is fit on;
 * may repeat rows, e.g. a bootstrap sample) and the assessment rows (what it is
 * evaluated on). Row indices are positions in the dataset, as Int32Array.
 */
export interface Split {
  /** Stable label, e.g. "Fold03", "Repeat2.Fold10", "Bootstrap017", "Site:B". */
  readonly id: string;
  readonly analysis: Int32Array;
  readonly assessment: Int32Array;
}

/** A set of splits of one dataset, with the scheme that made them. */
export interface Resamples {
  /** Scheme name: "stratified-kfold", "bootstrap", "leave-one-site-out", … */
  readonly scheme: string;
  /** Number of rows of the dataset the indices refer to. */
  readonly n: number;
  readonly splits: readonly Split[];
  /** The scheme's parameters, for the report (plain JSON). */
  readonly params: Readonly<Record<string, unknown>>;
}

/** Rows of 0..n−1 that are not in `rows` (sorted ascending). O(n). */
export function complementRows(n: number, rows: ArrayLike<number>): Int32Array {
  const inRows = new Uint8Array(n);
  for (let k = 0; k < rows.length; k++) inRows[rows[k]!] = 1;
  let count = 0;
  for (let i = 0; i < n; i++) if (!inRows[i]) count++;
  const out = new Int32Array(count);
  let j = 0;
  for (let i = 0; i < n; i++) if (!inRows[i]) out[j++] = i;
  return out;
}

/** Zero-padded number for split ids ("Fold03" among 10+ folds). */
export function padIndex(i: number, total: number): string {
  return String(i).padStart(String(total).length, "0");
}

/** Freezes a Resamples object and its split list. */
export function freezeResamples(resamples: Resamples): Resamples {
  resamples.splits.forEach((s) => Object.freeze(s));
  Object.freeze(resamples.splits);
  Object.freeze(resamples.params);
  return Object.freeze(resamples);
}
