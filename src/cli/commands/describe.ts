import type { Command } from "commander";
import { RadvalError } from "../../core/errors.js";
import { kaplanMeier, kmQuantile, medianFollowUp } from "../../survival/kaplanMeier.js";
import { checkSurvival } from "../../survival/validate.js";
import { describeDataset, missingPatterns, type DatasetSummary } from "../../core/describe.js";
import { readFeatureTable } from "../../io/readTable.js";
import { readLongTableFromOptions } from "../readLong.js";
import { type LongTableSummary, describeLongTable } from "../../table/describeLong.js";
import { formatNumber, formatPercent, formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { type RoleOptions, addCommonOptions, addRoleOptions, parseOptionsFrom, rolesFromOptions } from "../options.js";
import { printJson, printWarnings } from "../output.js";

/** Names listed in the summary before "… and N more (--columns lists all)". */
const NAMES_SHOWN = 10;

function names(list: readonly string[], all: boolean): string {
  if (all || list.length <= NAMES_SHOWN) return list.join(", ");
  return `${list.slice(0, NAMES_SHOWN).join(", ")} … and ${list.length - NAMES_SHOWN} more (--columns lists all)`;
}

function humanSummary(s: DatasetSummary, all: boolean): string {
  const lines: string[] = [];
  lines.push(`${s.file}: ${s.rows} rows, ${s.features} features${s.roles.id ? ` (case id: ${s.roles.id})` : " (no id column: rows are numbered)"}`);
  if (s.outcome) {
    lines.push(
      `Outcome ${s.outcome.column}: ${s.outcome.events} events ("${s.outcome.positive}") and ${s.outcome.nonEvents} non-events ("${s.outcome.negative}"), prevalence ${formatPercent(s.outcome.prevalence)}`,
    );
  } else {
    lines.push("Outcome: none chosen (use --outcome COL)");
  }
  for (const [label, role] of [
    ["Site", s.site],
    ["Group", s.group],
  ] as const) {
    if (!role) continue;
    lines.push(`${label} ${role.column}: ${role.levels.map((l) => `${l.level} ${l.n}${l.events !== null ? ` (${l.events} events)` : ""}`).join(", ")}`);
  }
  if (s.date) lines.push(`Date ${s.date.column}: ${s.date.first ?? "—"} to ${s.date.last ?? "—"}${s.date.missing ? `, ${s.date.missing} missing` : ""}`);
  const roles = Object.entries(s.roles)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}=${v}`);
  lines.push(`Roles found: ${roles.length ? roles.join(", ") : "none"}`);
  lines.push(`Text columns (not used as features): ${s.textColumns.length ? names(s.textColumns, all) : "none"}`);
  lines.push(`Constant features: ${s.constantFeatures.length ? `${s.constantFeatures.length}: ${names(s.constantFeatures, all)}` : "none"}`);
  lines.push(
    `Near-constant features: ${
      s.nearConstantFeatures.length
        ? `${s.nearConstantFeatures.length}: ${names(s.nearConstantFeatures.map((f) => `${f.feature} (ratio ${formatNumber(f.freqRatio, 3)}, ${formatNumber(f.percentUnique, 3)}% unique)`), all)}`
        : "none"
    }`,
  );
  const withMissing = Object.entries(s.missing.byFeature).filter(([, count]) => count > 0);
  if (withMissing.length === 0) {
    lines.push("Missing values: none");
  } else if (!all) {
    const patterns = missingPatterns(s.missing.byFeature);
    lines.push(`Missing values: ${s.missing.cells} cells in ${s.missing.rowsWithMissing} rows; ${withMissing.length} columns with missing values, by missing count (--columns lists every column):`);
    lines.push(
      formatTable(
        ["columns", "missing each", "%", "which"],
        patterns.map((p) => [String(p.features.length), String(p.missing), formatPercent(p.missing / s.rows), p.features.length <= 3 ? p.features.join(", ") : `${p.features.slice(0, 3).join(", ")} … (${p.features.length})`]),
      ).trimEnd(),
    );
  } else {
    lines.push(`Missing values: ${s.missing.cells} cells in ${s.missing.rowsWithMissing} rows; by column:`);
    lines.push(
      formatTable(
        ["column", "missing", "%"],
        withMissing.map(([name, count]) => [name, String(count), formatPercent(count / s.rows)]),
      ).trimEnd(),
    );
  }
  return `${lines.join("\n")}\n`;
}

function humanLongSummary(s: LongTableSummary): string {
  const lines: string[] = [];
  lines.push(`${s.file}: long table, ${s.cases} cases × ${s.raters.length} raters/repeats (${s.caseColumn} × ${s.raterColumn}), ${s.features} features`);
  lines.push(`Cases per rater: ${s.raters.map((r) => `${r} ${s.casesPerRater[r]}`).join(", ")}; complete cases: ${s.completeCases}`);
  lines.push(`Constant features: ${s.constantFeatures.length ? s.constantFeatures.join(", ") : "none"}`);
  const withMissing = Object.entries(s.missingByFeature).filter(([, count]) => count > 0);
  lines.push(withMissing.length === 0 ? "Missing measurements: none" : `Missing measurements: ${withMissing.map(([f, c]) => `${f} ${c}`).join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/**
 * `radval describe <file.csv>`: rows, features, outcome, missing values, constant features, roles. By default a
 * summary (columns sharing a missing count in one row, long name lists cut at 10); `--columns` lists every column.
 * `--json` always has everything.
 */
export function registerDescribe(program: Command, io: CliIo): void {
  const command = program
    .command("describe")
    .description("summarise a feature table: rows, features, outcome counts, missing values, constant features, roles")
    .argument("<file>", "wide CSV, one row per case (PyRadiomics output accepted), or a long table with --rater");
  addCommonOptions(command);
  addRoleOptions(command);
  command.option("--rater <col>", "read a long repeated-measures table (case × rater/repeat rows); --id names the case column");
  command.option("--columns", "list every column (missing values per column, every constant feature) instead of the summary");
  command.option("--time <col>", "follow-up time column of a time-to-event outcome (with --event): events, censoring, median follow-up");
  command.option("--event <col>", "event indicator column (1 = event, 0 = censored; see --event-value)");
  command.option("--event-value <v>", "the --event value that counts as the event (default 1); every other value is a censoring");
  command.action((file: string, options: RoleOptions & { rater?: string; columns?: boolean; time?: string; event?: string; eventValue?: string }) => {
    if (options.rater !== undefined) {
      const table = readLongTableFromOptions(file, { ...options, rater: options.rater });
      const summary = describeLongTable(table);
      if (options.json) printJson(io, summary);
      else io.stdout(humanLongSummary(summary));
      return;
    }
    if ((options.time === undefined) !== (options.event === undefined)) {
      throw new RadvalError("MISSING_ROLE", `--${options.time === undefined ? "time" : "event"} is missing: a time-to-event outcome needs both --time and --event`, { where: { file, option: options.time === undefined ? "--time" : "--event" } });
    }
    const roles = { ...rolesFromOptions(options), ...(options.time !== undefined ? { time: options.time, event: options.event! } : {}) };
    const data = readFeatureTable(file, roles, parseOptionsFrom(options));
    const summary = { ...describeDataset(data), ...(data.time && data.event ? { survival: survivalSummary(file, data.time, data.event, options.eventValue) } : {}) };
    printWarnings(io, data.warnings, options.quiet);
    if (options.json) printJson(io, summary);
    else io.stdout(humanSummary(summary, options.columns === true) + (summary.survival ? survivalText(summary.survival) : ""));
  });
}

/** Events, censorings, median follow-up (reverse Kaplan–Meier) and median survival (Kaplan–Meier) of a time-to-event outcome. */
interface SurvivalSummary {
  readonly time: string;
  readonly event: string;
  readonly eventValue: number;
  readonly n: number;
  readonly events: number;
  readonly censored: number;
  readonly medianFollowUp: number | null;
  readonly medianSurvival: number | null;
  readonly maxTime: number;
}

function survivalSummary(file: string, time: { name: string; values: Float64Array }, event: { name: string; values: Float64Array }, eventValueOption: string | undefined): SurvivalSummary {
  const eventValue = eventValueOption === undefined ? 1 : Number(eventValueOption);
  if (!Number.isFinite(eventValue)) throw new RadvalError("INVALID_OPTION", `--event-value must be a number, got "${eventValueOption}"`, { where: { option: "--event-value" } });
  const e = Float64Array.from(event.values, (v) => (v === eventValue ? 1 : Number.isNaN(v) ? NaN : 0));
  const { time: t, event: d } = checkSurvival(time.values, e, { file, column: time.name });
  let events = 0;
  let maxTime = 0;
  for (let i = 0; i < t.length; i++) {
    events += d[i]!;
    maxTime = Math.max(maxTime, t[i]!);
  }
  return { time: time.name, event: event.name, eventValue, n: t.length, events, censored: t.length - events, medianFollowUp: medianFollowUp(t, d), medianSurvival: kmQuantile(kaplanMeier(t, d), 0.5), maxTime };
}

function survivalText(s: SurvivalSummary): string {
  return `Time to event: ${s.time} with ${s.event} = ${s.eventValue} as the event: ${s.events} events, ${s.censored} censored of ${s.n}; median follow-up (reverse Kaplan–Meier) ${formatNumber(s.medianFollowUp, 5)}, median survival ${s.medianSurvival === null ? "not reached" : formatNumber(s.medianSurvival, 5)}, last follow-up ${formatNumber(s.maxTime, 5)}\n`;
}
