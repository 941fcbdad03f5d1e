import { Command } from "commander";
import { RADVAL_VERSION } from "../version.js";
import type { CliIo } from "./io.js";

/** Adds one subcommand (its options, arguments and action) to `program`: the export of each src/cli/commands/*.ts. */
export type RegisterCommand = (program: Command, io: CliIo) => void;

/**
 * One subcommand as `radval --help` lists it, and how to load it. Only the command that runs is
 * imported (startup stays near bare Node's: the statistics, charts, YAML and schema code of the
 * other commands are never loaded).
 */
export interface CommandEntry {
  /** The subcommand's name. */
  readonly name: string;
  /** Its help term, as commander prints it: name, `[options]`, arguments. */
  readonly term: string;
  /** The one-line description (the same text the module's `.description(…)` gives; a test checks). */
  readonly summary: string;
  /** Imports the command's module and returns its register function. */
  readonly load: () => Promise<RegisterCommand>;
}

/**
 * Every subcommand, in the order `radval --help` lists them. To add a command, add one line:
 * `{ name: "x", term: "x [options] <file>", summary: "…", load: () => import("./commands/x.js").then((m) => m.registerX) },`
 * (test/cli/program.test.ts checks that `term` and `summary` match what the module registers).
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: "run", term: "run [options] <study.yaml>", summary: "run a study config end to end: validation, then results.json and the TRIPOD+AI report (html, md, json)", load: () => import("./commands/run.js").then((m) => m.registerRun) },
  { name: "merge", term: "merge [options] <shards...>", summary: "merge the shard files of radval run --shard i/N into results.json and the report, bit-identical to a single-machine run", load: () => import("./commands/merge.js").then((m) => m.registerMerge) },
  { name: "plan", term: "plan [options] <study.yaml>", summary: "plan a sharded run: fit tasks by stage, time per task from pilot fits, memory, and the shard count for a target wall time", load: () => import("./commands/plan.js").then((m) => m.registerPlan) },
  { name: "predict", term: "predict [options] <model.json> <file>", summary: "apply a study's final model (model.json from radval run) to new patients: id, model, predicted probability", load: () => import("./commands/predict.js").then((m) => m.registerPredict) },
  { name: "init", term: "init [options] <file.csv>", summary: "write a commented starter study config for a feature table (roles guessed from column names: check them)", load: () => import("./commands/init.js").then((m) => m.registerInit) },
  { name: "describe", term: "describe [options] <file>", summary: "summarise a feature table: rows, features, outcome counts, missing values, constant features, roles", load: () => import("./commands/describe.js").then((m) => m.registerDescribe) },
  { name: "icc", term: "icc [options] <file>", summary: "intraclass correlation (all six Shrout–Fleiss / McGraw–Wong forms, F test, 95% CI as psych::ICC) per feature of a long test-retest table", load: () => import("./commands/icc.js").then((m) => m.registerIcc) },
  { name: "cluster", term: "cluster [options] <file>", summary: "redundancy clustering of features: correlation, 1 − |r| distance, hierarchical clustering cut at |r| ≥ threshold, one representative per cluster", load: () => import("./commands/cluster.js").then((m) => m.registerCluster) },
  { name: "combat", term: "combat [options] <file>", summary: "ComBat harmonisation of features across sites/scanners (neuroCombat: location/scale, empirical Bayes), with site diagnostics", load: () => import("./commands/combat.js").then((m) => m.registerCombat) },
  { name: "auc", term: "auc [options] <file>", summary: "AUC with DeLong variance and CI, the Youden threshold, and the paired DeLong test of two scores (pROC-compatible)", load: () => import("./commands/auc.js").then((m) => m.registerAuc) },
  { name: "glmnet", term: "glmnet [options] <file>", summary: "elastic-net logistic regression path (glmnet, binomial) with optional cross-validated lambda", load: () => import("./commands/glmnet.js").then((m) => m.registerGlmnet) },
  { name: "ordinal", term: "ordinal [options] <file>", summary: "proportional-odds (cumulative logit) regression of an ordinal outcome at the exact MLE (as ordinal::clm / MASS::polr)", load: () => import("./commands/ordinal.js").then((m) => m.registerOrdinal) },
  { name: "coxph", term: "coxph [options] <file>", summary: "Cox proportional-hazards regression (survival::coxph) with cox.zph and concordance", load: () => import("./commands/coxph.js").then((m) => m.registerCoxph) },
  { name: "cv", term: "cv [options] <file>", summary: "cross-validated AUC of classifiers on the same stratified folds (features standardised inside each fold)", load: () => import("./commands/cv.js").then((m) => m.registerCv) },
  { name: "evaluate", term: "evaluate [options] <predictions>", summary: "validate predicted probabilities from any model: AUC (DeLong), rms::val.prob calibration, Hosmer–Lemeshow, decision curve", load: () => import("./commands/evaluate.js").then((m) => m.registerEvaluate) },
  { name: "nomogram", term: "nomogram [options] <file>", summary: "fit an unpenalised logistic (or Cox) model and build its nomogram (rms::nomogram points, total points, risk or survival axis)", load: () => import("./commands/nomogram.js").then((m) => m.registerNomogram) },
  { name: "validate", term: "validate [options] <study.yaml>", summary: "run the validation a study config describes and write results.json (every number the report needs)", load: () => import("./commands/validate.js").then((m) => m.registerValidate) },
  { name: "report", term: "report [options] <results>", summary: "write the TRIPOD+AI report (self-contained HTML, Markdown with SVG charts, or JSON) from a results.json", load: () => import("./commands/report.js").then((m) => m.registerReport) },
  { name: "seg", term: "seg [options] [reference] [prediction]", summary: "segmentation agreement of NIfTI masks (Dice, Jaccard, volumes, Hausdorff, HD95, ASSD, surface Dice); one pair or a batch (--pairs) with an HTML report", load: () => import("./commands/seg.js").then((m) => m.registerSeg) },
];

/**
 * The command `argv` runs (the first word that is not an option; `help X` asks for X's help), or
 * undefined for `radval`, `radval --help`, `radval --version` and unknown words.
 */
export function commandToLoad(argv: readonly string[]): CommandEntry | undefined {
  const words = argv.filter((a) => !a.startsWith("-"));
  const name = words[0] === "help" ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name);
}

/**
 * The `radval` command with `only` fully registered (imported) and every other subcommand as a
 * stub carrying just its name and summary for `radval --help`; output goes to `io`.
 * `only: "all"` imports every command (for tests that inspect the full tree).
 */
export async function createProgram(io: CliIo, only?: string | "all"): Promise<Command> {
  const program = new Command("radval")
    .description("Build and validate radiomics and clinical prediction models, leakage-free, with numbers that agree with R.")
    .version(RADVAL_VERSION, "-v, --version", "print the radval version")
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(run radval --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  const stubs = new Map<Command, CommandEntry>();
  for (const entry of COMMANDS) {
    if (only === "all" || only === entry.name) (await entry.load())(program, io);
    else stubs.set(program.command(entry.name).description(entry.summary), entry);
  }
  program.configureHelp({ subcommandTerm: (cmd) => stubs.get(cmd)?.term ?? defaultTerm(cmd) });
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  }
  return program;
}

/** Commander's own help term of a fully registered command: name, `[options]`, arguments. */
export function defaultTerm(cmd: Command): string {
  const args = cmd.registeredArguments.map((a) => {
    const name = a.name() + (a.variadic ? "..." : "");
    return a.required ? `<${name}>` : `[${name}]`;
  });
  return [cmd.name(), ...(cmd.options.length > 0 ? ["[options]"] : []), ...args].join(" ");
}
