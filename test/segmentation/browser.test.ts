/**
 * The browser bundle (dist/radval.browser.js, built by `npm run build`) in headless Chromium: a page fetches two
 * .nii.gz files as ArrayBuffers (as a page would get dropped files) and compares them with compareNiftiBytes (gzip
 * by the browser's DecompressionStream). The numbers must equal test/fixtures/segmentation_metrics.json
 * (fx_segmentation.py: numpy/scipy/nibabel) to the README tolerances, and the batch HTML report must render its
 * charts offline.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type TestBrowser } from "../browser/harness.js";
import { cli } from "../cli/runCli.js";
import { fixturePath, loadFixture, relDiff } from "../helpers.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fx = loadFixture("segmentation_metrics.json");
const PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
import * as radval from "/dist/radval.browser.js";
window.compare = async (a, b) => {
  const [x, y] = await Promise.all([a, b].map((n) => fetch("/nii/" + n + ".nii.gz").then((r) => r.arrayBuffer())));
  return radval.compareNiftiBytes(x, y, { tolerance: 2, referenceName: a, predictionName: b });
};
window.ready = true;
</script>`;

describe("segmentation in the browser bundle (headless Chromium)", () => {
  let browser: TestBrowser;
  let reportHtml = "";

  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), "radval-seg-browser-"));
    const r = await cli("seg", "--pairs", fixturePath("segmentation/pairs.csv"), "--replicates", "100", "--out", out, "--quiet", "--json");
    reportHtml = readFileSync(JSON.parse(r.stdout).report, "utf8");
    const bundle = readFileSync(`${root}dist/radval.browser.js`);
    browser = await openBrowser((path) => {
      if (path === "/") return { body: PAGE, contentType: "text/html; charset=utf-8" };
      if (path === "/report.html") return { body: reportHtml, contentType: "text/html; charset=utf-8" };
      if (path === "/dist/radval.browser.js") return { body: bundle, contentType: "text/javascript; charset=utf-8" };
      const m = /^\/nii\/(\w+)\.nii\.gz$/.exec(path);
      return m ? { body: readFileSync(fixturePath(`segmentation/${m[1]}.nii.gz`)), contentType: "application/gzip" } : undefined;
    });
  }); // hookTimeout (vitest.config.ts): a CLI run plus a browser, no fixed 60 s on a busy machine

  afterAll(async () => {
    await browser?.close();
  });

  it("compareNiftiBytes on two fetched ArrayBuffers equals numpy/scipy", async () => {
    const { page, errors } = await browser.newPage();
    await page.goto("http://radval.test/");
    await page.waitForFunction(() => (window as any).ready === true, undefined, { timeout: 20_000 });
    for (const pair of fx.pairs.filter((p: any) => ["shifted", "spurious_blob", "empty_prediction"].includes(p.name))) {
      const got: any = await page.evaluate(([a, b]) => (window as any).compare(a, b), [pair.reference, pair.prediction]);
      expect(got.nIntersection).toBe(pair.n_intersection); // exact
      expect(relDiff(got.dice, pair.dice)).toBeLessThanOrEqual(1e-12); // 1e-12 relative
      expect(relDiff(got.volumePrediction, pair.volume_pred_ml)).toBeLessThanOrEqual(1e-12); // 1e-12 relative
      for (const [ours, theirs] of [["hausdorff", "hd"], ["hd95", "hd95"], ["assd", "assd"], ["surfaceDice", "surface_dice"]]) {
        if (pair[theirs!] === null) expect(got[ours!]).toBeNull();
        else expect(Math.abs(got[ours!] - pair[theirs!])).toBeLessThanOrEqual(1e-9); // 1e-9 abs
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it("the batch HTML report renders its charts with no network request", async () => {
    const { page, errors } = await browser.newPage();
    await page.goto("http://radval.test/report.html");
    await page.waitForFunction(() => document.documentElement.hasAttribute("data-charts-rendered"), undefined, { timeout: 30_000 });
    const rendered = await page.evaluate(() => [document.documentElement.getAttribute("data-charts-rendered"), document.documentElement.getAttribute("data-charts-failed")]);
    expect(rendered[1]).toBe("0");
    expect(Number(rendered[0])).toBeGreaterThanOrEqual(4); // Dice, two readers' Bland–Altman, r1 vs r2
    expect(errors).toEqual([]);
    expect(browser.blocked).toEqual([]);
    await page.close();
  }, 60_000);
});
