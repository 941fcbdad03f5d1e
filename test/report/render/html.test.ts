import { describe, expect, it } from "vitest";
import { loadVegaScripts } from "../../../src/io/vegaAssets.js";
import { buildReport } from "../../../src/report/report.js";
import { inlineScript, inlineSvg, renderHtml, scriptJson } from "../../../src/report/render/html.js";
import { parseStudyResults } from "../../../src/report/resultsSchema.js";
import { radvalErrorOf } from "../../helpers.js";
import { exampleJson, exampleResults } from "../fixture.js";

describe("self-contained HTML report", () => {
  const report = buildReport(exampleResults());
  const scripts = loadVegaScripts();
  const html = renderHtml(report, scripts);

  it("inlines vega, vega-lite and vega-embed and loads nothing from outside", () => {
    expect(scripts.vega.length).toBeGreaterThan(300_000);
    expect(scripts.vegaLite.length).toBeGreaterThan(100_000);
    expect(scripts.vegaEmbed.length).toBeGreaterThan(20_000);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toContain("sourceMappingURL");
    expect(html).toContain(`content="default-src 'none';`);
    expect(html.match(/<script>/g)).toHaveLength(4);
  });

  it("has one chart container and one parseable spec per chart", () => {
    for (const chart of report.charts) {
      expect(html).toContain(`data-radval-chart="${chart.id}"`);
      const m = new RegExp(`<script type="application/json" id="spec-${chart.id}">(.*?)</script>`, "s").exec(html);
      expect(JSON.parse(m![1]!)).toEqual(chart.spec);
    }
  });

  it("shows the checklist with a status badge per item, the checks and the 2015 view", () => {
    expect(html.match(/<tr id="item-/g)).toHaveLength(52);
    expect(html).toContain('<tr id="item-22">');
    expect(html).toContain('class="badge status-missing"');
    expect(html).toContain('class="badge check-flag"');
    expect(html).toContain('<section id="tripod2015">');
    expect(html).toContain("@media print");
  });

  it("escapes author text and keeps JSON from closing the script element", () => {
    const json = exampleJson();
    json["study"]["title"] = 'Risk </script><b onclick="x">model</b> & more';
    const evil = renderHtml(buildReport(parseStudyResults(json)), scripts);
    expect(evil).toContain("<h1>Risk &lt;/script&gt;&lt;b onclick=&quot;x&quot;&gt;model&lt;/b&gt; &amp; more</h1>");
    expect(evil).not.toContain('<b onclick="x">');
    expect(scriptJson({ t: "</script><!--" })).toBe('{"t":"\\u003c/script\\u003e\\u003c!--"}');
  });

  it("strips sourceMappingURL comments and refuses code that would end the script element", () => {
    expect(inlineScript("var a = 1;\n//# sourceMappingURL=a.min.js.map", "a")).toBe("var a = 1;\n");
    expect(radvalErrorOf(() => inlineScript('var s = "</script>";', "bad")).code).toBe("RENDER_FAILED");
    expect(radvalErrorOf(() => inlineScript("var s = '<!--';", "bad")).message).toContain("bad");
  });
});

describe("HTML report layout for readers", () => {
  const report = buildReport(exampleResults());
  const scripts = loadVegaScripts();
  const svg = (id: string) => `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><use href="#clip1"/><text>${id}</text></g></svg>`;
  const chartSvgs = Object.fromEntries(report.charts.map((c) => [c.id, svg(c.id)]));
  const html = renderHtml(report, scripts, { chartSvgs });

  it("puts charts and tables before the checks, the checklist (collapsed) and the TRIPOD 2015 view", () => {
    const at = (s: string) => {
      const i = html.indexOf(s);
      expect(i, s).toBeGreaterThan(0);
      return i;
    };
    const order = ['<section id="key-results">', '<section id="summary">', '<section id="charts">', '<section id="tables">', '<section id="checks">', '<section id="checklist">', '<section id="tripod2015">'].map(at);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('<section id="checklist"><details class="section"><summary>TRIPOD+AI checklist</summary>');
    expect(renderHtml({ ...report, keyResults: [] }, scripts)).not.toContain('id="key-results"'); // no key results: no empty section
  });

  it("renders a key-results section right after the title when the report model has keyResults", () => {
    const withKey = renderHtml({ ...report, keyResults: ["AUC 0.77 <b>", "Calibration slope 0.88"] } as typeof report, scripts);
    expect(withKey).toContain('<section id="key-results"><h2>Key results</h2>');
    expect(withKey).toContain("<li>AUC 0.77 &lt;b&gt;</li>");
    expect(withKey.indexOf('id="key-results"')).toBeLessThan(withKey.indexOf('<section id="summary">'));
    expect(withKey.indexOf("</header>")).toBeLessThan(withKey.indexOf('id="key-results"'));
  });

  it("inlines each chart's SVG as the no-JavaScript fallback, with ids made unique per chart", () => {
    for (const c of report.charts) {
      const prefix = `svg-${c.id}-`;
      expect(html).toContain(`<div class="chart" data-radval-chart="${c.id}"><div class="chart-fallback"><svg role="img" aria-label="`);
      expect(html).toContain(`<clipPath id="${prefix}clip1">`);
      expect(html).toContain(`clip-path="url(#${prefix}clip1)"`);
      expect(html).toContain(`href="#${prefix}clip1"`);
    }
    expect(html).not.toContain("<?xml");
    expect(inlineSvg(svg("a"), "x y", 'T "q"')).toContain('aria-label="T &quot;q&quot;"');
  });

  it("without SVGs, says in a noscript note that the chart needs JavaScript", () => {
    expect(renderHtml(report, scripts)).toContain("<noscript><p class=\"muted\">This chart needs JavaScript");
  });

  it("has phone and print styles: wrapping tables, scrolling charts, charts fitted to the page when printed", () => {
    expect(html).toContain("@media (max-width: 640px)");
    expect(html).toMatch(/\.chart \{[^}]*overflow-x: auto/);
    expect(html).toMatch(/@media print \{[\s\S]*\.chart svg \{ max-width: 100%; height: auto; \}/);
    expect(html).toMatch(/tr, figure[^{]*\{ break-inside: avoid/);
    // every table sits in its own scrolling box
    const body = html.slice(0, html.indexOf("<footer>"));
    expect(body.match(/<table>/g)!.length).toBe(body.match(/<div class="table-wrap"><table>/g)!.length);
  });

  it("collapses long name lists in table cells (e.g. 2,000 features sharing a missingness pattern) into an expandable list", () => {
    const names = Array.from({ length: 2016 }, (_, i) => `f${i}`);
    const big = { ...report, tables: [{ id: "missing", title: "Missing", columns: ["Cohort", "Features", "Which features"], rows: [["dev", 2016, names.join(", ")]], note: null }] };
    const out = renderHtml(big, scripts);
    expect(out).toContain("<details><summary>f0, f1, f2, … (2016 in all)</summary>f0, f1, f2, f3");
  });
});
