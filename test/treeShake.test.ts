import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// The library entry must stay tree-shakeable ("sideEffects": false in package.json): a bundler that
// takes one statistic must not pull in the charts (vega / vega-lite), YAML, zod or the model engines.
describe("src/index.ts is tree-shakeable", () => {
  it("bundling `import { delongAuc } from \"radval\"` with esbuild pulls in no vega, yaml, zod or engines", async () => {
    const result = await build({
      stdin: { contents: 'import { delongAuc } from "radval";\nexport const f = delongAuc;', resolveDir: new URL("..", import.meta.url).pathname },
      alias: { radval: "./src/index.ts" },
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      external: ["fs", "path", "crypto", "node:*"],
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.text;
    expect(code).toContain("delongAuc");
    for (const heavy of ["vega", "yaml", "zod", "libsvm", "RandomForest", "papaparse"]) expect(code.toLowerCase()).not.toContain(heavy.toLowerCase());
    expect(code.length).toBeLessThan(60_000);
  }, 120_000);
});
