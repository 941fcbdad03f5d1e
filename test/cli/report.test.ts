import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseFormats } from "../../src/cli/commands/report.js";
import { cli } from "./runCli.js";
import { radvalErrorOf } from "../helpers.js";
import { EXAMPLE_RESULTS, exampleJson } from "../report/fixture.js";


const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "radval-report-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("radval report", () => {
  it("writes a self-contained HTML report by default and summarises statuses and flags", async () => {
    const out = tempDir();
    const { code, stdout, stderr } = await cli("report", EXAMPLE_RESULTS, "--out", out);
    expect([code, stderr]).toEqual([0, ""]);
    expect(readdirSync(out)).toEqual(["report.html"]);
    expect(stdout).toContain(`wrote ${join(out, "report.html")}`);
    expect(stdout).toMatch(/TRIPOD\+AI items: \d+ filled, \d+ partly filled, 3 by the author, \d+ missing/);
    expect(stdout).toContain("flag (serious): Random forest (500 trees) in development: optimism-corrected calibration slope 0.58 (0.409–0.752): predictions too extreme (overfitting)");
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
  });

  it("writes Markdown with one SVG per chart, and JSON, with --format md,json and --json output", async () => {
    const out = tempDir();
    const { code, stdout } = await cli("report", EXAMPLE_RESULTS, "--format", "md,json", "--out", out, "--json");
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.files[0]).toBe(join(out, "report.md"));
    expect(summary.files.at(-1)).toBe(join(out, "report.json"));
    expect(summary.flags.map((f: { id: string }) => f.id)).toContain("epp-10");
    const svgs = readdirSync(join(out, "charts"));
    expect(svgs).toHaveLength(14);
    const md = readFileSync(join(out, "report.md"), "utf8");
    for (const svg of svgs) expect(md).toContain(`(charts/${svg})`);
    expect(JSON.parse(readFileSync(join(out, "report.json"), "utf8")).results.models).toHaveLength(2);
  });

  it.each([
    [["--format", "pdf"], "INVALID_OPTION", "--format"],
  ])("bad option %j → exit 2 [%s]", async (options, code, place) => {
    const r = await cli("report", EXAMPLE_RESULTS, ...options, "--out", tempDir());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`[${code}]`);
    expect(r.stderr).toContain(place);
  });

  it("reports bad results files in one or two lines naming the file and key, exit 2, nothing written", async () => {
    const dir = tempDir();
    const notJson = join(dir, "not.json");
    writeFileSync(notJson, "{ not json");
    const bad = exampleJson();
    bad["cohorts"][0]["n"] = "600";
    const badPath = join(dir, "bad.json");
    writeFileSync(badPath, JSON.stringify(bad));
    const cases: Array<[string, string, string]> = [
      [join(dir, "missing.json"), "FILE_NOT_FOUND", "missing.json"],
      [notJson, "INVALID_JSON", "not.json"],
      [badPath, "INVALID_RESULTS", 'config key "cohorts[0].n"'],
    ];
    for (const [file, code, place] of cases) {
      const out = join(dir, `out-${code}`);
      const r = await cli("report", file, "--out", out);
      expect(r.code).toBe(2);
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines.length).toBeLessThanOrEqual(2);
      expect(lines[0]).toContain(`[${code}]`);
      expect(lines[0]).toContain(place);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    }
  });

  it("is listed in radval --help", async () => {
    expect((await cli("--help")).stdout).toContain("report");
  });

  it("parses --format lists and aliases", () => {
    expect(parseFormats(undefined)).toEqual(["html"]);
    expect(parseFormats("markdown, HTML,md")).toEqual(["md", "html"]);
    expect(radvalErrorOf(() => parseFormats("docx")).where.option).toBe("--format");
  });
});
