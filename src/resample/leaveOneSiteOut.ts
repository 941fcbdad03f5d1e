import { RadvalError } from "../core/errors.js";
import { type Resamples, type Split, freezeResamples } from "./types.js";

/**
 * Leave-one-site-out (internal–external cross-validation, Steyerberg & Harrell
 * 2016): one split per site; the site's rows are the assessment set, all
 * other sites' rows the analysis set. Rows without a site are in neither.
 * With `y`, a site whose rows are all one class is an error naming the site
 * (its AUC and calibration slope are undefined), unless `singleClass` is
 * "keep" (a study then reports that site's metrics as not estimable). O(n S).
 */
export function leaveOneSiteOut(sites: readonly string[], options: { y?: ArrayLike<number>; column?: string; singleClass?: "error" | "keep" } = {}): Resamples {
  const levels: string[] = [];
  for (const s of sites) if (s !== "" && !levels.includes(s)) levels.push(s);
  if (levels.length < 2) {
    throw new RadvalError("INVALID_ARGUMENT", `leave-one-site-out needs at least 2 sites, found ${levels.length}`, {
      ...(options.column ? { where: { column: options.column } } : {}),
    });
  }
  const splits: Split[] = levels.map((site) => {
    const analysis: number[] = [];
    const assessment: number[] = [];
    sites.forEach((s, i) => {
      if (s === site) assessment.push(i);
      else if (s !== "") analysis.push(i);
    });
    if (options.y && options.singleClass !== "keep") {
      const events = assessment.reduce((a, i) => a + options.y![i]!, 0);
      if (events === 0 || events === assessment.length) {
        throw new RadvalError("SINGLE_CLASS", `site "${site}" has ${assessment.length} patients, all ${events === 0 ? "without" : "with"} the outcome: its AUC and calibration are undefined`, {
          where: { split: `Site:${site}`, ...(options.column ? { column: options.column } : {}) },
          hint: "Merge this site with another one, or exclude it from leave-one-site-out.",
        });
      }
    }
    return { id: `Site:${site}`, analysis: Int32Array.from(analysis), assessment: Int32Array.from(assessment) };
  });
  return freezeResamples({ scheme: "leave-one-site-out", n: sites.length, splits, params: { sites: levels } });
}
