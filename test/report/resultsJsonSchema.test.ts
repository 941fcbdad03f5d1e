import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { studyResultsSchema } from "../../src/report/resultsSchema.js";

describe("docs/results.schema.json", () => {
  it("is the JSON Schema of the zod results schema (regenerate: npm run build && node scripts/write-results-schema.mjs)", () => {
    const committed = JSON.parse(readFileSync(new URL("../../docs/results.schema.json", import.meta.url), "utf8"));
    const current = JSON.parse(JSON.stringify(z.toJSONSchema(studyResultsSchema, { io: "output", reused: "ref", unrepresentable: "any" })));
    expect(committed).toEqual(current);
    expect(committed.required).toContain("schemaVersion");
    expect(committed.properties.schemaVersion).toMatchObject({ const: 1 });
  });
});
