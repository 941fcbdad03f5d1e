import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { RadvalError } from "../../core/errors.js";
import { prepareEnginesNode } from "../../io/prepareEngines.js";
import { loadStudy } from "../../io/readStudy.js";
import { writeReport } from "../../io/writeReport.js";
import type { StudyResults } from "../../report/results.js";
import { defaultWorkers, workerPoolExecutor } from "../../validate/pool.js";
import { type PredictionRow, runStudy } from "../../validate/study/runStudy.js";
import { formatNumber, formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { numberOption } from "../options.js";
import { printJson } from "../output.js";
import { progressReporter } from "../progress.js";
import { parseFormats } from "./report.js";

/** Options shared by `radval validate` and `radval run`. */
export interface StudyCommandOptions {
  seed?: string;
  workers?: string;
  out?: string;
  report?: string | boolean;
  json?: boolean;
  quiet?: boolean;
}

/** A CSV field, quoted when it holds a comma, quote or newline. */
function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function summaryTable(results: StudyResults): string {
  const rows = (results.internalValidation?.models ?? []).map((m) => {
    const label = results.models.find((x) => x.id === m.model)?.label ?? m.model;
    const ext = results.externalValidation.filter((e) => e.model === m.model && e.site === null);
    return [
      label,
      formatNumber(m.apparent.auc?.estimate ?? null, 3),
      formatNumber(m.corrected.auc?.estimate ?? null, 3),
      formatNumber(m.corrected.calibrationSlope?.estimate ?? null, 3),
      formatNumber(m.corrected.brier?.estimate ?? null, 3),
      ext.map((e) => `${formatNumber(e.metrics.auc?.estimate ?? null, 3)}`).join(", ") || "—",
    ];
  });
  const scheme = results.internalValidation?.description ?? "";
  return `${scheme}\n${formatTable(["model", "apparent AUC", "corrected AUC", "corrected slope", "corrected Brier", "external AUC"], rows)}`;
}

/**
 * Runs a study config end to end and writes `results.json` (and the report
 * when asked): the implementation behind `radval validate` and `radval run`.
 */
export async function runStudyCommand(configPath: string, options: StudyCommandOptions, io: CliIo, defaults: { report: boolean; command: string }): Promise<void> {
  const seed = numberOption("--seed", options.seed, { min: 0, integer: true });
  const workers = numberOption("--workers", options.workers, { min: 1, integer: true, default: defaultWorkers() })!;
  const loaded = loadStudy(configPath, { command: defaults.command });
  const outDir = resolve(options.out ?? "radval-results");
  const executor = workerPoolExecutor(workers);
  const progress = progressReporter(io, options.quiet || options.json);
  let results: StudyResults;
  let predictions: readonly PredictionRow[] = [];
  try {
    results = await runStudy(loaded.inputs, {
      ...(seed !== undefined ? { seed } : {}),
      executor,
      onProgress: progress.onProgress,
      prepare: prepareEnginesNode,
      onPredictions: (rows) => (predictions = rows),
    });
  } finally {
    progress.stop();
    await executor.close?.();
  }
  try {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
    const csv = ["id,model,scheme,split,outcome,prob", ...predictions.map((p) => [csvField(p.id), csvField(p.model), p.scheme, csvField(p.split), p.outcome, p.prob].join(","))];
    writeFileSync(join(outDir, "predictions.csv"), `${csv.join("\n")}\n`);
  } catch (e) {
    throw new RadvalError("WRITE_FAILED", `cannot write results.json (${(e as Error).message})`, { where: { file: join(outDir, "results.json") }, hint: "Check that --out points at a writable directory." });
  }
  const written = [join(outDir, "results.json"), join(outDir, "predictions.csv")];
  const wantReport = options.report === undefined ? defaults.report : options.report !== false;
  if (wantReport) {
    const formats = typeof options.report === "string" ? parseFormats(options.report) : (["html", "md"] as const);
    written.push(...(await writeReport(results, { format: [...formats], outDir })));
  }
  if (options.json) {
    printJson(io, { files: written, seed: results.software.seed, workers, internalValidation: results.internalValidation?.models.map((m) => ({ model: m.model, apparent: m.apparent, corrected: m.corrected })) });
  } else {
    io.stdout(summaryTable(results));
    io.stdout(`Wrote:\n${written.map((f) => `  ${f}`).join("\n")}\n`);
  }
}

/** `radval validate <study.yaml>`: the pipeline a config describes → results.json (and the report with --report). */
export function registerValidate(program: Command, io: CliIo): void {
  program
    .command("validate")
    .description("run the validation a study config describes and write results.json (every number the report needs)")
    .argument("<study.yaml>", "study configuration (see examples/*.study.yaml)")
    .option("--seed <n>", "master seed (default: the config's seed, else 2026)")
    .option("--workers <n>", "worker threads for the resampling fits (default: the machine's cores); results do not depend on it")
    .option("--out <dir>", "output directory (default: radval-results)")
    .option("--report [formats]", "also write the report: html, md, json (comma-separated; default html,md)")
    .option("--json", "print a JSON summary on stdout")
    .option("--quiet", "no progress or warnings on stderr")
    .action((file: string, options: StudyCommandOptions) => runStudyCommand(file, options, io, { report: false, command: `radval validate ${file}` }));
}
