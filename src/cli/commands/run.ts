import { basename, join } from "node:path";
import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { type StudyCommandOptions, runStudyCommand } from "./validate.js";

/**
 * The default output folder of `radval run`: `reports/<name>` in the current
 * directory, where `<name>` is the config file's name without `.study.yaml`
 * (or `.yaml`, `.yml`, `.json`): `examples/pbc.study.yaml` → `reports/pbc`.
 */
export function defaultRunOutDir(configPath: string): string {
  const name = basename(configPath).replace(/(\.study)?\.(ya?ml|json)$/i, "") || "study";
  return join("reports", name);
}

/**
 * `radval run <study.yaml>`: the whole study a config describes — reliability
 * filter, redundancy, the models, internal and external validation, decision
 * curves — then results.json and the TRIPOD+AI report (html, md, json) in one
 * command. Same engine as `radval validate` (which writes results.json only).
 */
export function registerRun(program: Command, io: CliIo): void {
  program
    .command("run")
    .description("run a study config end to end: validation, then results.json and the TRIPOD+AI report (html, md, json)")
    .argument("<study.yaml>", "study configuration (radval init writes a starter; see examples/*.study.yaml)")
    .option("--seed <n>", "master seed (default: the config's seed, else 2026)")
    .option("--workers <n>", "worker threads for the resampling fits (default: the machine's cores); results do not depend on it")
    .option("--out <dir>", "output directory (default: reports/<config name without .study.yaml>)")
    .option("--format <list>", "report formats: html, md, json, comma-separated (default: the config's report.formats, else all three)")
    .option("--created-at <time>", "time stamp recorded in results.json and the report (ISO; default: SOURCE_DATE_EPOCH if set, else now)")
    .option("--shard <i/N|auto>", "compute only shard i of N of the fit tasks and write DIR/shard-i-of-N.json (auto: from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX); then radval merge DIR")
    .option("--json", "print a JSON summary on stdout (no progress on stderr)")
    .option("--quiet", "no progress or warnings on stderr")
    .action((file: string, options: StudyCommandOptions) =>
      runStudyCommand(file, options, io, { report: true, command: `radval run ${file}`, outDir: defaultRunOutDir(file), formats: ["html", "md", "json"] }),
    );
}
