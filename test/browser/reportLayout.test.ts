/**
 * The HTML report as readers open it, in headless Chromium (scripts/check-reports.mjs, which the integrator also
 * runs on reports/): at 1400 px and 390 px no horizontal page overflow, every chart drawn and visible, no console
 * error, no network request; with JavaScript disabled every chart visible as its inline SVG; printed to PDF (A4 and
 * Letter) with every chart fitting an A4 column. The report is generated here from the synthetic results fixture
 * (a small study with every chart type), so the test needs no demo run.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeReport } from "../../src/io/writeReport.js";
import { buildReport } from "../../src/report/report.js";
import { exampleResults } from "../report/fixture.js";
// @ts-expect-error: a plain ES module script without type declarations
import { CHROMIUM, checkReport, launchChecker } from "../../scripts/check-reports.mjs";

interface CheckResult {
  problems: string[];
  facts: { charts: number; noJs: number; widths: Record<number, { scrollWidth: number; live: number }>; pdfPages: Record<string, number> };
}

const available = existsSync(CHROMIUM);
if (!available && !process.env["CI"]) console.warn(`report layout test skipped: ${CHROMIUM} not found`);

describe.skipIf(!available && !process.env["CI"])("HTML report layout in Chromium (desktop, phone, no JavaScript, print)", () => {
  const dir = mkdtempSync(join(tmpdir(), "radval-layout-"));
  const results = exampleResults();
  const report = buildReport(results);
  let result: CheckResult;
  let noJsBroken: CheckResult;

  beforeAll(async () => {
    const [html] = await writeReport(results, { format: "html", outDir: join(dir, "example") });
    const checker = await launchChecker();
    try {
      result = (await checkReport(checker, html)) as CheckResult;
      // Control: the same report without its inline SVGs must fail the no-JavaScript check.
      const { renderHtml } = await import("../../src/report/render/html.js");
      const { loadVegaScripts } = await import("../../src/io/vegaAssets.js");
      const { writeFileSync, mkdirSync } = await import("node:fs");
      mkdirSync(join(dir, "nosvg"), { recursive: true });
      writeFileSync(join(dir, "nosvg", "report.html"), renderHtml(report, loadVegaScripts()));
      noJsBroken = (await checkReport(checker, join(dir, "nosvg", "report.html"))) as CheckResult;
    } finally {
      await checker.close();
    }
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("passes every check: no overflow at 1400 and 390 px, charts visible with and without JavaScript, prints", () => {
    expect(result.problems).toEqual([]);
    expect(result.facts.charts).toBe(report.charts.length);
    expect(result.facts.widths[390]!.scrollWidth).toBeLessThanOrEqual(390);
    expect(result.facts.widths[1400]!.live).toBe(report.charts.length);
    expect(result.facts.noJs).toBe(report.charts.length); // every chart's SVG visible with JavaScript disabled
    expect(result.facts.pdfPages["A4"]).toBeGreaterThan(3);
    expect(result.facts.pdfPages["Letter"]).toBeGreaterThan(3);
  });

  it("counts charts without JavaScript for real (a report without inline SVGs fails that check)", () => {
    expect(noJsBroken.facts.noJs).toBe(0);
    expect(noJsBroken.problems.filter((p) => p.startsWith("no-JS"))).toHaveLength(2);
    expect(noJsBroken.problems.filter((p) => !p.startsWith("no-JS"))).toEqual([]);
  });
});
