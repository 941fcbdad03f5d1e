import type { Command } from "commander";
import { RadvalError } from "../../core/errors.js";
import { type Nri, type NriClass, reclassification } from "../../metrics/reclassification.js";
import { type BrierDifference, brierDifference } from "../../metrics/reclassificationBrier.js";
import { type NetBenefitChange, netBenefitChange } from "../../metrics/reclassificationNetBenefit.js";
import { normalQuantile } from "../../stats/normal.js";
import { formatNumber, formatTable } from "../format.js";

/** One outcome class of an NRI in the `--json` contract. */
interface NriClassJson {
  n: number;
  up: number;
  down: number;
  nri: number;
  se: number;
  ci: Ci;
}

/** Wald interval estimate ± z·SE at the --level (print.improveProb's 95% intervals at the default). */
interface Ci {
  lower: number | null;
  upper: number | null;
  level: number;
}

/** An NRI in the `--json` contract: `events`/`nonEvents` are the components, their counts in `eventsDetail`/`nonEventsDetail`. */
interface NriJson {
  nri: number;
  se: number;
  z: number | null;
  p: number | null;
  ci: Ci;
  events: number;
  nonEvents: number;
  eventsDetail: NriClassJson;
  nonEventsDetail: NriClassJson;
}

/**
 * `reclassification` of `radval evaluate --prob NEW --prob2 COMPARATOR --json`
 * (a public contract). Every index reads from the comparator (--prob2) to the
 * new model (--prob), as Hmisc::improveProb(x1 = comparator, x2 = new).
 */
export interface ReclassificationJson {
  direction: string;
  continuousNri: NriJson;
  categoricalNri?: NriJson & {
    cutoffs: number[];
    /** Category labels; table rows = comparator's category, columns = new model's. */
    table: { categories: string[]; events: number[][]; nonEvents: number[][] };
  };
  idi: { idi: number; se: number | null; z: number | null; p: number | null; ci: Ci; slopeComparator: number; slopeModel: number };
  brier: { comparator: number; model: number; difference: number; se: number | null; z: number | null; p: number | null; ci: Ci };
  /** NB(new) − NB(comparator) at each decision-curve threshold. */
  netBenefitDifference: { threshold: number; netBenefit: number; netBenefit2: number; difference: number }[];
}

function wald(estimate: number, se: number | null, level: number): Ci {
  if (se === null) return { lower: null, upper: null, level };
  const q = normalQuantile(1 - (1 - level) / 2);
  return { lower: estimate - q * se, upper: estimate + q * se, level };
}

function classJson(c: NriClass, level: number): NriClassJson {
  return { n: c.n, up: c.up, down: c.down, nri: c.nri, se: c.se, ci: wald(c.nri, c.se, level) };
}

function nriJson(r: Nri, level: number): NriJson {
  return {
    nri: r.nri, se: r.se, z: r.z, p: r.p, ci: wald(r.nri, r.se, level),
    events: r.events.nri, nonEvents: r.nonEvents.nri, eventsDetail: classJson(r.events, level), nonEventsDetail: classJson(r.nonEvents, level),
  };
}

function categoryLabels(cutoffs: readonly number[]): string[] {
  const edges = [0, ...cutoffs, 1];
  return edges.slice(0, -1).map((lo, k) => (k === cutoffs.length ? `[${lo}, 1]` : `[${lo}, ${edges[k + 1]})`));
}

/** Parses `--risk-cutoffs 0.1,0.3,0.6` (increasing, strictly inside (0, 1)). */
export function riskCutoffsOption(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(",").map((s) => Number(s.trim()));
  const ok = list.length > 0 && list.every((c, k) => c > 0 && c < 1 && (k === 0 || c > list[k - 1]!));
  if (!ok) {
    throw new RadvalError("INVALID_OPTION", `risk cut-offs must be increasing numbers strictly between 0 and 1, got "${value}"`, {
      where: { option: "--risk-cutoffs" },
      hint: "Example: --risk-cutoffs 0.1,0.3,0.6 (categories [0, 0.1), [0.1, 0.3), [0.3, 0.6), [0.6, 1]).",
    });
  }
  return list;
}

/** Adds `--risk-cutoffs` to `radval evaluate`. */
export function addReclassificationOptions(command: Command): void {
  command.option("--risk-cutoffs <list>", "with --prob2: risk categories for the categorical NRI, e.g. 0.1,0.3,0.6");
}

/**
 * The reclassification block of `radval evaluate` with `--prob2`: continuous
 * NRI, categorical NRI (with cut-offs) and IDI with SE, z and p, ΔBrier, and
 * the net-benefit difference at each threshold, all from `comparator` to `model`.
 */
export function reclassificationJson(truth: Float64Array, model: Float64Array, comparator: Float64Array, options: { cutoffs?: readonly number[]; thresholds: Float64Array; level?: number }): ReclassificationJson {
  const level = options.level ?? 0.95;
  const r = reclassification(truth, comparator, model, options.cutoffs ? { cutoffs: options.cutoffs } : {});
  const b: BrierDifference = brierDifference(truth, comparator, model);
  const nb: NetBenefitChange[] = netBenefitChange(truth, comparator, model, { thresholds: options.thresholds });
  const out: ReclassificationJson = {
    direction: "from --prob2 (comparator) to --prob (new model)",
    continuousNri: nriJson(r.continuousNri, level),
    idi: { idi: r.idi.idi, se: r.idi.se, z: r.idi.z, p: r.idi.p, ci: wald(r.idi.idi, r.idi.se, level), slopeComparator: r.idi.slopeOld, slopeModel: r.idi.slopeNew },
    brier: { comparator: b.brierComparator, model: b.brierModel, difference: b.difference, se: b.se, z: b.z, p: b.p, ci: wald(b.difference, b.se, level) },
    netBenefitDifference: nb.map((x) => ({ threshold: x.threshold, netBenefit: x.netBenefitModel, netBenefit2: x.netBenefitComparator, difference: x.difference })),
  };
  const k = r.categoricalNri;
  if (k) {
    out.categoricalNri = {
      ...nriJson(k, level),
      cutoffs: [...k.cutoffs!],
      table: { categories: categoryLabels(k.cutoffs!), events: k.table!.events, nonEvents: k.table!.nonEvents },
    };
  }
  return out;
}

/** Human-readable reclassification summary (`names` = [new model, comparator]). */
export function formatReclassification(r: ReclassificationJson, names: readonly string[]): string {
  const [model, comparator] = names;
  const rows: string[][] = [];
  const ci = (c: Ci): string => `${formatNumber(c.lower)} to ${formatNumber(c.upper)}`;
  const nriRow = (label: string, x: NriJson): void => {
    rows.push([label, formatNumber(x.nri), ci(x.ci), formatNumber(x.se), formatNumber(x.z), formatNumber(x.p), formatNumber(x.events), formatNumber(x.nonEvents)]);
  };
  nriRow("continuous NRI", r.continuousNri);
  if (r.categoricalNri) nriRow(`categorical NRI (${r.categoricalNri.cutoffs.join(", ")})`, r.categoricalNri);
  rows.push(["IDI", formatNumber(r.idi.idi), ci(r.idi.ci), formatNumber(r.idi.se), formatNumber(r.idi.z), formatNumber(r.idi.p), "", ""]);
  rows.push(["ΔBrier", formatNumber(r.brier.difference), ci(r.brier.ci), formatNumber(r.brier.se), formatNumber(r.brier.z), formatNumber(r.brier.p), "", ""]);
  const parts = [`\nReclassification from ${comparator} (comparator) to ${model} (new model); Hmisc::improveProb(x1 = ${comparator}, x2 = ${model})\n`];
  const level = `${Math.round(100 * r.continuousNri.ci.level)}% CI`;
  parts.push(formatTable(["index", "estimate", level, "se", "z", "p", "events", "non-events"], rows));
  if (r.categoricalNri) {
    const { categories, events, nonEvents } = r.categoricalNri.table;
    for (const [label, t] of [["events", events], ["non-events", nonEvents]] as const) {
      parts.push(`\nRisk categories of ${label} (rows ${comparator}, columns ${model})\n`);
      parts.push(formatTable(["", ...categories], t.map((row, a) => [categories[a]!, ...row.map(String)])));
    }
  }
  const nb = r.netBenefitDifference;
  const shown = nb.length > 20 ? nb.filter((_, k) => (k + 1) % 5 === 0) : nb;
  parts.push(`\nNet-benefit difference ${model} − ${comparator}${shown.length < nb.length ? " (every 5th threshold; --json for all)" : ""}\n`);
  parts.push(formatTable(["threshold", `NB ${model}`, `NB ${comparator}`, "difference"], shown.map((x) => [formatNumber(x.threshold), formatNumber(x.netBenefit), formatNumber(x.netBenefit2), formatNumber(x.difference)])));
  return parts.join("");
}
