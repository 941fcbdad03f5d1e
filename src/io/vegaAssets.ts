import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { RadvalError } from "../core/errors.js";
import type { VegaScripts } from "../report/render/html.js";

const require = createRequire(import.meta.url);

/** Directory of an installed package (walks up from its resolved entry to its package.json). */
function packageDir(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === name) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json of ${name} not found`);
    dir = parent;
  }
}

/** Reads a package's minified browser build (its `unpkg` / `jsdelivr` field, e.g. build/vega.min.js). */
function browserBuild(name: string): string {
  try {
    const dir = packageDir(name);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { unpkg?: string; jsdelivr?: string };
    const file = manifest.unpkg ?? manifest.jsdelivr;
    if (!file) throw new Error(`${name}'s package.json names no browser build (unpkg)`);
    return readFileSync(join(dir, file), "utf8");
  } catch (e) {
    throw new RadvalError("FILE_NOT_FOUND", `cannot read the browser build of ${name}: ${(e as Error).message}`, {
      hint: "Run npm install: the HTML report inlines vega, vega-lite and vega-embed from node_modules.",
    });
  }
}

/**
 * The minified UMD builds of vega, vega-lite and vega-embed read from
 * node_modules (build/vega.min.js, build/vega-lite.min.js,
 * build/vega-embed.min.js: each package's `unpkg` field), for inlining into
 * the self-contained HTML report (~0.8 MB together; read on every call).
 */
export function loadVegaScripts(): VegaScripts {
  return { vega: browserBuild("vega"), vegaLite: browserBuild("vega-lite"), vegaEmbed: browserBuild("vega-embed") };
}
