import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { featureColumn } from "../../src/core/dataset.js";
import { readFeatureTable, readRawTable } from "../../src/io/readTable.js";
import { parseCsvText, tableColumns } from "../../src/table/parseCsv.js";
import { radvalErrorOf } from "../helpers.js";

const dir = mkdtempSync(join(tmpdir(), "radval-readtable-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readRawTable: files streamed through the byte reader", () => {
  it("streams a table larger than one chunk (1 MiB) into the same columns as the in-memory parser", () => {
    const lines = ["id,y,a,b"];
    for (let i = 0; i < 60000; i++) lines.push(`P${i},${i % 3 === 0 ? 1 : 0},${(i * 0.001).toFixed(6)},${i % 7 === 0 ? "" : String(i * 37 % 1000)}`);
    const text = lines.join("\r\n");
    const path = join(dir, "big.csv");
    writeFileSync(path, text);
    const streamed = readRawTable(path);
    const memory = parseCsvText(text);
    expect(streamed.lineOfRow.length).toBe(60000);
    for (const j of [2, 3]) expect(Array.from(tableColumns(streamed).numbers(j))).toEqual(Array.from(tableColumns(memory).numbers(j)));
    expect(tableColumns(streamed).text(0)).toEqual(tableColumns(memory).text(0));
    const data = readFeatureTable(path, { outcome: "y" });
    expect(data.ids[59999]).toBe("P59999");
    expect(featureColumn(data, "a")[12345]).toBe(12.345);
  });

  it("a file changed between the first pass and a second one is FILE_UNREADABLE, not mixed rows", () => {
    const path = join(dir, "changing.csv");
    writeFileSync(path, "id,x\n007,1\n008,2\n");
    const table = readRawTable(path);
    writeFileSync(path, "id,x\n007,1\n008,2\n009,3\n");
    const e = radvalErrorOf(() => tableColumns(table).text(0)); // "007" is not canonical: read again
    expect(e.code).toBe("FILE_UNREADABLE");
    expect(e.message).toContain("changed");
  });

  it("reads a named pipe, as bash's <(…) gives (was refused as a directory)", async () => {
    const fifo = join(dir, "pipe.csv");
    execFileSync("mkfifo", [fifo]);
    const writer = spawn("sh", ["-c", `printf 'id,y,x\\n1,0,0.5\\n2,1,0.25\\n' > '${fifo}'`]);
    const data = readFeatureTable(fifo, { outcome: "y" });
    await new Promise((resolve) => writer.on("exit", resolve));
    expect(Array.from(featureColumn(data, "x"))).toEqual([0.5, 0.25]);
    expect(data.ids).toEqual(["1", "2"]);
  });

  it("a directory is still FILE_UNREADABLE with a hint; a missing file FILE_NOT_FOUND", () => {
    expect(radvalErrorOf(() => readRawTable(dir)).code).toBe("FILE_UNREADABLE");
    expect(radvalErrorOf(() => readRawTable(join(dir, "nope.csv"))).code).toBe("FILE_NOT_FOUND");
  });
});

describe("the built binary reads /dev/stdin", () => {
  const bin = new URL("../../bin/radval.js", import.meta.url).pathname;
  it.skipIf(!existsSync(new URL("../../dist/cli/index.js", import.meta.url)))("radval auc /dev/stdin < file", () => {
    const csv = "y,p\n0,0.1\n1,0.9\n0,0.4\n1,0.35\n0,0.2\n1,0.8\n";
    const out = spawnSync(process.execPath, [bin, "auc", "/dev/stdin", "--outcome", "y", "--score", "p", "--json"], { input: csv, encoding: "utf8" });
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout).auc).toBeCloseTo(8 / 9, 12); // tolerance 1e-12: 8 of 9 case–control pairs ordered
  });
});
