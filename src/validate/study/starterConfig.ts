import { previewList } from "../../core/dataset.js";
import type { GuessedRoles, RoleGuess } from "./guessRoles.js";

/** Options of {@link starterConfig}. */
export interface StarterConfigOptions {
  /** The data file as the config should name it (relative to the config's folder). */
  readonly dataFile: string;
  /** How the user will run it, for the header comment (default `radval run study.yaml`). */
  readonly runCommand?: string;
}

const YAML_PLAIN = /^[A-Za-z_][A-Za-z0-9_.\-/]*$/;
const YAML_RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

/** A YAML scalar: plain when that is unambiguous, else double-quoted (JSON syntax is valid YAML). */
export function yamlScalar(value: string | number): string {
  if (typeof value === "number") return String(value);
  return YAML_PLAIN.test(value) && !YAML_RESERVED.test(value) ? value : JSON.stringify(value);
}

function flow(values: readonly string[]): string {
  return `[${values.map(yamlScalar).join(", ")}]`;
}

/** A config line with its comment aligned at column 40; `# CHECK` when the guess was not by name. */
function line(indent: number, text: string, comment: string, check = false): string {
  const body = `${" ".repeat(indent)}${text}`;
  if (comment === "") return body;
  return `${body.padEnd(Math.max(40, body.length + 2))}# ${check ? "CHECK: " : ""}${comment}`;
}

function roleLine(key: string, guess: RoleGuess, what: string, usedFor: string): string {
  if (guess.column === null) return line(2, `# ${key}: ${key === "date" ? "scan_date" : key}`, `${what}: ${usedFor} (${guess.note})`);
  return line(2, `${key}: ${yamlScalar(guess.column)}`, `${what}: ${usedFor} — guessed (${guess.note})`, true);
}

/**
 * A commented starter study config (YAML) from guessed roles: every key of
 * the study schema is present, either set from the guess or commented out
 * with its default, and each guessed value carries a `# CHECK` comment
 * saying why it was chosen. The config parses with `parseStudyConfig` as
 * written. Pure: returns the text (`radval init` writes it).
 */
export function starterConfig(guess: GuessedRoles, options: StarterConfigOptions): string {
  const run = options.runCommand ?? "radval run study.yaml";
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  const outcome = guess.outcome.column;
  const nFeatures = guess.features.length;

  push(
    `# radval study config for ${guess.source} (${guess.rows} rows, ${nFeatures} candidate features), written by \`radval init\`.`,
    "#",
    "# The roles below were GUESSED from column names and values: read every line marked",
    "# \"# CHECK\" and fix what is wrong. Commented-out keys show their defaults; uncomment to change.",
    "# Paths are relative to this file. Every key: see the commented examples in radval's examples/ folder.",
    "#",
    `# Run:   ${run}            (writes results.json and the TRIPOD+AI report)`,
    "",
    line(0, "seed: 2026", "master seed: the same seed gives the same numbers (radval run --seed overrides)"),
    "",
    "# TRIPOD+AI items you write yourself (all optional; the report marks missing ones). Other keys:",
    "# abstract, background, targetPopulation, dataSources, setting, eligibility, outcomeDefinition,",
    "# predictorDefinitions, sampleSize, missingData, fairness, ethics, funding, conflicts, registration,",
    "# dataSharing, codeSharing, interpretation, limitations, anticipatedR2CoxSnell (a number in (0, 1)), …",
    "study:",
    line(2, `title: ${yamlScalar(`Prediction of ${outcome ?? "the outcome"} from ${guess.source.split(/[\\/]/).pop()}`)}`, "the report's title"),
    line(2, "# objectives: …", "what the model is for, in whom, at which point of care"),
    "",
    "data:",
    line(2, `file: ${yamlScalar(options.dataFile)}`, "the feature table: one row per patient (CSV; , ; or tab)"),
  );
  if (guess.id.column === null) push(line(2, "# id: case_id", `case id, never a feature (${guess.id.note})`));
  else push(line(2, `id: ${yamlScalar(guess.id.column)}`, `case id, never a feature — ${guess.id.note}`, !["id", "case_id", "patient_id"].includes(guess.id.column.toLowerCase())));
  const kind = guess.outcomeKind;
  if (kind.kind === "survival") {
    push(
      line(2, "outcome:", `time to event — ${kind.note}`, true),
      line(4, "type: survival", "binary, ordinal, nominal or survival"),
      line(4, `time: ${yamlScalar(kind.time)}`, "follow-up time (≥ 0), from origin to event or censoring"),
      line(4, `event: ${yamlScalar(kind.event)}`, "event indicator (1 = event, 0 = censored)"),
      ...(kind.eventValue !== null ? [line(4, `eventValue: ${yamlScalar(Number(kind.eventValue))}`, "the value that counts as the event; every other value is a censoring", true)] : []),
      line(4, `horizon: ${kind.horizon}`, "prediction horizon on the time scale (here the median follow-up time; e.g. 1825 days = 5 years): risk = P(event by the horizon)", true),
    );
  } else if (kind.kind === "ordinal") {
    push(
      line(2, "outcome:", `ordinal staging — ${kind.note}`, true),
      line(4, `column: ${yamlScalar(kind.column)}`, "the stage column"),
      line(4, "type: ordinal", "binary, ordinal, nominal or survival"),
      line(4, `levels: [${kind.levels.map((l) => yamlScalar(l)).join(", ")}]`, "lowest first"),
      line(4, `cutoffs: [${kind.levels.slice(1).map((l) => yamlScalar(`>=${l}`)).join(", ")}]`, "the clinically used dichotomies (e.g. >=F2 significant fibrosis, >=F3 advanced, ==F4 cirrhosis)", true),
    );
  } else if (outcome === null) push(line(2, "outcome: OUTCOME_COLUMN", `the binary outcome column (${guess.outcome.note})`, true));
  else push(line(2, `outcome: ${yamlScalar(outcome)}`, `the binary outcome — ${guess.outcome.note}`, guess.outcome.by !== "name"));
  if (kind.kind !== "binary") {
    // (no positive value: the outcome object says which value is the event)
  } else if (guess.positive.value !== null) {
    const value = /^-?\d+(\.\d+)?$/.test(guess.positive.value) ? Number(guess.positive.value) : guess.positive.value;
    push(line(2, `positive: ${yamlScalar(value)}`, `the value that counts as the event — ${guess.positive.note}`, guess.positive.by !== "convention"));
  } else {
    push(line(2, "# positive: 1", "the value that counts as the event (default: 1 of 0/1, TRUE, yes)"));
  }
  push(
    roleLine("site", guess.site, "centre / scanner", "per-site tables, leave-one-site-out"),
    roleLine("date", guess.date, "ISO date (YYYY-MM-DD)", "temporal validation, date range in the report"),
    line(2, "# features: [a, b, c]", `use exactly these columns (default: every other numeric column; here ${nFeatures})`),
  );
  if (guess.excludeSuggested.length) {
    // One line per excluded column, each with its reason: delete a line to use that column after all.
    push(line(2, "exclude:", "never features — leakage screen by radval init: delete a line to use that column after all", true));
    for (const column of guess.excludeSuggested) {
      const leak = guess.leaks.find((l) => l.feature === column);
      push(line(4, `- ${yamlScalar(column)}`, leak ? leak.reason : "its name is the name of an outcome or follow-up column"));
    }
  } else {
    push(line(2, "# exclude: [col1, col2]", "columns never used as features (e.g. follow-up time, a restated outcome)"));
  }
  if (guess.outcomeMissing > 0) push(line(2, "missingOutcome: drop", `${guess.outcomeMissing} rows have no outcome: drop them (default: error)`, true));
  else push(line(2, "# missingOutcome: error", "rows without an outcome: error (default) or drop"));
  push(
    line(2, "# keepDiagnostics: false", "keep PyRadiomics diagnostics_* columns as features (default: dropped)"),
    line(2, "# delimiter: \",\"", "field separator: \",\" \";\" or tab (default: detected)"),
    line(2, "# decimal: \".\"", "decimal mark (default \".\", \",\" allowed in ;-separated files)"),
  );
  const cohort = guess.cohort.column;
  const levels = cohort ? (guess.profiles.find((p) => p.name === cohort)?.levels ?? []) : [];
  if (cohort && levels.length >= 2) {
    push(line(2, `# development: {column: ${yamlScalar(cohort)}, value: ${yamlScalar(levels[0]!)}}`, `rows to develop on; "${cohort}" has ${levels.join(", ")} (default: every row not in an external cohort)`));
  } else {
    push(line(2, "# development: {column: cohort, value: trial}", "rows to develop on (default: every row not in an external cohort)"));
  }
  if (guess.textColumns.length) push(`  # Text columns, not used as features: ${previewList(guess.textColumns, 20)}.`);
  if (kind.kind === "binary" && outcome !== null && guess.outcome.by !== "name" && guess.binaryColumns.length) push(`  # Other two-valued columns (the outcome may be one of these): ${previewList(guess.binaryColumns, 20)}.`);

  push(
    "",
    "# Reliability filter: drops features whose test-retest (or inter-reader) agreement is below the cut.",
    "# Needs a LONG table: one row per case x reader/repeat, with the same feature columns.",
    "# reliability:",
    line(0, "#   file: test_retest.csv", "the long table"),
    line(0, "#   id: case_id", "its case column (default: id, case_id or patient_id)"),
    line(0, "#   rater: reader", "its reader / repeat column (required)"),
    line(0, "#   statistic: ICC(A,1)", "ICC(A,1) = ICC2 (default), ICC(C,1) = ICC3, ICC1, ICC2k, ICC3k, ICC1k, or CCC"),
    line(0, "#   cut: 0.75", "keep features with statistic ≥ cut (default 0.75, Koo & Li's \"good\")"),
    line(0, "#   useLowerBound: false", "judge by the 95% lower bound instead of the estimate (default false)"),
    line(0, "#   unmeasured: error", "features not in the long table: error (default), keep or drop"),
    "",
    "# Redundancy: correlation clustering, one representative per cluster (refit inside every split).",
    "redundancy:",
    line(2, "threshold: 0.9", "features with |r| ≥ threshold end up in one cluster (default 0.9)"),
    line(2, "# correlation: pearson", "pearson (default) or spearman"),
    line(2, "# linkage: average", "average (default), complete or single"),
    line(2, "# representative: variance", "which member stays: variance (highest CV, default), auc or medoid"),
    "",
    line(0, "# impute: median", "median, mean or none (default: median when development rows have gaps, else none)"),
    line(0, "# scale: true", "standardise features inside every split (default true)"),
    "",
    "# Models compared on the same splits. Names: lasso, ridge, enet (mixture 0.5), elasticNet, logistic,",
    "# svm (linear kernel), rf / randomForest. `params` are the model's parameters; `tune` a grid chosen",
    "# by an inner CV inside every split (nested); `engine` picks another implementation.",
    "models:",
    ...(kind.kind === "survival"
      ? [
          line(2, "- name: Cox regression", "label in tables and charts (default: the model name)"),
          line(4, "model: cox", "survival::coxph (Efron ties; params: {ties: breslow})"),
          line(2, "- name: Cox LASSO", ""),
          line(4, "model: lasso", "glmnet(family = \"cox\"), λ by an inner 10-fold CV"),
        ]
      : kind.kind === "ordinal"
        ? [
            line(2, "- name: Proportional odds", "label in tables and charts (default: the model name)"),
            line(4, "model: ordinalLogistic", "cumulative logit (= ordinal::clm)"),
            line(2, "- name: Multinomial LASSO", ""),
            line(4, "model: lasso", "glmnet(family = \"multinomial\"), λ by an inner 10-fold CV"),
          ]
        : [
            line(2, "- name: LASSO", "label in tables and charts (default: the model name)"),
            line(4, "model: lasso", "λ chosen by an inner 10-fold CV (λ 1se), as cv.glmnet"),
            line(4, "# params: {lambdaMinRatio: 0.01, innerFolds: 5}", "faster λ path and inner CV"),
            line(2, "- name: Random forest", ""),
            line(4, "model: rf", "500 trees, mtry ⌊√p⌋"),
            line(4, "# params: {trees: 500, minNodeSize: 2}", ""),
            line(2, "# - name: SVM", ""),
            line(2, "#   model: svm", "linear kernel, cost 1, Platt probabilities"),
            line(2, "#   tune: {cost: [0.01, 0.1, 1]}", "nested tuning grid"),
          ]),
    "",
    "# Internal validation on the development rows; the whole pipeline is refit inside every split.",
    "internal:",
    line(2, "cv: {folds: 10, repeats: 1}", "stratified k-fold CV: pooled out-of-fold ROC, calibration, decision curve"),
    line(2, "bootstrap: {replicates: 200}", "Harrell's optimism bootstrap + .632/.632+ (fewer, e.g. 50, for a first look)"),
    line(2, "# permutations: 0", "label-permutation test of the CV AUC (0 = none, default)"),
    line(2, "# innerFolds: 5", "folds of the inner CV for `tune` grids (default 5)"),
    "",
    "# External validation: the final models applied unchanged to other rows or files.",
    "external:",
  );
  if (cohort && levels.length >= 2) {
    push(line(2, `# cohorts: [{name: ${yamlScalar(levels[1]!)}, column: ${yamlScalar(cohort)}, value: ${yamlScalar(levels[1]!)}}]`, "rows of this file, or {name, file: other.csv}"));
  } else {
    push(line(2, "# cohorts: [{name: external, file: external.csv}]", "another file with the same columns, or {name, column, value}"));
  }
  push(line(2, "# temporal: {fraction: 0.3}", "develop on the earliest rows, validate on the latest 30% (or {cutoff: 2021-01-01}); needs data.date"));
  if (guess.site.column) push(line(2, "leaveOneSiteOut: true", "internal–external CV: each site left out in turn, pooled by random effects", true));
  else push(line(2, "leaveOneSiteOut: false", "internal–external CV over data.site (needs a site column; default false)"));
  push(
    line(2, "# meta: {method: REML, test: z}", "random-effects pooling across sites: REML or DL; z or knha (Hartung–Knapp)"),
    line(2, "# updating: [intercept, logistic, refit]", "model updating on each external cohort"),
    "",
    "# decisionCurve:",
    line(0, "#   thresholds: {from: 0.01, to: 0.99, by: 0.01}", "threshold probabilities of the decision curves (default)"),
    line(0, "# threshold: 0.5", "fixed classification threshold (default: Youden on the out-of-fold predictions)"),
    "# report:",
    line(0, "#   formats: [html, md, json]", "what radval run writes (default html, md, json; --format overrides)"),
    "",
  );
  return out.join("\n").replace(/[ \t]+$/gm, "");
}
