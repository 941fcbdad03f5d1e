import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, relative, resolve, sep } from "node:path";
import type { Command } from "commander";
import { RadvalError } from "../../core/errors.js";
import { readRawTable } from "../../io/readTable.js";
import { type GuessedRoles, guessRoles } from "../../validate/study/guessRoles.js";
import { starterConfig } from "../../validate/study/starterConfig.js";
import { isImageFeatureName } from "../../validate/study/leakScreen.js";
import { previewList } from "../../core/dataset.js";
import type { CliIo } from "../io.js";
import { printJson } from "../output.js";

interface InitOptions {
  out?: string;
  outcome?: string;
  force?: boolean;
  json?: boolean;
  quiet?: boolean;
}

function describeGuess(g: GuessedRoles): string {
  const role = (label: string, column: string | null, check: boolean) => `  ${label.padEnd(9)}${column ?? "—"}${column && check ? "   (CHECK)" : ""}`;
  return [
    role("id", g.id.column, false),
    role("outcome", g.outcome.column, g.outcome.by !== "name"),
    role("event", g.positive.value, g.positive.by !== "convention"),
    role("site", g.site.column, g.site.column !== null),
    role("date", g.date.column, g.date.column !== null),
    role("cohort", g.cohort.column, false),
    `  features ${g.features.length}${g.excludeSuggested.length ? ` (excluded: ${previewList(g.excludeSuggested, 10)} — CHECK)` : ""}`,
  ].join("\n");
}

/**
 * `radval init <file.csv> [--out study.yaml] [--force]`: guesses the roles of
 * a feature table's columns and writes a commented starter study config
 * (`# CHECK` where it guessed). Never overwrites without --force; a long
 * test-retest table is refused (it belongs in `reliability.file`).
 */
export function registerInit(program: Command, io: CliIo): void {
  program
    .command("init")
    .description("write a commented starter study config for a feature table (roles guessed from column names: check them)")
    .argument("<file.csv>", "the feature table, one row per patient")
    .option("--out <file>", "config file to write (default: study.yaml)")
    .option("--outcome <column>", "the binary outcome column (default: guessed from names and values; required when nothing looks like one)")
    .option("--force", "overwrite the config file if it exists")
    .option("--json", "print the guessed roles as JSON on stdout")
    .option("--quiet", "print nothing but errors")
    .action((file: string, options: InitOptions) => {
      const table = readRawTable(file);
      const guess = guessRoles(table, options.outcome !== undefined ? { outcome: options.outcome } : {});
      if (guess.layout === "long") {
        throw new RadvalError(
          "NOT_A_STUDY_TABLE",
          `this is a long test-retest table (one row per case × reader: case column "${guess.id.column}", reader column "${guess.rater.column}"), not a study table`,
          {
            where: { file },
            hint: `Run radval init on the one-row-per-patient table, then point the config's reliability filter at this file: reliability: {file: ${basename(file)}, id: ${guess.id.column}, rater: ${guess.rater.column}}.`,
          },
        );
      }
      if (guess.outcome.column === null && guess.outcomeKind.kind === "binary") {
        const two = guess.binaryColumns.filter((c) => !isImageFeatureName(c));
        throw new RadvalError("MISSING_ROLE", `no column of ${basename(file)} is recognisably the binary outcome (radval init never guesses a continuous measurement or an image feature as the outcome)`, {
          where: { file, option: "--outcome" },
          hint: `Name it: radval init ${file} --outcome COLUMN${two.length ? ` (two-valued columns: ${previewList(two, 8)})` : ""}. A table straight from PyRadiomics has no outcome: merge the clinical outcome in first.`,
        });
      }
      const out = resolve(options.out ?? "study.yaml");
      if (existsSync(out) && !options.force) {
        throw new RadvalError("FILE_EXISTS", `${out} already exists; radval init does not overwrite it`, { where: { option: "--out" }, hint: "Pass --force to overwrite it, or --out another.yaml." });
      }
      // Relative to the config (how configs name files), unless the two only share the root folder.
      const csv = resolve(file);
      const sameTree = csv.split(sep)[1] === out.split(sep)[1];
      const dataFile = sameTree ? relative(dirname(out), csv).split(sep).join("/") : csv;
      const shown = relative(process.cwd(), out) || out;
      const text = starterConfig(guess, { dataFile, runCommand: `radval run ${shown}` });
      try {
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, text);
      } catch (e) {
        throw new RadvalError("WRITE_FAILED", `cannot write the config (${(e as Error).message})`, { where: { file: out }, hint: "Check that --out points at a writable place." });
      }
      if (options.json) {
        const { profiles: _profiles, ...roles } = guess;
        printJson(io, { file: out, ...roles });
        return;
      }
      if (options.quiet) return;
      for (const leak of guess.leaks.slice(0, 10)) io.stderr(`radval: warning: excluded ${leak.feature}: ${leak.reason}\n`);
      if (guess.leaks.length > 10) io.stderr(`radval: warning: … and ${(guess.leaks.length - 10).toLocaleString("en-US")} more excluded by the leak screen (see the exclude list in ${shown})\n`);
      io.stdout(`Wrote ${shown} for ${file} (${guess.rows} rows). Guessed roles:\n${describeGuess(guess)}\n`);
      io.stdout(`Check the lines marked "# CHECK" in ${shown}, then run: radval run ${shown}\n`);
    });
}
