import { sig as chartSig } from "./charts/common.js";
import type { Estimate } from "./results.js";

/** A number for report text: 3 decimals, integers as is, "—" for null/NaN. */
export function num(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "—";
  if (Number.isInteger(x)) return String(x);
  return x.toFixed(digits);
}

/** x to `digits` significant digits for prose ("—" when missing); see the charts' {@link chartSig}. */
export function sig(x: number | null | undefined, digits = 4): string {
  return x === null || x === undefined || Number.isNaN(x) ? "—" : chartSig(x, digits);
}

/** A linear predictor as text: "0.281 + 0.0176 × bili − 1.85 × albumin". */
export function linearFormula(intercept: number, terms: ReadonlyArray<{ feature: string; value: number }>, digits = 4): string {
  let text = sig(intercept, digits);
  for (const t of terms) text += `${t.value < 0 ? " − " : " + "}${sig(Math.abs(t.value), digits)} × ${t.feature}`;
  return text;
}

/**
 * A final model's raw-scale equation as prose: "logit P(y = 1) = …" for
 * logistic models; for Cox models the linear predictor and the risk by the
 * horizon, 1 − S₀(t)^exp(lp). `terms` are the non-zero raw-scale coefficients.
 */
export function modelEquation(
  outcome: { column: string; positive: string },
  rawScale: { intercept: number; scale?: "log-odds" | "log-hazard"; baselineSurvival?: number | null; horizon?: number | null },
  terms: ReadonlyArray<{ feature: string; value: number }>,
  digits = 4,
): string {
  const rhs = terms.length ? linearFormula(rawScale.intercept, terms, digits) : sig(rawScale.intercept, digits);
  if (rawScale.scale === "log-hazard") {
    const risk = rawScale.baselineSurvival !== undefined && rawScale.baselineSurvival !== null ? `; risk by t = ${rawScale.horizon ?? "the horizon"}: 1 − ${sig(rawScale.baselineSurvival, digits)}^exp(lp)` : "";
    return `linear predictor lp (log relative hazard) = ${rhs}${risk}`;
  }
  return `logit P(${outcome.column} = ${outcome.positive}) = ${rhs}`;
}

/** Where a validation estimate comes from: the cohort, or "site B held out (leave-one-site-out)" for a held-out site. */
export function validationSetName(e: { cohort: string; site: string | null }): string {
  return e.site === null ? e.cohort : `site ${e.site} held out (leave-one-site-out; model fitted on the other ${e.cohort} sites)`;
}

/** A proportion as a percentage with one decimal. */
export function pct(x: number | null | undefined): string {
  return x === null || x === undefined || Number.isNaN(x) ? "—" : `${(100 * x).toFixed(1)}%`;
}

/** "0.769 (0.731–0.808)" or "0.769" or "—". */
export function est(e: Estimate | null | undefined, digits = 3): string {
  if (!e || e.estimate === null) return "—";
  const f = (x: number) => x.toFixed(digits);
  if (e.lower === null || e.upper === null) return f(e.estimate);
  return `${f(e.estimate)} (${f(e.lower)}${e.lower < 0 || e.upper < 0 ? " to " : "–"}${f(e.upper)})`;
}

/** A safe id fragment: lowercase letters, digits and dashes. */
export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "x";
}

/** Joins a list as "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "1 patient" / "3 patients". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

/**
 * What the `corrected` performance of an internal-validation scheme is called in report text —
 * "optimism-corrected" (Harrell's bootstrap), ".632+", "cross-validated" (pooled out-of-fold), else
 * "internally validated" — and, `short`, in a table header: "corrected", ".632+", "CV".
 */
export function internalEstimateName(scheme: string | null | undefined, options: { short?: boolean } = {}): string {
  const [long, short] =
    scheme === "bootstrap-optimism" ? ["optimism-corrected", "corrected"]
    : scheme === "632plus" ? [".632+", ".632+"]
    : scheme === "cv" || scheme === "repeated-cv" ? ["cross-validated", "CV"]
    : ["internally validated", "corrected"];
  return options.short ? short : long;
}
