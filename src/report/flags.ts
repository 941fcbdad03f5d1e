import type { CohortResult, Estimate, InternalModelValidation, StudyResults } from "./results.js";
import { internalEstimateName, sig } from "./format.js";
import { modelChecks } from "./modelChecks.js";
import { type RileyAtN, type RileySampleSize, rileyAtN, rileySampleSize } from "./riley.js";

/** Outcome of one automatic check: "flag" (a problem to discuss), "pass", or "unavailable" (the results lack what it needs). */
export type CheckStatus = "flag" | "pass" | "unavailable";

/** One automatic check shown in the report (and feeding TRIPOD+AI items 10, 23a, 26, 16). */
export interface ReportCheck {
  /** Stable id: "epp-10", "epp-20", "riley-shrinkage", "riley-optimism", "riley-intercept", "calibration-slope", "optimism-reliability", "auc-ci-width", "case-mix". */
  readonly id: string;
  readonly title: string;
  readonly status: CheckStatus;
  /** How much a flag matters: "serious" (likely invalidates a claim) or "caution". */
  readonly severity: "serious" | "caution";
  /** One sentence with the numbers. */
  readonly message: string;
  /** TRIPOD+AI items the check informs. */
  readonly items: readonly string[];
  readonly model: string | null;
  readonly cohort: string | null;
  readonly values: Readonly<Record<string, number | null>>;
}

/** Thresholds of the automatic checks (defaults in brackets). */
export interface FlagOptions {
  /** Events per candidate parameter below which the design is flagged as serious [10]. */
  readonly eppSerious?: number;
  /** …and as a caution [20]. */
  readonly eppCaution?: number;
  /** Calibration slope below which overfitting is flagged [0.8]. */
  readonly slopeCut?: number;
  /** Calibration slope above which underfitting (predictions too moderate) is flagged [1.25]. */
  readonly slopeHigh?: number;
  /** AUC confidence-interval width above which the estimate is flagged as imprecise [0.2]. */
  readonly aucCiWidth?: number;
  /** Largest |standardised mean difference| above which case mix is flagged [0.5]. */
  readonly smdCut?: number;
  /** Prevalence ratio (external / development, or its inverse) above which case mix is flagged [2]. */
  readonly prevalenceRatio?: number;
  /** Cohort-membership AUC above which case mix is flagged [0.8]. */
  readonly membershipAuc?: number;
  /** Apparent AUC at or above which the optimism bootstrap is flagged (caution) when no .632+ or CV AUC can confirm it [0.99]. */
  readonly apparentAucCut?: number;
  /** Optimism-corrected AUC above the .632+ or cross-validated AUC by more than this is flagged [0.05]. */
  readonly optimismGap?: number;
}

/** Where the anticipated Cox–Snell R² of the Riley criteria came from. */
export type R2Source = "config" | "corrected" | "apparent";

/** The sample-size assessment of the development data (TRIPOD+AI item 10). */
export interface SampleSizeAssessment {
  readonly cohort: string;
  readonly n: number;
  readonly events: number;
  readonly nonEvents: number;
  readonly prevalence: number;
  /** Candidate predictor parameters. */
  readonly parameters: number;
  /** min(events, non-events) / parameters. */
  readonly epp: number;
  /** Anticipated Cox–Snell R² used for Riley criteria (i) and (ii), and its source; null when unavailable. */
  readonly r2CoxSnell: number | null;
  readonly r2Source: R2Source | null;
  /** Model whose R² was used. */
  readonly model: string | null;
  readonly riley: RileySampleSize | null;
  readonly atN: RileyAtN | null;
  /** Why Riley criteria (i)–(ii) could not be computed, when they could not. */
  readonly rileyNote: string | null;
}

/** All automatic checks and the sample-size assessment. */
export interface FlagReport {
  readonly checks: readonly ReportCheck[];
  readonly sampleSize: SampleSizeAssessment | null;
}

const fmt = (x: number, digits = 3) => (Number.isInteger(x) ? String(x) : x.toFixed(digits));

/** The development cohort: the internal-validation cohort, else the first cohort with role "development". */
export function developmentCohort(results: StudyResults): CohortResult | null {
  const name = results.internalValidation?.cohort;
  return results.cohorts.find((c) => c.name === name) ?? results.cohorts.find((c) => c.role === "development") ?? null;
}

/** The primary model's id: `primaryModel`, else the first model; null without models. */
export function primaryModelId(results: StudyResults): string | null {
  return results.primaryModel ?? results.models[0]?.id ?? null;
}

/**
 * The anticipated Cox–Snell R² for the Riley criteria. Choice (stated in the
 * report): the author's `study.anticipatedR2CoxSnell` when given (as
 * pmsampsize intends: fixed before the study); otherwise the primary model's
 * optimism-corrected Cox–Snell R² from internal validation (the best
 * estimate of the model's R² in new data); otherwise its apparent R².
 */
export function anticipatedR2(results: StudyResults): { value: number; source: R2Source; model: string | null } | null {
  if (results.study.anticipatedR2CoxSnell !== null) return { value: results.study.anticipatedR2CoxSnell, source: "config", model: null };
  const model = primaryModelId(results);
  const internal = results.internalValidation?.models.find((m) => m.model === model);
  const corrected = internal?.corrected.r2CoxSnell?.estimate ?? null;
  if (corrected !== null) return { value: corrected, source: "corrected", model };
  const apparent = internal?.apparent.r2CoxSnell?.estimate ?? null;
  if (apparent !== null) return { value: apparent, source: "apparent", model };
  return null;
}

/** Sample-size assessment: EPP and Riley et al. (2020) criteria at the development cohort's n. */
export function assessSampleSize(results: StudyResults): SampleSizeAssessment | null {
  const cohort = developmentCohort(results);
  if (!cohort || cohort.n === 0) return null;
  const parameters = results.predictors.candidateParameters ?? results.predictors.candidates.length;
  if (parameters <= 0) return null;
  const nonEvents = cohort.n - cohort.events;
  const prevalence = cohort.events / cohort.n;
  const r2 = anticipatedR2(results);
  let riley: RileySampleSize | null = null;
  let atN: RileyAtN | null = null;
  let rileyNote: string | null = null;
  if (prevalence <= 0 || prevalence >= 1) {
    rileyNote = "the development cohort has a single outcome class";
  } else if (r2 === null) {
    rileyNote = "no Cox–Snell R² in the results and none anticipated in the study config (study.anticipatedR2CoxSnell)";
  } else {
    const maxR2 = 1 - Math.exp(2 * (prevalence * Math.log(prevalence) + (1 - prevalence) * Math.log(1 - prevalence)));
    if (r2.value <= 0) rileyNote = `the ${r2.source} Cox–Snell R² is ${fmt(r2.value)} (≤ 0): the model explains no variation, criteria (i) and (ii) are undefined`;
    else if (r2.value >= maxR2) rileyNote = `the Cox–Snell R² ${fmt(r2.value)} is not below its maximum ${fmt(maxR2)} for this prevalence`;
    else {
      const input = { r2CoxSnell: r2.value, parameters, prevalence };
      riley = rileySampleSize(input);
      atN = rileyAtN(input, cohort.n);
    }
  }
  return {
    cohort: cohort.name,
    n: cohort.n,
    events: cohort.events,
    nonEvents,
    prevalence,
    parameters,
    epp: Math.min(cohort.events, nonEvents) / parameters,
    r2CoxSnell: r2?.value ?? null,
    r2Source: r2?.source ?? null,
    model: r2?.model ?? null,
    riley,
    atN,
    rileyNote,
  };
}

function sampleSizeChecks(s: SampleSizeAssessment | null, o: Required<FlagOptions>, kind: string = "binary"): ReportCheck[] {
  const base = { items: ["10", "26"], model: null, cohort: s?.cohort ?? null };
  if (!s) {
    return ["epp-10", "epp-20", "riley-shrinkage", "riley-optimism", "riley-intercept"].map((id) => ({
      ...base,
      id,
      title: id.startsWith("epp") ? "Events per candidate parameter" : "Riley minimum sample size",
      status: "unavailable" as const,
      severity: "caution" as const,
      message: "No development cohort or candidate predictors in the results.",
      values: {},
    }));
  }
  const eppValues = { epp: s.epp, events: Math.min(s.events, s.nonEvents), parameters: s.parameters };
  const eppText = `${sig(s.epp, 2)} events per candidate parameter (${Math.min(s.events, s.nonEvents)} in the smaller outcome class, ${s.parameters} candidate parameters)`;
  const checks: ReportCheck[] = [
    {
      ...base,
      id: "epp-10",
      title: `At least ${o.eppSerious} events per candidate parameter`,
      status: s.epp < o.eppSerious ? "flag" : "pass",
      severity: "serious",
      message: `${eppText}${s.epp < o.eppSerious ? `: below ${o.eppSerious}, a high risk of overfitting.` : "."}`,
      values: { ...eppValues, threshold: o.eppSerious },
    },
    {
      ...base,
      id: "epp-20",
      title: `At least ${o.eppCaution} events per candidate parameter`,
      status: s.epp < o.eppCaution ? "flag" : "pass",
      severity: "caution",
      message: `${eppText}${s.epp < o.eppCaution ? `: below ${o.eppCaution}.` : "."}`,
      values: { ...eppValues, threshold: o.eppCaution },
    },
  ];
  const r2Text = s.r2CoxSnell === null ? "" : `anticipated Cox–Snell R² ${fmt(s.r2CoxSnell)} (${s.r2Source === "config" ? "from the study config" : `${s.r2Source} R² of ${s.model}`})`;
  if (!s.riley || !s.atN) {
    for (const [id, title] of [
      ["riley-shrinkage", "Riley (i): expected shrinkage ≥ 0.9"],
      ["riley-optimism", "Riley (ii): optimism in Nagelkerke R² ≤ 0.05"],
    ] as const) {
      checks.push({ ...base, id, title, status: "unavailable", severity: "serious", message: `Not computable: ${s.rileyNote}.`, values: { r2CoxSnell: s.r2CoxSnell } });
    }
  } else {
    const { riley, atN } = s;
    checks.push({
      ...base,
      id: "riley-shrinkage",
      title: "Riley (i): expected shrinkage ≥ 0.9",
      status: s.n >= riley.shrinkage.nRequired ? "pass" : "flag",
      severity: "serious",
      message: `With ${r2Text} and ${s.parameters} parameters, expected shrinkage ≥ 0.9 needs n ≥ ${riley.shrinkage.nRequired}; n = ${s.n} gives an expected shrinkage of ${fmt(atN.shrinkage)}.`,
      values: { nRequired: riley.shrinkage.nRequired, n: s.n, shrinkage: atN.shrinkage, r2CoxSnell: s.r2CoxSnell },
    });
    checks.push({
      ...base,
      id: "riley-optimism",
      title: "Riley (ii): optimism in Nagelkerke R² ≤ 0.05",
      status: s.n >= riley.optimism.nRequired ? "pass" : "flag",
      severity: "serious",
      message: `An optimism ≤ 0.05 in the apparent Nagelkerke R² needs n ≥ ${riley.optimism.nRequired}; at n = ${s.n} the expected optimism is ${fmt(atN.optimismNagelkerke)}.`,
      values: { nRequired: riley.optimism.nRequired, n: s.n, optimism: atN.optimismNagelkerke, maxR2CoxSnell: riley.maxR2CoxSnell },
    });
  }
  if (kind !== "binary") {
    checks.push({
      ...base,
      id: "riley-intercept",
      title: "Riley (iii): overall risk within ± 0.05",
      status: "unavailable",
      severity: "serious",
      message: `Not computed for a ${kind} outcome: radval implements criterion (iii) for binary outcomes (the prevalence); for ${kind === "survival" ? "a time-to-event outcome it concerns the overall risk at the horizon (Riley et al. 2020, BMJ 368:m441, criterion iii for survival)" : "ordinal outcomes see Riley et al. 2020"}.`,
      values: {},
    });
    return checks;
  }
  const n3 = Math.ceil((1.96 / 0.05) ** 2 * s.prevalence * (1 - s.prevalence));
  const moe = 1.96 * Math.sqrt((s.prevalence * (1 - s.prevalence)) / s.n);
  checks.push({
    ...base,
    id: "riley-intercept",
    title: "Riley (iii): overall risk within ± 0.05",
    status: s.n >= n3 ? "pass" : "flag",
    severity: "serious",
    message: `Estimating the overall risk (${fmt(s.prevalence)}) within ± 0.05 needs n ≥ ${n3}; n = ${s.n} gives a margin of error of ${fmt(moe)}.`,
    values: { nRequired: n3, n: s.n, marginOfError: moe, prevalence: s.prevalence },
  });
  return checks;
}

/**
 * Harrell's optimism bootstrap under-corrects models that (nearly) reproduce their training data —
 * random forests, boosted trees, nearest neighbours: the bootstrap model is almost perfect on its own
 * sample AND on the ~63% of the original rows it has seen, so the estimated optimism is too small
 * (Efron & Tibshirani 1997, who built .632+ for this case). Flags (serious) a model whose
 * optimism-corrected AUC exceeds the lower of its .632+ and cross-validated AUC by more than the gap;
 * when neither is in the results, flags (caution) an apparent AUC ≥ the cut, which cannot be checked.
 * An apparent AUC near 1 that the other estimates confirm (separable data) passes.
 */
function optimismReliabilityCheck(m: InternalModelValidation, name: string, cohort: string, o: Required<FlagOptions>): ReportCheck {
  const apparent = m.apparent.auc?.estimate ?? null;
  const corrected = m.corrected.auc?.estimate ?? null;
  const dot632plus = m.dotPlus.find((d) => d.measure === "auc")?.dot632plus ?? null;
  const crossValidated = m.crossValidated?.auc?.estimate ?? null;
  const others = [dot632plus, crossValidated].filter((x): x is number => x !== null);
  const lowest = others.length ? Math.min(...others) : null;
  const interpolates = apparent !== null && apparent >= o.apparentAucCut;
  const gap = corrected !== null && lowest !== null ? corrected - lowest : null;
  const compared = [dot632plus !== null ? `.632+ ${fmt(dot632plus)}` : null, crossValidated !== null ? `cross-validated ${fmt(crossValidated)}` : null].filter(Boolean).join(", ");
  const values = { apparent, corrected, dot632plus, crossValidated, gap, apparentAucCut: o.apparentAucCut, optimismGap: o.optimismGap };
  const base = { id: "optimism-reliability", title: "Optimism-corrected AUC agrees with .632+ and cross-validation", items: ["23a", "26"], model: m.model, cohort, values };
  if (corrected === null || apparent === null) {
    return { ...base, status: "unavailable", severity: "serious", message: `${name}: no apparent and optimism-corrected AUC in the results.` };
  }
  const head = `${name}: optimism-corrected AUC ${fmt(corrected)}${compared ? ` (${compared})` : ""}`;
  const advice = `Harrell's bootstrap under-corrects models that fit their training data (almost) perfectly: report the ${dot632plus !== null ? ".632+" : "cross-validated"} estimate instead.`;
  if (gap === null) {
    return interpolates
      ? { ...base, status: "flag", severity: "caution", message: `${head}; apparent AUC ${fmt(apparent)} ≥ ${o.apparentAucCut} and no .632+ or cross-validated AUC to check the correction against. Harrell's bootstrap under-corrects models that fit their training data (almost) perfectly: add cross-validation to the study.` }
      : { ...base, status: "pass", severity: "serious", message: `${head}.` };
  }
  if (gap <= o.optimismGap) return { ...base, status: "pass", severity: "serious", message: `${head}: within ${o.optimismGap} of the ${others.length > 1 ? "lower of the two" : "other estimate"}.` };
  const cause = interpolates ? `; with an apparent AUC of ${fmt(apparent)} the model nearly reproduces its training data` : "";
  return {
    ...base,
    status: "flag",
    severity: "serious",
    message: `${head}: ${fmt(gap)} above the ${others.length > 1 ? `lower of ${compared.replace(", ", " and ")}` : compared}${cause}. ${advice}`,
  };
}

function ciWidth(e: Estimate | null): number | null {
  return e && e.lower !== null && e.upper !== null ? e.upper - e.lower : null;
}

/** Leak screen (issue 15): candidate predictors suspected of post-baseline or outcome-derived information. */
function leakScreenCheck(results: StudyResults): ReportCheck | null {
  const leaks = results.predictors.suspectedLeaks ?? null;
  const base = { id: "leak-screen", title: "Predictors suspected of leaking the outcome", severity: "serious" as const, items: ["9a", "26"], model: null, cohort: developmentCohort(results)?.name ?? null };
  if (leaks === null) return null; // results from before the leak screen (or hand-written): no check
  const shown = leaks.slice(0, 10).map((l) => `${l.feature} (${l.reason})`);
  return {
    ...base,
    status: leaks.length ? "flag" : "pass",
    message: leaks.length
      ? `${leaks.length} candidate predictor(s) look post-baseline or outcome-derived: ${shown.join("; ")}${leaks.length > 10 ? ` … and ${leaks.length - 10} more` : ""}. Exclude them (data.exclude) unless each is measured at baseline.`
      : "No candidate predictor has a name suggesting follow-up or outcome information, and none has AUC ≥ 0.8 on its own.",
    values: { suspected: leaks.length },
  };
}

/** Separation by a single candidate predictor (its values alone split events from non-events). */
function singleFeatureSeparationCheck(results: StudyResults): ReportCheck | null {
  const leaks = results.predictors.suspectedLeaks ?? null;
  const base = { id: "single-feature-separation", title: "Outcome separated by one predictor", severity: "serious" as const, items: ["9a", "26"], model: null, cohort: developmentCohort(results)?.name ?? null };
  if (leaks === null) return null; // results from before the leak screen (or hand-written): no check
  const separating = leaks.filter((l) => l.separates).map((l) => l.feature);
  return {
    ...base,
    status: separating.length ? "flag" : "pass",
    message: separating.length
      ? `${separating.join(", ")} alone separate(s) events from non-events perfectly on the development rows: almost always the outcome restated.`
      : "No single candidate predictor separates the outcome perfectly.",
    values: { separating: separating.length },
  };
}

/** The non-image (clinical) predictors among the candidates, listed so that a reader sees what besides the image entered the model. */
function clinicalPredictorsCheck(results: StudyResults): ReportCheck | null {
  const clinical = results.predictors.clinical ?? null;
  if (clinical === null) return null;
  return {
    id: "clinical-predictors",
    title: "Non-image (clinical) predictors used",
    status: "pass",
    severity: "caution",
    message: clinical.length ? `Non-image candidate predictors: ${clinical.slice(0, 20).join(", ")}${clinical.length > 20 ? ` … and ${clinical.length - 20} more` : ""}.` : "All candidate predictors are image features.",
    items: ["9a"],
    model: null,
    cohort: null,
    values: { clinical: clinical.length },
  };
}

/**
 * Runs every automatic check on the results: events per candidate parameter
 * (< 10 serious, < 20 caution); Riley et al. (2020) criteria (i)–(iii) at the
 * development n; the model-level checks of {@link modelChecks} (two-sided
 * calibration slope, discrimination above chance, degenerate models and
 * intervals, λ at the grid's edge, site heterogeneity, selection stability);
 * the optimism bootstrap unreliable (corrected AUC more than 0.05 above the
 * .632+ / cross-validated AUC; apparent AUC ≥ 0.99 with nothing to check against);
 * AUC confidence interval wider than 0.2; external case mix very different
 * (max |SMD| > 0.5, prevalence ratio > 2 either way, or membership AUC > 0.8).
 */
export function computeFlags(results: StudyResults, options: FlagOptions = {}): FlagReport {
  const o: Required<FlagOptions> = {
    eppSerious: 10,
    eppCaution: 20,
    slopeCut: 0.8,
    slopeHigh: 1.25,
    aucCiWidth: 0.2,
    smdCut: 0.5,
    prevalenceRatio: 2,
    membershipAuc: 0.8,
    apparentAucCut: 0.99,
    optimismGap: 0.05,
    ...options,
  };
  const sampleSize = assessSampleSize(results);
  const checks = sampleSizeChecks(sampleSize, o, results.outcomeKind?.kind ?? "binary");
  const label = (id: string) => results.models.find((m) => m.id === id)?.label ?? id;
  const corrected = internalEstimateName(results.internalValidation?.scheme);

  checks.push(...modelChecks(results, { slopeRange: [o.slopeCut, o.slopeHigh] }));

  if (results.internalValidation?.scheme === "bootstrap-optimism") {
    for (const m of results.internalValidation.models) checks.push(optimismReliabilityCheck(m, label(m.model), results.internalValidation.cohort, o));
  }

  const aucEstimates: Array<{ model: string; cohort: string; what: string; auc: Estimate | null }> = [
    ...(results.internalValidation?.models ?? []).map((m) => ({ model: m.model, cohort: results.internalValidation!.cohort, what: corrected, auc: m.corrected.auc })),
    ...results.externalValidation.filter((e) => e.site === null).map((e) => ({ model: e.model, cohort: e.cohort, what: "external", auc: e.metrics.auc })),
  ];
  for (const a of aucEstimates) {
    const width = ciWidth(a.auc);
    checks.push({
      id: "auc-ci-width",
      title: `AUC confidence interval at most ${o.aucCiWidth} wide`,
      status: width === null ? "unavailable" : width > o.aucCiWidth ? "flag" : "pass",
      severity: "caution",
      message:
        width === null
          ? `${label(a.model)} in ${a.cohort}: the ${a.what} AUC has no confidence interval in the results.`
          : `${label(a.model)} in ${a.cohort}: ${a.what} AUC ${fmt(a.auc!.estimate ?? NaN)} (${fmt(a.auc!.lower!)}–${fmt(a.auc!.upper!)}), width ${fmt(width)}${width > o.aucCiWidth ? `: too imprecise to support claims about discrimination.` : "."}`,
      items: ["23a", "26"],
      model: a.model,
      cohort: a.cohort,
      values: { auc: a.auc?.estimate ?? null, lower: a.auc?.lower ?? null, upper: a.auc?.upper ?? null, width, threshold: o.aucCiWidth },
    });
  }

  for (const c of results.caseMix) {
    const maxAbsSmd = c.smd.length ? Math.max(...c.smd.map((s) => Math.abs(s.smd))) : null;
    const worst = c.smd.length ? c.smd.reduce((a, b) => (Math.abs(b.smd) > Math.abs(a.smd) ? b : a)) : null;
    const ratio = c.referencePrevalence > 0 ? c.cohortPrevalence / c.referencePrevalence : null;
    const reasons: string[] = [];
    if (maxAbsSmd !== null && maxAbsSmd > o.smdCut) reasons.push(`max |SMD| ${fmt(maxAbsSmd)} > ${o.smdCut} (${worst!.feature})`);
    if (ratio !== null && (ratio > o.prevalenceRatio || ratio < 1 / o.prevalenceRatio)) reasons.push(`prevalence ratio ${fmt(ratio)}`);
    if (c.membershipAuc !== null && c.membershipAuc > o.membershipAuc) reasons.push(`membership AUC ${fmt(c.membershipAuc)} > ${o.membershipAuc}`);
    checks.push({
      id: "case-mix",
      title: "External case mix comparable to development",
      status: maxAbsSmd === null && ratio === null && c.membershipAuc === null ? "unavailable" : reasons.length ? "flag" : "pass",
      severity: "caution",
      message: `${c.cohort} vs ${c.reference}: prevalence ${fmt(c.cohortPrevalence)} vs ${fmt(c.referencePrevalence)}${maxAbsSmd !== null ? `, max |SMD| ${fmt(maxAbsSmd)}` : ""}${c.membershipAuc !== null ? `, membership AUC ${fmt(c.membershipAuc)}` : ""}${reasons.length ? `: very different case mix (${reasons.join("; ")}); performance differences may reflect case mix rather than the model.` : "."}`,
      items: ["16", "20c", "26"],
      model: null,
      cohort: c.cohort,
      values: { maxAbsSmd, prevalenceRatio: ratio, membershipAuc: c.membershipAuc, smdCut: o.smdCut },
    });
  }
  for (const check of [leakScreenCheck(results), singleFeatureSeparationCheck(results), clinicalPredictorsCheck(results)]) if (check) checks.push(check);
  return { checks, sampleSize };
}
