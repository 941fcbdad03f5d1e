import type { Report } from "../model.js";
import type { StudyResults } from "../results.js";

/**
 * The JSON report: the report model (checklist with statuses and content,
 * checks, sample-size assessment, tables, chart specs) together with the
 * full results it was built from, so every number is in one file.
 */
export function renderJson(report: Report, results: StudyResults): string {
  return `${JSON.stringify({ format: "radval-report-json", reportVersion: report.reportVersion, report, results }, null, 2)}\n`;
}
