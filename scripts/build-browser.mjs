// Builds the browser bundles with esbuild (run by `npm run build` after tsc):
//
//   dist/radval.browser.js   the isomorphic core (src/index.ts) as one ESM file        → "radval/browser"
//   dist/radval.examples.js  the bundled example CSVs + loadExample/loadLongExample    → "radval/browser/examples"
//                            (imports the core from ./radval.browser.js, so the two share one module instance
//                            and the core bundle stays small)
//   dist/radval.vega.js      vega and vega-lite, which renderSvg loads on demand: the core bundle imports them
//   dist/radval.vega-lite.js as "./radval.vega.js" / "./radval.vega-lite.js", relative to its own URL
//   dist/libsvm.wasm         libsvm-js's WebAssembly, which the libsvm engine fetches relative to the core
//                            bundle's URL (new URL("./libsvm.wasm", import.meta.url)), not the page's
//
// Every file is loaded relative to the bundle's own URL, so the dist/ folder can be served from anywhere — over
// HTTP: browsers refuse ES modules and fetch() from file:// pages.
//
// Both are built for platform "browser". The build FAILS when a Node built-in (`fs`, `node:fs`, …) is reachable
// from either entry, whoever imports it: the isomorphic core must not depend on Node. The only exceptions are
// listed in GUARDED_NODE_IMPORTS below, each with the reason; they are replaced by a stub that throws if called.
import { builtinModules } from "node:module";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { relative } from "node:path";
import * as esbuild from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = `${root}dist`;

/**
 * Node built-ins a package may import without failing the build, because it does so only behind a run-time
 * "am I in Node?" check. `importer` is matched against the importing file's path (relative to the repository).
 * Keep this list short and justified.
 */
const GUARDED_NODE_IMPORTS = [
  // libsvm-js is Emscripten output: `require("fs")`, `require("path")`, `require("crypto")` run only when
  // ENVIRONMENT_IS_NODE. (The SVM engine loads libsvm-js on demand.)
  { importer: /node_modules\/libsvm-js\//, modules: ["fs", "path", "crypto"] },
  // random-js (used by ml-random-forest) has a `nodeCrypto` engine that calls `require("crypto")` only when that
  // engine is used; radval seeds ml-random-forest with its own seed and never selects it.
  { importer: /node_modules\/random-js\//, modules: ["crypto"] },
];

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isBuiltin = (spec) => spec.startsWith("node:") || BUILTINS.has(spec) || BUILTINS.has(spec.split("/")[0]);

/** esbuild plugin: a reachable Node built-in is a build error naming the importer. */
const noNodeBuiltins = {
  name: "radval-no-node-builtins",
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === "radval-probe" || !isBuiltin(args.path)) return undefined;
      const importer = relative(root, args.importer);
      if (!args.path.startsWith("node:")) {
        // A bare "events" or "buffer" may be an installed npm package (a browser polyfill), or mapped away by
        // the importer's "browser" field: only what esbuild cannot resolve is Node's own built-in.
        const probe = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: "radval-probe" });
        if (probe.errors.length === 0) return undefined;
      }
      const bare = args.path.replace(/^node:/, "");
      if (GUARDED_NODE_IMPORTS.some((g) => g.importer.test(importer) && g.modules.includes(bare))) {
        return { path: bare, namespace: "radval-node-stub" };
      }
      return {
        errors: [
          {
            text: `Node built-in "${args.path}" is reachable from the browser bundle (imported by ${importer})`,
            notes: [{ text: "The isomorphic core (src/index.ts) must not depend on Node: move Node-only code to src/io, src/cli or radval/node." }],
          },
        ],
      };
    });
    build.onLoad({ filter: /.*/, namespace: "radval-node-stub" }, (args) => ({
      contents: `const fail = () => { throw new Error("Node built-in \\"${args.path}\\" is not available in the browser"); };\nexport default new Proxy({}, { get: () => fail });\n`,
      loader: "js",
    }));
  },
};

/** esbuild plugin for the examples bundle: `../index.js` (the core) stays an import of ./radval.browser.js. */
const coreAsSibling = {
  name: "radval-core-as-sibling",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) =>
      args.importer.endsWith(`${"src/browser/examples.ts"}`) ? { path: "./radval.browser.js", external: true } : undefined,
    );
  },
};

/**
 * Packages loaded on demand with a dynamic import: vega and vega-lite are only needed to render a chart to SVG
 * (`renderSvg`); in a page, charts are usually drawn by vega-embed from the Vega-Lite specs, so the core bundle
 * does not carry them (they would add ~1.4 MB) but imports them from sibling bundles, by a path relative to its
 * own URL (a bare "vega" would not resolve in a page without an import map).
 */
export const ON_DEMAND_BUNDLES = { vega: "./radval.vega.js", "vega-lite": "./radval.vega-lite.js" };

/** esbuild plugin: `import("vega")` / `import("vega-lite")` become imports of the sibling bundles. */
const vegaAsSiblings = {
  name: "radval-vega-as-siblings",
  setup(build) {
    build.onResolve({ filter: /^vega(-lite)?$/ }, (args) => (args.kind === "dynamic-import" ? { path: ON_DEMAND_BUNDLES[args.path], external: true } : undefined));
  },
};

/**
 * esbuild plugin: libsvm-js's Emscripten loader looks for libsvm.wasm next to a `<script src=…libsvm.js>` or,
 * failing that, at the page's URL (a 404 from any other page). In the bundle it is fetched relative to the
 * bundle's own URL instead (dist/libsvm.wasm, copied below): the CommonJS loader requires a small virtual ES module
 * holding `new URL("./libsvm.wasm", import.meta.url)` (import.meta cannot appear in the CommonJS file itself, which
 * esbuild would then treat as ESM). Bundlers such as Vite recognise that form and ship the file.
 */
const LIBSVM_WASM_URL = "radval:libsvm-wasm-url";
const libsvmWasmBesideBundle = {
  name: "radval-libsvm-wasm-beside-bundle",
  setup(build) {
    build.onLoad({ filter: /libsvm-js[\\/]out[\\/]wasm[\\/]libsvm\.js$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const from = 'wasmBinaryFile="libsvm.wasm"';
      if (!source.includes(from)) return { errors: [{ text: `libsvm-js changed: ${from} not found in ${args.path}` }] };
      return { contents: source.replace(from, `wasmBinaryFile=require("${LIBSVM_WASM_URL}").default`), loader: "js" };
    });
    // `import("libsvm-js")` of the CommonJS package would resolve to esbuild's CommonJS wrapper object, whose
    // prototype is that of module.exports — a Promise — so awaiting it calls Promise.prototype.then on a non-Promise
    // (TypeError). A small ES module re-exporting the package as its default makes the namespace a plain one.
    build.onResolve({ filter: /^libsvm-js(\/asm\.js)?$/ }, (args) =>
      args.kind === "dynamic-import" ? { path: args.path === "libsvm-js" ? "libsvm-js/wasm.js" : args.path, namespace: "radval-libsvm-entry" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "radval-libsvm-entry" }, (args) => ({ contents: `import svm from "${args.path}";\nexport default svm;\n`, loader: "js", resolveDir: root }));
    build.onResolve({ filter: /^radval:libsvm-wasm-url$/ }, () => ({ path: LIBSVM_WASM_URL, namespace: "radval-libsvm-wasm" }));
    build.onLoad({ filter: /.*/, namespace: "radval-libsvm-wasm" }, () => ({ contents: 'export default new URL("./libsvm.wasm", import.meta.url).href;\n', loader: "js" }));
  },
};

const common = {
  bundle: true,
  platform: "browser",
  format: "esm",
  target: "es2022",
  minify: true,
  keepNames: true,
  sourcemap: false,
  legalComments: "eof",
  logLevel: "warning",
  metafile: true,
};

const builds = [
  { entryPoints: [`${root}src/index.ts`], outfile: `${dist}/radval.browser.js`, plugins: [noNodeBuiltins, vegaAsSiblings, libsvmWasmBesideBundle] },
  {
    entryPoints: [`${root}src/browser/examples.ts`],
    outfile: `${dist}/radval.examples.js`,
    loader: { ".csv": "text" },
    plugins: [noNodeBuiltins, coreAsSibling],
  },
  ...Object.entries(ON_DEMAND_BUNDLES).map(([name, file]) => ({
    stdin: { contents: `export * from "${name}";`, resolveDir: root, sourcefile: `${name}-entry.js` },
    outfile: `${dist}/${file.slice(2)}`,
    plugins: [noNodeBuiltins],
  })),
];

try {
  for (const options of builds) {
    const result = await esbuild.build({ ...common, ...options });
    const bytes = Object.values(result.metafile.outputs).reduce((s, o) => s + o.bytes, 0);
    if (!process.env.CI_QUIET) console.log(`browser bundle: ${relative(root, options.outfile)} (${(bytes / 1024).toFixed(0)} KB)`);
  }
} catch {
  // esbuild has already printed the errors (with the importer) to stderr.
  process.exit(1);
}
copyFileSync(createRequire(import.meta.url).resolve("libsvm-js/out/wasm/libsvm.wasm"), `${dist}/libsvm.wasm`);

// Types: the core bundle has exactly the isomorphic API; the examples bundle's API is declared here.
writeFileSync(`${dist}/radval.browser.d.ts`, `export * from "./index.js";\n`);
writeFileSync(
  `${dist}/radval.examples.d.ts`,
  `import type { Dataset, LongTable, RoleSpec } from "./index.js";
/** The CSV text of every bundled example, by example name (as in \`EXAMPLES\`). */
export declare const EXAMPLE_CSV: Readonly<Record<string, string>>;
/** The CSV text of a bundled example. */
export declare function exampleText(name: string): string;
/** A bundled wide example as a Dataset with its default roles (as radval/node's loadExample). */
export declare function loadExample(name: string, roles?: RoleSpec): Dataset;
/** A bundled long example as per-feature case × rater matrices (as radval/node's loadLongExample). */
export declare function loadLongExample(name: string): LongTable;
`,
);
