import type { Dataset } from "../../core/dataset.js";
import { RadvalError } from "../../core/errors.js";
import { temporalSplit } from "../../resample/temporalSplit.js";
import type { StudyConfig } from "../config.js";
import { rowsWhere } from "./columns.js";

/** A cohort of the study: its rows in the (merged) dataset. */
export interface CohortRows {
  readonly name: string;
  readonly role: "development" | "external";
  readonly design: "temporal" | "geographic" | "external" | null;
  readonly rows: Int32Array;
  /** Where it came from, for the report. */
  readonly sourceFile: string | null;
  /** Rows of this cohort dropped while reading because the outcome was missing. */
  readonly droppedForMissingOutcome?: number;
}

/** Does a raw text value match one of the wanted values (as text, or numerically)? */
function matches(text: string | undefined, values: ReadonlyArray<string | number>): boolean {
  if (text === undefined || text === "") return false;
  return values.some((v) => String(v) === text || (Number.isFinite(Number(v)) && Number(v) === Number(text)));
}

/** The development rows and the external cohorts of a study. */
export interface StudyDesign {
  readonly development: CohortRows;
  readonly external: readonly CohortRows[];
}

function countEvents(data: Dataset, rows: Int32Array): number {
  let events = 0;
  for (const r of rows) events += data.outcome!.values[r]!;
  return events;
}

function checkBothClasses(data: Dataset, cohort: CohortRows, key: string): void {
  const events = countEvents(data, cohort.rows);
  if (events === 0 || events === cohort.rows.length) {
    throw new RadvalError("SINGLE_CLASS", `cohort "${cohort.name}" has ${cohort.rows.length} patients, all ${events === 0 ? "without" : "with"} the outcome`, {
      where: { file: data.source, key },
      hint: "A cohort needs events and non-events to be developed on or validated.",
    });
  }
}

/**
 * Resolves the study design from the config: external cohorts (rows chosen
 * by a column value, separate files already merged into `data` as
 * `fileCohorts`, or a temporal cut), then the development rows — the
 * `data.development` filter, or every row not in an external cohort. A row
 * may not be in two cohorts; every cohort needs both outcome classes.
 */
export function resolveDesign(
  config: StudyConfig,
  data: Dataset,
  fileCohorts: readonly CohortRows[] = [],
  sourceFile: string | null = null,
  droppedRows: ReadonlyArray<Readonly<Record<string, string>>> = [],
): StudyDesign {
  // Rows of the data file dropped for a missing outcome: attributed to the cohort whose filter they match.
  let unattributed = [...droppedRows];
  const takeDropped = (test: (row: Readonly<Record<string, string>>) => boolean): number => {
    const before = unattributed.length;
    unattributed = unattributed.filter((row) => !test(row));
    return before - unattributed.length;
  };
  const n = data.x.nRows;
  const owner = new Array<string | null>(n).fill(null);
  const external: CohortRows[] = [];
  const claim = (cohort: CohortRows, key: string) => {
    for (const r of cohort.rows) {
      if (owner[r] !== null) {
        throw new RadvalError("INVALID_CONFIG", `row ${r + 1} (id ${data.ids[r]}) is in two cohorts: "${owner[r]}" and "${cohort.name}"`, {
          where: { file: data.source, key },
          hint: "Cohorts must not overlap: check the column values that select them.",
        });
      }
      owner[r] = cohort.name;
    }
  };
  for (const cohort of fileCohorts) {
    claim(cohort, "external.cohorts");
    external.push(cohort);
  }
  (config.external?.cohorts ?? []).forEach((spec, k) => {
    if (!("column" in spec)) return; // file cohorts were merged by the loader
    const values = "values" in spec ? spec.values : [spec.value];
    const key = `external.cohorts[${k}]`;
    const rows = rowsWhere(data, spec.column, values, key);
    const cohort: CohortRows = {
      name: spec.name ?? `${spec.column} = ${values.join(", ")}`,
      role: "external",
      design: spec.column === data.site?.name ? "geographic" : "external",
      rows,
      sourceFile,
      droppedForMissingOutcome: takeDropped((row) => matches(row[spec.column], values)),
    };
    claim(cohort, key);
    external.push(cohort);
  });

  let candidates = Int32Array.from({ length: n }, (_, i) => i).filter((i) => owner[i] === null);
  let developmentFilter: (row: Readonly<Record<string, string>>) => boolean = () => true;
  if (config.data.development) {
    const filter = config.data.development;
    const values = "values" in filter ? filter.values : [filter.value];
    const selected = new Set(rowsWhere(data, filter.column, values, "data.development"));
    // A development row that is also in an external cohort would be lost silently: refuse the overlap.
    const overlap = [...selected].filter((r) => owner[r] !== null);
    if (overlap.length) {
      const r = overlap[0]!;
      throw new RadvalError("INVALID_CONFIG", `${overlap.length} row(s) selected by data.development are also in external cohort "${owner[r]}" (first: row ${r + 1}, id ${data.ids[r]})`, {
        where: { file: data.source, key: "data.development" },
        hint: "Development and external rows must not overlap: narrow the development filter or the cohort's column value.",
      });
    }
    candidates = candidates.filter((r) => selected.has(r));
    developmentFilter = (row) => matches(row[filter.column], values);
  }
  if (config.external?.temporal) {
    if (!data.date) {
      throw new RadvalError("MISSING_ROLE", "temporal validation needs a date column", { where: { key: "external.temporal" }, hint: "Name it with data.date." });
    }
    const days = Float64Array.from(candidates, (r) => data.date!.days[r]!);
    const cut = "cutoff" in config.external.temporal ? { cutoff: config.external.temporal.cutoff } : { fraction: config.external.temporal.fraction };
    const split = temporalSplit(days, cut, { column: data.date.name }).splits[0]!;
    const after = Int32Array.from(split.assessment, (k) => candidates[k]!);
    const cutDate = split.id.slice("Temporal:".length);
    const dateColumn = data.date.name;
    const cohort: CohortRows = {
      name: `temporal (${cutDate} onwards)`,
      role: "external",
      design: "temporal",
      rows: after,
      sourceFile,
      droppedForMissingOutcome: takeDropped((row) => developmentFilter(row) && (row[dateColumn] ?? "") >= cutDate),
    };
    external.push(cohort);
    candidates = Int32Array.from(split.analysis, (k) => candidates[k]!);
  }
  if (candidates.length === 0) {
    throw new RadvalError("EMPTY_SPLIT", "no rows are left to develop the model on", { where: { file: data.source, key: "data.development" }, hint: "Check the development filter and the external cohorts." });
  }
  const development: CohortRows = {
    name: "development",
    role: "development",
    design: null,
    rows: candidates,
    sourceFile,
    droppedForMissingOutcome: takeDropped(developmentFilter),
  };
  if (data.outcome) checkBothClasses(data, development, "data.development"); // other outcome kinds: checked by studyResponse
  // External cohorts of one class are kept: their metrics are reported as not estimable (issue 15: degrade, don't abort).
  return { development, external };
}
