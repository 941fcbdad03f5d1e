import { z } from "zod";
import { RadvalError } from "../core/errors.js";
import { closestName } from "../core/suggest.js";
import { MAX_FOLDS, MAX_REPEATS, MAX_REPLICATES } from "./limits.js";

const optionalText = z.string().optional();

/** Author-written TRIPOD+AI items (all optional; absent ones are marked missing in the report). */
const studySchema = z.strictObject({
  title: optionalText,
  abstract: optionalText,
  background: optionalText,
  targetPopulation: optionalText,
  healthInequalities: optionalText,
  objectives: optionalText,
  dataSources: optionalText,
  setting: optionalText,
  eligibility: optionalText,
  treatments: optionalText,
  dataPreparation: optionalText,
  outcomeDefinition: optionalText,
  outcomeAssessors: optionalText,
  outcomeBlinding: optionalText,
  predictorChoice: optionalText,
  predictorDefinitions: optionalText,
  predictorAssessors: optionalText,
  sampleSize: optionalText,
  missingData: optionalText,
  performanceRationale: optionalText,
  fairness: optionalText,
  modelOutput: optionalText,
  differences: optionalText,
  ethics: optionalText,
  funding: optionalText,
  conflicts: optionalText,
  protocol: optionalText,
  registration: optionalText,
  dataSharing: optionalText,
  codeSharing: optionalText,
  patientInvolvement: optionalText,
  participantFlow: optionalText,
  interpretation: optionalText,
  limitations: optionalText,
  inputDataQuality: optionalText,
  userInteraction: optionalText,
  nextSteps: optionalText,
  anticipatedR2CoxSnell: z.number().gt(0).lt(1).optional(),
});

const rowFilterSchema = z.union([
  z.strictObject({ column: z.string(), values: z.array(z.union([z.string(), z.number()])).min(1) }),
  z.strictObject({ column: z.string(), value: z.union([z.string(), z.number()]) }),
]);

/** The outcome: a column name (binary), or an object naming its kind (binary, ordinal, nominal, survival). */
const outcomeSchema = z.union([
  z.string(),
  z.strictObject({ column: z.string(), type: z.literal("binary").optional(), positive: z.union([z.string(), z.number()]).optional() }),
  z.strictObject({
    column: z.string(),
    type: z.enum(["ordinal", "nominal"]),
    /** Level order, lowest first (default: numeric order, or "F0" < "F1" < …). */
    levels: z.array(z.union([z.string(), z.number()])).min(2).optional(),
    /** Named dichotomies (">=F2", ">=F3", "==F4"); default ">=L" for every level but the first. */
    cutoffs: z.array(z.string()).min(1).optional(),
  }),
  z.strictObject({
    type: z.literal("survival"),
    time: z.string(),
    event: z.string(),
    /** The event column's value that counts as the event (default 1; e.g. 2 = death in survival::pbc's status); every other value is censored. */
    eventValue: z.number().optional(),
    /** Prediction horizon on the time scale (e.g. 1825 days). */
    horizon: z.number().positive(),
  }),
]);

const dataSchema = z.strictObject({
  file: z.string(),
  id: z.string().optional(),
  outcome: outcomeSchema,
  positive: z.union([z.string(), z.number()]).optional(),
  site: z.string().optional(),
  date: z.string().optional(),
  group: z.string().optional(),
  features: z.array(z.string()).min(1).optional(),
  exclude: z.array(z.string()).optional(),
  keepDiagnostics: z.boolean().optional(),
  missingOutcome: z.enum(["error", "drop"]).optional(),
  delimiter: z.enum([",", ";", "\t", "tab"]).optional(),
  decimal: z.enum([".", ","]).optional(),
  /** Rows used to develop the model (default: all rows not in a validation cohort). */
  development: rowFilterSchema.optional(),
  /** Named feature groups, declared once: a pattern ("original_*|wavelet-*": | separates alternatives, * any text) or a list of names/patterns. */
  groups: z.record(z.string(), z.union([z.string(), z.array(z.string()).min(1)])).optional(),
});

const reliabilitySchema = z.strictObject({
  file: z.string(),
  id: z.string().optional(),
  rater: z.string(),
  statistic: z.string().optional(),
  cut: z.number().gt(-1).lte(1).optional(),
  useLowerBound: z.boolean().optional(),
  /** What happens to candidate features with no test-retest data: kept unassessed, or dropped (no default: an error asks). */
  unassessed: z.enum(["keep", "drop"]).optional(),
  /** Older name of `unassessed` (also accepts "error", the default). */
  unmeasured: z.enum(["keep", "drop", "error"]).optional(),
});

const redundancySchema = z.strictObject({
  threshold: z.number().gt(0).lte(1).optional(),
  correlation: z.enum(["pearson", "spearman"]).optional(),
  linkage: z.enum(["average", "complete", "single"]).optional(),
  representative: z.enum(["variance", "auc", "medoid"]).optional(),
});

/** Site harmonisation (ComBat), refit inside every split. `unseen` is required: there is no silent default for new sites. */
const harmonizeSchema = z.strictObject({
  method: z.literal("combat"),
  /** Batch column (default: data.site). */
  batch: z.string().optional(),
  /** Covariates preserved (known for new patients; never the outcome): names, or {name, kind}. */
  covariates: z.array(z.union([z.string(), z.strictObject({ name: z.string(), kind: z.enum(["numeric", "categorical"]).optional() })])).optional(),
  /** Rows from a site not seen in training: refuse, reference (needs refBatch) or self (transductive). */
  unseen: z.enum(["refuse", "reference", "self"]),
  eb: z.boolean().optional(),
  parametric: z.boolean().optional(),
  meanOnly: z.boolean().optional(),
  refBatch: z.string().optional(),
});

const paramValue = z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(z.number())]);

const modelSchema = z.strictObject({
  /** Label used in tables and charts (default: the model name). */
  name: z.string().optional(),
  /** Model name or alias: lasso, ridge, enet, logistic, svm, rf, elasticNet, randomForest. */
  model: z.string(),
  engine: z.string().optional(),
  params: z.record(z.string(), paramValue).optional(),
  /** Hyperparameter grid tuned by an inner cross-validation inside every split (nested). */
  tune: z.record(z.string(), z.array(z.union([z.number(), z.string(), z.boolean()])).min(1)).optional(),
  /**
   * The model's predictors (default: every candidate feature): feature names, group names (data.groups), and
   * stages `{radscore: {model, features, params?}}` whose linear predictor becomes a predictor (refit in every split).
   */
  predictors: z
    .union([
      z.string(),
      z.array(
        z.union([
          z.string(),
          z.record(z.string(), z.strictObject({ model: z.string(), engine: z.string().optional(), params: z.record(z.string(), paramValue).optional(), features: z.union([z.string(), z.array(z.string()).min(1)]) })),
        ]),
      ).min(1),
    ])
    .optional(),
});

/** Incremental value: pairs [comparator, model] of configured model names, compared on the same patients. */
const incrementalSchema = z.strictObject({
  pairs: z.array(z.tuple([z.string(), z.string()])).min(1),
  /** Risk cut-offs of the categorical NRI (e.g. [0.1, 0.3]). */
  cutoffs: z.array(z.number().gt(0).lt(1)).min(1).optional(),
});

export { MAX_FOLDS, MAX_REPEATS, MAX_REPLICATES };

const tooMany = (what: string, max: number) => ({ message: `at most ${max.toLocaleString("en-US")} ${what} (every split is fitted; more would exhaust memory or time long before the run ends)` });

const internalSchema = z.strictObject({
  /** Cross-validation: pooled out-of-fold and per-fold metrics. */
  cv: z.strictObject({ folds: z.number().int().min(2).max(MAX_FOLDS, tooMany("folds", MAX_FOLDS)).optional(), repeats: z.number().int().min(1).max(MAX_REPEATS, tooMany("repeats", MAX_REPEATS)).optional() }).optional(),
  /** Bootstrap: Harrell's optimism correction and .632 / .632+ from the same replicates. */
  bootstrap: z.strictObject({ replicates: z.number().int().min(1).max(MAX_REPLICATES, tooMany("replicates", MAX_REPLICATES)).optional() }).optional(),
  /** Label permutations of the whole pipeline (0 = none). */
  permutations: z.number().int().min(0).max(MAX_REPLICATES, tooMany("permutations", MAX_REPLICATES)).optional(),
  /** Folds of the inner CV used for tuning grids (default 5). */
  innerFolds: z.number().int().min(2).max(MAX_FOLDS, tooMany("folds", MAX_FOLDS)).optional(),
});

const validationCohortSchema = z.union([
  z.strictObject({ name: z.string().optional(), column: z.string(), values: z.array(z.union([z.string(), z.number()])).min(1) }),
  z.strictObject({ name: z.string().optional(), column: z.string(), value: z.union([z.string(), z.number()]) }),
  z.strictObject({ name: z.string().optional(), file: z.string() }),
]);

const externalSchema = z.strictObject({
  /** External cohorts: rows of the data file selected by a column, or another file with the same columns. */
  cohorts: z.array(validationCohortSchema).optional(),
  /** Temporal validation: develop before the cutoff (or the first fraction in time), validate on the rest. */
  temporal: z.union([z.strictObject({ cutoff: z.string() }), z.strictObject({ fraction: z.number().gt(0).lt(1) })]).optional(),
  /** Internal–external cross-validation over the site column of the development data. */
  leaveOneSiteOut: z.boolean().optional(),
  /** Random-effects pooling of per-site estimates. */
  meta: z.strictObject({ method: z.enum(["REML", "DL"]).optional(), test: z.enum(["z", "knha"]).optional() }).optional(),
  /** Model updating on each external cohort. */
  updating: z.array(z.enum(["intercept", "logistic", "refit"])).optional(),
});

const thresholdGrid = z
  .strictObject({ from: z.number().gt(0).lt(1), to: z.number().gt(0).lt(1), by: z.number().gt(0).lt(1) })
  .refine((g) => g.from <= g.to, { message: "the grid is reversed (from > to): it would be empty; give from ≤ to, as the CLI's --thresholds does", path: ["to"] });

/** The study configuration schema (`radval validate study.yaml`). */
export const studyConfigSchema = z.strictObject({
  seed: z.number().int().min(0).optional(),
  study: studySchema.optional(),
  data: dataSchema,
  reliability: reliabilitySchema.optional(),
  redundancy: redundancySchema.optional(),
  harmonize: harmonizeSchema.optional(),
  impute: z.enum(["median", "mean", "none"]).optional(),
  scale: z.boolean().optional(),
  models: z.array(modelSchema).min(1),
  incremental: incrementalSchema.optional(),
  internal: internalSchema.optional(),
  external: externalSchema.optional(),
  decisionCurve: z.strictObject({ thresholds: thresholdGrid.optional() }).optional(),
  /** Classification threshold for sensitivity/specificity (default: Youden on the development predictions). */
  threshold: z.number().gt(0).lt(1).optional(),
  report: z.strictObject({ formats: z.array(z.enum(["html", "md", "json"])).optional() }).optional(),
});

/** A parsed, checked study configuration. */
export type StudyConfig = z.infer<typeof studyConfigSchema>;

function keyPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "[");
}

/** Allowed keys of the object schema at `path` (for did-you-mean hints), or []. */
function allowedKeysAt(path: ReadonlyArray<PropertyKey>): string[] {
  let schema: unknown = studyConfigSchema;
  for (const part of path) {
    const def = (schema as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown; options?: unknown[] } }).def;
    if (!def) return [];
    if (def.type === "optional") schema = def.innerType;
    const inner = (schema as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown } }).def;
    if (typeof part === "number" && inner?.type === "array") schema = inner.element;
    else if (inner?.shape && typeof part === "string") schema = inner.shape[part];
    else return [];
  }
  const def = (schema as { def?: { type?: string; shape?: Record<string, unknown>; innerType?: unknown } }).def;
  const unwrapped = def?.type === "optional" ? (def.innerType as { def?: { shape?: Record<string, unknown> } }).def : def;
  return unwrapped?.shape ? Object.keys(unwrapped.shape) : [];
}

/** The value at a key path of a parsed object (undefined when absent). */
function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = value;
  for (const part of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[part];
  }
  return v;
}

/**
 * Checks a parsed YAML/JSON object against the study schema. The first
 * problem becomes a RadvalError `INVALID_CONFIG` that names the key path and
 * what is expected (misspelt keys get a did-you-mean).
 */
export function parseStudyConfig(value: unknown, source = "study config"): StudyConfig {
  const result = studyConfigSchema.safeParse(value);
  if (result.success) return result.data;
  // A misspelt key ("outcom:") also makes the real key missing: report the typo, which says both.
  const issue = result.error.issues.find((i) => i.code === "unrecognized_keys") ?? result.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0]!;
    const allowed = allowedKeysAt(issue.path);
    const guess = closestName(key, allowed);
    const full = keyPath([...issue.path, key]);
    throw new RadvalError("INVALID_CONFIG", `unknown key "${full}"`, {
      where: { file: source, key: full },
      hint: `${guess ? `Did you mean "${keyPath([...issue.path, guess])}"? ` : ""}${allowed.length ? `Allowed here: ${allowed.join(", ")}.` : ""}`.trim(),
    });
  }
  const path = keyPath(issue.path);
  const given = valueAt(value, issue.path);
  if (typeof given === "boolean") {
    const last = String(issue.path[issue.path.length - 1] ?? "");
    throw new RadvalError("INVALID_CONFIG", `"${path}" is the YAML boolean ${given} (YAML reads TRUE, yes, on, … as booleans), but a text or number is expected here`, {
      where: { file: source, key: path },
      hint: `Quote it: ${last}: "${given ? "TRUE" : "FALSE"}" (or write the value exactly as it appears in the data, in quotes).`,
    });
  }
  const missing = issue.code === "invalid_type" && /received undefined/.test(issue.message);
  throw new RadvalError("INVALID_CONFIG", missing ? `required key "${path}" is missing` : `"${path || "(top level)"}": ${issue.message}`, {
    where: { file: source, key: path || "(top level)" },
    hint: missing ? `Add "${path}" to the config (see the commented example configs in examples/).` : "Fix the value; the example configs in examples/ show every key.",
  });
}

