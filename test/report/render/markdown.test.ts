import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/report/report.js";
import { headingSlug, renderMarkdown, renderMarkdownWithCharts } from "../../../src/report/render/markdown.js";
import { STATUS_LABEL } from "../../../src/report/render/text.js";
import { exampleResults } from "../fixture.js";

describe("Markdown report", () => {
  const report = buildReport(exampleResults());
  const md = renderMarkdown(report);

  it("has the title, provenance, summary, checks, checklist, details, tables, charts and the 2015 view", () => {
    expect(md.startsWith(`# ${report.title}\n`)).toBe(true);
    expect(md).toContain("seed 2026");
    for (const heading of ["## Summary", "## Automatic checks", "## TRIPOD+AI checklist", "## Items in detail", "## Tables", "## Charts", "## TRIPOD 2015 view"]) {
      expect(md).toContain(`\n${heading}\n`);
    }
    expect(md.indexOf("## Summary")).toBeLessThan(md.indexOf("## TRIPOD 2015 view"));
  });

  it("lists every TRIPOD+AI item in the table and in detail, with its status", () => {
    for (const e of report.checklist) {
      const heading = `### ${e.id}. ${e.topic} (${e.section}) — ${STATUS_LABEL[e.status]}`;
      expect(md).toContain(`\n${heading}\n`);
      // the checklist links to the heading's own (GitHub-style) anchor, not to a raw <a id> element
      expect(md).toContain(`| [${e.id}](#${headingSlug(heading.slice(4))}) |`);
    }
    expect(md).not.toContain("<a id=");
    expect(headingSlug("6b. Participants (Methods) — missing (author to write)")).toBe("6b-participants-methods--missing-author-to-write");
    expect(md).toContain("### 6b. Participants (Methods) — missing (author to write)");
    expect(md).toContain("**To do:** Write it in the study config (study.eligibility).");
    expect(md).toContain("**FLAG** (serious)");
  });

  it("links every chart as an SVG image and every table with its rows", () => {
    for (const c of report.charts) expect(md).toContain(`![${c.title}](charts/${c.id}.svg)`);
    expect(md).toContain("| (intercept) | coefficient | -1.2731 |");
    expect(md).toContain("\n### Performance (95% CI)\n");
    expect(md).toMatch(/\[table: Performance \(95% CI\)\]\(#performance-95-ci\)/);
  });

  it("escapes pipes and newlines inside table cells", () => {
    const tricky = { ...report, summary: [], checks: [{ ...report.checks[0]!, message: "a | b\nc" }] };
    expect(renderMarkdown(tricky)).toContain("a \\| b<br>c");
  });

  it("renders every chart to an SVG file with marks (vega headless, no canvas)", async () => {
    const files = await renderMarkdownWithCharts(report);
    expect(files[0]).toEqual({ path: "report.md", content: md });
    expect(files.map((f) => f.path).slice(1)).toEqual(report.charts.map((c) => `charts/${c.id}.svg`));
    for (const f of files.slice(1)) {
      expect(f.content.startsWith("<svg")).toBe(true);
      expect(f.content).toMatch(/class="mark-(line|rect|symbol|area|rule)/);
    }
  });
});
