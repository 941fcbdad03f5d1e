// Writes docs/results.schema.json: the JSON Schema of results.json (what the validation engine
// must write: every key present, null for absent values), generated from the zod schema in
// src/report/resultsSchema.ts. Run after `npm run build`: node scripts/write-results-schema.mjs
// (test/report/resultsJsonSchema.test.ts fails when the committed file is out of date).
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { studyResultsSchema } from "../dist/report/resultsSchema.js";

export const JSON_SCHEMA_OPTIONS = { io: "output", reused: "ref", unrepresentable: "any" };
const schema = z.toJSONSchema(studyResultsSchema, JSON_SCHEMA_OPTIONS);
writeFileSync(new URL("../docs/results.schema.json", import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
console.log("wrote docs/results.schema.json");
