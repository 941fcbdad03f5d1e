import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { RadvalError } from "../core/errors.js";
import { type BuildReportOptions, buildReport } from "../report/report.js";
import { renderHtmlWithCharts } from "../report/render/html.js";
import { renderJson } from "../report/render/json.js";
import { renderMarkdownWithCharts } from "../report/render/markdown.js";
import type { StudyResults } from "../report/results.js";
import { loadVegaScripts } from "./vegaAssets.js";

/** Report formats: self-contained HTML, Markdown with SVG charts, JSON. */
export type ReportFormat = "html" | "md" | "json";

/** The formats `writeReport` knows. */
export const REPORT_FORMATS: readonly ReportFormat[] = ["html", "md", "json"];

/** Options of {@link writeReport}. */
export interface WriteReportOptions extends BuildReportOptions {
  /** One format or several (default html). */
  readonly format?: ReportFormat | readonly ReportFormat[];
  /** Output directory, created when missing (default "report"). */
  readonly outDir?: string;
  /** File name without extension (default "report"). */
  readonly baseName?: string;
}

function write(path: string, content: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  } catch (e) {
    throw new RadvalError("WRITE_FAILED", `cannot write the report (${(e as Error).message})`, { where: { file: path }, hint: "Check that the output directory is writable (--out DIR)." });
  }
}

/**
 * Builds the report from study results and writes it: `report.html` (one
 * self-contained file), `report.md` plus `charts/<id>.svg`, and/or
 * `report.json`, under `outDir`. Returns the absolute paths written, in
 * order. The function `radval report` and `radval validate` call.
 */
export async function writeReport(results: StudyResults, options: WriteReportOptions = {}): Promise<string[]> {
  const formats = Array.isArray(options.format) ? (options.format as readonly ReportFormat[]) : [(options.format as ReportFormat | undefined) ?? "html"];
  for (const f of formats) {
    if (!REPORT_FORMATS.includes(f)) {
      throw new RadvalError("INVALID_OPTION", `unknown report format "${f}"`, { where: { option: "--format" }, hint: `Use one of ${REPORT_FORMATS.join(", ")}.` });
    }
  }
  const outDir = resolve(options.outDir ?? "report");
  const base = options.baseName ?? "report";
  const report = buildReport(results, options.flags ? { flags: options.flags } : {});
  const written: string[] = [];
  for (const format of formats) {
    if (format === "json") {
      const path = join(outDir, `${base}.json`);
      write(path, renderJson(report, results));
      written.push(path);
    } else if (format === "html") {
      const path = join(outDir, `${base}.html`);
      write(path, await renderHtmlWithCharts(report, loadVegaScripts()));
      written.push(path);
    } else {
      for (const file of await renderMarkdownWithCharts(report, { fileName: `${base}.md` })) {
        const path = join(outDir, file.path);
        write(path, file.content);
        written.push(path);
      }
    }
  }
  return written;
}
