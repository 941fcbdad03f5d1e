import type { Dataset } from "../core/dataset.js";
import { RadvalError } from "../core/errors.js";
import type { Rng } from "../core/rng.js";
import { delongAuc } from "../metrics/delong.js";
import type { ExternalValidationResult, HeterogeneityResult, MetricName, SiteEstimate } from "../report/results.js";
import { leaveOneSiteOut } from "../resample/leaveOneSiteOut.js";
import { type ProcedureOptions, type SplitPredictions, resampleWorkflows } from "./crossValidation.js";
import { calibrationPoints, decisionCurveRows, rocPoints } from "./curves.js";
import { type MetaOptions, randomEffectsMeta } from "./metaAnalysis.js";
import { clippedLogit, calibrationStandardErrors, performanceIndexes, performanceMetrics } from "./performance.js";
import type { ValidationJob } from "./tasks.js";

/** Internal–external cross-validation by site: per-site results and pooled heterogeneity. */
export interface SiteValidation {
  readonly perSite: ExternalValidationResult[];
  readonly heterogeneity: HeterogeneityResult[];
  /** The left-out sites' predictions, per workflow. */
  readonly predictions: readonly SplitPredictions[];
}

interface SiteStatistic {
  readonly site: string;
  readonly n: number;
  readonly events: number;
  readonly estimate: number;
  readonly variance: number;
}

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));

function pool(
  model: string,
  metric: MetricName,
  scale: "logit" | "identity",
  stats: SiteStatistic[],
  meta: MetaOptions,
  totalSites: number,
): HeterogeneityResult | null {
  const usable = stats.filter((s) => Number.isFinite(s.estimate) && s.variance > 0 && Number.isFinite(s.variance));
  if (usable.length < 2) return null;
  const m = randomEffectsMeta(
    usable.map((s) => s.estimate),
    usable.map((s) => s.variance),
    meta,
  );
  const back = scale === "logit" ? expit : (x: number) => x;
  const z = 1.959963984540054;
  const sites: SiteEstimate[] = stats.map((s) => {
    const se = Math.sqrt(s.variance);
    const ok = Number.isFinite(se) && se > 0;
    return { site: s.site, n: s.n, events: s.events, estimate: back(s.estimate), lower: ok ? back(s.estimate - z * se) : null, upper: ok ? back(s.estimate + z * se) : null };
  });
  return {
    model,
    metric,
    design: "leave-one-site-out",
    method: m.method,
    scale,
    sites,
    pooled: { estimate: back(m.estimate), lower: back(m.ci[0]), upper: back(m.ci[1]), level: 0.95, method: `random effects (${m.method}${m.test === "knha" ? ", Hartung–Knapp" : ""}; ${usable.length} of ${totalSites} sites)` },
    prediction: { lower: back(m.predictionInterval[0]), upper: back(m.predictionInterval[1]) },
    tau2: m.tau2,
    i2: m.I2 / 100,
    q: m.Q,
    qPValue: m.Qp,
  };
}

/**
 * Internal–external cross-validation (Royston et al. 2004; Steyerberg &
 * Harrell 2016, J Clin Epidemiol 69:245; Debray et al. 2017, BMJ 356:i6460):
 * each site of the development rows is left out in turn, the whole workflow
 * is refit on the other sites and validated on the left-out one. Per site:
 * AUC with its DeLong CI, calibration slope and calibration-in-the-large
 * with Wald CIs, curves. Pooled by random-effects meta-analysis — AUC on the
 * logit scale (variance by the delta method, var(AUC)/(AUC(1 − AUC))²),
 * slope and calibration-in-the-large on their own scale — with τ², I² and a
 * 95% prediction interval for a new site.
 */
export async function validateBySite(
  job: ValidationJob,
  rows: Int32Array,
  rng: Rng,
  options: ProcedureOptions & { readonly meta?: MetaOptions; readonly cohort: string; readonly thresholds?: ArrayLike<number> },
): Promise<SiteValidation> {
  const data: Dataset = job.data;
  if (!data.site) {
    throw new RadvalError("MISSING_ROLE", "leave-one-site-out needs a site column", { where: { file: data.source }, hint: "Name it with data.site in the config (--site COL)." });
  }
  const y = data.outcome!.values;
  const siteLabels = Array.from(rows, (r) => data.site!.values[r]!);
  // A held-out site of one class is kept: its metrics are reported as not estimable and the run goes on.
  const bySite = leaveOneSiteOut(siteLabels, { y: Float64Array.from(rows, (r) => y[r]!), column: data.site.name, singleClass: "keep" });
  const resamples = {
    ...bySite,
    n: data.x.nRows,
    splits: bySite.splits.map((s) => ({ ...s, analysis: Int32Array.from(s.analysis, (k) => rows[k]!), assessment: Int32Array.from(s.assessment, (k) => rows[k]!) })),
  };
  const results = await resampleWorkflows(job, resamples, rng, options);
  const perSite: ExternalValidationResult[] = [];
  const heterogeneity: HeterogeneityResult[] = [];
  for (const result of results) {
    const aucStats: SiteStatistic[] = [];
    const slopeStats: SiteStatistic[] = [];
    const citlStats: SiteStatistic[] = [];
    for (const split of result.splits) {
      const site = split.id.replace(/^Site:/, "");
      const truth = Float64Array.from(split.assessment, (r) => y[r]!);
      const prob = split.prob;
      const idx = performanceIndexes(truth, prob, split.logit);
      perSite.push({
        model: result.workflow,
        cohort: options.cohort,
        site,
        n: truth.length,
        events: idx.events,
        metrics: performanceMetrics(truth, prob, 0.95, split.logit),
        roc: rocPoints(truth, prob),
        calibration: calibrationPoints(truth, prob),
        decisionCurve: decisionCurveRows(truth, prob, options.thresholds),
        notEstimable: idx.notEstimable,
      });
      const d = idx.events > 0 && idx.events < truth.length ? delongAuc(truth, prob) : null;
      if (d && d.variance !== null && d.auc > 0 && d.auc < 1) {
        aucStats.push({ site, n: truth.length, events: idx.events, estimate: logit(d.auc), variance: d.variance / (d.auc * (1 - d.auc)) ** 2 });
      }
      const se = calibrationStandardErrors(truth, split.logit ?? clippedLogit(prob), idx);
      if (idx.slope !== null && idx.slopeSe !== null) slopeStats.push({ site, n: truth.length, events: idx.events, estimate: idx.slope, variance: idx.slopeSe ** 2 });
      if (idx.citl !== null && se.citlSe !== null) citlStats.push({ site, n: truth.length, events: idx.events, estimate: idx.citl, variance: se.citlSe ** 2 });
    }
    const meta = options.meta ?? {};
    for (const h of [
      pool(result.workflow, "auc", "logit", aucStats, meta, result.splits.length),
      pool(result.workflow, "calibrationSlope", "identity", slopeStats, meta, result.splits.length),
      pool(result.workflow, "calibrationIntercept", "identity", citlStats, meta, result.splits.length),
    ]) {
      if (h) heterogeneity.push(h);
    }
  }
  return { perSite, heterogeneity, predictions: results };
}
