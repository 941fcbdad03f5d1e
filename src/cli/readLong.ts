import { RadvalError } from "../core/errors.js";
import { readRawTable } from "../io/readTable.js";
import { type LongTable, tableToLong } from "../table/longTable.js";
import { DEFAULT_ID_COLUMNS } from "../table/toDataset.js";
import { type RoleOptions, parseOptionsFrom, splitList } from "./options.js";

/**
 * Reads a long repeated-measures CSV for a subcommand: the case column is
 * `--id` or the first column named id, case_id or patient_id; the rater
 * column is `--rater`. Shared by `describe --rater` and `icc`.
 */
export function readLongTableFromOptions(file: string, options: RoleOptions & { rater: string }): LongTable {
  const raw = readRawTable(file, parseOptionsFrom(options));
  const caseColumn = options.id ?? raw.header.find((h) => DEFAULT_ID_COLUMNS.includes(h.toLowerCase()));
  if (caseColumn === undefined) {
    throw new RadvalError("MISSING_ROLE", "no case-id column: name it with --id", {
      where: { file },
      hint: `The long table needs a case column (tried ${DEFAULT_ID_COLUMNS.join(", ")}).`,
    });
  }
  const features = splitList(options.features);
  const exclude = splitList(options.exclude);
  return tableToLong(raw, {
    caseColumn,
    raterColumn: options.rater,
    ...(features ? { features } : {}),
    ...(exclude ? { exclude } : {}),
    ...(options.keepDiagnostics ? { keepDiagnostics: true } : {}),
  });
}
