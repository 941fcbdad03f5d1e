import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkOutputDir, refreshManifest, verifyOutputSet, writeOutputSet } from "../../src/io/outputDir.js";

const info = { seed: 7, configHash: "abc", command: "radval run x.yaml", createdAt: null };

describe("writeOutputSet", () => {
  const root = mkdtempSync(join(tmpdir(), "radval-out-"));

  it("writes the set with a manifest last (sizes, SHA-256, seed, config hash) and replaces an earlier set whole", () => {
    const out = join(root, "run");
    writeOutputSet(out, [{ path: "results.json", content: "{}\n" }, { path: "report.md", content: "# r\n" }, { path: "charts/a.svg", content: "<svg/>" }], info);
    const written = writeOutputSet(out, [{ path: "results.json", content: '{"b":1}\n' }, { path: "report.html", content: "<html></html>" }], info);
    expect(written.map((p) => p.slice(out.length + 1))).toEqual(["results.json", "report.html", "manifest.json"]);
    // no stale report.md or charts/ from the first run
    expect(existsSync(join(out, "report.md"))).toBe(false);
    expect(existsSync(join(out, "charts"))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ radvalManifest: 1, seed: 7, configHash: "abc" });
    expect(manifest.files[0]).toEqual({ path: "results.json", bytes: 8, sha256: createHash("sha256").update('{"b":1}\n').digest("hex") });
    expect(verifyOutputSet(out)).toBe(true);
    writeFileSync(join(out, "report.html"), "<html>truncated");
    expect(verifyOutputSet(out)).toBe(false);
  });

  it("a report rewritten into a run's folder (radval report) updates the manifest, which stays true", () => {
    const out = join(root, "rewritten");
    writeOutputSet(out, [{ path: "results.json", content: "{}\n" }, { path: "report.html", content: "<html>1</html>" }], info);
    writeFileSync(join(out, "report.html"), "<html>2</html>");
    expect(verifyOutputSet(out)).toBe(false); // stale without the refresh
    mkdirSync(join(out, "charts"), { recursive: true });
    writeFileSync(join(out, "charts", "roc.svg"), "<svg/>");
    refreshManifest(out, [join(out, "report.html"), join(out, "charts", "roc.svg")]);
    expect(verifyOutputSet(out)).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(["results.json", "report.html", "charts/roc.svg"]);
    expect(manifest.seed).toBe(7);
  });

  it("refuses an --out that holds files radval did not write, and one it cannot create, before anything is computed", () => {
    const mine = join(root, "mine");
    mkdirSync(mine);
    writeFileSync(join(mine, "thesis.docx"), "x");
    expect(() => checkOutputDir(mine)).toThrow(/holds files radval did not write \(thesis\.docx\)/);
    const file = join(root, "a-file");
    writeFileSync(file, "x");
    expect(() => checkOutputDir(join(file, "out"))).toThrow(/cannot write into/);
    expect(() => checkOutputDir(file)).toThrow(/exists and is not a directory/);
  });

  it("a failure while writing leaves the earlier output unchanged and no temporary directory", () => {
    const out = join(root, "keep");
    writeOutputSet(out, [{ path: "results.json", content: "old\n" }], info);
    // a file path that cannot be created (a directory component is an existing file) fails midway
    expect(() => writeOutputSet(out, [{ path: "results.json", content: "new\n" }, { path: "results.json/x", content: "boom" }], info)).toThrow(/earlier output, if any, is unchanged/);
    expect(readFileSync(join(out, "results.json"), "utf8")).toBe("old\n");
    expect(verifyOutputSet(out)).toBe(true);
    expect(readFileSync(join(out, "manifest.json"), "utf8")).toContain("results.json");
    expect(readdirSync(root).filter((n: string) => n.includes("radval-tmp"))).toEqual([]);
  });
});
