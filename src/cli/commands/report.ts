import type { Command } from "commander";
import { RadvalError } from "../../core/errors.js";
import { readResultsFile } from "../../io/readResults.js";
import { REPORT_FORMATS, type ReportFormat, writeReport } from "../../io/writeReport.js";
import { buildReport } from "../../report/report.js";
import type { CliIo } from "../io.js";
import { printJson } from "../output.js";

interface ReportOptions {
  format?: string;
  out?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Parses `--format html,md` into formats, naming the option on a bad value. */
export function parseFormats(value: string | undefined): ReportFormat[] {
  if (value === undefined) return ["html"];
  const formats = value.split(",").map((s) => s.trim().toLowerCase()).filter((s) => s !== "");
  const aliases: Record<string, ReportFormat> = { html: "html", md: "md", markdown: "md", json: "json" };
  const out: ReportFormat[] = [];
  for (const f of formats.length ? formats : [value]) {
    const format = aliases[f];
    if (!format) {
      throw new RadvalError("INVALID_OPTION", `unknown report format "${f}"`, { where: { option: "--format" }, hint: `Use ${REPORT_FORMATS.join(", ")} (several separated by commas, e.g. --format html,md).` });
    }
    if (!out.includes(format)) out.push(format);
  }
  return out;
}

/** `radval report <results.json> [--format html|md|json] [--out DIR]`: writes the TRIPOD+AI report. */
export function registerReport(program: Command, io: CliIo): void {
  program
    .command("report")
    .description("write the TRIPOD+AI report (self-contained HTML, Markdown with SVG charts, or JSON) from a results.json")
    .argument("<results>", "results.json written by radval validate")
    .option("--format <list>", "html, md or json; several separated by commas (default: html)")
    .option("--out <dir>", "output directory (default: report)")
    .option("--json", "print a JSON summary (files written, item statuses, flags) on stdout")
    .option("--quiet", "print nothing but errors")
    .action(async (file: string, options: ReportOptions) => {
      const formats = parseFormats(options.format);
      const results = readResultsFile(file);
      const written = await writeReport(results, { format: formats, outDir: options.out ?? "report" });
      const report = buildReport(results);
      const flags = report.checks.filter((c) => c.status === "flag");
      if (options.json) {
        printJson(io, { files: written, statusCounts: report.statusCounts, flags: flags.map((f) => ({ id: f.id, severity: f.severity, message: f.message })) });
        return;
      }
      if (options.quiet) return;
      const c = report.statusCounts;
      io.stdout(`${written.filter((p) => !p.endsWith(".svg")).map((p) => `wrote ${p}`).join("\n")}${written.some((p) => p.endsWith(".svg")) ? `\nwrote ${written.filter((p) => p.endsWith(".svg")).length} SVG charts` : ""}\n`);
      io.stdout(`TRIPOD+AI items: ${c.filled} filled, ${c.partial} partly filled, ${c.author} by the author, ${c.missing} missing\n`);
      for (const f of flags) io.stdout(`flag (${f.severity}): ${f.message}\n`);
    });
}
