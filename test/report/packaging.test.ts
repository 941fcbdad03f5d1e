// The packaging constraint: CommonJS hosts (tslab notebooks compile to CJS) can `require` radval only
// when no module in its static import graph has a top-level await; vega-canvas has one. So vega and
// vega-lite must be loaded with a dynamic import() inside renderSvg, never statically.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const node = (code: string) => spawnSync(process.execPath, ["-e", code], { cwd: root, encoding: "utf8" });

describe("packaging (built dist/)", () => {
  it("vega itself cannot be required from CommonJS (why the constraint exists)", () => {
    expect(node('require("vega")').status).not.toBe(0);
  });

  it("the main entry and radval/report can be required from CommonJS and still render SVG", () => {
    const r = node(`
      const main = require("./dist/index.js");
      const report = require("./dist/report/index.js");
      if (typeof main.buildReport !== "function" || typeof main.rocChart !== "function") throw new Error("missing exports");
      const spec = report.iccChart({ measure: "ICC", cut: 0.75, rule: "estimate", sourceFile: null, nCases: null, nRaters: null,
        features: [{ feature: "a", value: 0.8, lower: null, upper: null, band: "good", kept: true }] });
      report.renderSvg(spec).then((svg) => console.log(svg.startsWith("<svg") ? "svg ok" : "no svg"));
    `);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe("svg ok");
  });

  it("package.json exports radval/report", async () => {
    const pkg = (await import("../../package.json", { with: { type: "json" } })).default;
    expect(pkg.exports["./report"]).toEqual({ types: "./dist/report/index.d.ts", import: "./dist/report/index.js", default: "./dist/report/index.js" });
  });
});
