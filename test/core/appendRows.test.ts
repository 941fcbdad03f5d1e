import { describe, expect, it } from "vitest";
import { appendRows } from "../../src/core/appendRows.js";
import { freezeDataset } from "../../src/core/dataset.js";
import { createRng } from "../../src/core/rng.js";
import { radvalErrorOf } from "../helpers.js";
import { signalDataset } from "../validate/helpers.js";

describe("appendRows without id columns (issue 15)", () => {
  it("says the files have no id column, instead of DUPLICATE_ID \"1\"", () => {
    const a = freezeDataset({ ...signalDataset(20, 2, 1, 1, createRng(1)), source: "dev.csv", idColumn: undefined });
    const b = freezeDataset({ ...signalDataset(20, 2, 1, 1, createRng(2)), source: "ext.csv", idColumn: undefined });
    const e = radvalErrorOf(() => appendRows(a, b));
    expect(e.code).toBe("MISSING_ID");
    expect(e.message).toContain("neither dev.csv nor ext.csv has an id column");
    expect(e.hint).toContain("data.id");
    const withIds = freezeDataset({ ...b, idColumn: "id", ids: b.ids.map((id) => `E${id}`) });
    expect(radvalErrorOf(() => appendRows(a, withIds)).message).toContain("dev.csv has no id column");
  });
});
