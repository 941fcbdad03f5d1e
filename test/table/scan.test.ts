import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/core/rng.js";
import { plainNumber } from "../../src/table/cells.js";
import { parseCsvChunks, parseCsvText, tableColumns } from "../../src/table/parseCsv.js";
import { radvalErrorOf as errorOf } from "../helpers.js";

// Reference: papaparse 5 (the parser the byte reader replaces) + trimming + blank-line skipping,
// i.e. the previous parseCsvText; the byte reader must give the same cells and lines.
function reference(text: string, delimiter: string): { rows: string[][]; lines: number[] } {
  const records = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false }).data;
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  records.forEach((record, r) => {
    const start = line;
    line += 1 + record.join("").split("\n").length - 1;
    if (r === 0 || (record.length === 1 && record[0]!.trim() === "")) return;
    rows.push(record.map((c) => c.trim()));
    lines.push(start);
  });
  return { rows, lines };
}

const cellPool = ["1", "0", "-2.5", "3.25e-3", "007", "1.50", "+4", "", "NA", "abc", "x y", "  12 ", "Inf", "1e400", "µg/ml", '"quoted, comma"', '"with ""quote"""', '"two\nlines"', '"7.5"', "0.12345678901234567"];

function randomCsv(seed: number, delimiter: string, newline: string): string {
  const rng = createRng(seed);
  const ncols = 1 + rng.integer(5);
  const lines = [Array.from({ length: ncols }, (_, j) => `c${j}`).join(delimiter)];
  const nrows = 1 + rng.integer(30);
  for (let r = 0; r < nrows; r++) {
    if (rng.integer(12) === 0) lines.push(rng.integer(2) ? "" : "   ");
    lines.push(Array.from({ length: ncols }, () => cellPool[rng.integer(cellPool.length)]!.replaceAll(",", delimiter === "," ? "," : ",")).join(delimiter));
  }
  return lines.join(newline) + (rng.integer(2) ? newline : "");
}

describe("the byte reader (parseCsvChunks / parseCsvText)", () => {
  it("gives papaparse's trimmed cells and physical lines on 400 random tables (quotes, quoted newlines, CRLF, blank lines, UTF-8)", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const delimiter = [",", ";", "\t"][seed % 3]!;
      const text = randomCsv(seed, delimiter, seed % 2 ? "\r\n" : "\n");
      const ref = reference(text, delimiter);
      if (ref.rows.length === 0) continue;
      const table = parseCsvText(text, { delimiter: delimiter as "," | ";" | "\t" });
      expect(table.rows, `seed ${seed}`).toEqual(ref.rows);
      expect(Array.from(table.lineOfRow), `seed ${seed}`).toEqual(ref.lines);
    }
  });

  it("gives the same table whatever the chunk boundaries (records cut anywhere, also inside quotes and CRLF)", () => {
    for (let seed = 1; seed <= 100; seed++) {
      const text = randomCsv(seed, ",", "\r\n");
      const bytes = new TextEncoder().encode(text);
      const whole = parseCsvText(text, { delimiter: "," });
      const rng = createRng(seed + 1000);
      const cut = parseCsvChunks(
        (visit) => {
          for (let at = 0; at < bytes.length; ) {
            const size = 1 + rng.integer(7);
            visit(bytes.subarray(at, at + size));
            at += size;
          }
        },
        { delimiter: "," },
      );
      expect(cut.rows, `seed ${seed}`).toEqual(whole.rows);
      expect(Array.from(cut.lineOfRow)).toEqual(Array.from(whole.lineOfRow));
    }
  });

  it("types plain numbers without strings and keeps the text of every other cell; number-like texts (007, 1.50) come back exact", () => {
    const text = "id,x,label\n007,1.50,a\n8,,NA\n9,-3e2,1.0\n10,Inf,b\n";
    let passes = 0;
    const bytes = new TextEncoder().encode(text);
    const table = parseCsvChunks((visit) => {
      passes++;
      visit(bytes);
    });
    const columns = tableColumns(table);
    expect(Array.from(columns.numbers(1))).toEqual([1.5, NaN, -300, NaN]);
    expect(columns.others(1)).toEqual({ rows: Int32Array.from([1, 3]), texts: ["", "Inf"] });
    expect(passes).toBe(1);
    expect(columns.text(0)).toEqual(["007", "8", "9", "10"]); // not canonical: read again, exactly
    expect(passes).toBe(2);
    expect(columns.text(1)).toEqual(["1.50", "", "-3e2", "Inf"]);
    expect(table.rows[2]).toEqual(["9", "-3e2", "1.0"]);
    for (let j = 0; j < 3; j++) {
      const numbers = columns.numbers(j);
      table.rows.forEach((row, r) => expect(Object.is(numbers[r], plainNumber(row[j]!))).toBe(true));
    }
  });

  it("rebuilds the texts of a canonical integer column (0/1, 1..n) from its numbers without a second pass", () => {
    let passes = 0;
    const bytes = new TextEncoder().encode("y,n\n0,1\n1,22\n1,-3\n");
    const table = parseCsvChunks((visit) => {
      passes++;
      visit(bytes);
    });
    expect(tableColumns(table).text(1)).toEqual(["1", "22", "-3"]);
    expect(passes).toBe(1);
  });

  it("reads number cells (fast path and general path alike) as plainNumber does, and their texts back exactly, whatever the chunk cuts", () => {
    const pool = ["0", "-0", "7", "-12", "007", "0.5", ".5", "-.5", "5.", "1.50", "123456789012345", "1234567890123456", "0.000000000000000000000123", "99999.999999", "+3", " 4 ", "1e3", "", "NA", "x"];
    for (let seed = 1; seed <= 200; seed++) {
      const rng = createRng(seed);
      const [delimiter, decimal] = seed % 3 === 0 ? [";", ","] : seed % 3 === 1 ? [",", "."] : ["\t", "."];
      const ncols = 2 + rng.integer(3); // (one column of "" would be a blank line, which is skipped)
      const rows = Array.from({ length: 1 + rng.integer(40) }, () =>
        Array.from({ length: ncols }, () => {
          const cell = pool[rng.integer(pool.length)]!;
          return decimal === "," ? cell.replace(".", ",") : cell;
        }),
      );
      const text = [Array.from({ length: ncols }, (_, j) => `c${j}`).join(delimiter), ...rows.map((r) => r.join(delimiter))].join(seed % 2 ? "\r\n" : "\n") + "\n";
      const bytes = new TextEncoder().encode(text);
      const table = parseCsvChunks(
        (visit) => {
          for (let at = 0; at < bytes.length; ) {
            const size = 1 + rng.integer(9);
            visit(bytes.subarray(at, at + size));
            at += size;
          }
        },
        { delimiter: delimiter as "," | ";" | "\t", decimal: decimal as "." | "," },
      );
      const columns = tableColumns(table);
      for (let j = 0; j < ncols; j++) {
        const numbers = columns.numbers(j);
        rows.forEach((row, r) => expect(Object.is(numbers[r], plainNumber(row[j]!.trim(), decimal as "." | ",")), `seed ${seed} "${row[j]}"`).toBe(true));
        expect(columns.text(j), `seed ${seed}`).toEqual(rows.map((row) => row[j]!.trim()));
      }
    }
  });

  it("names UTF-16 (with a byte-order mark) instead of a ragged row (FILE_UNREADABLE)", () => {
    const csv = "id,x\n" + Array.from({ length: 200 }, (_, i) => `${i},${i / 2}`).join("\n");
    const le = new Uint8Array(2 + 2 * csv.length);
    le[0] = 0xff;
    le[1] = 0xfe;
    for (let i = 0; i < csv.length; i++) le[2 + 2 * i] = csv.charCodeAt(i);
    const e = errorOf(() => parseCsvChunks((visit) => visit(le), { source: "u16.csv" }));
    expect(e.code).toBe("FILE_UNREADABLE");
    expect(e.message).toContain("UTF-16 (little-endian");
    expect(e.hint).toContain("UTF-8");
    const noBom = le.subarray(2);
    expect(errorOf(() => parseCsvChunks((visit) => visit(noBom))).message).toContain("NUL bytes: UTF-16");
  });

  it("reports text after a closing quote and an unterminated quote with the line (CSV_SYNTAX)", () => {
    expect(errorOf(() => parseCsvText('a,b\n1,"x"y\n')).where.line).toBe(2);
    const e = errorOf(() => parseCsvText('a,b\n1,2\n3,"open\n'));
    expect(e.code).toBe("CSV_SYNTAX");
    expect(e.where.line).toBe(3);
  });
});
