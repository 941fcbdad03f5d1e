import type { VegaLiteSpec } from "../report/charts/common.js";
import { type VegaScripts, inlineScript, scriptJson } from "../report/render/html.js";
import { cellText, escapeHtml } from "../report/render/text.js";
import type { BlandAltman } from "./blandAltman.js";
import { blandAltmanChart, diceDistributionChart } from "./charts.js";
import type { MetricSummary, SegmentationSummary } from "./summary.js";

/** Provenance printed in the report header. */
export interface SegmentationReportInfo {
  readonly title?: string;
  readonly radvalVersion: string;
  readonly source?: string;
  readonly seed?: string | number;
  readonly tolerance: number;
  readonly label?: number;
}

// The look of radval's TRIPOD+AI report (src/report/render/html.ts), trimmed to what this page uses.
const CSS = `
:root { --fg: #1d1d1f; --muted: #5f6368; --line: #d9d9de; --bad: #b3261e; }
* { box-sizing: border-box; }
body { font: 14px/1.45 Helvetica, Arial, sans-serif; color: var(--fg); margin: 0 auto; max-width: 1180px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 6px; } h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.provenance, .muted, figcaption, .note { color: var(--muted); }
nav { margin: 12px 0; } nav a { margin-right: 14px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #f4f4f6; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.worst td { color: var(--bad); }
figure.chart-figure { margin: 16px 0 24px; break-inside: avoid; page-break-inside: avoid; }
.chart { min-height: 40px; overflow-x: auto; } .chart svg { max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; }
@media print { body { max-width: none; padding: 0; font-size: 11px; } nav { display: none; } tr, figure { break-inside: avoid; page-break-inside: avoid; } .vega-embed .vega-actions { display: none; } }
@page { margin: 14mm; }
`;

const INIT = `
(function () {
  var nodes = Array.prototype.slice.call(document.querySelectorAll("[data-radval-chart]"));
  var rendered = 0, failed = 0;
  Promise.all(nodes.map(function (node) {
    var spec = JSON.parse(document.getElementById("spec-" + node.getAttribute("data-radval-chart")).textContent);
    return vegaEmbed(node, spec, { renderer: "svg", actions: false }).then(function () { rendered++; },
      function (error) { failed++; node.textContent = "This chart could not be rendered: " + error.message; });
  })).then(function () {
    document.documentElement.setAttribute("data-charts-rendered", String(rendered));
    document.documentElement.setAttribute("data-charts-failed", String(failed));
  });
})();
`;

const METRIC_LABEL: Record<string, string> = {
  dice: "Dice",
  jaccard: "Jaccard",
  sensitivity: "Sensitivity",
  precision: "Precision",
  hausdorff: "Hausdorff (mm)",
  hd95: "HD95 (mm)",
  assd: "ASSD (mm)",
  surfaceDice: "Surface Dice",
  relativeVolumeDifference: "Relative volume difference",
  volumeReference: "Reference volume (ml)",
  volumePrediction: "Predicted volume (ml)",
};

const fmt = (x: number | null | undefined, digits = 4) => (x === null || x === undefined || !Number.isFinite(x) ? "—" : Number(x.toFixed(digits)).toString());
const ci = (e: { estimate: number | null; lower: number | null; upper: number | null } | null) =>
  e === null || e.estimate === null ? "—" : e.lower === null || e.upper === null ? fmt(e.estimate) : `${fmt(e.estimate)} (${fmt(e.lower)} to ${fmt(e.upper)})`;

function table(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>, rowClass?: (i: number) => string): string {
  const head = `<tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr>`;
  const body = rows
    .map((r, i) => `<tr${rowClass ? ` class="${rowClass(i)}"` : ""}>${r.map((c) => `<td${typeof c === "number" ? ' class="num"' : ""}>${escapeHtml(typeof c === "number" ? cellText(c) : (c ?? "—"))}</td>`).join("")}</tr>`)
    .join("\n");
  return `<div class="table-wrap"><table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}

function metricTable(metrics: readonly MetricSummary[], level: number): string {
  const pct = Math.round(100 * level);
  return table(
    ["Metric", "n", "undefined", `Mean (${pct}% CI)`, `Median (${pct}% CI)`, "SD", "Min", "Max"],
    metrics.map((m) => [METRIC_LABEL[m.metric] ?? m.metric, m.n, m.nUndefined, ci(m.mean), ci(m.median), m.sd === null ? null : fmt(m.sd), m.min === null ? null : fmt(m.min), m.max === null ? null : fmt(m.max)]),
  );
}

function baTable(ba: BlandAltman | null): string {
  if (!ba) return `<p class="muted">Bland–Altman needs at least 2 cases.</p>`;
  const pct = Math.round(100 * ba.level);
  const r = (lo: number, hi: number) => `${fmt(lo, 3)} to ${fmt(hi, 3)}`;
  return table(
    ["", "Estimate (ml)", `${pct}% CI`],
    [
      ["Bias (mean difference)", fmt(ba.bias, 3), r(ba.biasCi[0], ba.biasCi[1])],
      [`Lower limit of agreement (bias − ${fmt(ba.z, 2)} SD)`, fmt(ba.lowerLimit, 3), r(ba.lowerLimitCi[0], ba.lowerLimitCi[1])],
      [`Upper limit of agreement (bias + ${fmt(ba.z, 2)} SD)`, fmt(ba.upperLimit, 3), r(ba.upperLimitCi[0], ba.upperLimitCi[1])],
      ["SD of the differences", fmt(ba.sd, 3), ""],
    ],
  );
}

function figure(id: string, spec: VegaLiteSpec, caption: string): string {
  return `<figure class="chart-figure" id="chart-${escapeHtml(id)}">\n<div class="chart" data-radval-chart="${escapeHtml(id)}"></div>\n<figcaption>${escapeHtml(caption)}</figcaption>\n<script type="application/json" id="spec-${escapeHtml(id)}">${scriptJson(spec)}</script>\n</figure>`;
}

/**
 * The segmentation agreement report as one self-contained HTML page (radval's
 * report style; Vega, Vega-Lite and vega-embed inlined, no network request):
 * summary per reader (mean / median with bootstrap CIs), Bland–Altman of
 * volumes (table and plot), reader agreement, worst cases, the Dice
 * distribution, the per-case table and the definitions used. Pure: the
 * scripts are passed in (radval/node's `loadVegaScripts()`).
 */
export function renderSegmentationHtml(summary: SegmentationSummary, scripts: VegaScripts, info: SegmentationReportInfo): string {
  const title = info.title ?? "Segmentation agreement";
  const pct = Math.round(100 * summary.level);
  const readerName = (r: string | null) => r ?? "all cases";
  const charts: string[] = [figure("dice", diceDistributionChart(summary.cases), "Dice of every compared pair, per reader.")];
  const perReader = summary.readers
    .map((r, i) => {
      const ids = summary.cases.filter((c) => c.reader === r.reader).map((c) => c.caseId);
      if (r.volumeAgreement) charts.push(figure(`ba-${i}`, blandAltmanChart(r.volumeAgreement, ids, { title: `Bland–Altman: volumes, ${readerName(r.reader)}` }), `Predicted − reference volume against their mean (${readerName(r.reader)}).`));
      return `<h3>${escapeHtml(readerName(r.reader))}: ${r.nCases} cases</h3>\n${metricTable(r.metrics, summary.level)}\n<h3>Volume agreement (prediction − reference), Bland–Altman</h3>\n${baTable(r.volumeAgreement)}`;
    })
    .join("\n");
  const agreement = summary.readerAgreement.length
    ? summary.readerAgreement
        .map((a, i) => {
          const ids = summary.cases.filter((c) => c.reader === a.readerA).map((c) => c.caseId);
          if (a.volumeAgreement) charts.push(figure(`ba-readers-${i}`, blandAltmanChart(a.volumeAgreement, ids, { title: `Bland–Altman: ${a.readerB} − ${a.readerA}`, difference: `${a.readerB} − ${a.readerA}` }), `Volumes of ${a.readerB} − ${a.readerA}.`));
          return `<h3>${escapeHtml(a.readerA)} vs ${escapeHtml(a.readerB)}: ${a.nCases} cases (${escapeHtml(a.readerA)} as the reference)</h3>\n${metricTable(a.metrics.filter((m) => ["dice", "jaccard", "hausdorff", "hd95", "assd", "surfaceDice"].includes(m.metric)), summary.level)}\n${baTable(a.volumeAgreement)}`;
        })
        .join("\n")
    : `<p class="muted">One reader (or no reader column): no inter-reader agreement.</p>`;
  const worstIds = new Set(summary.worstCases);
  const caseRows = summary.cases.map((c) => {
    const m = c.metrics;
    return [c.caseId, c.reader, m.dice, m.jaccard, m.sensitivity, m.precision, m.hausdorff, m.hd95, m.assd, m.surfaceDice, m.volumeReference, m.volumePrediction, m.relativeVolumeDifference];
  });
  const caseColumns = ["Case", "Reader", "Dice", "Jaccard", "Sensitivity", "Precision", "HD (mm)", "HD95 (mm)", "ASSD (mm)", `Surface Dice (${info.tolerance} mm)`, "V ref (ml)", "V pred (ml)", "RVD"];
  const worst = table(
    ["Case", "Reader", "Dice", "HD95 (mm)", "V ref (ml)", "V pred (ml)"],
    summary.worstCases.map((c) => [c.caseId, c.reader, c.metrics.dice, c.metrics.hd95, c.metrics.volumeReference, c.metrics.volumePrediction]),
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="generator" content="radval ${escapeHtml(info.radvalVersion)}">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="provenance">Generated by radval ${escapeHtml(info.radvalVersion)}${info.source ? ` from ${escapeHtml(info.source)}` : ""}: ${summary.cases.length} compared pairs; surface-Dice tolerance ${escapeHtml(String(info.tolerance))} mm; ${info.label === undefined ? "mask = voxels ≠ 0 (> 0.5 for real-valued images)" : `mask = label ${escapeHtml(String(info.label))}`}; bootstrap ${summary.replicates} resamples of cases, seed ${escapeHtml(String(info.seed ?? "—"))}.</p>
</header>
<nav><a href="#summary">Summary</a><a href="#readers">Reader agreement</a><a href="#worst">Worst cases</a><a href="#charts">Charts</a><a href="#cases">Per case</a><a href="#definitions">Definitions</a></nav>
<section id="summary"><h2>Summary</h2>
<p class="muted">Mean and median over cases with ${pct}% percentile bootstrap confidence intervals; “undefined” counts cases where the metric does not exist (surface distances when a mask is empty).</p>
${perReader}</section>
<section id="readers"><h2>Reader agreement</h2>
${agreement}</section>
<section id="worst"><h2>Worst cases</h2>
<p class="muted">Lowest Dice (then largest HD95), per reader.</p>
${worst}</section>
<section id="charts"><h2>Charts</h2>
${charts.join("\n")}
</section>
<section id="cases"><h2>Per case</h2>
${table(caseColumns, caseRows, (i) => (worstIds.has(summary.cases[i]!) ? "worst" : ""))}
</section>
<section id="definitions"><h2>Definitions</h2>
<ul>
<li>A = reference mask, B = predicted mask, on the same voxel grid (dimensions and affine checked). Volumes = voxel count × (s₁·s₂)·s₃ from the header spacing (pixdim), in ml.</li>
<li>Dice 2|A∩B|/(|A|+|B|); Jaccard |A∩B|/|A∪B| (both 1 when both masks are empty); sensitivity |A∩B|/|A|; precision |A∩B|/|B|; relative volume difference (V_B − V_A)/V_A.</li>
<li>Surface = mask voxels with a background (or out-of-image) face neighbour (6-connectivity). Distances in mm between voxel centres with the anisotropic spacing, by an exact Euclidean distance transform (Felzenszwalb &amp; Huttenlocher 2012).</li>
<li>Hausdorff = largest surface distance in either direction; HD95 = 95th percentile (numpy 'linear') of the pooled distances of both directions; ASSD = mean of the pooled distances (Heimann et al. 2009); surface Dice at τ = ${escapeHtml(String(info.tolerance))} mm = share of surface voxels of both masks within τ of the other surface (Nikolov et al. 2021, voxel-count form).</li>
<li>Empty masks: both empty → Dice = Jaccard = 1, distances and surface Dice undefined; one empty → Dice 0, distances undefined, surface Dice 0.</li>
<li>Bland–Altman (Bland &amp; Altman 1986; CIs of 1999): bias = mean difference with a t-interval; limits bias ± ${fmt(summary.readers[0]?.volumeAgreement?.z ?? 1.959963984540054, 2)} SD with CIs ± t·SD·√(1/n + z²/(2(n − 1))).</li>
</ul></section>
<footer><p class="muted">Made with radval ${escapeHtml(info.radvalVersion)}. Vega, Vega-Lite and vega-embed (BSD-3-Clause, University of Washington Interactive Data Lab) are included in this file.</p></footer>
<script>${inlineScript(scripts.vega, "vega")}</script>
<script>${inlineScript(scripts.vegaLite, "vega-lite")}</script>
<script>${inlineScript(scripts.vegaEmbed, "vega-embed")}</script>
<script>${INIT}</script>
</body>
</html>
`;
}
