import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/rng.js";
import { parseStudyConfig } from "../../../src/validate/config.js";
import { runStudy } from "../../../src/validate/study/runStudy.js";
import { signalDataset } from "../helpers.js";

describe("design: a development filter overlapping an external cohort", () => {
  it("is an error naming the cohort and the first row, not a silent loss of rows", async () => {
    const site = Array.from({ length: 150 }, (_, i) => ["A", "B", "C"][i % 3]!);
    const data = signalDataset(150, 3, 2, 1.5, createRng(11), site);
    const config = parseStudyConfig({
      data: { file: "x.csv", outcome: "y", site: "site", development: { column: "site", values: ["A", "B"] } },
      models: [{ model: "logistic" }],
      external: { cohorts: [{ name: "B-external", column: "site", value: "B" }] },
    });
    await expect(runStudy({ config, data, long: null, dataFile: "x.csv" }, { createdAt: null })).rejects.toThrow(/50 row\(s\) selected by data\.development are also in external cohort "B-external" \(first: row 2, id 2\)/);
  });
});
