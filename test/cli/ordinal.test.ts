import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "./runCli.js";
import { loadFixture, relDiff } from "../helpers.js";
import { pbcRows } from "../ordinal/pbcData.js";

// Reference: ../shared/fixtures/fx_ordinal_pbc.R → test/fixtures/ordinal_pbc.json, block `mle` (ordinal::clm 2022.11-16).
const fx = loadFixture("ordinal_pbc.json");
const rows = pbcRows(fx.ids);
const dir = mkdtempSync(join(tmpdir(), "radval-ordinal-"));
const F = ["F1", "F2", "F3", "F4"];
const write = (name: string, stage: (r: Record<string, string>) => string, extra = "") => {
  const file = join(dir, name);
  writeFileSync(file, `id,stage,${fx.features.join(",")}${extra ? `,${extra}` : ""}\n${rows.map((r) => [r["id"], stage(r), ...fx.features.map((f: string) => r[f])].join(",")).join("\n")}\n`);
  return file;
};
const numeric = write("pbc_stage.csv", (r) => r["stage"]!);
const labelled = write("pbc_fstage.csv", (r) => F[Number(r["stage"]) - 1]!);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("radval ordinal", () => {
  it("--json: coefficients, zeta, SEs and deviance equal ordinal::clm's exact MLE", async () => {
    const r = await cli("ordinal", numeric, "--outcome", "stage", "--features", fx.features.join(","), "--json");
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.levels).toEqual(["1", "2", "3", "4"]);
    for (const f of fx.features) expect(relDiff(o.coefficients[f], fx.mle.coefficients[f])).toBeLessThan(1e-6); // tolerance 1e-6 rel
    for (const [k, v] of Object.entries(fx.mle.zeta)) expect(relDiff(o.zeta[k], v as number)).toBeLessThan(1e-6); // tolerance 1e-6 rel
    for (const [k, v] of Object.entries(fx.mle.std_errors)) expect(relDiff(o.stdErrors[k], v as number)).toBeLessThan(1e-6); // tolerance 1e-6 rel
    expect(relDiff(o.deviance, fx.mle.deviance)).toBeLessThan(1e-6); // tolerance 1e-6 rel
    expect(relDiff(o.aic, fx.mle.aic)).toBeLessThan(1e-6); // tolerance 1e-6 rel
  });

  it("orders F1 < … < F4 labels by their number, or by --levels, and names the cut-points by level", async () => {
    const r = await cli("ordinal", labelled, "--outcome", "stage", "--json", "--quiet");
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o.zeta)).toEqual(["F1|F2", "F2|F3", "F3|F4"]);
    expect(relDiff(o.zeta["F2|F3"], fx.mle.zeta["2|3"])).toBeLessThan(1e-6); // tolerance 1e-6 rel (all numeric columns but id = the 5 features)
    const h = await cli("ordinal", labelled, "--outcome", "stage", "--levels", "F1,F2,F3,F4");
    expect(h.code).toBe(0);
    expect(h.stdout).toContain("F1 < F2 < F3 < F4");
    expect(h.stdout).toContain("F3|F4");
  });

  it("errors: no outcome, unknown label, a level with no cases, unordered labels, missing outcome", async () => {
    const none = await cli("ordinal", numeric, "--features", "bili");
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain("--outcome");
    const unknown = await cli("ordinal", labelled, "--outcome", "stage", "--levels", "F1,F2,F3");
    expect(unknown.stderr).toContain('"F4" is not one of the levels');
    const empty = await cli("ordinal", labelled, "--outcome", "stage", "--levels", "F0,F1,F2,F3,F4");
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toContain('"F0" has no cases');
    const words = write("words.csv", (r) => ["none", "mild", "moderate", "severe"][Number(r["stage"]) - 1]!);
    const unordered = await cli("ordinal", words, "--outcome", "stage");
    expect(unordered.stderr).toContain("no natural order");
    const ok = await cli("ordinal", words, "--outcome", "stage", "--levels", "none,mild,moderate,severe", "--json");
    expect(relDiff(JSON.parse(ok.stdout).deviance, fx.mle.deviance)).toBeLessThan(1e-6); // tolerance 1e-6 rel
    const gap = write("gap.csv", (r) => (r["id"] === String(fx.ids[3]) ? "" : r["stage"]!));
    const missing = await cli("ordinal", gap, "--outcome", "stage");
    expect(missing.stderr).toContain("missing");
    const dropped = await cli("ordinal", gap, "--outcome", "stage", "--drop-missing-outcome", "--json");
    expect(JSON.parse(dropped.stdout).n).toBe(fx.n - 1);
  });
});
