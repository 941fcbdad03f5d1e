import { RadvalError, isRadvalError } from "../core/errors.js";
import type { StudyConfig } from "../validate/config.js";
import { outcomeSpec } from "../validate/outcomeSpec.js";
import { type CombatStepSpec, combatStep } from "./combatStep.js";

/**
 * The ComBat step a study config's `harmonize` block describes (batch
 * default: `data.site`). Refuses, before anything is fit, a covariate that is
 * the outcome (`OUTCOME_LEAK`: the outcome of the patients being predicted is
 * unknown at prediction time) and a missing site column. Errors name the
 * config key.
 */
export function combatFromConfig(config: StudyConfig): CombatStepSpec {
  const h = config.harmonize!;
  const batch = h.batch ?? config.data.site;
  if (batch === undefined) {
    throw new RadvalError("INVALID_CONFIG", "harmonize needs the site (batch) column: set data.site or harmonize.batch", { where: { key: "harmonize.batch" } });
  }
  const covariates = (h.covariates ?? []).map((c) => (typeof c === "string" ? { name: c } : c.kind ? { name: c.name, kind: c.kind } : { name: c.name }));
  const outcomeColumns = (() => {
    const o = outcomeSpec(config);
    return o.kind === "survival" ? [o.time, o.event] : [o.column];
  })();
  const leak = covariates.find((c) => outcomeColumns.includes(c.name));
  if (leak) {
    throw new RadvalError("OUTCOME_LEAK", `harmonize.covariates protects the outcome "${leak.name}": inside a validated pipeline ComBat would need the outcome of the patients it is predicting, which is unknown at prediction time — the assessment rows' features would carry their own answer`, {
      where: { key: "harmonize.covariates", column: leak.name },
      hint: "Remove the outcome from harmonize.covariates; protect only variables known for new patients (age, sex, …). `radval combat --covariates` may protect it to describe a data set.",
    });
  }
  try {
    return combatStep({
      batch,
      covariates,
      unseen: h.unseen,
      ...(h.eb !== undefined ? { eb: h.eb } : {}),
      ...(h.parametric !== undefined ? { parametric: h.parametric } : {}),
      ...(h.meanOnly !== undefined ? { meanOnly: h.meanOnly } : {}),
      ...(h.refBatch !== undefined ? { refBatch: h.refBatch } : {}),
    });
  } catch (e) {
    if (isRadvalError(e) && e.code === "INVALID_OPTION") throw new RadvalError("INVALID_CONFIG", e.detail, { where: { key: `harmonize.${e.where.key ?? "unseen"}` }, ...(e.hint ? { hint: e.hint } : {}) });
    throw e;
  }
}
