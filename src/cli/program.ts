import { Command } from "commander";
import { RADVAL_VERSION } from "../version.js";
import { registerAuc } from "./commands/auc.js";
import { registerCluster } from "./commands/cluster.js";
import { registerCoxph } from "./commands/coxph.js";
import { registerCv } from "./commands/cv.js";
import { registerDescribe } from "./commands/describe.js";
import { registerEvaluate } from "./commands/evaluate.js";
import { registerGlmnet } from "./commands/glmnet.js";
import { registerIcc } from "./commands/icc.js";
import { registerInit } from "./commands/init.js";
import { registerReport } from "./commands/report.js";
import { registerRun } from "./commands/run.js";
import { registerValidate } from "./commands/validate.js";
import type { CliIo } from "./io.js";

/** Every subcommand, in the order `radval --help` lists them (one per line). */
const COMMANDS: ReadonlyArray<(program: Command, io: CliIo) => void> = [
  registerRun,
  registerInit,
  registerDescribe,
  registerIcc,
  registerCluster,
  registerAuc,
  registerGlmnet,
  registerCoxph,
  registerCv,
  registerEvaluate,
  registerValidate,
  registerReport,
];

/** The `radval` command with all subcommands registered; output goes to `io`. */
export function createProgram(io: CliIo): Command {
  const program = new Command("radval")
    .description("Build and validate radiomics and clinical prediction models, leakage-free, with numbers that agree with R.")
    .version(RADVAL_VERSION, "-v, --version", "print the radval version")
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(run radval --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  for (const register of COMMANDS) register(program, io);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  }
  return program;
}
