import type { Dataset } from "../../core/dataset.js";
import { RadvalError } from "../../core/errors.js";
import type { Prediction } from "../../core/prediction.js";
import { type Response, responseAt } from "../../core/response.js";
import type { Rng } from "../../core/rng.js";
import { obuchowskiIndex } from "../../ordinal/obuchowski.js";
import type { KindSiteValidation } from "../../report/results.js";
import { leaveOneSiteOut } from "../../resample/leaveOneSiteOut.js";
import { concordance } from "../../survival/concordance.js";
import { concatPredictions } from "../../core/prediction.js";
import { type SplitPrediction, resamplePredictions } from "../crossValidation.js";
import { type MetaOptions, randomEffectsMeta } from "../metaAnalysis.js";
import { expectedLevel } from "../metricSets/levels.js";
import type { MetricSet } from "../metricSets/index.js";
import type { TaskExecutor, ValidationJob } from "../tasks.js";

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));

/** The concordance pooled across sites for a kind: Harrell's C (survival) or Obuchowski's index (ordinal), with its SE; null otherwise or when undefined. */
function siteConcordance(response: Response, prediction: Prediction): { estimate: number; se: number } | null {
  try {
    if (response.kind === "survival" && prediction.kind === "survival") {
      const c = concordance(response.time, response.event, prediction.lp);
      return { estimate: c.c, se: c.se };
    }
    if (response.kind === "ordinal" && prediction.kind === "ordinal") {
      const o = obuchowskiIndex(response.codes, expectedLevel(prediction), response.levels.length);
      return { estimate: o.estimate, se: o.se };
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * Internal–external cross-validation of an ordinal, nominal or survival
 * study (Royston et al. 2004; Debray et al. 2017, BMJ 356:i6460): each site
 * of the development rows is left out in turn, the whole workflow refit on
 * the others and validated on it with the kind's metric set; the held-out
 * predictions are also pooled over all sites; the concordance (Harrell's C,
 * or Obuchowski's index) is pooled by random-effects meta-analysis on the
 * logit scale (variance by the delta method, se²/(C(1 − C))²; REML as
 * metafor::rma.uni), with τ², I² and a 95% prediction interval for a new site.
 */
export async function kindLeaveOneSiteOut(
  job: ValidationJob & { readonly response: Response },
  devRows: Int32Array,
  rng: Rng,
  metricSet: MetricSet,
  options: { executor: TaskExecutor; meta?: MetaOptions; onProgress?: (done: number, total: number) => void },
): Promise<KindSiteValidation[]> {
  const data: Dataset = job.data;
  if (!data.site) throw new RadvalError("MISSING_ROLE", "leave-one-site-out needs a site column", { where: { file: data.source, key: "data.site" }, hint: "Name it with data.site in the config." });
  const siteOf = Array.from(devRows, (r) => data.site!.values[r]!);
  const bySite = leaveOneSiteOut(siteOf, { column: data.site.name });
  const resamples = {
    ...bySite,
    n: data.x.nRows,
    splits: bySite.splits.map((s) => ({ ...s, analysis: Int32Array.from(s.analysis, (k) => devRows[k]!), assessment: Int32Array.from(s.assessment, (k) => devRows[k]!) })),
  };
  const results = await resamplePredictions(job, resamples, rng, { executor: options.executor, onProgress: (d, t) => options.onProgress?.(d, t) });
  return results.map((result) => {
    const splits: SplitPrediction[] = result.splits;
    const sites = splits.map((s) => {
      const truth = responseAt(job.response, s.assessment);
      const c = siteConcordance(truth, s.prediction);
      return { site: s.id.replace(/^Site:/, ""), n: s.assessment.length, values: metricSet.compute(truth, s.prediction), concordance: c };
    });
    const rows = Int32Array.from(splits.flatMap((s) => Array.from(s.assessment)));
    const pooledPrediction = concatPredictions(splits.map((s) => s.prediction));
    const pooledValues = metricSet.compute(responseAt(job.response, rows), pooledPrediction);
    const usable = sites.filter((s) => s.concordance && s.concordance.estimate > 0 && s.concordance.estimate < 1 && s.concordance.se > 0);
    let meta: KindSiteValidation["meta"] = null;
    if (usable.length >= 2) {
      const m = randomEffectsMeta(
        usable.map((s) => logit(s.concordance!.estimate)),
        usable.map((s) => (s.concordance!.se / (s.concordance!.estimate * (1 - s.concordance!.estimate))) ** 2),
        options.meta ?? {},
      );
      meta = {
        metric: job.response.kind === "survival" ? "Harrell's C" : "Obuchowski's index",
        estimate: expit(m.estimate),
        lower: expit(m.ci[0]),
        upper: expit(m.ci[1]),
        predictionLower: expit(m.predictionInterval[0]),
        predictionUpper: expit(m.predictionInterval[1]),
        tau2: m.tau2,
        i2: m.I2 / 100,
        sites: usable.length,
        method: `random effects (${m.method}${m.test === "knha" ? ", Hartung–Knapp" : ""}) on the logit scale`,
      };
    }
    return {
      model: result.workflow,
      sites: sites.map((s) => ({ site: s.site, n: s.n, values: s.values, concordance: s.concordance })),
      pooled: pooledValues,
      meta,
    };
  });
}
