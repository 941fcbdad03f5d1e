import { classifyCell, parseIsoDateDays } from "../../table/cells.js";
import { RadvalError } from "../../core/errors.js";
import { naturalLevelOrder } from "../../ordinal/levels.js";
import { closestName } from "../../core/suggest.js";
import type { RawTable } from "../../table/parseCsv.js";
import { NEGATIVE_POSITIVE_PAIRS } from "../../table/toDataset.js";
import { type LeakSuspect, isImageFeatureName, screenLeaks } from "./leakScreen.js";

/** What radval could tell about one column of a table, from its name and values. */
export interface ColumnProfile {
  readonly name: string;
  /** "numeric": every non-missing cell is a number; "date": ISO dates; else "text". */
  readonly kind: "numeric" | "date" | "text";
  /** Non-missing cells. */
  readonly present: number;
  readonly missing: number;
  /** Distinct non-missing values, in order of first appearance (at most 21 kept). */
  readonly levels: readonly string[];
  /** How often each of `levels` occurs. */
  readonly levelCounts: readonly number[];
  /** True when there are more than 20 distinct values (`levels` is truncated). */
  readonly manyLevels: boolean;
  /** True when no value occurs twice (an id candidate). */
  readonly unique: boolean;
}

/** One guessed role: the column (or null) and how sure the guess is. */
export interface RoleGuess {
  readonly column: string | null;
  /**
   * "name": the column has one of the role's usual names and the values fit;
   * "values": chosen from the values alone (another column might be meant);
   * "none": nothing fits.
   */
  readonly by: "name" | "values" | "none";
  /** Why, in a few words (for the `# CHECK` comments of `radval init`). */
  readonly note: string;
}

/** The outcome's kind as guessed by {@link guessRoles}: binary (the `outcome` role), survival (time + event columns) or ordinal (a stage column). */
export type OutcomeKindGuess =
  | { readonly kind: "binary" }
  | { readonly kind: "survival"; readonly time: string; readonly event: string; readonly eventValue: string | null; readonly horizon: number; readonly note: string }
  | { readonly kind: "ordinal"; readonly column: string; readonly levels: readonly string[]; readonly note: string };

/** The roles of a study table as guessed by {@link guessRoles}. */
export interface GuessedRoles {
  readonly source: string;
  readonly rows: number;
  /** "long": one row per case × rater/repeat (a test-retest table), not a study table. */
  readonly layout: "wide" | "long";
  readonly id: RoleGuess;
  readonly outcome: RoleGuess;
  /** The outcome's kind: binary unless survival (time + event names) or ordinal staging (stage-like name, ordered levels) columns are found. */
  readonly outcomeKind: OutcomeKindGuess;
  /** The outcome value that counts as the event, and how it was chosen. */
  readonly positive: { readonly value: string | null; readonly by: "convention" | "minority" | "none"; readonly note: string };
  /** Rows without an outcome value. */
  readonly outcomeMissing: number;
  readonly site: RoleGuess;
  readonly date: RoleGuess;
  /** A cohort / data-set column with a few levels (development vs external rows). */
  readonly cohort: RoleGuess;
  /** Long tables only: the rater / repeat column. */
  readonly rater: RoleGuess;
  /** Other two-valued columns (outcome candidates when the guess is wrong). */
  readonly binaryColumns: readonly string[];
  /** Numeric columns that separate the outcome almost perfectly (AUC ≥ 0.99 either way): probably a restated outcome. */
  readonly separating: ReadonlyArray<{ readonly column: string; readonly auc: number }>;
  /** The leak screen's suspects among the numeric columns (names suggesting post-baseline information, AUC ≥ 0.8 alone). */
  readonly leaks: readonly LeakSuspect[];
  /** Columns to exclude: outcome-like names, and the leak screen's suspects (leakage). */
  readonly excludeSuggested: readonly string[];
  /** Numeric columns that will be candidate features (not a role, not excluded, not `diagnostics_*`). */
  readonly features: readonly string[];
  /** Text columns (not used as features). */
  readonly textColumns: readonly string[];
  readonly profiles: readonly ColumnProfile[];
}

/** Usual names of each role (compared after lower-casing and mapping non-alphanumerics to "_"). */
export const ROLE_NAMES = Object.freeze({
  id: ["id", "case_id", "patient_id", "patientid", "caseid", "subject_id", "subjectid", "study_id", "record_id", "pid", "mrn"],
  outcome: ["outcome", "label", "event", "status", "malignant", "malignancy", "y", "target", "class", "response", "diagnosis"],
  site: ["site", "center", "centre", "institution", "hospital", "scanner", "site_id", "center_id", "centre_id", "institution_id", "hospital_id"],
  cohort: ["cohort", "dataset", "data_set", "set", "split", "partition"],
  rater: ["reader", "rater", "judge", "observer", "annotator", "repeat", "replicate", "session", "segmentation", "timepoint", "scan_no", "scan_number"],
  /** Case columns of a long table besides the id names. */
  longCase: ["target", "subject", "case", "lesion", "patient"],
  /** Follow-up time columns of a time-to-event outcome. */
  survivalTime: ["time", "futime", "survival_time", "os_time", "rfs_time", "pfs_time", "dfs_time", "ttr", "time_to_event", "follow_up", "followup", "follow_up_days", "os_days", "rfs_days", "os_months", "rfs_months"],
  /** Event indicators of a time-to-event outcome. */
  survivalEvent: ["event", "status", "fustat", "death", "dead", "died", "os_event", "rfs_event", "pfs_event", "dfs_event", "recurrence", "relapse", "os_status", "rfs_status", "vital_status"],
  /** Ordinal staging columns (liver fibrosis first). */
  stage: ["fibrosis_stage", "fibrosis", "metavir", "metavir_stage", "ishak", "f_stage", "stage", "grade", "bclc", "histologic_stage"],
  /** Names that suggest follow-up or a restated outcome. */
  leak: ["time", "survival", "follow_up", "followup", "death", "dead", "died", "mortality", "recurrence", "relapse", "progression", "os", "pfs", "dfs"],
});

const MAX_LEVELS = 20;

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
}

/** Profiles every column of a raw table: kind, missing cells, distinct values. O(rows × columns). */
export function profileColumns(table: RawTable): ColumnProfile[] {
  return table.header.map((name, j) => {
    let missing = 0;
    let numbers = 0;
    let dates = 0;
    const counts = new Map<string, number>();
    for (const row of table.rows) {
      const text = (row[j] ?? "").trim();
      const cell = classifyCell(text, table.decimal);
      if (cell.kind === "missing") {
        missing++;
        continue;
      }
      if (cell.kind === "number") numbers++;
      else if (!Number.isNaN(parseIsoDateDays(text))) dates++;
      const key = cell.kind === "number" ? String(cell.value) : text;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const present = table.rows.length - missing;
    const kind = present > 0 && numbers === present ? "numeric" : present > 0 && dates === present ? "date" : "text";
    const levels = [...counts.keys()].slice(0, MAX_LEVELS + 1);
    return {
      name,
      kind,
      present,
      missing,
      levels,
      levelCounts: levels.map((l) => counts.get(l)!),
      manyLevels: counts.size > MAX_LEVELS,
      unique: present > 0 && missing === 0 && counts.size === present,
    };
  });
}

function byName(profiles: readonly ColumnProfile[], names: readonly string[], fits: (p: ColumnProfile) => boolean, taken: ReadonlySet<string>): ColumnProfile | undefined {
  for (const wanted of names) {
    const p = profiles.find((c) => !taken.has(c.name) && normalise(c.name) === wanted && fits(c));
    if (p) return p;
  }
  return undefined;
}

const none = (note: string): RoleGuess => ({ column: null, by: "none", note });
const isBinary = (p: ColumnProfile) => !p.manyLevels && p.levels.length === 2;

/** The codings the table reader recognises, and more that `radval init` writes out as an explicit positive label. */
const NEGATIVE_POSITIVE: ReadonlyArray<readonly [string, string]> = [
  ...NEGATIVE_POSITIVE_PAIRS,
  ["benign", "malignant"],
  ["alive", "dead"],
];

/** The event value of a conventionally coded two-valued column (1 of 0/1, yes of no/yes, …), else null. */
function conventionalPositive(p: ColumnProfile): string | null {
  const lower = p.levels.map((l) => l.toLowerCase());
  for (const [negative, positive] of NEGATIVE_POSITIVE) {
    if (lower.length === 2 && lower.includes(negative) && lower.includes(positive)) return p.levels[lower.indexOf(positive)]!;
  }
  return null;
}

function guessPositive(outcome: ColumnProfile | undefined): GuessedRoles["positive"] {
  if (!outcome || !isBinary(outcome)) return { value: null, by: "none", note: "no binary outcome column was found" };
  const conventional = conventionalPositive(outcome);
  if (conventional !== null) return { value: conventional, by: "convention", note: `${outcome.levels.join("/")} coding: "${conventional}" is the event` };
  // The rarer value is usually the event; say so loudly.
  const counts = outcome.levelCounts;
  const k = counts[0]! <= counts[1]! ? 0 : 1;
  return { value: outcome.levels[k]!, by: "minority", note: `the rarer of ${outcome.levels.map((l, i) => `"${l}" (${counts[i]})`).join(" and ")}: is it the event?` };
}

/** The 0/1 outcome (NaN = missing) and the numeric columns `candidates` of a raw table, for the leak screen. */
function screenTable(table: RawTable, outcome: ColumnProfile | undefined, positive: string | null, candidates: readonly string[]): LeakSuspect[] {
  const numberOf = (text: string) => {
    const cell = classifyCell(text.trim(), table.decimal);
    return cell.kind === "number" ? cell.value : NaN;
  };
  let y: Float64Array;
  if (outcome && positive !== null) {
    const jy = table.header.indexOf(outcome.name);
    y = Float64Array.from(table.rows, (r) => {
      const text = (r[jy] ?? "").trim();
      const cell = classifyCell(text, table.decimal);
      if (cell.kind === "missing") return NaN;
      return (cell.kind === "number" ? String(cell.value) : text) === positive ? 1 : 0;
    });
  } else {
    y = new Float64Array(table.rows.length).fill(NaN); // no outcome: the screen judges names only
  }
  const features = candidates.map((name) => {
    const j = table.header.indexOf(name);
    return { name, values: Float64Array.from(table.rows, (r) => numberOf(r[j] ?? "")) };
  });
  return screenLeaks(features, y);
}

/** Options of {@link guessRoles}. */
export interface GuessRolesOptions {
  /** The outcome column, when the user names it (`radval init --outcome`): not guessed. */
  readonly outcome?: string;
}

/** The profile of the outcome column the user named: it must exist and have two values. */
function givenOutcome(profiles: readonly ColumnProfile[], name: string, source: string): ColumnProfile {
  const p = profiles.find((c) => c.name === name);
  if (!p) {
    const near = closestName(name, profiles.map((c) => c.name));
    throw new RadvalError("UNKNOWN_COLUMN", `no column "${name}" in ${source}`, { where: { file: source, column: name, option: "--outcome" }, hint: near ? `Did you mean "${near}"?` : "Use a column name from the table's header." });
  }
  if (!isBinary(p)) {
    throw new RadvalError("INVALID_OPTION", `column "${name}" has ${p.manyLevels ? "more than 20" : p.levels.length} distinct values; a binary outcome has exactly 2`, {
      where: { file: source, column: name, option: "--outcome" },
      hint: "Name a two-valued column (e.g. 0/1, no/yes), or derive one first.",
    });
  }
  return p;
}

/**
 * Guesses which column of a feature table plays which role in a study, from
 * column names and values, for `radval init` to write a starter config that
 * the user checks:
 *
 * - id: a column named id, case_id, patient_id, … whose values are unique;
 * - outcome: a column named outcome, label, event, status, malignant, y, …
 *   with exactly two values, else a two-valued column chosen by its values
 *   (0/1-like coding first, then fewest missing, then the last; flagged);
 *   the event value is 1 for 0/1 (also TRUE, yes, positive, malignant, …),
 *   else the rarer value (flagged);
 * - site: site, center/centre, institution, hospital, scanner (2 to 20
 *   levels); date: a name containing "date" with ISO dates; cohort: cohort,
 *   dataset, set, split (2 to 5 levels);
 * - a long table (a rater/reader/repeat column and case ids that repeat) is a
 *   test-retest table, not a study table: `layout: "long"`.
 *
 * Columns whose names suggest follow-up or a restated outcome (time, death,
 * other outcome-like names), and numeric columns that separate the outcome
 * almost perfectly (AUC ≥ 0.99), are suggested for exclusion. Pure and
 * isomorphic; O(rows × columns × log rows).
 */
export function guessRoles(table: RawTable, options: GuessRolesOptions = {}): GuessedRoles {
  const profiles = profileColumns(table);
  const taken = new Set<string>();
  const take = (p: ColumnProfile | undefined) => {
    if (p) taken.add(p.name);
    return p;
  };

  // A long (case × rater) table: a rater column and a case column whose values repeat.
  const raterProfile = byName(profiles, ROLE_NAMES.rater, (p) => !p.manyLevels && p.levels.length >= 2, taken);
  if (raterProfile) {
    const caseProfile = byName(profiles, [...ROLE_NAMES.id, ...ROLE_NAMES.longCase], (p) => !p.unique, new Set([raterProfile.name]));
    if (caseProfile) {
      const features = profiles.filter((p) => p !== raterProfile && p !== caseProfile && p.kind === "numeric").map((p) => p.name);
      return {
        source: table.source,
        rows: table.rows.length,
        layout: "long",
        id: { column: caseProfile.name, by: "name", note: "case ids repeat: one row per case × rater" },
        outcome: none("a long test-retest table has no outcome"),
        outcomeKind: { kind: "binary" },
        positive: { value: null, by: "none", note: "no outcome" },
        outcomeMissing: 0,
        site: none("long table"),
        date: none("long table"),
        cohort: none("long table"),
        rater: { column: raterProfile.name, by: "name", note: `${raterProfile.levels.length} raters/repeats` },
        binaryColumns: [],
        separating: [],
        leaks: [],
        excludeSuggested: [],
        features,
        textColumns: profiles.filter((p) => p.kind !== "numeric" && p !== caseProfile && p !== raterProfile).map((p) => p.name),
        profiles,
      };
    }
  }

  const idProfile = take(byName(profiles, ROLE_NAMES.id, (p) => p.unique, taken));
  const id: RoleGuess = idProfile ? { column: idProfile.name, by: "name", note: "unique values" } : none("no id-like column with unique values: rows are numbered");

  let outcomeBy: RoleGuess["by"] = "name";
  let outcomeProfile = options.outcome !== undefined ? givenOutcome(profiles, options.outcome, table.source) : byName(profiles, ROLE_NAMES.outcome, isBinary, taken);
  const roleNamed = (p: ColumnProfile) => [...ROLE_NAMES.site, ...ROLE_NAMES.cohort].includes(normalise(p.name));
  const binaryColumns = profiles.filter((p) => !taken.has(p.name) && p !== outcomeProfile && isBinary(p) && !roleNamed(p)).map((p) => p.name);
  if (!outcomeProfile) {
    // From the values alone: prefer a conventional coding (0/1, no/yes, …), then fewer missing values, then a later
    // column (outcomes tend to come last in exported tables). Never an image feature, nor a numeric column whose two
    // values are not an outcome coding (a continuous measurement that happens to take two values).
    outcomeBy = "values";
    const rank = (p: ColumnProfile) => [conventionalPositive(p) === null ? 1 : 0, p.missing, -profiles.indexOf(p)];
    const candidates = profiles.filter((p) => binaryColumns.includes(p.name) && !isImageFeatureName(p.name) && (p.kind === "text" || conventionalPositive(p) !== null));
    outcomeProfile = candidates.sort((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      return ra[0]! - rb[0]! || ra[1]! - rb[1]! || ra[2]! - rb[2]!;
    })[0];
  }
  take(outcomeProfile);
  const outcome: RoleGuess = outcomeProfile
    ? {
        column: outcomeProfile.name,
        by: outcomeBy,
        note: options.outcome !== undefined ? `given with --outcome; two values: ${outcomeProfile.levels.join(", ")}` : outcomeBy === "name" ? `two values: ${outcomeProfile.levels.join(", ")}` : `no column has an outcome-like name; "${outcomeProfile.name}" was chosen by its values (two values, ${conventionalPositive(outcomeProfile) !== null ? "0/1-like coding, " : ""}${outcomeProfile.missing} missing) among ${binaryColumns.join(", ")}`,
      }
    : none("no column is recognisably a binary outcome: name it with --outcome");

  const siteProfile = take(byName(profiles, ROLE_NAMES.site, (p) => !p.manyLevels && p.levels.length >= 2 && p.kind !== "date", taken));
  const site: RoleGuess = siteProfile ? { column: siteProfile.name, by: "name", note: `${siteProfile.levels.length} levels: ${siteProfile.levels.join(", ")}` } : none("no site/centre column");

  const isDateName = (p: ColumnProfile) => normalise(p.name).split("_").includes("date") || normalise(p.name).endsWith("date");
  const dateProfile = take(profiles.find((p) => !taken.has(p.name) && p.kind === "date" && isDateName(p)) ?? profiles.find((p) => !taken.has(p.name) && p.kind === "date"));
  const date: RoleGuess = dateProfile ? { column: dateProfile.name, by: isDateName(dateProfile) ? "name" : "values", note: "ISO dates (YYYY-MM-DD)" } : none("no date column");

  const cohortProfile = take(byName(profiles, ROLE_NAMES.cohort, (p) => !p.manyLevels && p.levels.length >= 2 && p.levels.length <= 5, taken));
  const cohort: RoleGuess = cohortProfile ? { column: cohortProfile.name, by: "name", note: `levels: ${cohortProfile.levels.join(", ")}` } : none("no cohort column");

  const outcomeKind: OutcomeKindGuess = options.outcome !== undefined || outcome.by === "name" ? { kind: "binary" } : guessOutcomeKind(table, profiles, new Set([...taken].filter((c) => c !== outcomeProfile?.name)));
  // For a time-to-event or staging outcome the binary guess is not the outcome: no leak screen against it;
  // its time, event and stage columns are roles (never features).
  const kindColumns = outcomeKind.kind === "survival" ? [outcomeKind.time, outcomeKind.event] : outcomeKind.kind === "ordinal" ? [outcomeKind.column] : [];
  const kindProfile = outcomeKind.kind === "survival" ? profiles.find((p) => p.name === outcomeKind.event) : outcomeKind.kind === "ordinal" ? profiles.find((p) => p.name === outcomeKind.column) : undefined;
  const outcomeMissing = (outcomeKind.kind === "binary" ? outcomeProfile?.missing : kindProfile?.missing) ?? 0;
  const positive = guessPositive(outcomeProfile);
  const outcomeLike = profiles
    .filter((p) => !taken.has(p.name) && !kindColumns.includes(p.name) && p.kind === "numeric" && (ROLE_NAMES.leak.includes(normalise(p.name)) || ROLE_NAMES.outcome.includes(normalise(p.name))))
    .map((p) => p.name);
  const leaks = outcomeKind.kind === "binary" ? screenTable(table, outcomeProfile, positive.value, profiles.filter((p) => !taken.has(p.name) && p.kind === "numeric" && !p.name.startsWith("diagnostics_")).map((p) => p.name)) : [];
  const separating = leaks.filter((l) => l.auc !== null && l.auc >= 0.99).map((l) => ({ column: l.feature, auc: l.auc! }));
  const excludeSuggested = [...new Set([...outcomeLike, ...leaks.map((l) => l.feature)])];
  const excluded = new Set([...excludeSuggested, ...kindColumns]);
  const features = profiles.filter((p) => !taken.has(p.name) && !excluded.has(p.name) && p.kind === "numeric" && !p.name.startsWith("diagnostics_")).map((p) => p.name);
  const textColumns = profiles.filter((p) => !taken.has(p.name) && !kindColumns.includes(p.name) && p.kind !== "numeric").map((p) => p.name);

  return {
    source: table.source,
    rows: table.rows.length,
    layout: "wide",
    id,
    outcome,
    outcomeKind,
    positive,
    outcomeMissing,
    site,
    date,
    cohort,
    rater: none("wide table"),
    binaryColumns: binaryColumns.filter((c) => !taken.has(c)),
    separating,
    leaks,
    excludeSuggested,
    features,
    textColumns,
    profiles,
  };
}

/**
 * A time-to-event or ordinal outcome recognised by column names: a follow-up
 * time (numeric, ≥ 0) with an event indicator (2–3 numeric values), else a
 * staging column (F0–F4, METAVIR, stage 1–4: 3–6 levels with a natural
 * order). Binary otherwise. The guess is only a proposal: `radval init`
 * marks it "# CHECK".
 */
function guessOutcomeKind(table: RawTable, profiles: readonly ColumnProfile[], taken: ReadonlySet<string>): OutcomeKindGuess {
  const free = profiles.filter((p) => !taken.has(p.name));
  const time = byName(free, ROLE_NAMES.survivalTime, (p) => p.kind === "numeric" && p.manyLevels && !p.levels.some((l) => Number(l) < 0), new Set());
  const event = byName(free, ROLE_NAMES.survivalEvent, (p) => p.kind === "numeric" && !p.manyLevels && p.levels.length >= 2 && p.levels.length <= 3, new Set());
  if (time && event) {
    const values = [...event.levels].sort((a, b) => Number(a) - Number(b));
    const binary01 = values.length === 2 && values[0] === "0" && values[1] === "1";
    const eventValue = binary01 ? null : values[values.length - 1]!;
    // A horizon to start from: the median follow-up time, to two significant digits (the author sets the clinical one).
    const times = table.rows.map((r) => Number(r[table.header.indexOf(time.name)])).filter((t) => Number.isFinite(t)).sort((a, b) => a - b);
    const median = times.length ? times[Math.floor((times.length - 1) / 2)]! : 1;
    const horizon = Number(median.toPrecision(2));
    return { kind: "survival", time: time.name, event: event.name, eventValue, horizon, note: `follow-up "${time.name}" with event indicator "${event.name}" (values ${values.join(", ")}${eventValue !== null ? `; ${eventValue} taken as the event` : ""})` };
  }
  const stage = byName(free, ROLE_NAMES.stage, (p) => !p.manyLevels && p.levels.length >= 3 && p.levels.length <= 6 && naturalLevelOrder(p.levels) !== null, new Set());
  if (stage) {
    const levels = naturalLevelOrder(stage.levels)!;
    return { kind: "ordinal", column: stage.name, levels, note: `staging column with ordered levels ${levels.join(" < ")}` };
  }
  return { kind: "binary" };
}
