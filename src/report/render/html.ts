import { RadvalError } from "../../core/errors.js";
import type { ChecklistEntry, Report, ReportTable, TableCell } from "../model.js";
import { CALCULATOR_CSS, CALCULATOR_SCRIPT, calculatorSection } from "./calculator.js";
import { renderSvg } from "./svg.js";
import { STATUS_LABEL, cellText, escapeHtml } from "./text.js";

/**
 * The minified browser builds inlined into the HTML report (UMD bundles that
 * define the globals `vega`, `vegaLite` and `vegaEmbed`). In Node,
 * `loadVegaScripts()` from `radval/node` reads them from node_modules.
 */
export interface VegaScripts {
  readonly vega: string;
  readonly vegaLite: string;
  readonly vegaEmbed: string;
}

/**
 * Makes a script safe to inline in `<script>…</script>`: drops
 * `sourceMappingURL` comments (they would point at files that are not there)
 * and refuses code containing `</script` or `<!--`, which would end or
 * derail the script element.
 */
export function inlineScript(code: string, name: string): string {
  const cleaned = code.replace(/^[ \t]*\/\/[#@] sourceMappingURL=.*$/gm, "").replace(/\/\*[#@] sourceMappingURL=[^*]*\*\//g, "");
  if (/<\/script/i.test(cleaned) || cleaned.includes("<!--")) {
    throw new RadvalError("RENDER_FAILED", `${name} contains "</script" or "<!--" and cannot be inlined in the HTML report`, { hint: "Use the vega builds shipped with radval's dependencies." });
  }
  return cleaned;
}

/** JSON safe inside `<script type="application/json">`: `<`, `>`, `&` and line separators escaped. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const CSS = `
:root { --fg: #1d1d1f; --muted: #5f6368; --line: #d9d9de; --filled: #1e7b34; --partial: #a15c00; --author: #1a5fb4; --missing: #b3261e; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { font: 14px/1.45 Helvetica, Arial, sans-serif; color: var(--fg); margin: 0 auto; max-width: 1180px; padding: 24px; overflow-wrap: break-word; }
h1 { font-size: 24px; margin: 0 0 6px; } h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.provenance, .muted, figcaption, .item-text, .note { color: var(--muted); }
.provenance code { overflow-wrap: anywhere; word-break: break-all; }
.item-text { font-size: 12px; margin-top: 4px; }
nav { margin: 12px 0; display: flex; flex-wrap: wrap; gap: 4px 14px; }
#key-results { border: 1px solid var(--line); border-left: 4px solid var(--author); padding: 4px 16px; margin: 16px 0; background: #f8f9fb; }
#key-results h2 { border: 0; margin-top: 10px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #f4f4f6; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; overflow-wrap: normal; }
td ul { margin: 0; padding-left: 18px; } blockquote { margin: 4px 0; padding-left: 8px; border-left: 3px solid var(--author); }
td details summary { cursor: pointer; color: var(--author); }
.badge { display: inline-block; padding: 1px 6px; border-radius: 8px; font-size: 12px; font-weight: bold; white-space: nowrap; border: 1px solid currentColor; }
.status-filled { color: var(--filled); } .status-partial { color: var(--partial); } .status-author { color: var(--author); } .status-missing { color: var(--missing); }
.check-flag { color: var(--missing); } .check-pass { color: var(--filled); } .check-unavailable { color: var(--muted); }
.todo { color: var(--missing); }
.counts span { margin-right: 12px; }
details.section > summary { cursor: pointer; font-size: 19px; font-weight: bold; margin: 32px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
figure.chart-figure { margin: 16px 0 24px; break-inside: avoid; page-break-inside: avoid; }
figure.chart-figure h3 { margin-bottom: 4px; }
.chart { min-height: 40px; overflow-x: auto; overflow-y: hidden; max-width: 100%; -webkit-overflow-scrolling: touch; }
.chart svg { max-width: none; height: auto; display: block; }
.chart .chart-error { color: var(--missing); }
.table-wrap { overflow-x: auto; max-width: 100%; -webkit-overflow-scrolling: touch; }
.table-wrap table { min-width: 480px; }
@media (max-width: 640px) {
  body { padding: 12px; font-size: 13px; }
  h1 { font-size: 20px; }
  table { font-size: 12px; }
  th, td { padding: 3px 4px; }
  td.num { white-space: normal; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav, .no-print { display: none; }
  h2, h3, details.section > summary { break-after: avoid; page-break-after: avoid; }
  tr, figure, blockquote, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  table { font-size: 9pt; }
  .table-wrap table { min-width: 0; }
  a { color: inherit; text-decoration: none; }
  .chart { overflow: visible; }
  .chart svg { max-width: 100%; height: auto; }
  details::details-content { content-visibility: visible; display: contents; }
  details > summary::marker { content: ""; }
  .vega-embed .vega-actions { display: none; }
}
@page { size: auto; margin: 14mm 12mm; }
`;

const INIT = `
(function () {
  var nodes = Array.prototype.slice.call(document.querySelectorAll("[data-radval-chart]"));
  var rendered = 0, failed = 0;
  var jobs = nodes.map(function (node) {
    var spec = JSON.parse(document.getElementById("spec-" + node.getAttribute("data-radval-chart")).textContent);
    var target = document.createElement("div");
    target.className = "chart-live";
    return vegaEmbed(target, spec, { renderer: "svg", actions: false }).then(
      function () {
        var fallback = node.querySelector(".chart-fallback");
        if (fallback) node.removeChild(fallback);
        node.appendChild(target);
        rendered++;
      },
      function (error) {
        failed++;
        var note = document.createElement("p");
        note.className = "chart-error";
        note.textContent = "The interactive chart could not be drawn (" + error.message + "); the static image is shown.";
        node.appendChild(note);
        console.error(error);
      }
    );
  });
  Promise.all(jobs).then(function () {
    document.documentElement.setAttribute("data-charts-rendered", String(rendered));
    document.documentElement.setAttribute("data-charts-failed", String(failed));
  });
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (d) { d.setAttribute("open", ""); d.setAttribute("data-opened-for-print", ""); });
  });
  window.addEventListener("afterprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details[data-opened-for-print]"), function (d) { d.removeAttribute("open"); d.removeAttribute("data-opened-for-print"); });
  });
})();
`;

const badge = (status: string, cls: string) => `<span class="badge ${cls}">${escapeHtml(status)}</span>`;

/** A text cell listing more than this many comma-separated names is collapsed into an expandable list. */
const LIST_COLLAPSE = 8;

function cellHtml(c: TableCell): string {
  const text = cellText(c);
  if (typeof c === "string") {
    const items = text.split(", ");
    if (items.length > LIST_COLLAPSE) {
      return `<details><summary>${escapeHtml(items.slice(0, 3).join(", "))}, … (${items.length} in all)</summary>${escapeHtml(text)}</details>`;
    }
  }
  return escapeHtml(text);
}

function htmlTable(t: ReportTable): string {
  const head = `<tr>${t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr>`;
  const body = t.rows.map((r) => `<tr>${r.map((c) => `<td${typeof c === "number" ? ' class="num"' : ""}>${cellHtml(c)}</td>`).join("")}</tr>`).join("\n");
  return `<h3 id="table-${escapeHtml(t.id)}">${escapeHtml(t.title)}</h3>\n<div class="table-wrap"><table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody></table></div>${t.note ? `\n<p class="note">${escapeHtml(t.note)}</p>` : ""}`;
}

function itemRow(e: ChecklistEntry, tableTitle: Map<string, string>, chartTitle: Map<string, string>): string {
  const parts: string[] = [];
  if (e.radval.length) parts.push(`<ul>${e.radval.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>`);
  if (e.author) parts.push(`<blockquote>${escapeHtml(e.author).replace(/\n/g, "<br>")}</blockquote>`);
  if (e.todo) parts.push(`<p class="todo">To do: ${escapeHtml(e.todo)}</p>`);
  const refs = [
    ...e.tables.map((id) => `<a href="#table-${escapeHtml(id)}">table: ${escapeHtml(tableTitle.get(id) ?? id)}</a>`),
    ...e.charts.map((id) => `<a href="#chart-${escapeHtml(id)}">chart: ${escapeHtml(chartTitle.get(id) ?? id)}</a>`),
    ...[...new Set(e.checks)].map((id) => `<a href="#checks">check ${escapeHtml(id)}</a>`),
  ];
  if (refs.length) parts.push(`<p class="muted">See ${refs.join(" · ")}</p>`);
  return `<tr id="item-${escapeHtml(e.id)}"><td><strong>${escapeHtml(e.id)}</strong></td><td>${escapeHtml(e.section)} — <strong>${escapeHtml(e.topic)}</strong><div class="item-text">${escapeHtml(e.text)}</div></td><td>${badge(STATUS_LABEL[e.status], `status-${e.status}`)}</td><td>${parts.join("\n")}</td></tr>`;
}

/**
 * Makes a chart's SVG (as {@link renderSvg} writes it) safe to inline next to
 * others: drops the XML prolog, prefixes every `id` and its `url(#…)` /
 * `href="#…"` references with the chart id (vega numbers clip paths and
 * gradients per process, so two inline SVGs could share an id), and labels the
 * image for screen readers.
 */
export function inlineSvg(svg: string, chartId: string, title: string): string {
  const prefix = `svg-${chartId.replace(/[^A-Za-z0-9_-]/g, "-")}-`;
  return svg
    .replace(/<\?xml[^>]*\?>\s*/, "")
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}${id})`)
    .replace(/\bhref="#([^"]+)"/g, (_, id: string) => `href="#${prefix}${id}"`)
    .replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(title)}"`);
}

/** Options of {@link renderHtml}. */
export interface HtmlOptions {
  /**
   * Each chart's SVG by chart id (what `renderSvg` gives, as in report.md):
   * inlined as the chart's static image, which the interactive Vega chart
   * replaces when JavaScript runs. Reading, printing and archiving the report
   * then need no script. {@link renderHtmlWithCharts} fills it.
   */
  readonly chartSvgs?: Readonly<Record<string, string>>;
}

/** Short key results the integrator may attach to the report model (`keyResults`): one sentence each. */
function keyResultsOf(report: Report): readonly string[] {
  const value: unknown = report.keyResults;
  if (Array.isArray(value)) return value.filter((s): s is string => typeof s === "string" && s.length > 0);
  if (value && typeof value === "object" && Array.isArray((value as { items?: unknown }).items)) return ((value as { items: unknown[] }).items).filter((s): s is string => typeof s === "string");
  return [];
}

/**
 * One self-contained HTML file, ordered for readers: title and provenance,
 * key results (when the report model has `keyResults`), summary, charts,
 * tables, the automatic checks, then the TRIPOD+AI checklist (collapsed, opened for
 * printing) and the TRIPOD 2015 view. Vega, Vega-Lite and vega-embed are
 * inlined, so it opens offline from `file://` and makes no network request (a
 * Content Security Policy forbids any). Each chart's static SVG (when given in
 * `options.chartSvgs`) is inlined as the fallback the interactive chart
 * replaces, so the report reads and prints without JavaScript. Tables scroll
 * inside their own box on narrow screens; charts keep their size and scroll
 * horizontally; the print stylesheet fits charts to A4/Letter and keeps
 * figures and table rows whole. Final models with a linear predictor get a
 * risk calculator (`report.calculators`; an inline script, its own note that
 * it needs JavaScript). Pure: the scripts and SVGs are passed in.
 */
export function renderHtml(report: Report, scripts: VegaScripts, options: HtmlOptions = {}): string {
  const tableTitle = new Map(report.tables.map((t) => [t.id, t.title]));
  const chartTitle = new Map(report.charts.map((t) => [t.id, t.title]));
  const c = report.statusCounts;
  const checks = report.checks
    .map((k) => `<tr><td>${badge(k.status === "flag" ? `flag (${k.severity})` : k.status, `check-${k.status}`)}</td><td>${escapeHtml(k.title)}</td><td>${escapeHtml(k.message)}</td><td>${escapeHtml(k.items.join(", "))}</td></tr>`)
    .join("\n");
  const svgs = options.chartSvgs ?? {};
  const charts = report.charts
    .map((ch) => {
      const svg = svgs[ch.id];
      const fallback = svg ? `<div class="chart-fallback">${inlineSvg(svg, ch.id, ch.title)}</div>` : `<noscript><p class="muted">This chart needs JavaScript (no static image was rendered).</p></noscript>`;
      return `<figure class="chart-figure" id="chart-${escapeHtml(ch.id)}">\n<h3>${escapeHtml(ch.title)}</h3>\n<div class="chart" data-radval-chart="${escapeHtml(ch.id)}">${fallback}</div>\n<figcaption>${escapeHtml(ch.caption)}</figcaption>\n<script type="application/json" id="spec-${escapeHtml(ch.id)}">${scriptJson(ch.spec)}</script>\n</figure>`;
    })
    .join("\n");
  const tripod2015 = report.tripod2015
    .map((t) => `<tr><td>${escapeHtml(t.id)}</td><td>${escapeHtml(t.section)} — ${escapeHtml(t.topic)}</td><td>${escapeHtml(t.appliesTo)}</td><td>${t.mapsTo.map((id) => `<a href="#item-${escapeHtml(id)}">${escapeHtml(id)}</a>`).join(", ") || "—"}</td><td>${badge(STATUS_LABEL[t.status], `status-${t.status}`)}</td></tr>`)
    .join("\n");
  const r2 = report.sampleSize?.r2Source
    ? `<p class="note">Riley criteria use the ${report.sampleSize.r2Source === "config" ? "anticipated Cox–Snell R² from the study config" : `${escapeHtml(report.sampleSize.r2Source)} Cox–Snell R² of ${escapeHtml(report.sampleSize.model ?? "")}`} (${escapeHtml(cellText(report.sampleSize.r2CoxSnell))}).</p>`
    : "";
  const keyResults = keyResultsOf(report);
  const calculators = report.calculators ?? [];
  const keySection = keyResults.length ? `<section id="key-results"><h2>Key results</h2>\n<ul>${keyResults.map((s) => `<li>${escapeHtml(s)}</li>`).join("\n")}</ul></section>\n` : "";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="generator" content="radval ${escapeHtml(report.radvalVersion)}">
<title>${escapeHtml(report.title)}</title>
<style>${CSS}${calculators.length ? CALCULATOR_CSS : ""}</style>
</head>
<body>
<header>
<h1>${escapeHtml(report.title)}</h1>
<p class="provenance">TRIPOD+AI report generated by radval ${escapeHtml(report.radvalVersion)}${report.createdAt ? ` from results written ${escapeHtml(report.createdAt)}` : ""}; seed ${escapeHtml(String(report.seed ?? "—"))}; config hash <code>${escapeHtml(report.configHash ?? "—")}</code>.</p>
</header>
${keySection}<nav>${keyResults.length ? `<a href="#key-results">Key results</a>` : ""}<a href="#summary">Summary</a><a href="#charts">Charts</a>${calculators.length ? `<a href="#calculator">Risk calculator</a>` : ""}<a href="#tables">Tables</a><a href="#checks">Automatic checks</a><a href="#checklist">TRIPOD+AI checklist</a><a href="#tripod2015">TRIPOD 2015 view</a></nav>
<section id="summary"><h2>Summary</h2>
<ul>${report.summary.map((s) => `<li>${escapeHtml(s)}</li>`).join("\n")}</ul></section>
<section id="charts"><h2>Charts</h2>
${charts}
</section>
${calculatorSection(calculators)}<section id="tables"><h2>Tables</h2>
${report.tables.map(htmlTable).join("\n")}
</section>
<section id="checks"><h2>Automatic checks</h2>
<div class="table-wrap"><table><thead><tr><th>Status</th><th>Check</th><th>Finding</th><th>Items</th></tr></thead>
<tbody>
${checks}
</tbody></table></div>${r2}</section>
<section id="checklist"><details class="section"><summary>TRIPOD+AI checklist</summary>
<p class="counts"><span>${badge(`${c.filled} filled`, "status-filled")}</span><span>${badge(`${c.partial} partly filled`, "status-partial")}</span><span>${badge(`${c.author} by the author`, "status-author")}</span><span>${badge(`${c.missing} missing`, "status-missing")}</span></p>
<p class="muted">Items of Collins GS et al. TRIPOD+AI statement, BMJ 2024;385:e078378 (CC BY 4.0). Status: filled (from the results, with the author's text where the item needs it); partly filled (radval's part or the author's part missing); author (written in the study config); missing (the author must write it).</p>
<div class="table-wrap"><table><thead><tr><th>Item</th><th>Topic</th><th>Status</th><th>Content</th></tr></thead>
<tbody>
${report.checklist.map((e) => itemRow(e, tableTitle, chartTitle)).join("\n")}
</tbody></table></div></details></section>
<section id="tripod2015"><details class="section"><summary>TRIPOD 2015 view</summary>
<p class="muted">TRIPOD 2015 (Collins et al. Ann Intern Med 2015;162:55-63) items mapped onto the TRIPOD+AI content; topics paraphrased.</p>
<div class="table-wrap"><table><thead><tr><th>Item</th><th>Topic</th><th>Applies to</th><th>TRIPOD+AI items</th><th>Status</th></tr></thead>
<tbody>
${tripod2015}
</tbody></table></div></details></section>
<footer><p class="muted">Made with radval ${escapeHtml(report.radvalVersion)}. Vega, Vega-Lite and vega-embed (BSD-3-Clause, University of Washington Interactive Data Lab) are included in this file.</p></footer>
<script>${inlineScript(scripts.vega, "vega")}</script>
<script>${inlineScript(scripts.vegaLite, "vega-lite")}</script>
<script>${inlineScript(scripts.vegaEmbed, "vega-embed")}</script>
<script>${INIT}</script>${calculators.length ? `\n<script>${CALCULATOR_SCRIPT}</script>` : ""}
</body>
</html>
`;
}

/**
 * {@link renderHtml} with every chart's static SVG rendered first by vega's
 * headless renderer ({@link renderSvg}, the same images as report.md), so the
 * report shows its charts without JavaScript.
 */
export async function renderHtmlWithCharts(report: Report, scripts: VegaScripts): Promise<string> {
  const chartSvgs: Record<string, string> = {};
  for (const chart of report.charts) chartSvgs[chart.id] = await renderSvg(chart.spec);
  return renderHtml(report, scripts, { chartSvgs });
}
