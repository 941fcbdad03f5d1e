import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { radvalErrorOf as errorOf } from "../helpers.js";
import { detectDelimiter, parseCsvText } from "../../src/table/parseCsv.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/tables/${name}`, import.meta.url), "utf8");

describe("parseCsvText", () => {
  it("reads a ;-separated file with BOM, CRLF, quoted fields and decimal commas", () => {
    const table = parseCsvText(fixture("european_bom_crlf.csv"), { source: "eu.csv" });
    expect(table.delimiter).toBe(";");
    expect(table.decimal).toBe(",");
    expect(table.header).toEqual(["id", "outcome", "a", "note, quoted", "b"]);
    expect(table.rows[1]).toEqual(["2", "yes", "2,25", 'he said "hi"', "3"]);
    expect(table.rows[2]![3]).toBe("");
    expect(Array.from(table.lineOfRow)).toEqual([2, 3, 4]);
  });

  it("detects the delimiter outside quotes", () => {
    expect(detectDelimiter('a;b;"c,d,e"')).toBe(";");
    expect(detectDelimiter("a,b,c")).toBe(",");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
  });

  it("counts physical lines across quoted newlines", () => {
    const table = parseCsvText('id,note,x\n1,"two\nlines",3\n2,plain,4\n');
    expect(Array.from(table.lineOfRow)).toEqual([2, 4]);
  });

  it("rejects an empty file (EMPTY_FILE)", () => {
    const e = errorOf(() => parseCsvText(fixture("empty.csv"), { source: "empty.csv" }));
    expect(e.code).toBe("EMPTY_FILE");
    expect(e.message).toContain("empty.csv");
  });

  it("rejects a header-only file (NO_DATA_ROWS)", () => {
    const e = errorOf(() => parseCsvText(fixture("header_only.csv"), { source: "h.csv" }));
    expect(e.code).toBe("NO_DATA_ROWS");
    expect(e.where.file).toBe("h.csv");
  });

  it("names the line of a ragged row (RAGGED_ROW)", () => {
    const e = errorOf(() => parseCsvText(fixture("ragged.csv"), { source: "ragged.csv" }));
    expect(e.code).toBe("RAGGED_ROW");
    expect(e.where.line).toBe(3);
    expect(e.message).toContain("line 3");
    expect(e.message).toContain("3 cells but the header has 4");
  });

  it("names both positions of a duplicated column (DUPLICATE_COLUMN)", () => {
    const e = errorOf(() => parseCsvText(fixture("duplicate_column.csv"), { source: "d.csv" }));
    expect(e.code).toBe("DUPLICATE_COLUMN");
    expect(e.where.column).toBe("a");
    expect(e.message).toContain("columns 3 and 4");
  });

  it("reports an unterminated quote (CSV_SYNTAX)", () => {
    const e = errorOf(() => parseCsvText(fixture("bad_quote.csv"), { source: "q.csv" }));
    expect(e.code).toBe("CSV_SYNTAX");
    expect(e.where.file).toBe("q.csv");
  });
});
