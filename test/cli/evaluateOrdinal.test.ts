import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "./runCli.js";
import { loadFixture } from "../helpers.js";
import { pbcRows } from "../ordinal/pbcData.js";

// References: ../shared/fixtures/fx_ordinal_pbc.R → test/fixtures/ordinal_pbc.json (pROC 1.18 DeLong, Obuchowski's index as
// the fixtures README derives it, vcd 1.4-11 Kappa ASE = Fleiss–Cohen–Everitt 1969). PBC stage 1–4, trial cohort (308).
const fx = loadFixture("ordinal_pbc.json");
const rows = pbcRows(fx.ids);
const dir = mkdtempSync(join(tmpdir(), "radval-evaluate-ordinal-"));
const file = join(dir, "pred.csv");
const P = fx.mle.fitted_probabilities as number[][];
writeFileSync(
  file,
  `id,stage,marker,lp,predicted,p1,p2,p3,p4\n${rows
    .map((r, i) => [r["id"], r["stage"], r[fx.marker], fx.mle.lp[i], fx.mle.predicted_class[i], ...P[i]!].join(","))
    .join("\n")}\n`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const KEYS: Record<string, string> = { ">=2": "ge2", ">=3": "ge3", "==4": "eq4" };

describe("radval evaluate --ordinal", () => {
  for (const score of ["marker", "lp"]) {
    it(`--score ${score}: per-cut-off DeLong AUCs, Obuchowski's index and FCE kappa match R`, async () => {
      const r = await cli("evaluate", file, "--outcome", "stage", "--ordinal", "--cutoffs", ">=2,>=3,==4", "--score", score, "--predicted", "predicted", "--json");
      expect(r.code).toBe(0);
      const o = JSON.parse(r.stdout);
      expect(o.cutoffs.map((c: { cutoff: string }) => c.cutoff)).toEqual([">=2", ">=3", "==4"]);
      for (const c of o.cutoffs) {
        const ref = fx.dichotomised_auc[score][KEYS[c.cutoff]!];
        expect(c.cases).toBe(ref.n_cases);
        expect(Math.abs(c.auc - ref.auc)).toBeLessThan(1e-12); // tolerance 1e-12
        expect(Math.abs(c.ci[0] - ref.ci_delong.lower)).toBeLessThan(1e-9); // tolerance 1e-9
        expect(Math.abs(c.ci[1] - ref.ci_delong.upper)).toBeLessThan(1e-9); // tolerance 1e-9
      }
      expect(Math.abs(o.obuchowski.estimate - fx.obuchowski[score].psi)).toBeLessThan(1e-12); // tolerance 1e-12
      expect(Math.abs(o.obuchowski.se - fx.obuchowski[score].std_error)).toBeLessThan(1e-9); // tolerance 1e-9
      for (const w of ["linear", "quadratic"]) {
        expect(Math.abs(o.kappa[w].estimate - fx.kappa[w].weighted_kappa)).toBeLessThan(1e-12); // tolerance 1e-12
        expect(Math.abs(o.kappa[w].se - fx.kappa[w].ase_weighted_vcd)).toBeLessThan(1e-9); // tolerance 1e-9
      }
      expect(o.confusion.table).toEqual(fx.kappa.table);
      expect(o.handTill.auc).toBeGreaterThan(0.5);
    });
  }

  it("--probs: default cut-offs >=L, cumulative-probability AUCs, argmax kappa, Brier", async () => {
    const r = await cli("evaluate", file, "--outcome", "stage", "--ordinal", "--probs", "p1,p2,p3,p4", "--json");
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.cutoffs.map((c: { cutoff: string }) => c.cutoff)).toEqual([">=2", ">=3", ">=4"]);
    // P(Y >= k) is monotone in lp under proportional odds: the AUCs equal lp's up to near-ties (fixtures README)
    expect(Math.abs(o.cutoffs[0].auc - fx.dichotomised_auc.lp.ge2.auc)).toBeLessThan(1e-4);
    expect(Math.abs(o.kappa.quadratic.estimate - fx.kappa.quadratic.weighted_kappa)).toBeLessThan(1e-12); // argmax = predicted_class
    expect(o.brier).toBeGreaterThan(0);
    // per-cut-off calibration: test/fixtures/fx_ordinal_calibration.R (R glm) at >=2 and >=3
    const cal = loadFixture("ordinal_calibration.json");
    expect(Math.abs(o.calibration[0].slope - cal.cutoffs[0].slope)).toBeLessThan(1e-9); // tolerance 1e-9
    expect(Math.abs(o.calibration[1].calibrationInTheLarge - cal.cutoffs[1].citl)).toBeLessThan(1e-9); // tolerance 1e-9
    const h = await cli("evaluate", file, "--outcome", "stage", "--ordinal", "--probs", "p1,p2,p3,p4");
    expect(h.stdout).toContain("Obuchowski");
    expect(h.stdout).toContain("Confusion matrix");
    expect(h.stdout).toContain("Calibration per cut-off");
  });

  it("errors: unknown level in a cut-off, one side empty, both or neither of --score/--probs, wrong number of --probs", async () => {
    const base = ["evaluate", file, "--outcome", "stage", "--ordinal"];
    const unknown = await cli(...base, "--score", "marker", "--cutoffs", ">=F2");
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('names level "F2"');
    const empty = await cli(...base, "--score", "marker", "--cutoffs", ">=1");
    expect(empty.stderr).toContain("one side is empty");
    expect((await cli(...base)).stderr).toContain("--score COL or --probs");
    expect((await cli(...base, "--score", "marker", "--probs", "p1,p2,p3,p4")).stderr).toContain("not both");
    expect((await cli(...base, "--probs", "p1,p2,p3")).stderr).toContain("4 levels");
    const noCases = await cli(...base, "--score", "marker", "--levels", "1,2,3,4,5", "--cutoffs", "==5");
    expect(noCases.stderr).toContain("leaves no cases");
  });
});
