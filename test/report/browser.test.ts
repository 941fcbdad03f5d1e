// Opens the self-contained HTML report in a real browser (Debian's chromium, driven by
// playwright-core) from file://, with every non-file request blocked and counted, and checks that
// every chart rendered marks, that there were no console errors and no network requests.
// A full-page screenshot is written to test-output/report/report.png.
// .ci/run installs chromium; locally the test is skipped (with a note) only when CI is unset and
// /usr/bin/chromium is missing.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { writeReport } from "../../src/io/writeReport.js";
import { buildReport } from "../../src/report/report.js";
import { exampleResults } from "./fixture.js";

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available && !process.env["CI"]) console.warn(`browser test skipped: ${CHROMIUM} not found (bash .ci/run installs it)`);
const outDir = new URL("../../test-output/report/", import.meta.url).pathname;
const profiles: string[] = [];

afterAll(() => {
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!available && !process.env["CI"])("HTML report in Chromium", () => {
  it("renders every chart offline from file:// with no console errors and no network requests", async () => {
    const results = exampleResults();
    const report = buildReport(results);
    mkdirSync(outDir, { recursive: true });
    const [htmlPath] = await writeReport(results, { format: "html", outDir });
    const profile = mkdtempSync(join(tmpdir(), "radval-chromium-"));
    profiles.push(profile);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 1280, height: 900 },
    });
    const consoleErrors: string[] = [];
    const blocked: string[] = [];
    try {
      await context.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
        blocked.push(url);
        return route.abort();
      });
      const page = context.pages()[0] ?? (await context.newPage());
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(message.text());
      });
      page.on("pageerror", (error) => consoleErrors.push(`page error: ${error.message}`));
      await page.goto(pathToFileURL(htmlPath!).href);
      await page.waitForFunction(() => document.documentElement.hasAttribute("data-charts-rendered"), null, { timeout: 20_000 });
      const state = await page.evaluate(() => ({
        rendered: Number(document.documentElement.getAttribute("data-charts-rendered")),
        failed: Number(document.documentElement.getAttribute("data-charts-failed")),
        charts: Array.from(document.querySelectorAll("[data-radval-chart]")).map((node) => ({
          id: node.getAttribute("data-radval-chart"),
          marks: node.querySelectorAll("svg g[class*='mark-'] path, svg g[class*='mark-'] line, svg g[class*='mark-'] rect, canvas").length,
        })),
        items: document.querySelectorAll("#checklist tr[id^='item-']").length,
        checks: document.querySelectorAll("#checks tbody tr").length,
      }));
      expect(state.failed).toBe(0);
      expect(state.rendered).toBe(report.charts.length);
      expect(state.charts.map((c) => c.id)).toEqual(report.charts.map((c) => c.id));
      for (const chart of state.charts) expect([chart.id, chart.marks > 0]).toEqual([chart.id, true]);
      expect(state.items).toBe(52);
      expect(state.checks).toBe(report.checks.length);
      await page.screenshot({ path: join(outDir, "report.png"), fullPage: true });
      await page.locator("#chart-roc-internal").screenshot({ path: join(outDir, "roc-internal.png") });
      expect(existsSync(join(outDir, "report.png"))).toBe(true);
      // Control: the route really intercepts and counts non-file requests.
      const during = blocked.length;
      await page.goto("http://127.0.0.1:9/radval-control").catch(() => undefined);
      expect(blocked.slice(during)).toEqual(["http://127.0.0.1:9/radval-control"]);
      blocked.splice(during);
    } finally {
      await context.close();
    }
    expect(consoleErrors).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
