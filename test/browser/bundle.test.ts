/**
 * The browser bundle (dist/radval.browser.js + dist/radval.examples.js, built by
 * scripts/build-browser.mjs during `npm run build`) in headless Chromium: every
 * computation in ./computations.ts runs in the page and in Node (dist/node.js,
 * examples read from the CSV files), and the results must be exactly equal
 * (to a stated relative tolerance where Math.exp/log are involved).
 * The page may make no network request beyond the intercepted test origin.
 */
import { builtinModules } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { transformSync } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as NodeApi from "../../src/node.js";
import { COMPUTATIONS, differences, toPlain } from "./computations.js";
import { type Server, type TestBrowser, openBrowser } from "./harness.js";
import type { Page } from "playwright-core";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bundlePath = `${root}dist/radval.browser.js`;
const examplesPath = `${root}dist/radval.examples.js`;

/** What /runner.js puts on `window` (test code cannot `import()` inside page.evaluate: vitest rewrites it). */
interface PageGlobals {
  radvalTest: {
    radval: typeof NodeApi;
    examples: typeof NodeApi;
    COMPUTATIONS: typeof COMPUTATIONS;
    toPlain: typeof toPlain;
  };
}
const PAGE = `<!doctype html><meta charset="utf-8"><title>radval bundle test</title><script type="module" src="/runner.js"></script><p>radval</p>`;
const RUNNER = `import * as radval from "/dist/radval.browser.js";
import * as examples from "/dist/radval.examples.js";
import { COMPUTATIONS, toPlain } from "/computations.js";
window.radvalTest = { radval, examples, COMPUTATIONS, toPlain };
`;

const js = (body: string | Buffer) => ({ body, contentType: "text/javascript; charset=utf-8" });

describe("dist/radval.browser.js has no Node built-ins", () => {
  const builtins = new Set(builtinModules);
  const isNodeSpecifier = (s: string) => s.startsWith("node:") || builtins.has(s) || builtins.has(s.split("/")[0]!);
  for (const file of [bundlePath, examplesPath]) {
    it(`${file.slice(root.length)}: no require(), import or import() of a Node module`, () => {
      const text = readFileSync(file, "utf8");
      // (A string such as `from ")` in minified code also matches the pattern: only plausible module specifiers count.)
      const specifiers = [...text.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)|\bfrom\s*["'`]([^"'`]+)["'`]|\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)|\bimport\s*["'`]([^"'`]+)["'`]/g)].map(
        (m) => m[1] ?? m[2] ?? m[3] ?? m[4]!,
      ).filter((s) => /^[\w@.:/-]+$/.test(s));
      expect(specifiers.filter(isNodeSpecifier)).toEqual([]);
      expect(text).not.toMatch(/\brequire\(/);
      // Every import is the sibling core bundle (the examples bundle), or a dynamic import of the sibling vega /
      // vega-lite bundles, which renderSvg loads on demand: all relative to the bundle's URL, no bare specifier.
      expect(specifiers.filter((s) => !["./radval.browser.js", "./radval.vega.js", "./radval.vega-lite.js"].includes(s))).toEqual([]);
    });
  }
});

describe("browser bundle in headless Chromium gives the same numbers as Node", () => {
  let browser: TestBrowser;
  let page: Page;
  let pageErrors: string[];
  let nodeApi: typeof NodeApi;

  beforeAll(async () => {
    // The built package, as users get it (not the TypeScript sources).
    nodeApi = (await import(pathToFileURL(`${root}dist/node.js`).href)) as typeof NodeApi;
    const computationsJs = transformSync(readFileSync(new URL("./computations.ts", import.meta.url), "utf8"), { loader: "ts", format: "esm" }).code;
    const files: Record<string, { body: string | Buffer; contentType: string }> = {
      "/dist/radval.browser.js": js(readFileSync(bundlePath)),
      "/dist/radval.examples.js": js(readFileSync(examplesPath)),
      "/dist/radval.vega.js": js(readFileSync(`${root}dist/radval.vega.js`)),
      "/dist/radval.vega-lite.js": js(readFileSync(`${root}dist/radval.vega-lite.js`)),
      "/dist/libsvm.wasm": { body: readFileSync(`${root}dist/libsvm.wasm`), contentType: "application/wasm" },
      "/computations.js": js(computationsJs),
      "/runner.js": js(RUNNER),
    };
    const server: Server = (path) => (path === "/" ? { body: PAGE, contentType: "text/html; charset=utf-8" } : files[path]);
    browser = await openBrowser(server);
    ({ page, errors: pageErrors } = await browser.newPage());
    await page.goto("http://radval.test/");
    await page.waitForFunction(() => (window as unknown as PageGlobals).radvalTest !== undefined, undefined, { timeout: 60_000 });
  }); // hookTimeout (vitest.config.ts): no fixed 30 s on a busy machine

  afterAll(async () => {
    await browser?.close();
  });

  it("loads the bundles as ES modules and exposes the isomorphic API", async () => {
    const exported = await page.evaluate(() => {
      const { radval, examples } = (window as unknown as PageGlobals).radvalTest as unknown as {
        radval: Record<string, unknown> & { RADVAL_VERSION: string };
        examples: Record<string, unknown> & { EXAMPLE_CSV: Record<string, string> };
      };
      return { version: radval.RADVAL_VERSION as string, core: Object.keys(radval).sort(), examples: Object.keys(examples).sort(), names: Object.keys(examples.EXAMPLE_CSV) };
    });
    expect(exported.version).toBe(nodeApi.RADVAL_VERSION);
    const isomorphic = Object.keys(await import(pathToFileURL(`${root}dist/index.js`).href)).sort();
    expect(exported.core).toEqual(isomorphic);
    expect(exported.examples).toEqual(["EXAMPLE_CSV", "exampleText", "loadExample", "loadLongExample"]);
    expect(exported.names.sort()).toEqual([...nodeApi.EXAMPLE_NAMES].sort());
  });

  it("compiles the WebAssembly SIMD kernels on the page's main thread, as Node does (not the slower JS twins)", async () => {
    const simd = await page.evaluate(() => ((window as unknown as PageGlobals).radvalTest.radval as unknown as { simdAvailable(): boolean }).simdAvailable());
    expect(nodeApi.simdAvailable()).toBe(true);
    expect(simd).toBe(true);
  });

  it.each(COMPUTATIONS.map((c) => [c.name, c] as const))("%s", async (name, computation) => {
    const inBrowser = await page.evaluate(async (computationName) => {
      const t = (window as unknown as PageGlobals).radvalTest;
      const c = t.COMPUTATIONS.find((x) => x.name === computationName)!;
      return JSON.stringify(t.toPlain(await c.run(t.radval, t.examples)));
    }, name);
    const inNode = JSON.stringify(toPlain(await computation.run(nodeApi, nodeApi)));
    expect(inNode.length).toBeGreaterThan(20); // a real result, not an empty one
    if (computation.tolerance === undefined) expect(JSON.parse(inBrowser)).toStrictEqual(JSON.parse(inNode));
    else expect(differences(JSON.parse(inBrowser), JSON.parse(inNode), computation.tolerance)).toEqual([]);
  });

  it("agrees with R where a reference exists (so the equality above is not vacuous)", async () => {
    const ref = JSON.parse(readFileSync(new URL("../fixtures/auc_delong_asah.json", import.meta.url), "utf8")) as { rocs: { s100b: { auc: number } } };
    const auc = await page.evaluate(() => {
      const { radval, examples } = (window as unknown as PageGlobals).radvalTest;
      const d = examples.loadExample("asah");
      return radval.aucMannWhitney(radval.requireOutcome(d).values, radval.featureColumn(d, "s100b"));
    });
    expect(auc).toBeCloseTo(ref.rocs.s100b.auc, 12); // pROC::auc, fx_auc_delong_asah.R; tolerance 1e-12
    // glmnet 4.1-6 (test/fixtures/fx_glmnet_extra.R, default thresh): the page's elastic-net path takes glmnet's steps
    const glmnet = JSON.parse(readFileSync(new URL("../fixtures/glmnet_extra.json", import.meta.url), "utf8")).cases.default_thresh_alpha05 as { lambda: number[]; df: number[]; npasses: number };
    const path = await page.evaluate(() => {
      const { radval, examples } = (window as unknown as PageGlobals).radvalTest;
      const d = examples.loadExample("wdbc");
      const fit = radval.elasticNetPath(d.x, radval.requireOutcome(d).values, { alpha: 0.5 });
      return { lambda: fit.lambda, df: fit.df, npasses: fit.npasses };
    });
    expect(path.npasses).toBe(glmnet.npasses); // exact: the same coordinate-descent passes
    expect(path.df).toEqual(glmnet.df); // exact
    path.lambda.forEach((l, k) => expect(Math.abs(l - glmnet.lambda[k]!) / glmnet.lambda[k]!).toBeLessThan(1e-10)); // λ grid: 1e-10 relative
  });

  it("loads libsvm's WebAssembly relative to the bundle (dist/libsvm.wasm, not the page root) and fits as Node does", async () => {
    const run = async (api: typeof NodeApi, examples: typeof NodeApi) => {
      const d = examples.loadExample("wdbc");
      const x = api.fitStandardize(api.standardize(), { names: d.featureNames, x: d.x }).transform({ names: d.featureNames, x: d.x }).x;
      const spec = api.svm({ kernel: "rbf", gamma: 0.05, probability: "none" }, "libsvm");
      const model = await api.fitModelAsync(spec, x, api.requireOutcome(d).values, { rng: api.createRng(7) });
      return Array.from(model.predictScore!(x));
    };
    const inBrowser = await page.evaluate(async (source) => {
      const t = (window as unknown as PageGlobals).radvalTest;
      // eslint-disable-next-line no-new-func
      const fn = new Function(`return (${source})`)() as (a: unknown, b: unknown) => Promise<number[]>;
      return fn(t.radval, t.examples);
    }, transformSync(`(${run.toString()})`, { loader: "ts", minify: false }).code.replace(/;\s*$/, ""));
    await nodeApi.loadLibsvm(); // Node: radval/node's loader (reads the .wasm file from node_modules)
    const inNode = await run(nodeApi, nodeApi);
    expect(inNode).toHaveLength(569);
    expect(inBrowser).toEqual(inNode); // the same libsvm WebAssembly: identical decision values
    expect(browser.served).toContain("/dist/libsvm.wasm");
  });

  it("renders a chart to SVG in the page with renderSvg (vega and vega-lite from the sibling bundles)", async () => {
    const svg = await page.evaluate(async () => {
      const { radval } = (window as unknown as PageGlobals).radvalTest;
      const spec = radval.rocChart([{ label: "A", roc: { points: [{ fpr: 0, tpr: 0, threshold: null }, { fpr: 0.2, tpr: 0.7, threshold: 0.5 }, { fpr: 1, tpr: 1, threshold: null }], band: null, bandMethod: null }, auc: { estimate: 0.75, lower: 0.6, upper: 0.9, level: 0.95, method: null } }]);
      return radval.renderSvg(spec);
    });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toMatch(/class="mark-line/);
    expect(browser.served).toContain("/dist/radval.vega.js");
    expect(browser.served).toContain("/dist/radval.vega-lite.js");
  });

  it("made no network request and logged no error", () => {
    expect(browser.blocked).toEqual([]);
    expect(browser.served).toContain("/dist/radval.browser.js");
    expect(browser.served).toContain("/dist/radval.examples.js");
    expect(pageErrors).toEqual([]);
  });
});
