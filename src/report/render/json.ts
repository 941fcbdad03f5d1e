import type { Report } from "../model.js";
import type { StudyResults } from "../results.js";

/**
 * JSON for files people also read and diff: indented like
 * `JSON.stringify(value, null, 2)`, except that any object or array whose
 * one-line form fits in `width` characters, and any array of numbers or
 * strings, stays on one line (one ROC point, decision-curve row or
 * coefficient vector per line). Parses back to exactly the same value;
 * about half the size of the fully indented form for chart and curve data.
 */
export function formatJson(value: unknown, width = 100): string {
  const plain: unknown = JSON.parse(JSON.stringify(value) ?? "null"); // applies toJSON, drops undefined and functions
  const format = (v: unknown, indent: string): string => {
    const flat = JSON.stringify(v);
    if (v === null || typeof v !== "object" || flat.length <= width) return flat;
    if (Array.isArray(v) && v.every((x) => x === null || typeof x !== "object")) return flat;
    const inner = `${indent}  `;
    if (Array.isArray(v)) return `[\n${v.map((x) => inner + format(x, inner)).join(",\n")}\n${indent}]`;
    const entries = Object.entries(v as Record<string, unknown>);
    return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${format(x, inner)}`).join(",\n")}\n${indent}}`;
  };
  return format(plain, "");
}

/**
 * The JSON report: the report model (checklist with statuses and content,
 * checks, sample-size assessment, tables, chart specs) together with the
 * full results it was built from, so every number is in one file.
 */
export function renderJson(report: Report, results: StudyResults): string {
  return `${formatJson({ format: "radval-report-json", reportVersion: report.reportVersion, report, results })}\n`;
}
