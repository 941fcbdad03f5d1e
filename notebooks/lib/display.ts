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

/** The Vega-Lite schema JupyterLab's and Notebook 7's built-in renderer (Vega-Lite 5) accepts without a warning. */
export const JUPYTER_VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** The MIME bundle of one chart output: Vega-Lite (interactive), its SVG (static) and a text line. */
export interface ChartBundle {
  readonly "application/vnd.vegalite.v5+json": VegaLiteSpec;
  readonly "image/svg+xml": string;
  readonly "text/plain": string;
}

/** Title text of a spec ("Vega-Lite chart" when it has none). */
function titleOf(spec: VegaLiteSpec): string {
  const t = spec["title"] as unknown;
  const text = typeof t === "string" || Array.isArray(t) ? t : t && typeof t === "object" ? (t as { text?: unknown }).text : undefined;
  return Array.isArray(text) ? text.join(" ") : typeof text === "string" ? text : "Vega-Lite chart";
}

/**
 * Renders a Vega-Lite spec to SVG in Node (vega-lite compile → vega View with
 * renderer "none" → toSVG), so a broken spec fails the cell even when run
 * headless, and returns the chart's MIME bundle: the spec under
 * `application/vnd.vegalite.v5+json` with the v5 `$schema` (JupyterLab,
 * Notebook 7 and VS Code draw it interactively), the SVG under
 * `image/svg+xml` (what `jupyter nbconvert --to html`, GitHub and nbviewer
 * show) and a `text/plain` line (terminals, plain-text viewers).
 */
export async function chartBundle(spec: VegaLiteSpec): Promise<ChartBundle> {
  const vl = await esmImport("vega-lite");
  const vega = await esmImport("vega");
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  const svg: string = await view.toSVG();
  view.finalize();
  if (!/<path|<rect|<line|<circle|<text/.test(svg)) throw new Error("the chart rendered no marks");
  return {
    "application/vnd.vegalite.v5+json": { ...spec, $schema: JUPYTER_VEGA_LITE_SCHEMA },
    "image/svg+xml": svg,
    "text/plain": `<${titleOf(spec)}: Vega-Lite chart (open in JupyterLab for the interactive chart; static SVG alongside)>`,
  };
}

/**
 * Displays a Vega-Lite spec as one output carrying three representations
 * ({@link chartBundle}): front ends pick the richest they can draw. `{ as:
 * "svg" }` displays the SVG only.
 */
export async function showVegaLite(spec: VegaLiteSpec, options: { as?: "vega-lite" | "svg" } = {}): Promise<void> {
  const bundle = await chartBundle(spec);
  if (options.as === "svg") {
    display.svg(bundle["image/svg+xml"]);
    return;
  }
  // tslab's display.raw sends one MIME type per output; a bundle goes through the kernel's display writer.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const kernel: { lastWriteDisplayData: ((data: unknown, update: boolean) => void) | null } = require("tslab/dist/jupyter");
  if (!kernel.lastWriteDisplayData) throw new Error("showVegaLite must run inside a tslab kernel");
  kernel.lastWriteDisplayData({ data: bundle, metadata: {}, transient: {} }, false);
}
