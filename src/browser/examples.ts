/**
 * radval/browser/examples — the bundled example data sets as CSV text, with
 * `loadExample` / `loadLongExample` that return the same Dataset / LongTable
 * as their `radval/node` namesakes (the `source` field aside: here it is the
 * file name). A separate bundle (`dist/radval.examples.js`, ~0.8 MB, mostly the
 * 600-patient multisite table) so that `radval/browser` stays small; it imports
 * the core from `./radval.browser.js`, so both share one module instance.
 *
 * Built only by esbuild (scripts/build-browser.mjs), which imports the CSV
 * files as text; tsc does not compile this folder (tsconfig.build.json).
 * @packageDocumentation
 */
import {
  EXAMPLE_NAMES,
  RadvalError,
  exampleInfo,
  parseExample,
  parseLongExample,
  type Dataset,
  type LongTable,
  type RoleSpec,
} from "../index.js";
import asah from "../../examples/asah.csv";
import multisite from "../../examples/multisite.csv";
import pbc from "../../examples/pbc.csv";
import shroutFleiss from "../../examples/shrout_fleiss.csv";
import testRetest from "../../examples/test_retest.csv";
import wdbc from "../../examples/wdbc.csv";

/** The CSV text of every bundled example, by example name (as in `EXAMPLES`). */
export const EXAMPLE_CSV: Readonly<Record<string, string>> = Object.freeze({
  wdbc,
  pbc,
  asah,
  multisite,
  test_retest: testRetest,
  shrout_fleiss: shroutFleiss,
});

/** The CSV text of a bundled example (`UNKNOWN_EXAMPLE` for a name not in `EXAMPLE_NAMES`). */
export function exampleText(name: string): string {
  exampleInfo(name);
  const text = EXAMPLE_CSV[name];
  if (text === undefined) {
    throw new RadvalError("UNKNOWN_EXAMPLE", `the example "${name}" is in the catalogue but not in the browser examples bundle`, {
      hint: `Bundled here: ${Object.keys(EXAMPLE_CSV).join(", ")} (catalogue: ${EXAMPLE_NAMES.join(", ")}).`,
    });
  }
  return text;
}

/** A bundled wide example (`wdbc`, `pbc`, `asah`, `multisite`) as a Dataset with its default roles; `roles` overrides them key by key. */
export function loadExample(name: string, roles: RoleSpec = {}): Dataset {
  return parseExample(name, exampleText(name), roles);
}

/** A bundled long example (`test_retest`, `shrout_fleiss`) as per-feature case × rater matrices. */
export function loadLongExample(name: string): LongTable {
  return parseLongExample(name, exampleText(name));
}
