import { join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { RadvalError } from "../../core/errors.js";
import type { OutputFile } from "../../io/outputDir.js";
import type { ReportFormat } from "../../io/writeReport.js";
import { csvCell } from "../../core/csvCell.js";
import { computeFlags } from "../../report/flags.js";
import { internalEstimateName } from "../../report/format.js";
import type { StudyResults } from "../../report/results.js";
import type { PredictionRow } from "../../validate/study/runStudy.js";
import type { StudyModelFile } from "../../validate/modelFile.js";
import { formatNumber, formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { numberOption } from "../options.js";
import { printJson } from "../output.js";

/** Options shared by `radval validate` and `radval run`. */
export interface StudyCommandOptions {
  seed?: string;
  workers?: string;
  out?: string;
  report?: string | boolean;
  /** Report formats (`radval run --format`); overrides the config's `report.formats`. */
  format?: string;
  /** `createdAt` of results.json (ISO time); default: SOURCE_DATE_EPOCH when set, else now. */
  createdAt?: string;
  /** `radval run --shard i/N | auto | auto/N`: compute one shard's fit tasks only (see src/validate/shard/). */
  shard?: string;
  json?: boolean;
  quiet?: boolean;
}


/** What differs between `radval validate` and `radval run`. */
export interface StudyCommandDefaults {
  /** Write the report unless told otherwise. */
  readonly report: boolean;
  /** The command line, recorded in results.json. */
  readonly command: string;
  /** Output directory when --out is not given (default radval-results). */
  readonly outDir?: string;
  /** Report formats when neither an option nor the config's `report.formats` names them (default html, md). */
  readonly formats?: readonly ReportFormat[];
}

/** The run's time stamp: --created-at, else SOURCE_DATE_EPOCH (reproducible builds' convention), else now. */
export function createdAtOf(option: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  if (option !== undefined) {
    const t = Date.parse(option);
    if (!Number.isFinite(t)) throw new RadvalError("INVALID_OPTION", `expected an ISO date or time, got "${option}"`, { where: { option: "--created-at" }, hint: "Example: --created-at 2026-01-31T12:00:00Z" });
    // Date.parse rolls impossible days over (2026-02-30 → 2026-03-02): refuse a calendar date that does not exist.
    const ymd = /^(\d{4})-(\d{2})-(\d{2})/.exec(option);
    if (ymd) {
      const [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
      const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
      if (m < 1 || m > 12 || d < 1 || d > days) {
        throw new RadvalError("INVALID_DATE", `"${option}" is not a calendar date (${m >= 1 && m <= 12 ? `${y}-${ymd[2]} has ${days} days` : `no month ${ymd[2]}`})`, { where: { option: "--created-at" }, hint: "Example: --created-at 2026-02-28T12:00:00Z" });
      }
    }
    return new Date(t).toISOString();
  }
  const epoch = env["SOURCE_DATE_EPOCH"];
  if (epoch !== undefined && epoch.trim() !== "") {
    const seconds = Number(epoch);
    if (!Number.isInteger(seconds) || seconds < 0) throw new RadvalError("INVALID_OPTION", `SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"`, { where: { option: "SOURCE_DATE_EPOCH" } });
    return new Date(seconds * 1000).toISOString();
  }
  return new Date().toISOString();
}

/** Written files for the terminal: SVG charts counted, not listed. */
function listWritten(files: readonly string[]): string {
  const shown = (f: string) => {
    const r = relative(process.cwd(), f);
    return r && !r.startsWith("..") ? r : f;
  };
  const svg = files.filter((f) => f.endsWith(".svg"));
  const lines = files.filter((f) => !f.endsWith(".svg")).map((f) => `  ${shown(f)}`);
  if (svg.length) lines.push(`  ${shown(join(svg[0]!, ".."))}/ (${svg.length} SVG charts)`);
  return lines.join("\n");
}

/**
 * The terminal summary of a study run: one row per model (apparent, internally validated, .632+ and CV AUC,
 * slope, Brier, across-site and external AUC), then a caution line for every model whose optimism-corrected
 * AUC the report's optimism-reliability check distrusts.
 */
export function summaryTable(results: StudyResults): string {
  if (results.outcomeValidation) return kindSummaryTable(results, results.outcomeValidation);
  const models = results.internalValidation?.models ?? [];
  const cohorts = [...new Set(results.externalValidation.filter((e) => e.site === null).map((e) => e.cohort))];
  const withCv = models.some((m) => m.crossValidated !== null);
  const with632 = models.some((m) => m.dotPlus.some((d) => d.measure === "auc"));
  const pooled = results.heterogeneity.filter((h) => h.metric === "auc");
  const f3 = (x: number | null | undefined) => formatNumber(x ?? null, 3);
  const est = internalEstimateName(results.internalValidation?.scheme, { short: true });
  const header = ["model", "apparent AUC", `${est} AUC`, ...(with632 ? [".632+ AUC"] : []), ...(withCv ? ["CV AUC"] : []), `${est} slope`, `${est} Brier`, ...(pooled.length ? ["AUC across sites"] : []), ...cohorts.map((c) => `AUC ${c}`)];
  const rows = models.map((m) => {
    const label = results.models.find((x) => x.id === m.model)?.label ?? m.model;
    const site = pooled.find((h) => h.model === m.model);
    return [
      label,
      f3(m.apparent.auc?.estimate),
      f3(m.corrected.auc?.estimate),
      ...(with632 ? [f3(m.dotPlus.find((d) => d.measure === "auc")?.dot632plus)] : []),
      ...(withCv ? [f3(m.crossValidated?.auc?.estimate)] : []),
      f3(m.corrected.calibrationSlope?.estimate),
      f3(m.corrected.brier?.estimate),
      ...(pooled.length ? [f3(site?.pooled.estimate)] : []),
      ...cohorts.map((c) => f3(results.externalValidation.find((e) => e.model === m.model && e.cohort === c && e.site === null)?.metrics.auc?.estimate)),
    ];
  });
  const scheme = results.internalValidation?.description ?? "";
  // Models for which the corrected AUC above cannot be trusted (the report's optimism-reliability check).
  const caveats = computeFlags(results)
    .checks.filter((c) => c.id === "optimism-reliability" && c.status === "flag")
    .map((c) => `caution: ${c.message}`);
  return `${scheme}\n${formatTable(header, rows)}${caveats.map((c) => `${c}\n`).join("")}`;
}

/** The terminal summary of an ordinal, nominal or survival study: per model, each index of the kind's metric set. */
function kindSummaryTable(results: StudyResults, v: NonNullable<StudyResults["outcomeValidation"]>): string {
  const f3 = (x: number | null | undefined) => formatNumber(x ?? null, 3);
  const cohorts = v.models[0] ? Object.keys(v.models[0].metrics[0]?.external ?? {}) : [];
  const header = ["model", "index", "apparent", ...(v.folds !== null ? ["CV"] : []), ...(v.bootstraps !== null ? ["optimism", "corrected"] : []), ...cohorts];
  const rows = v.models.flatMap((m) => {
    const label = results.models.find((x) => x.id === m.model)?.label ?? m.model;
    return m.metrics.map((r, i) => [
      i === 0 ? label : "",
      r.label,
      f3(r.apparent),
      ...(v.folds !== null ? [f3(r.cvPooled)] : []),
      ...(v.bootstraps !== null ? [f3(r.optimism), f3(r.corrected)] : []),
      ...cohorts.map((c) => f3(r.external[c])),
    ]);
  });
  const kind = results.outcomeKind;
  const what = kind?.kind === "survival" ? `time to ${kind.eventColumn} (horizon ${kind.horizon}; median follow-up ${formatNumber(kind.medianFollowUp ?? null, 4)})` : `${kind?.kind} outcome ${kind?.column ?? ""} (${(kind?.levels ?? []).join(kind?.kind === "ordinal" ? " < " : ", ")})`;
  return `${what}; ${v.description}\n${formatTable(header, rows)}`;
}

/** predictions.csv: id, model, scheme, split, outcome, prob, then any other predicted quantities (survival time and lp; class probabilities). */
export function predictionsCsv(predictions: readonly PredictionRow[]): string {
  const extra: string[] = [];
  for (const p of predictions) for (const k of Object.keys(p.values ?? {})) if (!extra.includes(k)) extra.push(k);
  const lines = [["id", "model", "scheme", "split", "outcome", "prob", ...extra].map(csvCell).join(",")];
  for (const p of predictions) {
    const prob = Number.isNaN(p.prob) ? "" : String(p.prob);
    lines.push([csvCell(p.id), csvCell(p.model), csvCell(p.scheme), csvCell(p.split), typeof p.outcome === "string" ? csvCell(p.outcome) : p.outcome, prob, ...extra.map((k) => (p.values?.[k] === undefined ? "" : String(p.values[k])))].join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** What a study run produced, to be written as an output set (results.json, predictions.csv, model.json, the report). */
export interface StudyOutputs {
  readonly results: StudyResults;
  readonly predictions: readonly PredictionRow[];
  readonly modelFile: StudyModelFile | null;
}

/**
 * Writes a study run's output set into `outDir` (one complete set or none; manifest last) and prints the summary
 * (or the `--json` summary): shared by `radval run`, `radval validate` and `radval merge`, so a merged run writes
 * the same files as a single-machine one.
 */
export async function writeStudyOutputs(
  outputs: StudyOutputs,
  outDir: string,
  formats: readonly ReportFormat[] | null,
  options: Pick<StudyCommandOptions, "json">,
  io: CliIo,
  workers: number,
): Promise<void> {
  const { results, predictions, modelFile } = outputs;
  const [{ formatJson }, { reportFiles }, { writeOutputSet }] = await Promise.all([import("../../report/render/json.js"), import("../../io/writeReport.js"), import("../../io/outputDir.js")]);
  const files: OutputFile[] = [
    { path: "results.json", content: `${formatJson(results)}\n` },
    { path: "predictions.csv", content: predictionsCsv(predictions) },
    { path: "model.json", content: `${JSON.stringify(modelFile, null, 1)}\n` },
  ];
  if (formats) files.push(...(await reportFiles(results, { format: [...formats] })));
  // One complete set or none: written into a temporary sibling, manifest last, renamed into place.
  const written = writeOutputSet(outDir, files, { seed: results.software.seed, configHash: results.software.configHash, command: results.software.command, createdAt: results.createdAt });
  if (options.json) {
    printJson(io, { files: written, seed: results.software.seed, workers, internalValidation: results.internalValidation?.models.map((m) => ({ model: m.model, apparent: m.apparent, corrected: m.corrected })),
      ...(results.outcomeValidation ? { outcomeValidation: results.outcomeValidation.models.map((m) => ({ model: m.model, metrics: m.metrics.map((r) => ({ metric: r.metric, apparent: r.apparent, cv: r.cvPooled, optimism: r.optimism, corrected: r.corrected, external: r.external })) })) } : {}) });
  } else {
    io.stdout(summaryTable(results));
    io.stdout(`Wrote:\n${listWritten(written)}\n`);
  }
}

/** The report formats of a run: --format (or --report's list), else the config's report.formats, else the command's default; null = no report. */
export async function reportFormatsOf(options: StudyCommandOptions, configFormats: readonly ReportFormat[] | undefined, defaults: StudyCommandDefaults): Promise<readonly ReportFormat[] | null> {
  const { parseFormats } = await import("./report.js");
  const explicitFormats = options.format ?? (typeof options.report === "string" ? options.report : undefined);
  const formatsOption = explicitFormats !== undefined ? parseFormats(explicitFormats) : undefined;
  const wantReport = options.report === undefined ? defaults.report : options.report !== false;
  return wantReport ? (formatsOption ?? configFormats ?? defaults.formats ?? (["html", "md"] as const)) : null;
}

/**
 * Runs a study config end to end and writes `results.json` (and the report
 * when asked): the implementation behind `radval validate` and `radval run`.
 * With `--shard i/N` (radval run) it computes only that shard's fit tasks and
 * writes `shard-i-of-N.json` instead (see `runShard`).
 */
export async function runStudyCommand(configPath: string, options: StudyCommandOptions, io: CliIo, defaults: StudyCommandDefaults): Promise<void> {
  const seed = numberOption("--seed", options.seed, { min: 0, integer: true });
  // The study machinery (YAML and schema checking, readers, model engines, worker pool, report writers)
  // is loaded when a study runs, not when the command is registered: `radval run --help` stays light.
  const [{ loadStudy }, { checkOutputDir }, { defaultWorkers, workerPoolExecutor }, { runStudy }, { prepareEnginesNode }, { progressReporter }, { parseFormats }] = await Promise.all([
    import("../../io/readStudy.js"),
    import("../../io/outputDir.js"),
    import("../../validate/pool.js"),
    import("../../validate/study/runStudy.js"),
    import("../../io/prepareEngines.js"),
    import("../progress.js"),
    import("./report.js"),
  ]);
  const shardModules = options.shard !== undefined
    ? await Promise.all([import("../shardOption.js"), import("../../io/shardFiles.js"), import("../../validate/shard/recording.js"), import("../../validate/shard/format.js"), import("../../version.js")])
    : null;
  const workers = numberOption("--workers", options.workers, { min: 1, integer: true, default: defaultWorkers() })!;
  const createdAt = createdAtOf(options.createdAt, process.env);
  const explicitFormats = options.format ?? (typeof options.report === "string" ? options.report : undefined);
  if (explicitFormats !== undefined) parseFormats(explicitFormats); // a bad --format is found before any fitting
  const shard = shardModules ? shardModules[0].parseShardOption(options.shard!, process.env) : null;
  const loaded = loadStudy(configPath, { command: defaults.command });
  const outDir = resolve(options.out ?? (shard ? `${defaults.outDir ?? "radval-results"}.shards` : (defaults.outDir ?? "radval-results")));
  // Before any fitting: an unwritable or foreign --out is found now, not after the run.
  if (shard) shardModules![1].checkShardDir(outDir);
  else checkOutputDir(outDir);
  const pool = workerPoolExecutor(workers);
  const recorder = shard ? shardModules![2].recordingShardExecutor(pool, shard) : null;
  const executor = recorder ?? pool;
  const progress = progressReporter(io, options.quiet || options.json);
  let warnings = 0;
  const warn = (message: string) => {
    if (options.quiet || options.json) return;
    if (++warnings <= 10) io.stderr(`radval: warning: ${message}\n`);
    else if (warnings === 11) io.stderr("radval: warning: … more suspected leaks in results.json (predictors.suspectedLeaks)\n");
  };
  let results: StudyResults;
  let predictions: readonly PredictionRow[] = [];
  let modelFile: StudyModelFile | null = null;
  try {
    results = await runStudy(loaded.inputs, {
      ...(seed !== undefined ? { seed } : {}),
      createdAt,
      executor,
      onProgress: progress.onProgress,
      onWarning: (message) => warn(message),
      prepare: prepareEnginesNode,
      onPredictions: (rows) => (predictions = rows),
      onModelFile: (file) => (modelFile = file),
    });
  } finally {
    progress.stop();
    await executor.close?.();
  }
  if (shard && recorder) {
    const record = recorder.record();
    const [, { writeShardFile }, , { SHARD_FILE_VERSION, SHARD_FORMAT }, { RADVAL_VERSION }] = shardModules!;
    const path = writeShardFile(outDir, {
      format: SHARD_FORMAT,
      version: SHARD_FILE_VERSION,
      radvalVersion: RADVAL_VERSION,
      shard,
      seed: seed ?? loaded.inputs.config.seed ?? 2026, // as runStudy chooses it
      configHash: loaded.inputs.software?.configHash ?? null,
      configFile: loaded.inputs.software?.configFile ?? null,
      configPath: resolve(configPath),
      command: defaults.command,
      ...record,
    });
    if (options.json) printJson(io, { file: path, shard: shard.index, of: shard.count, computed: record.tasks.length, totalTasks: record.totalTasks, seed: results.software.seed, workers });
    else io.stdout(`shard ${shard.index} of ${shard.count}: ${record.tasks.length} of ${record.totalTasks} fit tasks computed\nWrote:\n${listWritten([path])}\n`);
    return;
  }
  const formats = await reportFormatsOf(options, loaded.inputs.config.report?.formats, defaults);
  await writeStudyOutputs({ results, predictions, modelFile }, outDir, formats, options, io, workers);
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
    .option("--report [formats]", "also write the report: html, md, json (comma-separated; default: the config's report.formats, else html,md)")
    .option("--created-at <time>", "time stamp recorded in results.json (ISO; default: SOURCE_DATE_EPOCH if set, else now)")
    .option("--json", "print a JSON summary on stdout")
    .option("--quiet", "no progress or warnings on stderr")
    .action((file: string, options: StudyCommandOptions) => runStudyCommand(file, options, io, { report: false, command: `radval validate ${file}` }));
}
