import { readFileSync } from "node:fs";
import { parseStudyResults } from "../../src/report/resultsSchema.js";
import type { StudyResults } from "../../src/report/results.js";
import { fixturePath } from "../helpers.js";

/** Path of the hand-built synthetic results fixture (test/fixtures/report/make_results_fixture.mjs). */
export const EXAMPLE_RESULTS = fixturePath("report/results_example.json");

/** The raw JSON of the synthetic results fixture (a fresh copy each call). */
export function exampleJson(): Record<string, any> {
  return JSON.parse(readFileSync(EXAMPLE_RESULTS, "utf8"));
}

/** The synthetic results fixture, validated. */
export function exampleResults(): StudyResults {
  return parseStudyResults(exampleJson(), EXAMPLE_RESULTS);
}

/** The smallest valid results: one development cohort, no models. */
export function minimalJson(): Record<string, any> {
  return {
    schemaVersion: 1,
    software: { radvalVersion: "0.1.0" },
    outcome: { column: "y", positive: "1" },
    cohorts: [{ name: "dev", role: "development", n: 100, events: 30 }],
    predictors: { available: 5, candidates: ["a", "b", "c", "d", "e"] },
    models: [],
  };
}
