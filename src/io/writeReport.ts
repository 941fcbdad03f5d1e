import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { RadvalError } from "../core/errors.js";
import { refreshManifest } from "./outputDir.js";
import { type BuildReportOptions, buildReport } from "../report/report.js";
import { renderHtmlWithCharts } from "../report/render/html.js";
import { renderJson } from "../report/render/json.js";
import { renderMarkdownWithCharts } from "../report/render/markdown.js";
import type { StudyResults } from "../report/results.js";
import type { OutputFile } from "./outputDir.js";
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

/** Writes a file whole or not at all: into a temporary sibling, then renamed over the target (no truncated report on a full disk). */
function write(path: string, content: string): void {
  const tmp = `${path}.radval-tmp-${process.pid}`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new RadvalError("WRITE_FAILED", `cannot write the report (${(e as Error).message})`, { where: { file: path }, hint: "Check that the output directory is writable (--out DIR)." });
  }
}

/**
 * The report files of study results, not written: `report.html` (one
 * self-contained file), `report.md` plus `charts/<id>.svg`, and/or
 * `report.json`, as paths relative to the output directory.
 */
export async function reportFiles(results: StudyResults, options: Omit<WriteReportOptions, "outDir"> = {}): Promise<OutputFile[]> {
  const formats = Array.isArray(options.format) ? (options.format as readonly ReportFormat[]) : [(options.format as ReportFormat | undefined) ?? "html"];
  for (const f of formats) {
    if (!REPORT_FORMATS.includes(f)) {
      throw new RadvalError("INVALID_OPTION", `unknown report format "${f}"`, { where: { option: "--format" }, hint: `Use one of ${REPORT_FORMATS.join(", ")}.` });
    }
  }
  const base = options.baseName ?? "report";
  const report = buildReport(results, options.flags ? { flags: options.flags } : {});
  const files: OutputFile[] = [];
  for (const format of formats) {
    if (format === "json") files.push({ path: `${base}.json`, content: renderJson(report, results) });
    else if (format === "html") files.push({ path: `${base}.html`, content: await renderHtmlWithCharts(report, loadVegaScripts()) });
    else files.push(...(await renderMarkdownWithCharts(report, { fileName: `${base}.md` })));
  }
  return files;
}

/**
 * Builds the report from study results and writes it: `report.html` (one
 * self-contained file), `report.md` plus `charts/<id>.svg`, and/or
 * `report.json`, under `outDir`, each file whole or not at all (temporary
 * file, then rename). Returns the absolute paths written, in order. The
 * function `radval report` calls (`radval run` writes its whole output set
 * atomically with `writeOutputSet`).
 */
export async function writeReport(results: StudyResults, options: WriteReportOptions = {}): Promise<string[]> {
  const outDir = resolve(options.outDir ?? "report");
  const written: string[] = [];
  for (const file of await reportFiles(results, options)) {
    const path = join(outDir, file.path);
    write(path, file.content);
    written.push(path);
  }
  refreshManifest(outDir, written); // a run's manifest stays true when its report is rewritten
  return written;
}
