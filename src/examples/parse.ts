import type { Dataset } from "../core/dataset.js";
import { RadvalError } from "../core/errors.js";
import { closestName } from "../core/suggest.js";
import type { LongTable } from "../table/longTable.js";
import { parseCsvText } from "../table/parseCsv.js";
import { tableToLong } from "../table/longTable.js";
import { type RoleSpec, tableToDataset } from "../table/toDataset.js";
import { EXAMPLES, EXAMPLE_NAMES, type ExampleInfo } from "./catalog.js";

/** Catalogue entry of a bundled example, or `UNKNOWN_EXAMPLE` naming the closest name and listing them all. */
export function exampleInfo(name: string): ExampleInfo {
  const info = Object.prototype.hasOwnProperty.call(EXAMPLES, name) ? EXAMPLES[name] : undefined;
  if (!info) {
    const guess = closestName(name, EXAMPLE_NAMES);
    throw new RadvalError("UNKNOWN_EXAMPLE", `there is no bundled example named "${name}"`, {
      hint: `${guess ? `Did you mean "${guess}"? ` : ""}Examples: ${EXAMPLE_NAMES.join(", ")}.`,
    });
  }
  return info;
}

/**
 * Types the CSV text of a bundled wide example (`wdbc`, `pbc`, `asah`,
 * `multisite`) with its default roles, exactly as `loadExample` in
 * `radval/node` does from the file; `roles` overrides them key by key. The
 * isomorphic half of `loadExample`: in a browser the text comes from the
 * examples bundle (`radval/browser/examples`) or a `fetch`. The Dataset's
 * `source` is `source` (default: the example's file name, e.g. `wdbc.csv`).
 */
export function parseExample(name: string, csvText: string, roles: RoleSpec = {}, source?: string): Dataset {
  const info = exampleInfo(name);
  if (info.kind !== "wide") {
    throw new RadvalError("INVALID_ARGUMENT", `"${name}" is a long repeated-measures table`, { hint: `Use parseLongExample("${name}", text).` });
  }
  return tableToDataset(parseCsvText(csvText, { source: source ?? info.file }), { ...info.roles, ...roles });
}

/**
 * Reads the CSV text of a bundled long example (`test_retest`,
 * `shrout_fleiss`) into per-feature case × rater matrices, as
 * `loadLongExample` in `radval/node` does from the file.
 */
export function parseLongExample(name: string, csvText: string, source?: string): LongTable {
  const info = exampleInfo(name);
  if (info.kind !== "long") {
    throw new RadvalError("INVALID_ARGUMENT", `"${name}" is a wide table (one row per case)`, { hint: `Use parseExample("${name}", text).` });
  }
  return tableToLong(parseCsvText(csvText, { source: source ?? info.file }), { caseColumn: info.caseColumn, raterColumn: info.raterColumn });
}
