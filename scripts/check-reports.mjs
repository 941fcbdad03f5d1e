// Opens radval's HTML reports in headless Chromium (Debian's /usr/bin/chromium through playwright-core) the way
// readers do and fails when one is not readable:
//
//   at 1400 px and at 390 px (a phone): no horizontal page overflow, every chart drawn and visible, no console
//   error, no network request;
//   with JavaScript off: every chart visible as its inline SVG;
//   printed (page.pdf, A4 and Letter): a PDF is produced, and with print media at an A4 text width every chart
//   fits its column (charts are scaled to the page, not cut).
//
//   node scripts/check-reports.mjs                       every reports/**/report.html
//   node scripts/check-reports.mjs path/report.html …     only these
//   node scripts/check-reports.mjs --screenshots DIR      also write <name>-1400.png and <name>-390.png to DIR
//                                                        (the top 2,400 px; --full-page for the whole page)
//   node scripts/check-reports.mjs --pdf DIR               also keep <name>-A4.pdf and <name>-Letter.pdf in DIR
//
// The test test/browser/reportLayout.test.ts runs the same checks (checkReport) on a report it generates.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const WIDTHS = [1400, 390];
/** CSS pixels of an A4 page's text column at the report's @page margins (210 mm − 24 mm at 96 px per inch). */
const A4_COLUMN_PX = Math.floor(((210 - 24) / 25.4) * 96);

const root = fileURLToPath(new URL("..", import.meta.url));

/** Launches headless Chromium with two contexts (JavaScript on and off) that allow only file: and data: URLs. */
export async function launchChecker() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const blocked = [];
  const make = async (javaScriptEnabled) => {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1400, height: 900 } });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    return context;
  };
  const withJs = await make(true);
  const withoutJs = await make(false);
  return { browser, withJs, withoutJs, blocked, close: () => browser.close() };
}

/** What the page shows: overflow, and per chart whether an SVG with marks is visible (non-zero box, not hidden). */
function inspectPage() {
  const charts = Array.from(document.querySelectorAll("[data-radval-chart]")).map((node) => {
    const svgs = Array.from(node.querySelectorAll("svg")).filter((svg) => {
      const box = svg.getBoundingClientRect();
      const style = getComputedStyle(svg);
      return box.width > 20 && box.height > 20 && style.visibility !== "hidden" && style.display !== "none";
    });
    const svg = svgs[0];
    const box = svg ? svg.getBoundingClientRect() : null;
    const column = node.getBoundingClientRect();
    return {
      id: node.getAttribute("data-radval-chart"),
      visible: Boolean(svg) && svg.querySelectorAll("path, line, rect, circle, text").length > 3,
      live: Boolean(node.querySelector(".chart-live svg")),
      width: box ? box.width : 0,
      columnWidth: column.width,
    };
  });
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    charts,
    rendered: document.documentElement.getAttribute("data-charts-rendered"),
    failed: document.documentElement.getAttribute("data-charts-failed"),
  };
}

/** Counts the pages of a PDF (its /Type /Page objects). */
function pdfPages(buffer) {
  return (buffer.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
}

/**
 * Runs every check on one report file. Returns { file, problems: string[], facts } (problems empty = pass).
 * `options.screenshots` (a folder) writes full-page PNGs at each width; `options.pdf` keeps the PDFs there.
 */
export async function checkReport(checker, htmlPath, options = {}) {
  const problems = [];
  const facts = { charts: 0, widths: {}, noJs: 0, pdfPages: {} };
  const url = pathToFileURL(resolve(htmlPath)).href;
  const name = options.name ?? basename(dirname(resolve(htmlPath)));
  const blockedBefore = checker.blocked.length;

  const page = await checker.withJs.newPage();
  const errors = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  try {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      await page.waitForFunction(() => document.documentElement.hasAttribute("data-charts-rendered"), null, { timeout: 60_000 });
      const state = await page.evaluate(inspectPage);
      facts.charts = state.charts.length;
      facts.widths[width] = { scrollWidth: state.scrollWidth, live: state.charts.filter((c) => c.live).length };
      if (state.charts.length === 0) problems.push(`${width} px: no chart in the report`);
      if (state.failed !== "0") problems.push(`${width} px: ${state.failed} chart(s) failed to render`);
      if (state.scrollWidth > state.innerWidth + 1) problems.push(`${width} px: the page overflows horizontally (${state.scrollWidth} px wide)`);
      for (const c of state.charts) {
        if (!c.visible) problems.push(`${width} px: chart ${c.id} is not visible`);
        if (!c.live) problems.push(`${width} px: chart ${c.id} was not drawn by vega-embed`);
      }
      if (options.screenshots) {
        mkdirSync(options.screenshots, { recursive: true });
        // Full page when asked (tall reports take a while on a busy machine), else the first 2,400 px.
        await page
          .screenshot({ path: join(options.screenshots, `${name}-${width}.png`), fullPage: true, timeout: 180_000, ...(options.fullPage ? {} : { clip: { x: 0, y: 0, width, height: 2400 } }) })
          .catch((e) => problems.push(`screenshot at ${width} px failed: ${e.message.split("\n")[0]}`));
      }
    }
    // Print: every chart fits an A4 text column under the print stylesheet, then the PDFs themselves.
    await page.setViewportSize({ width: A4_COLUMN_PX, height: 1100 });
    await page.emulateMedia({ media: "print" });
    const print = await page.evaluate(inspectPage);
    for (const c of print.charts) {
      if (!c.visible) problems.push(`print: chart ${c.id} is not visible`);
      else if (c.width > c.columnWidth + 1) problems.push(`print: chart ${c.id} is ${Math.round(c.width)} px wide in a ${Math.round(c.columnWidth)} px column`);
    }
    if (print.scrollWidth > print.innerWidth + 1) problems.push(`print: the page overflows an A4 column (${print.scrollWidth} px)`);
    // The collapsed checklist and TRIPOD 2015 view print opened.
    const hiddenInPrint = await page.evaluate(() => Array.from(document.querySelectorAll("details.section")).filter((d) => Array.from(d.querySelectorAll("tr")).some((tr) => tr.getBoundingClientRect().height === 0)).length);
    if (hiddenInPrint) problems.push(`print: ${hiddenInPrint} collapsed section(s) would print closed`);
    await page.emulateMedia({ media: "screen" });
    for (const format of ["A4", "Letter"]) {
      const pdf = await page.pdf({ format, printBackground: true });
      facts.pdfPages[format] = pdfPages(pdf);
      if (pdf.length < 10_000 || facts.pdfPages[format] < 1) problems.push(`print: the ${format} PDF is empty`);
      if (options.pdf) {
        mkdirSync(options.pdf, { recursive: true });
        writeFileSync(join(options.pdf, `${name}-${format}.pdf`), pdf);
      }
    }
  } finally {
    await page.close();
  }
  for (const e of errors) problems.push(`console: ${e}`);

  // JavaScript off: the inline SVG fallbacks are the charts.
  const still = await checker.withoutJs.newPage();
  try {
    for (const width of WIDTHS) {
      await still.setViewportSize({ width, height: 900 });
      await still.goto(url);
      const state = await still.evaluate(inspectPage).catch(() => null);
      if (!state) {
        // page.evaluate needs no page script: playwright's utility world runs even with JavaScript disabled
        problems.push("no-JS: could not inspect the page");
        break;
      }
      const visible = state.charts.filter((c) => c.visible).length;
      facts.noJs = visible;
      if (visible !== state.charts.length) problems.push(`no-JS ${width} px: ${visible} of ${state.charts.length} charts visible (${state.charts.filter((c) => !c.visible).map((c) => c.id).join(", ")} missing)`);
      if (state.scrollWidth > state.innerWidth + 1) problems.push(`no-JS ${width} px: the page overflows horizontally (${state.scrollWidth} px wide)`);
    }
  } finally {
    await still.close();
  }
  for (const u of checker.blocked.slice(blockedBefore)) problems.push(`network request: ${u}`);
  return { file: htmlPath, problems, facts };
}

function findReports(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return findReports(path);
    return entry.endsWith(".html") ? [path] : [];
  });
}

/** Command line: check the reports named in `args` (default reports/**.html); returns the exit code. */
export async function main(args = process.argv.slice(2)) {
  const files = [];
  const options = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--screenshots") options.screenshots = resolve(args[++i]);
    else if (args[i] === "--pdf") options.pdf = resolve(args[++i]);
    else if (args[i] === "--full-page") options.fullPage = true;
    else if (args[i] === "--help" || args[i] === "-h") {
      console.log("usage: node scripts/check-reports.mjs [--screenshots DIR [--full-page]] [--pdf DIR] [report.html …]   (default: reports/**/*.html)");
      return 0;
    } else files.push(resolve(args[i]));
  }
  if (files.length === 0) files.push(...findReports(join(root, "reports")));
  if (files.length === 0) {
    console.error("check-reports: no HTML report found (run npm run demo to write reports/)");
    return 1;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`check-reports: ${CHROMIUM} not found (apt-get install -y chromium)`);
    return 1;
  }
  const checker = await launchChecker();
  let failed = 0;
  try {
    for (const file of files) {
      const t0 = Date.now();
      const { problems, facts } = await checkReport(checker, file, options);
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      const where = relative(process.cwd(), file);
      if (problems.length) {
        failed++;
        console.log(`✗ ${where} (${seconds} s)`);
        for (const p of problems) console.log(`    ${p}`);
      } else {
        console.log(`✓ ${where}: ${facts.charts} charts at ${WIDTHS.join(" and ")} px, ${facts.noJs} visible without JavaScript, PDF A4 ${facts.pdfPages.A4} / Letter ${facts.pdfPages.Letter} pages (${seconds} s)`);
      }
    }
  } finally {
    await checker.close();
  }
  console.log(`check-reports: ${files.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => process.exit(code), (e) => {
    console.error(e);
    process.exit(1);
  });
}
