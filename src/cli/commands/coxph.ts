import type { Command } from "commander";
import { RadvalError } from "../../core/errors.js";
import { normalQuantile } from "../../stats/normal.js";
import { concordance } from "../../survival/concordance.js";
import { coxLinearPredictor, coxph, type CoxphFit, type CoxTies } from "../../survival/coxph.js";
import { coxZph, type CoxZphResult } from "../../survival/coxZph.js";
import { formatNumber, formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { addCommonOptions, addRoleOptions } from "../options.js";
import { printJson } from "../output.js";
import { readSurvivalTable, type SurvivalRoleOptions } from "../survivalTable.js";

interface CoxphOptions extends SurvivalRoleOptions {
  ties?: string;
}

const byTerm = (terms: readonly string[], v: ArrayLike<number>): Record<string, number> => Object.fromEntries(terms.map((t, j) => [t, v[j]!]));

/** The public JSON contract of `radval coxph --json`. */
export function coxphJson(fit: CoxphFit, c: { c: number; se: number }, zph: CoxZphResult): unknown {
  const z = normalQuantile(0.975);
  return {
    terms: fit.terms,
    ties: fit.ties,
    coefficients: byTerm(fit.terms, fit.coefficients),
    stdErrors: byTerm(fit.terms, fit.stdErrors),
    z: byTerm(fit.terms, fit.z),
    p: byTerm(fit.terms, fit.p),
    hazardRatios: Object.fromEntries(
      fit.terms.map((t, j) => [t, { estimate: Math.exp(fit.coefficients[j]!), lower: Math.exp(fit.coefficients[j]! - z * fit.stdErrors[j]!), upper: Math.exp(fit.coefficients[j]! + z * fit.stdErrors[j]!) }]),
    ),
    loglik: fit.loglik,
    tests: { likelihoodRatio: fit.likelihoodRatioTest, wald: fit.waldTest, score: fit.scoreTest, df: fit.terms.length },
    concordance: { c: c.c, se: c.se },
    zph: {
      terms: Object.fromEntries(zph.terms.map((t, j) => [t, { chisq: zph.chisq[j]!, df: zph.df[j]!, p: zph.p[j]! }])),
      global: zph.global,
      transform: "km",
    },
    baseline: { time: Array.from(fit.baseline.time), cumhaz: Array.from(fit.baseline.cumhaz) },
    nObservations: fit.nObservations,
    nEvents: fit.nEvents,
    iterations: fit.iterations,
    converged: fit.converged,
  };
}

function human(file: string, fit: CoxphFit, c: { c: number; se: number }, zph: CoxZphResult): string {
  const z = normalQuantile(0.975);
  const lines = [`${file}: Cox proportional-hazards model (${fit.ties} ties), n = ${fit.nObservations}, events = ${fit.nEvents}`, ""];
  lines.push(
    formatTable(
      ["term", "coef", "HR", "95% CI", "se", "z", "p", "PH p"],
      fit.terms.map((t, j) => {
        const b = fit.coefficients[j]!, se = fit.stdErrors[j]!;
        return [t, formatNumber(b, 5), formatNumber(Math.exp(b), 4), `${formatNumber(Math.exp(b - z * se), 4)}–${formatNumber(Math.exp(b + z * se), 4)}`, formatNumber(se, 4), formatNumber(fit.z[j], 3), formatNumber(fit.p[j], 3), formatNumber(zph.p[j], 3)];
      }),
    ).trimEnd(),
  );
  lines.push("");
  lines.push(`log partial likelihood ${formatNumber(fit.loglik[1], 7)} (null ${formatNumber(fit.loglik[0], 7)}); LR test ${formatNumber(fit.likelihoodRatioTest, 5)} on ${fit.terms.length} df`);
  lines.push(`concordance (Harrell) ${formatNumber(c.c, 4)} (se ${formatNumber(c.se, 4)}); proportional hazards (cox.zph, km): global chi-square ${formatNumber(zph.global.chisq, 4)}, p = ${formatNumber(zph.global.p, 3)}`);
  return `${lines.join("\n")}\n`;
}

/** `radval coxph <csv> --time T --event E --features …`: survival::coxph with cox.zph and Harrell's C. */
export function registerCoxph(program: Command, io: CliIo): void {
  const command = program.command("coxph").description("Cox proportional-hazards regression (survival::coxph) with cox.zph and concordance").argument("<file>", "wide CSV, one row per case");
  addCommonOptions(command);
  addRoleOptions(command, { outcome: false, site: false });
  command
    .option("--time <col>", "follow-up time column")
    .option("--event <col>", "event column (1 = event, 0 = censored)")
    .option("--ties <method>", "tie handling: efron (default) or breslow", "efron");
  command.action((file: string, options: CoxphOptions) => {
    const ties = options.ties as CoxTies;
    if (ties !== "efron" && ties !== "breslow") throw new RadvalError("INVALID_OPTION", `unknown ties method "${options.ties}"`, { where: { option: "--ties" }, hint: "Use efron or breslow." });
    const data = readSurvivalTable(file, options, [], true);
    const fit = coxph(data.x, data.time, data.event, { ties, featureNames: data.featureNames });
    const c = concordance(data.time, data.event, coxLinearPredictor(fit, data.x));
    const zph = coxZph(fit, data.x, data.time, data.event);
    if (options.json) printJson(io, coxphJson(fit, c, zph));
    else io.stdout(human(file, fit, c, zph));
  });
}
