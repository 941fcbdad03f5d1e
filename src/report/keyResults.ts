import type { FlagReport } from "./flags.js";
import { internalEstimateName, modelEquation, sig } from "./format.js";
import type { DecisionCurveRow, Estimate, StudyResults } from "./results.js";

const f3 = (x: number | null | undefined) => sig(x, 3);
const withCi = (e: Estimate | null | undefined) =>
  e && e.estimate !== null ? `${f3(e.estimate)}${e.lower !== null && e.upper !== null ? ` (95% CI ${f3(e.lower)}${e.lower < 0 || e.upper < 0 ? " to " : "–"}${f3(e.upper)})` : ""}` : "not available";

/** Thresholds at which the key results quote net benefit: the usual round values inside the study's decision-curve grid. */
const NB_THRESHOLDS = [0.05, 0.1, 0.2, 0.3, 0.5];

function netBenefitText(rows: readonly DecisionCurveRow[]): string | null {
  const picked = NB_THRESHOLDS.map((t) => rows.find((r) => Math.abs(r.threshold - t) < 1e-9)).filter((r): r is DecisionCurveRow => r !== undefined);
  if (!picked.length) return null;
  return picked.map((r) => `${f3(r.netBenefit)} at ${Math.round(100 * r.threshold)}% (treat all ${f3(r.treatAll)})`).join(", ");
}

/**
 * The "Key results" block at the top of the report: the primary final model
 * (its formula on the raw scale, or its engine and file), its internal
 * estimate with the scheme that produced it, external and pooled
 * leave-one-site-out estimates with CIs, calibration, net benefit at round
 * thresholds inside the study's grid, and the checks not passed. Every number
 * is read from the results object, each from one fitted model and one scheme.
 */
export function keyResults(results: StudyResults, flags: FlagReport): string[] {
  const out: string[] = [];
  const primary = results.models.find((m) => m.id === results.primaryModel) ?? results.models[0];
  if (!primary) return out;
  const f = primary.final;
  const used = f.rawScale?.coefficients.filter((c) => c.value !== 0) ?? [];
  if (f.rawScale) {
    out.push(
      `Final model (${primary.label}, fitted on ${f.nObservations} patients, ${f.nEvents} events): ${modelEquation(results.outcome, f.rawScale, used, 3)}${used.length ? "" : " — no predictor was kept"} (raw feature scale; all constants in the model specification and recipe tables, and model.json).`,
    );
  } else if (f.coefficients) {
    out.push(`Final model (${primary.label}, fitted on ${f.nObservations} patients, ${f.nEvents} events): linear, ${f.coefficients.filter((c) => c.value !== 0).length} of ${f.coefficients.length} coefficients non-zero on ${f.coefficientScale ?? "the model's input scale"} (specification table; model.json).`);
  } else {
    out.push(`Final model (${primary.label}, fitted on ${f.nObservations} patients, ${f.nEvents} events; ${primary.model}/${primary.engine}, ${f.featureNames.length} features): non-linear, given as model.json (model "${primary.id}"; apply with radval predict).`);
  }
  const kv = results.outcomeValidation?.models.find((m) => m.model === primary.id);
  if (kv && results.outcomeValidation) {
    const v = results.outcomeValidation;
    const shown = kv.metrics.slice(0, 4);
    out.push(`Validation (${v.description}): ${shown.map((r) => `${r.label} apparent ${f3(r.apparent)}${r.corrected !== null ? `, corrected ${f3(r.corrected)}` : r.cvPooled !== null ? `, cross-validated ${f3(r.cvPooled)}` : ""}${Object.entries(r.external).map(([c, x]) => `, ${c} ${f3(x)}`).join("")}`).join("; ")} (all indexes in the performance table).`);
  }
  const iv = results.internalValidation?.models.find((m) => m.model === primary.id);
  if (iv && results.internalValidation) {
    const scheme = internalEstimateName(results.internalValidation.scheme);
    const cv = iv.crossValidated ? `; cross-validated AUC ${withCi(iv.crossValidated.auc)}` : "";
    out.push(
      `Internal validation (${results.internalValidation.cohort}): ${scheme} AUC ${withCi(iv.corrected.auc)}, calibration slope ${withCi(iv.corrected.calibrationSlope)}, Brier ${f3(iv.corrected.brier?.estimate)}${cv}; apparent AUC ${f3(iv.apparent.auc?.estimate)}.`,
    );
  }
  for (const e of results.externalValidation.filter((x) => x.model === primary.id && x.site === null)) {
    const nb = netBenefitText(e.decisionCurve);
    out.push(
      `External validation in ${e.cohort} (${e.n} patients, ${e.events} events): AUC ${withCi(e.metrics.auc)}, calibration slope ${withCi(e.metrics.calibrationSlope)}, calibration-in-the-large ${withCi(e.metrics.calibrationIntercept)}${nb ? `; net benefit ${nb}` : ""}.`,
    );
  }
  const pooled = results.leaveOneSiteOutPooled.find((p) => p.model === primary.id);
  const hetAuc = results.heterogeneity.find((h) => h.model === primary.id && h.metric === "auc");
  if (pooled || hetAuc) {
    out.push(
      `Leave-one-site-out${pooled ? ` (${pooled.sites.length} sites)` : ""}: ${hetAuc ? `random-effects pooled AUC ${withCi(hetAuc.pooled)}${hetAuc.i2 !== null ? `, I² ${Math.round(100 * hetAuc.i2)}%` : ""}` : ""}${hetAuc && pooled ? "; " : ""}${pooled ? `AUC of the pooled held-out predictions ${withCi(pooled.metrics.auc)}, calibration slope ${withCi(pooled.metrics.calibrationSlope)}` : ""}.`,
    );
  }
  if (!results.externalValidation.some((x) => x.model === primary.id && x.site === null) && iv) {
    const nb = netBenefitText(iv.decisionCurve);
    if (nb) out.push(`Net benefit (internal, out-of-sample predictions): ${nb}.`);
  }
  const open = flags.checks.filter((c) => c.status === "flag");
  const serious = open.filter((c) => c.severity === "serious");
  out.push(
    open.length
      ? `Open flags: ${open.length} check${open.length === 1 ? "" : "s"} not passed (${serious.length} serious): ${[...new Set(serious.concat(open).map((c) => c.title))].slice(0, 6).join("; ")}${new Set(open.map((c) => c.title)).size > 6 ? "; …" : ""} — see Automatic checks.`
      : "Open flags: none; every automatic check passed.",
  );
  return out;
}
