import { RadvalError } from "../core/errors.js";
import { type Resamples, freezeResamples } from "./types.js";

/** Where a temporal split cuts: at a date (days since 1970-01-01, or an ISO date) or at a fraction of the rows in time order. */
export type TemporalCut = { readonly cutoff: number | string } | { readonly fraction: number };

function toDays(cutoff: number | string): number {
  if (typeof cutoff === "number") return cutoff;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cutoff);
  if (!m) throw new RadvalError("INVALID_DATE", `temporal cutoff "${cutoff}" is not a date YYYY-MM-DD`, { hint: "Example: 2020-01-01." });
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/**
 * Temporal hold-out: develop on rows dated before the cut, validate on rows
 * dated on or after it (TRIPOD type 2b). With `fraction`, the cut is the date
 * at that quantile of the row order by date (ties stay on one side: rows on
 * the cut date go to validation). Rows with a missing date are in neither
 * set. Error `EMPTY_SPLIT` when a side is empty. O(n log n).
 */
export function temporalSplit(days: ArrayLike<number>, cut: TemporalCut, options: { column?: string } = {}): Resamples {
  const n = days.length;
  const dated: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(days[i]!)) dated.push(i);
  let cutoff: number;
  if ("fraction" in cut) {
    if (!(cut.fraction > 0 && cut.fraction < 1)) throw new RadvalError("INVALID_ARGUMENT", `temporal fraction must be in (0, 1), got ${cut.fraction}`);
    const sorted = dated.map((i) => days[i]!).sort((a, b) => a - b);
    cutoff = sorted[Math.min(sorted.length - 1, Math.floor(cut.fraction * sorted.length))]!;
  } else {
    cutoff = toDays(cut.cutoff);
  }
  const analysis = dated.filter((i) => days[i]! < cutoff);
  const assessment = dated.filter((i) => days[i]! >= cutoff);
  const cutText = new Date(cutoff * 86_400_000).toISOString().slice(0, 10);
  if (analysis.length === 0 || assessment.length === 0) {
    throw new RadvalError("EMPTY_SPLIT", `the temporal cutoff ${cutText} leaves no rows ${analysis.length === 0 ? "before" : "on or after"} it`, {
      ...(options.column ? { where: { column: options.column } } : {}),
      hint: "Choose a cutoff between the first and the last date (radval describe shows the date range).",
    });
  }
  return freezeResamples({
    scheme: "temporal",
    n,
    splits: [{ id: `Temporal:${cutText}`, analysis: Int32Array.from(analysis), assessment: Int32Array.from(assessment) }],
    params: { cutoff: cutText, ...("fraction" in cut ? { fraction: cut.fraction } : {}) },
  });
}
