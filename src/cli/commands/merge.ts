import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { RadvalError } from "../../core/errors.js";
import { loadStudy } from "../../io/readStudy.js";
import { checkOutputDir } from "../../io/outputDir.js";
import { readShardInputs } from "../../io/shardFiles.js";
import { prepareEnginesNode } from "../../io/prepareEngines.js";
import { type PredictionRow, runStudy } from "../../validate/study/runStudy.js";
import type { StudyModelFile } from "../../validate/modelFile.js";
import { checkShardSet } from "../../validate/shard/format.js";
import { replayExecutor } from "../../validate/shard/replay.js";
import { RADVAL_VERSION } from "../../version.js";
import type { CliIo } from "../io.js";
import { progressReporter } from "../progress.js";
import { defaultRunOutDir } from "./run.js";
import { type StudyCommandOptions, createdAtOf, reportFormatsOf, writeStudyOutputs } from "./validate.js";

interface MergeOptions extends StudyCommandOptions {
  config?: string;
}

/**
 * `radval merge DIR | shard files…`: checks that the shard files of a
 * `radval run --shard i/N` set are complete and belong together (same radval
 * version, config hash, seed, N and task lists; each shard once), then runs
 * the study's assembly with the recorded fit outputs in place of the fits
 * (the replay executor; the final models are fit here) and writes
 * results.json, predictions.csv, model.json and the report exactly as
 * `radval run` on one machine would (same --created-at: the same bytes).
 */
export async function mergeCommand(inputs: readonly string[], options: MergeOptions, io: CliIo): Promise<void> {
  const createdAt = createdAtOf(options.createdAt, process.env);
  const { shards: read, folder } = readShardInputs(inputs);
  const shards = checkShardSet(read, RADVAL_VERSION, folder);
  const head = shards[0]!.file;
  const configPath = options.config ?? head.configPath;
  if (!configPath || !existsSync(configPath)) {
    throw new RadvalError("FILE_NOT_FOUND", `the study config the shards ran (${configPath ?? "not recorded"}) is not here`, { where: { file: shards[0]!.source, option: "--config" }, hint: "Point --config at the same study.yaml (its data files must be reachable too)." });
  }
  const loaded = loadStudy(configPath, head.command !== null ? { command: head.command } : {});
  if ((loaded.inputs.software?.configHash ?? null) !== head.configHash) {
    throw new RadvalError("INVALID_ARGUMENT", `the config changed since the shards ran (SHA-256 ${loaded.inputs.software?.configHash?.slice(0, 12)}…, shards ${head.configHash?.slice(0, 12)}…)`, { where: { file: configPath, option: "--config" }, hint: "Merge with the config the shards ran, or recompute the shards." });
  }
  // results.json names the config as the shards' command line did, not as this merge found it.
  const inputsForRun = { ...loaded.inputs, software: { ...loaded.inputs.software, configFile: head.configFile } };
  const defaults = { report: true, command: head.command ?? "radval run", formats: ["html", "md", "json"] as const };
  const outDir = resolve(options.out ?? defaultRunOutDir(head.configFile ?? configPath));
  if (folder !== null && outDir === folder) {
    throw new RadvalError("INVALID_OPTION", "--out is the shard folder; radval replaces its output folder as a whole", { where: { option: "--out", file: outDir }, hint: "Write the merged results to another folder, e.g. --out results." });
  }
  checkOutputDir(outDir);
  const replay = replayExecutor(shards);
  const progress = progressReporter(io, options.quiet || options.json);
  let predictions: readonly PredictionRow[] = [];
  let modelFile: StudyModelFile | null = null;
  let results;
  try {
    results = await runStudy(inputsForRun, {
      seed: head.seed,
      createdAt,
      executor: replay,
      onProgress: progress.onProgress,
      prepare: prepareEnginesNode,
      onPredictions: (rows) => (predictions = rows),
      onModelFile: (file) => (modelFile = file),
    });
  } finally {
    progress.stop();
  }
  replay.finish();
  const formats = await reportFormatsOf(options, loaded.inputs.config.report?.formats, defaults);
  await writeStudyOutputs({ results, predictions, modelFile }, outDir, formats, options, io, 1);
}

/** `radval merge`: assemble the results of a sharded run (see {@link mergeCommand}). */
export function registerMerge(program: Command, io: CliIo): void {
  program
    .command("merge")
    .description("merge the shard files of radval run --shard i/N into results.json and the report, bit-identical to a single-machine run")
    .argument("<shards...>", "the folder given to radval run --shard … --out, or its shard-i-of-N.json files")
    .option("--out <dir>", "output directory (default: reports/<config name without .study.yaml>, as radval run)")
    .option("--format <list>", "report formats: html, md, json, comma-separated (default: the config's report.formats, else all three)")
    .option("--config <study.yaml>", "the study config, when it is not where the shards ran (it must be the same file: its hash is checked)")
    .option("--created-at <time>", "time stamp recorded in results.json and the report (ISO; default: SOURCE_DATE_EPOCH if set, else now)")
    .option("--json", "print a JSON summary on stdout (no progress on stderr)")
    .option("--quiet", "no progress on stderr")
    .action((shards: string[], options: MergeOptions) => mergeCommand(shards, options, io));
}
