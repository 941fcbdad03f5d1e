import { RadvalError } from "../../core/errors.js";
import type { VegaLiteSpec } from "../charts/common.js";

/**
 * Renders a Vega-Lite spec to an SVG string with vega's headless renderer
 * (`vegaLite.compile(spec).spec` → `new vega.View(vega.parse(…), { renderer:
 * "none" })` → `view.toSVG()`): no canvas package, no DOM. vega and vega-lite
 * are loaded with a dynamic `import()` here so that importing radval never
 * loads them (vega-canvas has a top-level await, which would stop CommonJS
 * hosts such as tslab from `require`-ing radval). Works in Node and browsers.
 * Vega-Lite's compile warnings go to `options.onWarning` (default: dropped,
 * so the CLI's output stays clean; radval's chart tests assert there are none).
 */
export async function renderSvg(spec: VegaLiteSpec, options: { onWarning?: (message: string) => void } = {}): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  let view: InstanceType<typeof vega.View> | undefined;
  const warn = (...args: unknown[]) => options.onWarning?.(args.map(String).join(" "));
  const logger = vega.logger(vega.Warn);
  logger.warn = (...args: readonly unknown[]) => {
    warn(...args);
    return logger;
  };
  try {
    const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0], { logger }).spec;
    view = new vega.View(vega.parse(compiled), { renderer: "none", logger });
    return await view.toSVG();
  } catch (e) {
    const title = typeof spec["title"] === "object" && spec["title"] !== null ? String((spec["title"] as { text?: unknown }).text ?? "") : "";
    throw new RadvalError("RENDER_FAILED", `could not render the chart${title ? ` "${title}"` : ""} to SVG: ${(e as Error).message}`, {
      hint: "This is a bug in the chart spec; please report it with the results file.",
    });
  } finally {
    view?.finalize();
  }
}
