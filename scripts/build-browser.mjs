// Builds the browser bundles with esbuild (run by `npm run build` after tsc):
//
//   dist/radval.browser.js   the isomorphic core (src/index.ts) as one ESM file        → "radval/browser"
//   dist/radval.examples.js  the bundled example CSVs + loadExample/loadLongExample    → "radval/browser/examples"
//                            (imports the core from ./radval.browser.js, so the two share one module instance
//                            and the core bundle stays small)
//
// Both are built for platform "browser". The build FAILS when a Node built-in (`fs`, `node:fs`, …) is reachable
// from either entry, whoever imports it: the isomorphic core must not depend on Node. The only exceptions are
// listed in GUARDED_NODE_IMPORTS below, each with the reason; they are replaced by a stub that throws if called.
import { builtinModules } from "node:module";
import { writeFileSync } from "node:fs";
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
 * Packages loaded on demand with a dynamic import and left to the page: vega and vega-lite are only needed to
 * render a chart to SVG (`renderSvg`, used in Node); in a page, charts are drawn by vega-embed from the
 * Vega-Lite specs, so the core bundle does not carry them (they would add ~1.4 MB).
 */
export const EXTERNAL_ON_DEMAND = ["vega", "vega-lite", "vega-embed"];

const common = {
  bundle: true,
  external: EXTERNAL_ON_DEMAND,
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
  { entryPoints: [`${root}src/index.ts`], outfile: `${dist}/radval.browser.js`, plugins: [noNodeBuiltins] },
  {
    entryPoints: [`${root}src/browser/examples.ts`],
    outfile: `${dist}/radval.examples.js`,
    loader: { ".csv": "text" },
    plugins: [noNodeBuiltins, coreAsSibling],
  },
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
