import { z } from "zod";
import { RadvalError } from "../core/errors.js";
import { harmonizationSchema } from "../harmonize/resultsSchema.js";
import { incrementalValueSchema, outcomeKindInfoSchema, outcomeValidationSchema } from "./outcomeKindSchema.js";
import { RESULTS_SCHEMA_VERSION, type StudyResults } from "./results.js";
import { count, estimate, list, num, opt, prob, roc, text, value } from "./schemaParts.js";

const metrics = z.object({
  auc: opt(estimate),
  brier: opt(estimate),
  calibrationIntercept: opt(estimate),
  calibrationSlope: opt(estimate),
  eavg: opt(estimate),
  e90: opt(estimate),
  emax: opt(estimate),
  r2Nagelkerke: opt(estimate),
  r2CoxSnell: opt(estimate),
});
const metricName = z.enum(["auc", "brier", "calibrationIntercept", "calibrationSlope", "eavg", "e90", "emax", "r2Nagelkerke", "r2CoxSnell"]);

const calibration = z.object({
  method: opt(text),
  smooth: list(z.object({ predicted: prob, observed: num, lower: opt(num), upper: opt(num) })),
  bins: list(z.object({ predicted: prob, observed: prob, lower: opt(prob), upper: opt(prob), n: count, events: count })),
  riskHistogram: list(z.object({ start: prob, end: prob, events: count, nonEvents: count })),
});

const decisionRow = z.object({
  threshold: prob,
  netBenefit: num,
  treatAll: num,
  treatNone: num,
  interventionsAvoided: opt(num),
});

const isoDate = text.regex(/^\d{4}-\d{2}-\d{2}/, "expected an ISO date YYYY-MM-DD");

const cohort = z.object({
  name: text,
  role: z.enum(["development", "external"]),
  design: opt(z.enum(["temporal", "geographic", "external"])),
  sourceFile: opt(text),
  sourceSha256: opt(text),
  n: count,
  events: count,
  dateColumn: opt(text),
  firstDate: opt(isoDate),
  lastDate: opt(isoDate),
  siteColumn: opt(text),
  sites: list(z.object({ site: text, n: count, events: count, firstDate: opt(isoDate), lastDate: opt(isoDate) })),
  missing: opt(
    z.object({
      cells: count,
      rowsWithMissing: count,
      byFeature: z.record(z.string(), count).default({}),
      outcomeMissingDropped: count.default(0),
    }),
  ),
});

const mergeTree = z.object({
  labels: z.array(text),
  merge: z.array(z.tuple([z.number().int(), z.number().int()])),
  height: z.array(num),
  order: z.array(z.number().int().positive()),
});

const dataPreparation = z.object({
  reliability: opt(
    z.object({
      measure: text,
      cut: num,
      rule: z.enum(["estimate", "lowerBound"]).default("estimate"),
      sourceFile: opt(text),
      nCases: opt(count),
      nRaters: opt(count),
      assessed: opt(count),
      unassessed: opt(z.object({ count, policy: text, features: z.array(text) })),
      features: z.array(
        z.object({
          feature: text,
          value: num,
          lower: opt(num),
          upper: opt(num),
          band: z.enum(["poor", "moderate", "good", "excellent"]),
          kept: z.boolean(),
        }),
      ),
    }),
  ),
  redundancy: opt(
    z.object({
      correlation: text,
      linkage: text,
      threshold: num,
      representativeRule: text,
      clusters: z.array(z.object({ id: z.number().int(), members: z.array(text), representative: text, meanAbsR: opt(num) })),
      tree: opt(mergeTree),
      matrix: opt(z.object({ features: z.array(text), values: z.array(z.array(num)) })),
    }),
  ),
  steps: list(
    z.object({
      type: text,
      description: text,
      inputFeatures: opt(count),
      outputFeatures: opt(count),
      details: opt(z.record(z.string(), value)),
    }),
  ),
  refitInEverySplit: z.boolean().default(true),
});

const named = z.object({ feature: text, value: num });

const model = z.object({
  id: text,
  label: text,
  model: text,
  engine: text,
  params: z.record(z.string(), value).default({}),
  tuning: opt(
    z.object({
      method: text,
      scheme: text,
      metric: text,
      candidates: opt(count),
      selected: z.record(z.string(), value).default({}),
      nested: z.boolean(),
    }),
  ),
  final: z.object({
    nObservations: count,
    nEvents: count,
    featureNames: z.array(text),
    intercept: opt(num),
    coefficients: opt(z.array(named)),
    stdErrors: z.array(named).nullable().optional(),
    coefficientScale: opt(text),
    rawScale: opt(z.object({ intercept: num, coefficients: z.array(named), imputation: opt(z.array(named)), scale: z.enum(["log-odds", "log-hazard"]).optional(), baselineSurvival: num.nullable().optional(), horizon: num.nullable().optional() })),
    nomogramBasis: opt(
      z.object({
        ranges: z.array(z.object({ feature: text, min: num, max: num })),
        discrete: z.array(z.object({ feature: text, values: z.array(num) })),
        linearPredictorRange: z.tuple([num, num]),
      }),
    ),
    recipe: list(z.object({ type: text, step: opt(text), features: z.array(text), values: opt(z.array(num)), scale: opt(z.array(num)) })),
    hyperparameters: z.record(z.string(), value).default({}),
    supportVectors: opt(count),
    importances: opt(z.array(named)),
    importanceMethod: opt(text),
    modelFile: opt(text),
  }),
  path: opt(
    z.object({
      lambda: z.array(z.number().positive()),
      features: z.array(text),
      coefficients: z.array(z.array(num)),
      cv: list(z.object({ lambda: z.number().positive(), mean: num, se: num, nonzero: count })),
      measure: text,
      lambdaMin: opt(z.number().positive()),
      lambda1se: opt(z.number().positive()),
      chosenLambda: z.number().positive(),
      chosenRule: text,
    }),
  ),
});

const internalModel = z.object({
  model: text,
  apparent: metrics,
  corrected: metrics,
  optimism: list(z.object({ metric: metricName, mean: num, values: z.array(num) })),
  folds: list(
    z.object({
      split: text,
      nAnalysis: count,
      eventsAnalysis: count,
      nAssessment: count,
      eventsAssessment: count,
      auc: opt(num),
      calibrationSlope: opt(num),
      brier: opt(num),
    }),
  ),
  roc: opt(roc),
  calibration: opt(calibration),
  decisionCurve: list(decisionRow),
  optimismTable: list(
    z.object({ index: text, apparent: opt(num), training: opt(num), test: opt(num), optimism: opt(num), corrected: opt(num), n: count }),
  ),
  dotPlus: list(
    z.object({ measure: text, apparent: num, outOfBag: num, noInformation: num, relativeOverfitting: num, dot632: num, dot632plus: num }),
  ),
  crossValidated: opt(metrics),
  permutationTest: opt(z.object({ permutations: count, folds: count, observedAuc: num, meanPermutedAuc: num, pValue: prob })),
  selection: opt(z.object({ refits: count, interceptOnly: count, features: z.array(z.object({ feature: text, frequency: prob, inFinal: z.boolean() })) })),
});

const study = z.strictObject({
  title: opt(text),
  abstract: opt(text),
  background: opt(text),
  targetPopulation: opt(text),
  healthInequalities: opt(text),
  objectives: opt(text),
  dataSources: opt(text),
  setting: opt(text),
  eligibility: opt(text),
  treatments: opt(text),
  dataPreparation: opt(text),
  outcomeDefinition: opt(text),
  outcomeAssessors: opt(text),
  outcomeBlinding: opt(text),
  predictorChoice: opt(text),
  predictorDefinitions: opt(text),
  predictorAssessors: opt(text),
  sampleSize: opt(text),
  missingData: opt(text),
  performanceRationale: opt(text),
  fairness: opt(text),
  modelOutput: opt(text),
  differences: opt(text),
  ethics: opt(text),
  funding: opt(text),
  conflicts: opt(text),
  protocol: opt(text),
  registration: opt(text),
  dataSharing: opt(text),
  codeSharing: opt(text),
  patientInvolvement: opt(text),
  participantFlow: opt(text),
  interpretation: opt(text),
  limitations: opt(text),
  inputDataQuality: opt(text),
  userInteraction: opt(text),
  nextSteps: opt(text),
  anticipatedR2CoxSnell: opt(z.number().gt(0).lt(1)),
});

/** zod schema of `results.json` ({@link StudyResults}); fills omitted nullable fields with null and lists with []. */
export const studyResultsSchema = z.object({
  schemaVersion: z.literal(RESULTS_SCHEMA_VERSION),
  createdAt: opt(text),
  study: study.default(() => study.parse({})),
  software: z.object({
    radvalVersion: text,
    runtime: opt(text),
    seed: opt(z.number().int()),
    configHash: opt(text),
    configFile: opt(text),
    command: opt(text),
  }),
  outcome: z.object({ column: text, positive: text, negative: opt(text) }),
  cohorts: z.array(cohort).min(1),
  dataPreparation: dataPreparation.default(() => dataPreparation.parse({})),
  harmonization: opt(harmonizationSchema),
  missingData: opt(z.object({ strategy: text, rowsDropped: count, details: opt(text) })),
  predictors: z.object({
    available: count,
    candidates: z.array(text),
    candidateParameters: opt(z.number().int().positive()),
    excluded: list(text),
    suspectedLeaks: opt(z.array(z.object({ feature: text, reason: text, auc: opt(num), separates: z.boolean() }))),
    clinical: opt(z.array(text)),
  }),
  models: z.array(model),
  primaryModel: opt(text),
  internalValidation: opt(
    z.object({
      scheme: text,
      description: text,
      folds: opt(count),
      repeats: opt(count),
      bootstraps: opt(count),
      stratified: opt(z.boolean()),
      cohort: text,
      models: z.array(internalModel),
    }),
  ),
  externalValidation: list(
    z.object({
      model: text,
      cohort: text,
      site: opt(text),
      n: count,
      events: count,
      metrics,
      roc: opt(roc),
      calibration: opt(calibration),
      decisionCurve: list(decisionRow),
      notEstimable: opt(text),
    }),
  ),
  leaveOneSiteOutPooled: list(
    z.object({
      model: text,
      cohort: text,
      sites: z.array(text),
      n: count,
      events: count,
      metrics,
      roc: opt(roc),
      calibration: opt(calibration),
      decisionCurve: list(decisionRow),
    }),
  ),
  heterogeneity: list(
    z.object({
      model: text,
      metric: metricName,
      design: text,
      method: text,
      scale: text,
      sites: z.array(z.object({ site: text, n: count, events: count, estimate: num, lower: opt(num), upper: opt(num) })),
      pooled: estimate,
      prediction: opt(z.object({ lower: num, upper: num })),
      tau2: opt(num),
      i2: opt(prob),
      q: opt(num),
      qPValue: opt(prob),
    }),
  ),
  updating: list(
    z.object({
      model: text,
      cohort: text,
      method: text,
      description: opt(text),
      parameters: z.record(z.string(), num).default({}),
      before: metrics,
      after: metrics,
      evaluation: opt(text),
    }),
  ),
  caseMix: list(
    z.object({
      reference: text,
      cohort: text,
      referencePrevalence: prob,
      cohortPrevalence: prob,
      smd: list(z.object({ feature: text, referenceMean: num, cohortMean: num, smd: num })),
      membershipAuc: opt(prob),
    }),
  ),
  classImbalance: opt(
    z.object({ method: text, details: opt(text), prevalence: prob, recalibrated: z.boolean(), recalibrationMethod: opt(text) }),
  ),
  modelOutput: opt(
    z.object({
      kind: text,
      thresholds: list(z.object({ model: text, threshold: prob, rule: text, sensitivity: opt(prob), specificity: opt(prob) })),
    }),
  ),
  subgroups: list(z.object({ model: text, cohort: text, variable: text, level: text, n: count, events: count, metrics })),
  outcomeKind: outcomeKindInfoSchema.optional(),
  outcomeValidation: opt(outcomeValidationSchema),
  incrementalValue: z.array(incrementalValueSchema).optional(),
});

// Compile-time check: what the schema outputs is a StudyResults.
const _outputIsStudyResults = (x: z.output<typeof studyResultsSchema>): StudyResults => x;
void _outputIsStudyResults;

/** Renders a zod issue path as `models[0].final.intercept`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(top level)" : out;
}

/**
 * Validates parsed JSON as {@link StudyResults}. Throws `INVALID_RESULTS`
 * naming the first offending key and what was expected (and how many other
 * problems there are), or `RESULTS_VERSION` for another schema version.
 * Cross-references (model ids, cohort names) are checked too.
 */
export function parseStudyResults(json: unknown, file?: string): StudyResults {
  const where = file === undefined ? {} : { file };
  if (typeof json === "object" && json !== null && "schemaVersion" in json) {
    const version = (json as { schemaVersion: unknown }).schemaVersion;
    if (version !== RESULTS_SCHEMA_VERSION) {
      throw new RadvalError("RESULTS_VERSION", `results schemaVersion is ${JSON.stringify(version)}, this radval reads version ${RESULTS_SCHEMA_VERSION}`, {
        where: { ...where, key: "schemaVersion" },
        hint: "Regenerate the results with this radval version (radval validate).",
      });
    }
  }
  const parsed = studyResultsSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = issues[0]!;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
    throw new RadvalError("INVALID_RESULTS", `${first.message}${more}`, {
      where: { ...where, key: formatIssuePath(first.path) },
      hint: "results.json must follow the radval results schema (src/report/results.ts); regenerate it with radval validate.",
    });
  }
  const results = parsed.data as StudyResults;
  checkReferences(results, where);
  return results;
}

function checkReferences(results: StudyResults, where: { file?: string }): void {
  const models = new Set(results.models.map((m) => m.id));
  const cohorts = new Set(results.cohorts.map((c) => c.name));
  const fail = (key: string, kind: string, name: string, known: Set<string>) => {
    throw new RadvalError("INVALID_RESULTS", `${kind} "${name}" is not defined`, {
      where: { ...where, key },
      hint: `Known ${kind}s: ${[...known].join(", ") || "none"}.`,
    });
  };
  const checkModel = (key: string, id: string) => {
    if (!models.has(id)) fail(key, "model", id, models);
  };
  const checkCohort = (key: string, name: string) => {
    if (!cohorts.has(name)) fail(key, "cohort", name, cohorts);
  };
  if (results.primaryModel !== null) checkModel("primaryModel", results.primaryModel);
  results.internalValidation?.models.forEach((m, i) => checkModel(`internalValidation.models[${i}].model`, m.model));
  if (results.internalValidation) checkCohort("internalValidation.cohort", results.internalValidation.cohort);
  results.externalValidation.forEach((e, i) => {
    checkModel(`externalValidation[${i}].model`, e.model);
    checkCohort(`externalValidation[${i}].cohort`, e.cohort);
  });
  results.heterogeneity.forEach((h, i) => checkModel(`heterogeneity[${i}].model`, h.model));
  results.updating.forEach((u, i) => {
    checkModel(`updating[${i}].model`, u.model);
    checkCohort(`updating[${i}].cohort`, u.cohort);
  });
  results.caseMix.forEach((c, i) => {
    checkCohort(`caseMix[${i}].reference`, c.reference);
    checkCohort(`caseMix[${i}].cohort`, c.cohort);
  });
  const seenModels = new Set<string>();
  results.models.forEach((m, i) => {
    if (seenModels.has(m.id)) {
      throw new RadvalError("INVALID_RESULTS", `model id "${m.id}" is used twice`, { where: { ...where, key: `models[${i}].id` }, hint: "Give every model a unique id." });
    }
    seenModels.add(m.id);
  });
}
