import { RADVAL_VERSION } from "../version.js";
import { type FlagOptions, computeFlags } from "./flags.js";
import type { ItemStatus, Report } from "./model.js";
import { keyResults } from "./keyResults.js";
import { buildNomograms } from "./nomograms.js";
import { buildCharts } from "./reportCharts.js";
import type { StudyResults } from "./results.js";
import { buildTables } from "./tables.js";
import { buildChecklist, buildTripod2015 } from "./tripod.js";
import { ITEM_FILLERS } from "./tripodContent.js";

/** Options of {@link buildReport}. */
export interface BuildReportOptions {
  /** Thresholds of the automatic checks. */
  readonly flags?: FlagOptions;
}

/**
 * Builds the report model from validated study results: the TRIPOD+AI
 * checklist with per-item status and content, the TRIPOD 2015 view, the
 * automatic checks (EPP, Riley criteria, calibration slope, AUC precision,
 * case mix), every table and every chart (Vega-Lite specs), the nomograms
 * and risk calculators of linear final models. Pure: no I/O, no
 * vega; render it with `renderMarkdown`, `renderHtml` or `renderJson`.
 */
export function buildReport(results: StudyResults, options: BuildReportOptions = {}): Report {
  const flags = computeFlags(results, options.flags);
  const nomograms = buildNomograms(results);
  const tables = [...buildTables(results), ...nomograms.tables];
  const charts = [...buildCharts(results), ...nomograms.charts];
  const ctx = { results, flags, tables, charts };
  const checklist = buildChecklist(ctx);
  const statusCounts: Record<ItemStatus, number> = { filled: 0, partial: 0, author: 0, missing: 0 };
  for (const e of checklist) statusCounts[e.status]++;
  const summary = [...ITEM_FILLERS["2"]!(ctx).radval];
  const flagged = flags.checks.filter((c) => c.status === "flag");
  summary.push(flagged.length ? `${flagged.length} automatic check${flagged.length > 1 ? "s" : ""} not passed: ${[...new Set(flagged.map((c) => c.title))].join("; ")}.` : "Every automatic check passed.");
  return {
    format: "radval-report",
    reportVersion: 1,
    title: results.study.title ?? "Prediction model study (title missing: add study.title to the config)",
    radvalVersion: RADVAL_VERSION,
    seed: results.software.seed,
    configHash: results.software.configHash,
    createdAt: results.createdAt,
    summary,
    keyResults: keyResults(results, flags),
    statusCounts,
    checklist,
    tripod2015: buildTripod2015(checklist),
    checks: flags.checks,
    sampleSize: flags.sampleSize,
    tables,
    charts,
    calculators: nomograms.calculators,
  };
}
