import { z } from "zod";
import { count, num, opt, prob, roc, text } from "./schemaParts.js";

/** A number that JSON writes as null when it is not finite (NaN, ±Infinity); read back as NaN. */
const real = z.preprocess((v) => (v === null ? Number.NaN : v), z.union([z.number(), z.nan()])).meta({ description: "a number; null when it was not finite (NaN or ±Infinity)" });
const estimateSe = z.object({ estimate: real, se: real, lower: real, upper: real });
const proportion = z.object({ estimate: opt(num), lower: opt(num), upper: opt(num), x: count, n: count });

/** zod schema of `results.outcomeKind` ({@link OutcomeKindInfo}). */
export const outcomeKindInfoSchema = z.object({
  kind: z.enum(["binary", "ordinal", "nominal", "survival"]),
  column: text.optional(),
  timeColumn: text.optional(),
  eventColumn: text.optional(),
  eventValue: num.optional(),
  horizon: num.optional(),
  medianFollowUp: num.nullable().optional(),
  levels: z.array(text).optional(),
  cutoffs: z.array(text).optional(),
  cohorts: z
    .array(
      z.object({
        cohort: text,
        n: count,
        events: count.optional(),
        censored: count.optional(),
        eventsByHorizon: count.optional(),
        medianFollowUp: num.nullable().optional(),
        levelCounts: z.array(count).optional(),
      }),
    )
    .optional(),
});

const siteValidation = z.object({
  model: text,
  sites: z.array(z.object({ site: text, n: count, values: z.record(z.string(), num.nullable()), concordance: z.object({ estimate: real, se: real }).nullable() })),
  pooled: z.record(z.string(), num.nullable()),
  meta: z
    .object({ metric: text, estimate: real, lower: real, upper: real, predictionLower: real, predictionUpper: real, tau2: real, i2: real, sites: count, method: text })
    .nullable(),
});

const survivalEvaluation = z.object({
  n: count,
  events: count,
  medianFollowUp: num.nullable(),
  concordance: z.object({ harrell: z.object({ c: real, se: real }), uno: z.object({ c: real, se: real }) }),
  horizon: z
    .object({
      time: num,
      auc: estimateSe,
      brier: estimateSe.optional(),
      brierNull: estimateSe,
      ipa: real.optional(),
      calibration: z
        .object({
          time: num,
          groups: z.array(z.object({ group: count, n: count, events: count, predicted: real, observed: real, se: real })),
          slope: z.object({ estimate: real, se: real }).nullable(),
          observedExpectedRatio: real,
        })
        .optional(),
      decisionCurve: z.array(z.object({ threshold: prob, netBenefit: real, treatAll: real, treatNone: real })).optional(),
    })
    .optional(),
  riskGroups: z.object({
    cutpoints: z.array(real),
    groups: z.array(z.object({ group: count, n: count, events: count })),
    logRank: z.object({ chisq: real, df: count, p: real }),
    hazardRatios: z.array(z.object({ group: count, estimate: real, lower: real, upper: real, p: real })),
  }),
});

const kappa = z.object({ estimate: real, se: real, lower: real, upper: real });
const levelEvaluation = z.object({
  n: count,
  levels: z.array(text),
  counts: z.array(count),
  input: z.enum(["score", "probs"]),
  cutoffs: z.array(z.object({ cutoff: text, n: count, cases: count, controls: count, auc: real, se: real.nullable(), ci: z.tuple([real, real]).nullable() })),
  obuchowski: z.object({ estimate: real, se: real, variance: real, ci: z.tuple([real, real]), score: text }),
  handTill: z.object({ auc: real }).optional(),
  kappa: z.object({ linear: kappa, quadratic: kappa, unweighted: kappa }).optional(),
  confusion: z.object({ levels: z.array(text), table: z.array(z.array(count)), predicted: text }).optional(),
  brier: real.optional(),
  calibration: z.array(z.object({ cutoff: text, brier: real, slope: real.nullable(), intercept: real.nullable(), calibrationInTheLarge: real.nullable(), reason: text.optional() })).optional(),
  warnings: z.array(text),
});

const curves = z.object({
  riskGroupKm: z.array(z.object({ group: count, n: count, events: count, points: z.array(z.object({ time: num, surv: prob })) })).optional(),
  timeRoc: z.object({ time: num, points: z.array(z.object({ fpr: prob, tpr: prob, threshold: opt(num) })), auc: prob }).optional(),
  cutoffRoc: z
    .array(
      z.object({
        cutoff: text,
        roc,
        operating: z.object({ threshold: num, chosenOn: text, sensitivity: proportion, specificity: proportion }).nullable(),
      }),
    )
    .optional(),
});

const cohortEvaluation = z.object({
  cohort: text,
  n: count,
  events: count,
  survival: survivalEvaluation.optional(),
  levels: levelEvaluation.optional(),
  notEstimable: opt(text),
  curves: curves.optional(),
});

/** zod schema of `results.outcomeValidation` ({@link OutcomeValidation}): the kind's metric set per model, the detailed evaluation and chart data of each cohort. */
export const outcomeValidationSchema = z.object({
  kind: z.enum(["ordinal", "nominal", "survival"]),
  description: text,
  folds: opt(count),
  repeats: opt(count),
  bootstraps: opt(count),
  cohort: text,
  models: z.array(
    z.object({
      model: text,
      metrics: z.array(
        z.object({
          metric: text,
          label: text,
          ideal: z.enum(["higher", "lower", "one", "zero"]),
          apparent: opt(num),
          cvPooled: opt(num),
          cvMean: opt(num),
          cvSd: opt(num),
          optimism: opt(num),
          corrected: opt(num),
          replicatesUsed: opt(count),
          external: z.record(z.string(), num.nullable()).default({}),
        }),
      ),
      selection: opt(z.object({ refits: count, interceptOnly: count, features: z.array(z.object({ feature: text, frequency: prob, inFinal: z.boolean() })) })),
      cohorts: z.array(cohortEvaluation),
      crossValidated: opt(cohortEvaluation),
    }),
  ),
  leaveOneSiteOut: z.array(siteValidation).optional(),
});


const intervalEstimate = z.object({ estimate: real, lower: opt(num), upper: opt(num), p: opt(num) });

/** `incrementalValue`: configured model pairs compared on the same patients (see IncrementalValue in results/outcomeKinds.ts). */
export const incrementalValueSchema = z.object({
  comparator: z.string(),
  model: z.string(),
  correctedDeltaAuc: opt(num),
  sets: z.array(
    z.object({
      data: z.string(),
      n: count,
      events: count,
      aucComparator: opt(num),
      aucModel: opt(num),
      deltaAuc: opt(intervalEstimate),
      lrt: opt(z.object({ statistic: num, df: num, p: num, deviance: z.tuple([num, num]) })),
      nriContinuous: opt(intervalEstimate.extend({ events: real, nonEvents: real })),
      nriCategorical: opt(intervalEstimate.extend({ events: real, nonEvents: real, cutoffs: z.array(num) })),
      idi: opt(intervalEstimate),
      deltaBrier: opt(intervalEstimate),
      netBenefit: z.array(z.object({ threshold: num, difference: real })).default([]),
    }),
  ),
});
