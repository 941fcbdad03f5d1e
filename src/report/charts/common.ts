/**
 * A Vega-Lite specification as plain JSON (v6 schema). Chart builders return
 * these; they import nothing from vega, so they run anywhere and can be
 * rendered by vega-embed, vega's headless View or any Vega-Lite host
 * (Observable, Jupyter).
 */
export interface VegaLiteSpec {
  readonly $schema: string;
  readonly [key: string]: unknown;
}

/** The `$schema` every radval chart declares (a name only: nothing fetches it). */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** Shared look: readable fonts, no chart border, print-friendly white background. */
export const CHART_CONFIG = {
  background: "white",
  font: "Helvetica, Arial, sans-serif",
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridOpacity: 0.4, labelLimit: 0, titleLimit: 0 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0, titleLimit: 0 },
  title: { fontSize: 14, anchor: "start", limit: 0, subtitleFontSize: 11 },
  header: { labelLimit: 0, titleLimit: 0 },
} as const;

/** Rounds for chart data so specs stay small and snapshots stable (12 significant digits; −0 becomes 0). */
export function round(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) + 0 : x;
}

/**
 * A number for a person to read: `digits` significant digits (default 3),
 * no trailing zeros, integers as they are ("0.009955599586962087" → "0.00996",
 * 1234.5 → "1235", 12 → "12"). JSON output keeps full precision; this is for
 * prose, table cells and chart text.
 */
export function sig(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  if (Math.abs(x) >= 10 ** digits) return String(Math.round(x));
  return String(Number(x.toPrecision(digits)) + 0);
}

/** "0.812 (0.771–0.853)" for a point estimate with optional bounds. */
export function formatEstimate(estimate: number | null, lower: number | null, upper: number | null, digits = 3): string {
  if (estimate === null) return "—";
  const e = estimate.toFixed(digits);
  return lower !== null && upper !== null ? `${e} (${lower.toFixed(digits)}${lower < 0 || upper < 0 ? " to " : "–"}${upper.toFixed(digits)})` : e;
}

/**
 * Breaks text into lines of at most `width` characters at spaces (a word longer
 * than the width stays whole), so chart titles and subtitles wrap instead of
 * widening the chart or being cut. Returns the text itself when it fits.
 */
export function wrapText(text: string, width = 72): string | string[] {
  if (text.length <= width) return text;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Wraps layers / concatenations into a top-level spec with the schema, title and config (title and subtitle wrapped at 72 characters). */
export function topLevel(title: string, body: Record<string, unknown>, subtitle?: string): VegaLiteSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: subtitle === undefined ? { text: wrapText(title) } : { text: wrapText(title), subtitle: wrapText(subtitle, 90) },
    ...body,
    config: CHART_CONFIG,
  };
}

/** The y = x reference line of ROC and calibration plots. */
export function diagonalLayer(): Record<string, unknown> {
  return {
    data: { values: [{ x: 0, y: 0, x2: 1, y2: 1 }] },
    mark: { type: "rule", color: "#999999", strokeDash: [4, 4] },
    encoding: {
      x: { field: "x", type: "quantitative" },
      y: { field: "y", type: "quantitative" },
      x2: { field: "x2" },
      y2: { field: "y2" },
    },
  };
}
