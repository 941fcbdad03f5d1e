import type { Dataset } from "../core/dataset.js";
import { type LongTable, type LongTableOptions, tableToLong } from "../table/longTable.js";
import { type ParseCsvOptions, type RawTable, parseCsvChunks } from "../table/parseCsv.js";
import { type RoleSpec, tableToDataset } from "../table/toDataset.js";
import { fileChunks } from "./readText.js";

/**
 * Reads a delimited file into a {@link RawTable}: streamed through the byte reader, numbers
 * straight into Float64Array columns (see `parseCsvChunks`); strings only for cells that are
 * not numbers. Pipes, `/dev/stdin` and `<(…)` are read too.
 */
export function readRawTable(path: string, options: Omit<ParseCsvOptions, "source"> = {}): RawTable {
  const { chunks, size } = fileChunks(path);
  return parseCsvChunks(chunks, { ...options, source: path, expectedBytes: size });
}

/**
 * Reads a wide feature table (one row per case; PyRadiomics output included)
 * from a CSV file and types it with the given roles. See {@link tableToDataset}
 * for the rules and errors.
 */
export function readFeatureTable(path: string, roles: RoleSpec = {}, parse: Omit<ParseCsvOptions, "source"> = {}): Dataset {
  return tableToDataset(readRawTable(path, parse), roles);
}

/**
 * Reads a long repeated-measures table (case × rater/repeat rows) from a CSV
 * file. See {@link tableToLong}.
 */
export function readLongTable(path: string, options: LongTableOptions, parse: Omit<ParseCsvOptions, "source"> = {}): LongTable {
  return tableToLong(readRawTable(path, parse), options);
}
