import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { Dataset } from "../core/dataset.js";
import { RadvalError } from "../core/errors.js";
import { exampleInfo } from "../examples/parse.js";
import type { LongTable } from "../table/longTable.js";
import type { RoleSpec } from "../table/toDataset.js";
import { readFeatureTable, readLongTable } from "./readTable.js";

export { exampleInfo };

/** Absolute path of the package's bundled `examples/` folder. */
export function examplesDirectory(): string {
  return fileURLToPath(new URL("../../examples/", import.meta.url));
}

/** Absolute path of a bundled example's CSV file. */
export function examplePath(name: string): string {
  return join(examplesDirectory(), exampleInfo(name).file);
}

/**
 * Loads a bundled wide example (`wdbc`, `pbc`, `asah`, `multisite`) as a
 * Dataset with its default roles; `roles` overrides them key by key.
 */
export function loadExample(name: string, roles: RoleSpec = {}): Dataset {
  const info = exampleInfo(name);
  if (info.kind !== "wide") {
    throw new RadvalError("INVALID_ARGUMENT", `"${name}" is a long repeated-measures table`, { hint: `Use loadLongExample("${name}").` });
  }
  return readFeatureTable(examplePath(name), { ...info.roles, ...roles });
}

/** Loads a bundled long example (`test_retest`, `shrout_fleiss`) as per-feature case × rater matrices. */
export function loadLongExample(name: string): LongTable {
  const info = exampleInfo(name);
  if (info.kind !== "long") {
    throw new RadvalError("INVALID_ARGUMENT", `"${name}" is a wide table (one row per case)`, { hint: `Use loadExample("${name}").` });
  }
  return readLongTable(examplePath(name), { caseColumn: info.caseColumn, raterColumn: info.raterColumn });
}
