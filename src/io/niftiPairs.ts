import { dirname, isAbsolute, resolve } from "node:path";
import { RadvalError, isRadvalError } from "../core/errors.js";
import type { BinaryMask } from "../segmentation/mask.js";
import { type SegmentationMetricsOptions, segmentationMetrics } from "../segmentation/metrics.js";
import type { ReaderPairCase, SegmentationCase } from "../segmentation/summary.js";
import type { NiftiMaskOptions } from "./niftiVolume.js";
import { readNiftiMask } from "./niftiFile.js";
import { readRawTable } from "./readTable.js";

/** One row of a pairs CSV. */
export interface SegmentationPairRow {
  readonly caseId: string;
  readonly reference: string;
  readonly prediction: string;
  readonly reader: string | null;
  /** 1-based line in the CSV. */
  readonly line: number;
}

const REQUIRED = ["case_id", "reference", "prediction"] as const;

/**
 * Reads a pairs CSV with columns `case_id, reference, prediction[, reader]`
 * (paths relative to the CSV's folder unless absolute). Missing columns,
 * empty cells and a repeated (case_id, reader) are RadvalErrors with the
 * line.
 */
export function readSegmentationPairs(csvPath: string): SegmentationPairRow[] {
  const table = readRawTable(csvPath);
  const header = table.header.map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  for (const name of REQUIRED) {
    if (col(name) < 0) {
      throw new RadvalError("UNKNOWN_COLUMN", `the pairs CSV has no "${name}" column (columns: ${table.header.join(", ")})`, {
        where: { file: csvPath, column: name },
        hint: "Columns: case_id, reference, prediction and optionally reader; one row per compared pair.",
      });
    }
  }
  const readerCol = col("reader");
  const base = dirname(csvPath);
  const seen = new Set<string>();
  return table.rows.map((row, r) => {
    const line = table.lineOfRow[r]!;
    const cell = (c: number, name: string) => {
      const v = (row[c] ?? "").trim();
      if (v === "") throw new RadvalError("MISSING_VALUES", `empty ${name}`, { where: { file: csvPath, line, column: name }, hint: "Every row needs case_id, reference and prediction." });
      return v;
    };
    const caseId = cell(col("case_id"), "case_id");
    const reader = readerCol >= 0 ? (row[readerCol] ?? "").trim() || null : null;
    const key = `${caseId}\u0000${reader ?? ""}`;
    if (seen.has(key)) {
      throw new RadvalError("DUPLICATE_ID", `case "${caseId}"${reader ? ` of reader "${reader}"` : ""} appears twice`, { where: { file: csvPath, line }, hint: "One row per case (and reader)." });
    }
    seen.add(key);
    const path = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
    return { caseId, reference: path(cell(col("reference"), "reference")), prediction: path(cell(col("prediction"), "prediction")), reader, line };
  });
}

/** Options of {@link compareSegmentationPairs}. */
export type CompareSegmentationPairsOptions = NiftiMaskOptions & Pick<SegmentationMetricsOptions, "tolerance"> & {
  /** Called after each case (for a progress bar). */
  readonly onCase?: (done: number, total: number) => void;
};

/**
 * Compares every row of a pairs CSV (reference vs prediction) and, for each
 * case segmented by several readers, every pair of readers' predictions
 * (the reader appearing first in the CSV as the reference). Masks are read one case at a
 * time. Errors name the case and the CSV line.
 */
export function compareSegmentationPairs(csvPath: string, options: CompareSegmentationPairsOptions = {}): { cases: SegmentationCase[]; readerPairs: ReaderPairCase[] } {
  const rows = readSegmentationPairs(csvPath);
  const caseIds: string[] = [];
  for (const r of rows) if (!caseIds.includes(r.caseId)) caseIds.push(r.caseId);
  const readerOrder: string[] = [];
  for (const r of rows) if (r.reader !== null && !readerOrder.includes(r.reader)) readerOrder.push(r.reader);
  const maskOptions: NiftiMaskOptions = options.label === undefined ? {} : { label: options.label };
  const metricOptions = options.tolerance === undefined ? {} : { tolerance: options.tolerance };
  const cases: SegmentationCase[] = [];
  const readerPairs: ReaderPairCase[] = [];
  caseIds.forEach((caseId, done) => {
    const mine = rows.filter((r) => r.caseId === caseId);
    const cache = new Map<string, BinaryMask>();
    let current = mine[0]!;
    const load = (path: string) => {
      let m = cache.get(path);
      if (!m) {
        m = readNiftiMask(path, maskOptions);
        cache.set(path, m);
      }
      return m;
    };
    try {
      for (const row of mine) {
        current = row;
        cases.push({ caseId, reader: row.reader, reference: row.reference, prediction: row.prediction, metrics: segmentationMetrics(load(row.reference), load(row.prediction), metricOptions) });
      }
      const withReader = mine.filter((r) => r.reader !== null).sort((x, y) => readerOrder.indexOf(x.reader!) - readerOrder.indexOf(y.reader!));
      for (let a = 0; a < withReader.length; a++) {
        for (let b = a + 1; b < withReader.length; b++) {
          current = withReader[b]!;
          const [ra, rb] = [withReader[a]!, withReader[b]!];
          readerPairs.push({ caseId, readerA: ra.reader!, readerB: rb.reader!, metrics: segmentationMetrics(load(ra.prediction), load(rb.prediction), metricOptions) });
        }
      }
    } catch (e) {
      if (!isRadvalError(e)) throw e;
      throw new RadvalError(e.code, `case "${caseId}": ${e.message}`, { where: { file: csvPath, line: current.line }, ...(e.hint ? { hint: e.hint } : {}) });
    }
    options.onCase?.(done + 1, caseIds.length);
  });
  // Cases in the CSV's row order (they were computed one case id at a time).
  const rowOf = new Map(rows.map((r, i) => [`${r.caseId}\u0000${r.reader ?? ""}`, i]));
  cases.sort((x, y) => rowOf.get(`${x.caseId}\u0000${x.reader ?? ""}`)! - rowOf.get(`${y.caseId}\u0000${y.reader ?? ""}`)!);
  return { cases, readerPairs };
}
