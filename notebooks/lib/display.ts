/**
 * Display helpers shared by the tslab notebooks in this folder:
 *   import { showTable, showVegaLite } from "./lib/display";
 * (tslab compiles this file along with the cell that imports it.)
 */
import { display } from "tslab";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const esmImport: (specifier: string) => Promise<any> = require("../esm-import.cjs");

/** A Vega-Lite spec as plain JSON (hand-written or from radval's report builders). */
export type VegaLiteSpec = Record<string, unknown>;

export type Cell = string | number | boolean | null | undefined;

function formatCell(value: Cell, digits: number): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(digits);
  return String(value);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Shows rows as an HTML table (numbers rounded to `digits`, default 3). */
export function showTable(rows: ReadonlyArray<Readonly<Record<string, Cell>>>, options: { columns?: readonly string[]; digits?: number } = {}): void {
  const columns = options.columns ?? Object.keys(rows[0] ?? {});
  const digits = options.digits ?? 3;
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const body = rows
    .map((row) => `<tr>${columns.map((c) => `<td style="text-align:${typeof row[c] === "number" ? "right" : "left"}">${escapeHtml(formatCell(row[c], digits))}</td>`).join("")}</tr>`)
    .join("\n");
  display.html(`<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`);
}

/**
 * Renders a Vega-Lite spec to SVG in Node first (vega-lite compile → vega
 * View with renderer "none" → toSVG), so a broken spec fails the cell even
 * when run headless, then displays it inline as a Vega-Lite MIME bundle
 * (`application/vnd.vegalite.v5+json`, which JupyterLab, Notebook 7 and VS
 * Code render). `{ as: "svg" }` displays the SVG instead, for front ends
 * without a Vega renderer.
 */
export async function showVegaLite(spec: VegaLiteSpec, options: { as?: "vega-lite" | "svg" } = {}): Promise<void> {
  const vl = await esmImport("vega-lite");
  const vega = await esmImport("vega");
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  const svg: string = await view.toSVG();
  view.finalize();
  if (!/<path|<rect|<line|<circle|<text/.test(svg)) throw new Error("the chart rendered no marks");
  if (options.as === "svg") display.svg(svg);
  // display.raw is typed for strings; a JSON MIME type takes the object itself.
  else display.raw("application/vnd.vegalite.v5+json", spec as unknown as string);
}
