import { readRawTable } from "../../src/io/readTable.js";
import { type ColumnMatrix, matrixFromColumns } from "../../src/core/matrix.js";
import { examplePath } from "../../src/io/examples.js";

/** The bundled PBC table (examples/pbc.csv = ../shared/data/pbc.csv): the rows of the given ids, in that order. */
export function pbcRows(ids: readonly number[]): Record<string, string>[] {
  const t = readRawTable(examplePath("pbc"));
  const byId = new Map<number, Record<string, string>>();
  for (const row of t.rows) byId.set(Number(row[0]), Object.fromEntries(t.header.map((h, j) => [h, row[j]!])));
  return ids.map((id) => byId.get(id)!);
}

/** Column-major feature matrix of `features` for the given rows. */
export function pbcMatrix(rows: readonly Record<string, string>[], features: readonly string[]): ColumnMatrix {
  return matrixFromColumns(features.map((f) => Float64Array.from(rows, (r) => Number(r[f]))));
}
