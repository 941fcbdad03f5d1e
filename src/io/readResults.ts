import { RadvalError } from "../core/errors.js";
import type { StudyResults } from "../report/results.js";
import { parseStudyResults } from "../report/resultsSchema.js";
import { readTextFile } from "./readText.js";

/**
 * Reads and validates a `results.json` file. `INVALID_JSON` when it is not
 * JSON (with the position), `INVALID_RESULTS` naming the first offending key
 * when it does not follow the results schema.
 */
export function readResultsFile(path: string): StudyResults {
  const text = readTextFile(path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RadvalError("INVALID_JSON", `not valid JSON (${(e as Error).message})`, { where: { file: path }, hint: "Give the results.json written by radval validate." });
  }
  return parseStudyResults(json, path);
}
