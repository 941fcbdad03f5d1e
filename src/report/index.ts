/**
 * radval/report: the TRIPOD+AI report — results contract, report model,
 * automatic checks, Vega-Lite chart builders and the renderers (JSON,
 * Markdown with SVG charts, self-contained HTML). Isomorphic: SVG rendering
 * loads vega with a dynamic import only when called. File writing is in
 * `radval/node` (`writeReport`, `readResultsFile`, `loadVegaScripts`).
 * @packageDocumentation
 */
export * from "./charts/index.js";
export { RESULTS_SCHEMA_VERSION } from "./results.js";
export type * from "./results.js";
export { studyResultsSchema, parseStudyResults, formatIssuePath } from "./resultsSchema.js";
export { TRIPOD_AI_ITEMS, TRIPOD_2015_ITEMS, type TripodItemDef, type Tripod2015ItemDef, type RadvalCoverage } from "./tripodItems.js";
export { buildChecklist, buildTripod2015 } from "./tripod.js";
export {
  computeFlags,
  assessSampleSize,
  anticipatedR2,
  developmentCohort,
  primaryModelId,
  type FlagReport,
  type FlagOptions,
  type ReportCheck,
  type CheckStatus,
  type SampleSizeAssessment,
  type R2Source,
} from "./flags.js";
export { rileySampleSize, rileyAtN, type RileyInput, type RileySampleSize, type RileyAtN } from "./riley.js";
export type { Report, ReportTable, ReportChart, ChecklistEntry, Tripod2015Entry, ItemStatus, TableCell } from "./model.js";
export { buildReport, type BuildReportOptions } from "./report.js";
export { buildTables } from "./tables.js";
export { buildCharts } from "./reportCharts.js";
export { renderJson, formatJson } from "./render/json.js";
export { renderMarkdown, renderMarkdownWithCharts, type MarkdownOptions, type RenderedFile } from "./render/markdown.js";
export { renderHtml, renderHtmlWithCharts, inlineSvg, inlineScript, scriptJson, type HtmlOptions, type VegaScripts } from "./render/html.js";
export { renderSvg } from "./render/svg.js";
