// `radval combat` against neuroCombat: test/fixtures/combat_multisite.json (neuroCombat at commit ac82a06 on the first
// 12 features of examples/multisite.csv; generated outside the repository, see its meta). The same check runs from
// the shared contract checker (check-cli-contracts.py combat).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFixture } from "../helpers.js";
import { cli } from "./runCli.js";

const ref = loadFixture("combat_multisite.json");
const file = new URL("../../examples/multisite.csv", import.meta.url).pathname;
const base = ["combat", file, "--id", "id", "--batch", "site", "--features", ref.features.join(",")];

function worstRel(got: number[][], want: number[][]): number {
  let w = 0;
  want.forEach((row, i) => row.forEach((v, j) => (w = Math.max(w, Math.abs(got[i]![j]! - v) / (Math.abs(v) + 1e-6)))));
  return w;
}

describe("radval combat", () => {
  for (const [name, extra] of [
    ["eb_parametric", []],
    ["eb_parametric_protect_outcome", ["--covariates", "outcome"]],
    ["mean_only", ["--mean-only"]],
    ["no_eb", ["--no-eb"]],
    ["ref_batch_A", ["--ref-batch", "A"]],
  ] as const) {
    it(`--json matches neuroCombat: ${name}`, async () => {
      const r = await cli(...base, ...extra, "--json");
      expect(r.code).toBe(0);
      const o = JSON.parse(r.stdout);
      expect(o.features).toEqual(ref.features);
      expect(o.batches).toEqual(["A", "B", "C", "D"]);
      expect(worstRel(o.harmonized, ref.cases[name].harmonized)).toBeLessThan(1e-4); // tolerance 1e-4 relative (fixtures README: float32 reference)
      expect(worstRel(o.gammaStar, ref.cases[name].gamma_star)).toBeLessThan(1e-4); // tolerance 1e-4 relative
      expect(worstRel(o.deltaStar, ref.cases[name].delta_star)).toBeLessThan(1e-4); // tolerance 1e-4 relative
    });
  }

  it("--nonparametric runs and --out writes the table with harmonised features", async () => {
    const dir = mkdtempSync(join(tmpdir(), "radval-combat-"));
    const out = join(dir, "h.csv");
    const r = await cli(...base, "--nonparametric", "--out", out, "--json");
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.empiricalBayes).toBe("non-parametric");
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines.length).toBe(601);
    const header = lines[0]!.split(",");
    const first = lines[1]!.split(",");
    expect(first[header.indexOf("site")]).toBe("A");
    expect(Number(first[header.indexOf(ref.features[0])])).toBe(o.harmonized[0][0]);
    expect(o.separating.after).toBeLessThan(o.separating.before);
  });

  it("human output names the sites and the separating-feature counts", async () => {
    const r = await cli(...base);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Features separating sites/);
    expect(r.stdout).toMatch(/^D\s+100/m);
  });

  it("bad input: unknown batch column, unknown reference site, missing covariate, covariate also a feature", async () => {
    let r = await cli("combat", file, "--batch", "centre", "--features", ref.features.join(","));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/UNKNOWN_COLUMN/);
    r = await cli(...base, "--ref-batch", "Z");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--ref-batch/);
    const dir = mkdtempSync(join(tmpdir(), "radval-combat-"));
    const bad = join(dir, "bad.csv");
    const text = readFileSync(file, "utf8").split("\n");
    const cells = text[3]!.split(",");
    cells[3] = "";
    text[3] = cells.join(",");
    writeFileSync(bad, text.join("\n"));
    r = await cli("combat", bad, "--batch", "site", "--features", ref.features.join(","), "--covariates", "outcome");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/MISSING_VALUES.*line 4/);
    r = await cli(...base, "--covariates", ref.features[0]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/both a feature and a covariate/);
  });
});
