import { describe, expect, it } from "vitest";
import { loadVegaScripts } from "../../../src/io/vegaAssets.js";
import { buildReport } from "../../../src/report/report.js";
import { inlineScript, renderHtml, scriptJson } from "../../../src/report/render/html.js";
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
