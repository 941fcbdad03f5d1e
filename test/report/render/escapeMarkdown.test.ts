import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/report/report.js";
import { escapeMarkdown } from "../../../src/report/render/escapeMarkdown.js";
import { renderMarkdown } from "../../../src/report/render/markdown.js";
import { parseStudyResults } from "../../../src/report/resultsSchema.js";
import { exampleJson } from "../fixture.js";

describe("escapeMarkdown", () => {
  it("makes tags, comments, entities and link syntax inert; leaves comparisons readable", () => {
    expect(escapeMarkdown("<script>alert(1)</script>")).toBe("&lt;script>alert(1)&lt;/script>");
    expect(escapeMarkdown('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror="alert(1)">');
    expect(escapeMarkdown("[x](javascript:alert(1))")).toBe("\\[x\\](javascript:alert(1))");
    expect(escapeMarkdown("![p](http://evil/x.png)")).toBe("!\\[p\\](http://evil/x.png)");
    expect(escapeMarkdown("<!-- hide -->")).toBe("&lt;!-- hide -->");
    expect(escapeMarkdown("&lt;")).toBe("&amp;lt;");
    expect(escapeMarkdown("AUC < 0.8 & slope > 1 (Koo & Li)")).toBe("AUC < 0.8 & slope > 1 (Koo & Li)");
  });
});

describe("report.md with hostile names from the data", () => {
  it("passes no raw HTML and no link from model labels and feature names", () => {
    const json = exampleJson();
    json["models"][0]["label"] = "<script>alert(1)</script>";
    const final = json["models"][0]["final"];
    final["coefficients"][0]["feature"] = final["featureNames"][0] = "[x](javascript:alert(1))";
    final["coefficients"][1]["feature"] = final["featureNames"][1] = '<img src=x onerror="alert(1)">';
    for (const h of json["heterogeneity"]) h["sites"][0]["site"] = "[x](javascript:alert(1))";
    const md = renderMarkdown(buildReport(parseStudyResults(json)));
    expect(md).not.toContain("<script>");
    expect(md).not.toContain("<img");
    expect(md).not.toContain("[x](javascript:");
    expect(md).toContain("&lt;script>alert(1)&lt;/script>");
    expect(md).toContain("\\[x\\](javascript:alert(1))");
  });
});

describe("escapeMarkdown and backslashes", () => {
  it("a backslash in the data cannot undo the escaping of a bracket", () => {
    expect(escapeMarkdown("\\[x\\](javascript:alert(1))")).toBe("\\\\\\[x\\\\\\](javascript:alert(1))");
  });
});
