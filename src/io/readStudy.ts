import { createHash } from "node:crypto";
import { dirname, isAbsolute, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { appendRows } from "../core/appendRows.js";
import type { Dataset } from "../core/dataset.js";
import { RadvalError, isRadvalError } from "../core/errors.js";
import type { LongTable } from "../table/longTable.js";
import { DEFAULT_ID_COLUMNS, type RoleSpec } from "../table/toDataset.js";
import { type StudyConfig, parseStudyConfig } from "../validate/config.js";
import { outcomeColumn, outcomeSpec } from "../validate/outcomeSpec.js";
import type { CohortRows } from "../validate/study/design.js";
import type { StudyInputs } from "../validate/study/runStudy.js";
import { readLongTable, readRawTable } from "./readTable.js";
import { readTextFile } from "./readText.js";
import { tableToDataset } from "../table/toDataset.js";

/** A study config file, read and checked, with paths resolved against its folder. */
export interface LoadedStudy {
  readonly inputs: StudyInputs;
  readonly configFile: string;
  readonly configText: string;
}

/** Reads and checks a study config (YAML or JSON): errors name the key. */
export function readStudyConfig(path: string): { config: StudyConfig; text: string } {
  const text = readTextFile(path);
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (e) {
    const linePos = (e as { linePos?: Array<{ line: number }> }).linePos;
    throw new RadvalError("INVALID_CONFIG", `the config is not valid YAML (${(e as Error).message.split("\n")[0]})`, {
      where: { file: path, ...(linePos?.[0] ? { line: linePos[0].line } : {}) },
      hint: "Check the indentation and the colons on that line.",
    });
  }
  if (value === null || typeof value !== "object") {
    throw new RadvalError("INVALID_CONFIG", "the config is empty or not a mapping of keys", { where: { file: path }, hint: "See the example configs in examples/ (e.g. examples/multisite.study.yaml)." });
  }
  return { config: parseStudyConfig(value, path), text };
}

function rolesOf(config: StudyConfig): RoleSpec {
  const d = config.data;
  const o = outcomeSpec(config);
  return {
    ...(d.id !== undefined ? { id: d.id } : {}),
    ...(o.kind === "survival" ? { time: o.time, event: o.event } : { outcome: o.column }),
    ...(o.kind === "ordinal" || o.kind === "nominal" ? { outcomeKind: "levels" as const } : {}),
    ...(o.kind === "binary" && o.positive !== undefined ? { positive: o.positive } : {}),
    ...(d.site !== undefined ? { site: d.site } : {}),
    ...(d.date !== undefined ? { date: d.date } : {}),
    ...(d.group !== undefined ? { group: d.group } : {}),
    ...(d.features !== undefined ? { features: d.features } : {}),
    ...(d.exclude !== undefined ? { exclude: d.exclude } : {}),
    ...(d.keepDiagnostics !== undefined ? { keepDiagnostics: d.keepDiagnostics } : {}),
    ...(d.missingOutcome !== undefined ? { missingOutcome: d.missingOutcome } : {}),
  };
}

function withKey<T>(key: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (isRadvalError(e) && e.where.key === undefined && (e.code === "FILE_NOT_FOUND" || e.code === "UNKNOWN_COLUMN" || e.code === "FILE_UNREADABLE")) {
      const hint = e.code === "FILE_NOT_FOUND" ? "Paths in a study config are relative to the config file's folder (or absolute)." : e.hint;
      throw new RadvalError(e.code, e.detail, { where: { ...e.where, key }, ...(hint ? { hint } : {}) });
    }
    throw e;
  }
}

/** The config key of the first role column that is not in the file (for error messages). */
function roleKey(roles: RoleSpec, header: readonly string[]): string {
  for (const role of ["id", "outcome", "site", "date", "group", "time", "event"] as const) {
    const name = roles[role];
    if (name !== undefined && !header.includes(name)) return `data.${role}`;
  }
  if (roles.features?.some((f) => !header.includes(f))) return "data.features";
  if (roles.exclude?.some((f) => !header.includes(f))) return "data.exclude";
  return "data";
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Loads everything a study config points at: the feature table (with the
 * config's roles), external-cohort files (appended as extra rows), and the
 * test-retest table. Paths are relative to the config file. Errors name the
 * config key (e.g. `data.file`, `reliability.rater`).
 */
export function loadStudy(configPath: string, extra: { command?: string } = {}): LoadedStudy {
  const { config, text } = readStudyConfig(configPath);
  const base = dirname(resolve(configPath));
  const at = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  const roles = rolesOf(config);
  const parse = {
    ...(config.data.delimiter ? { delimiter: (config.data.delimiter === "tab" ? "\t" : config.data.delimiter) as "," | ";" | "\t" } : {}),
    ...(config.data.decimal ? { decimal: config.data.decimal } : {}),
  };
  const dataFile = at(config.data.file);
  const read = (file: string, key: string): { data: Dataset; dropped: number; droppedRows: Record<string, string>[] } =>
    withKey(key, () => {
      const table = readRawTable(file, parse);
      const data = withKey(roleKey(roles, table.header), () => tableToDataset(table, roles));
      // The rows dropped for a missing outcome, as text, so the report can say which cohort lost them.
      const outcomeIndex = table.header.indexOf(outcomeColumn(config));
      const dropped = table.lineOfRow.length - data.x.nRows; // (table.rows makes a string per cell: only when needed)
      const droppedRows = dropped === 0 ? [] : table.rows
        .filter((row) => row[outcomeIndex] === "" || row[outcomeIndex] === "NA")
        .map((row) => Object.fromEntries(table.header.map((h, j) => [h, row[j]!])));
      return { data, dropped, droppedRows };
    });
  const main = read(dataFile, "data.file");
  let data = main.data;
  let dropped = main.dropped;
  const fileCohorts: CohortRows[] = [];
  (config.external?.cohorts ?? []).forEach((c, k) => {
    if (!("file" in c)) return;
    const file = at(c.file);
    const other = read(file, `external.cohorts[${k}].file`);
    const start = data.x.nRows;
    data = withKey(`external.cohorts[${k}].file`, () => appendRows(data, other.data));
    dropped += other.dropped;
    fileCohorts.push({
      name: c.name ?? `external ${k + 1}`,
      role: "external",
      design: "external",
      rows: Int32Array.from({ length: other.data.x.nRows }, (_, i) => start + i),
      sourceFile: c.file,
      droppedForMissingOutcome: other.dropped,
    });
  });
  let long: LongTable | null = null;
  if (config.reliability) {
    const r = config.reliability;
    const file = at(r.file);
    long = withKey("reliability.file", () => {
      const raw = readRawTable(file);
      const caseColumn = r.id ?? raw.header.find((h) => DEFAULT_ID_COLUMNS.includes(h.toLowerCase()));
      if (!caseColumn) throw new RadvalError("MISSING_ROLE", "the test-retest table has no case-id column", { where: { file, key: "reliability.id" }, hint: "Name it with reliability.id." });
      const read = () => readLongTable(file, { caseColumn, raterColumn: r.rater });
      const table = raw.header.includes(r.rater) ? read() : withKey("reliability.rater", read);
      // The report names the file as the config does (not this machine's absolute path).
      return { ...table, source: r.file };
    });
  }
  return {
    configFile: configPath,
    configText: text,
    inputs: {
      config,
      data,
      long,
      fileCohorts,
      outcomeMissingDropped: dropped,
      droppedRows: main.droppedRows,
      dataFile: config.data.file,
      software: { configHash: sha256(text), configFile: configPath, command: extra.command ?? null, runtime: `Node ${process.version}` },
    },
  };
}
