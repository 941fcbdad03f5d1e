/**
 * The Observable notebook (notebooks/observable/index.html, Notebook Kit 2.x):
 * built here with `node scripts/build-observable.mjs` (= npm run
 * notebooks:observable, ~3 s), then opened in headless Chromium from the built
 * files. It must run radval's browser bundle, render its Vega-Lite charts with
 * vega-embed (SVG marks present), run a cross-validation of a LASSO in the
 * page with the numbers Node computes, log no error and make no network request.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join, normalize } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type * as NodeApi from "../../src/node.js";
import { type TestBrowser, contentTypeOf, openBrowser } from "./harness.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const site = join(root, "notebooks/observable/.observable/dist");

describe("Observable notebook (Notebook Kit) built offline and opened in headless Chromium", () => {
  let browser: TestBrowser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const build = spawnSync(process.execPath, [join(root, "scripts/build-observable.mjs"), "--quiet"], { cwd: root, encoding: "utf8" });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    browser = await openBrowser((path) => {
      const file = normalize(join(site, path === "/" ? "index.html" : path));
      if (!file.startsWith(site) || !existsSync(file)) return undefined;
      return { body: readFileSync(file), contentType: contentTypeOf(file) };
    });
    ({ page, errors } = await browser.newPage());
    await page.goto("http://radval.test/");
    // The chart cell has rendered when vega-embed's SVG holds the point marks.
    await page.waitForSelector(".radval-chart svg .mark-symbol.role-mark path", { timeout: 90_000 });
  }); // hookTimeout (vitest.config.ts): a build plus a browser, slow on a busy machine

  afterAll(async () => {
    await browser?.close();
  });

  it("renders the Vega-Lite chart as SVG marks", async () => {
    const marks = await page.locator(".radval-chart svg .mark-symbol.role-mark path").count();
    const rules = await page.locator(".radval-chart svg .mark-rule.role-mark line").count();
    expect(marks).toBe(19); // the 19 cohort features measured in the test-retest study
    expect(rules).toBe(1); // the ICC cut
    if (process.env.RADVAL_SCREENSHOT) await page.screenshot({ path: process.env.RADVAL_SCREENSHOT, fullPage: true });
  });

  it("shows the numbers radval computes in Node", async () => {
    const radval = (await import(pathToFileURL(join(root, "dist/node.js")).href)) as typeof NodeApi;
    const icc = radval.iccTable(radval.loadLongExample("test_retest"));
    const cohort = radval.loadExample("multisite");
    const kept = radval.fitReliabilityFilter(radval.reliabilityFilterStep({ icc, statistic: "ICC(A,1)", cut: 0.75, unmeasured: "drop" }), {
      names: cohort.featureNames,
      x: cohort.x,
    }).kept;
    const text = await page.locator("main").innerText();
    expect(text).toContain(`${kept.length} of 19 features measured`);
    const rows = await page.locator(".radval-table tbody tr").allInnerTexts();
    expect(rows).toHaveLength(19);
    const y = radval.requireOutcome(cohort).values;
    const first = kept.map((d) => ({ d, icc: d.estimate! })).sort((a, b) => b.icc - a.icc)[0]!.d;
    const auc = radval.aucMannWhitney(y, radval.featureColumn(cohort, first.feature));
    expect(rows[0]!.split("\t")).toEqual([first.feature, first.estimate!.toFixed(3), Math.max(auc, 1 - auc).toFixed(3), "yes"]);
  });

  it("runs a 5-fold CV of a LASSO in the page and draws its ROC curve, with the numbers Node computes", async () => {
    await page.waitForSelector(".radval-roc svg .mark-line.role-mark path", { timeout: 30_000 });
    expect(await page.locator(".radval-roc svg .mark-line.role-mark path").count()).toBe(1); // one model's curve
    const radval = (await import(pathToFileURL(join(root, "dist/node.js")).href)) as typeof NodeApi;
    const icc = radval.iccTable(radval.loadLongExample("test_retest"));
    const cohort = radval.loadExample("multisite");
    const y = radval.requireOutcome(cohort).values;
    const lasso = radval.workflow({
      id: "lasso",
      label: "LASSO",
      steps: [radval.reliabilityFilterStep({ icc, statistic: "ICC(A,1)", cut: 0.75, unmeasured: "drop" }), radval.standardize()],
      model: radval.elasticNet({ mixture: 1, penalty: "cv", innerFolds: 5, lambdaMinRatio: 0.01 }),
    });
    const rng = radval.createRng(2026);
    const folds = radval.stratifiedKFold(y, 5, rng.split());
    const [cv] = await radval.resampleWorkflows({ data: cohort, workflows: [lasso] }, folds, rng.split());
    const pooled = radval.poolByRepeat(cv!, 5, y)[0]!;
    const auc = radval.performanceMetrics(pooled.y, pooled.prob).auc!;
    const text = await page.locator("main").innerText();
    expect(text).toContain(`Cross-validated AUC ${auc.estimate!.toFixed(3)} (95% CI ${auc.lower!.toFixed(3)}–${auc.upper!.toFixed(3)})`);
    expect(text).toContain(`per fold: ${cv!.splits.map((s) => s.indexes.auc!.toFixed(3)).join(", ")}.`);
    expect(auc.estimate!).toBeGreaterThan(0.6); // a real model, not noise
  });

  it("reacts to the cut: a lower cut keeps more features", async () => {
    const before = await page.locator(".radval-table tbody tr", { hasText: "yes" }).count();
    await page.locator(".radval-cut input").fill("0.5");
    await expect.poll(() => page.locator(".radval-table tbody tr", { hasText: "yes" }).count(), { timeout: 10_000 }).toBeGreaterThan(before);
    expect(await page.locator("main").innerText()).toContain("ICC(A,1) ≥ 0.5");
  });

  it("warns in the page when the LASSO keeps no feature (cut 0.85), and not otherwise", async () => {
    expect(await page.locator(".radval-warning").count()).toBe(0);
    await page.locator(".radval-cut input").fill("0.85");
    await expect.poll(() => page.locator("main").innerText(), { timeout: 30_000 }).toContain("ICC(A,1) ≥ 0.85");
    await expect.poll(() => page.locator(".radval-warning").count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator(".radval-warning").innerText()).toContain("The LASSO keeps no feature at this cut");
  });

  it("logged no error and made no network request", () => {
    expect(errors).toEqual([]);
    expect(browser.blocked).toEqual([]);
    expect(browser.served.some((p) => /radval\.browser.*\.js$/.test(p))).toBe(true);
    expect(browser.served.some((p) => /radval\.examples.*\.js$/.test(p))).toBe(true);
  });
});
