import { describe, expect, it } from "vitest";
import { loadFixture, relDiff } from "../helpers.js";
import { cli } from "./runCli.js";
import { writeCsv } from "./survivalCsv.js";

// Reference: test/fixtures/scripts/fx_survival_extra.R (survival 3.5-3 coxph, cox.zph, concordance).
const fx = loadFixture("survival_extra.json");
const header = ["id", "time", "event", ...fx.features];
const rows = fx.dev.id.map((id: number, i: number) => [id, fx.dev.time[i], fx.dev.event[i], ...fx.features.map((f: string) => fx.dev.x[f][i])]);
const csv = writeCsv("dev.csv", header, rows);

describe("radval coxph", () => {
  for (const ties of ["efron", "breslow"]) {
    it(`--ties ${ties} --json: coefficients, SE, loglik, zph, concordance`, async () => {
      const r = await cli("coxph", csv, "--time", "time", "--event", "event", "--features", fx.terms.join(","), "--ties", ties, "--json");
      expect(r.code).toBe(0);
      const o = JSON.parse(r.stdout);
      const ref = fx[ties];
      fx.terms.forEach((t: string, j: number) => {
        expect(relDiff(o.coefficients[t], ref.coefficients[j])).toBeLessThan(1e-7); // tolerance 1e-7
        expect(relDiff(o.stdErrors[t], ref.std_errors[j])).toBeLessThan(1e-7); // tolerance 1e-7
        expect(relDiff(o.p[t], ref.p[j])).toBeLessThan(1e-6); // tolerance 1e-6
        expect(relDiff(o.zph.terms[t].chisq, ref.zph.chisq[j])).toBeLessThan(1e-6); // tolerance 1e-6
      });
      expect(relDiff(o.loglik[1], ref.loglik[1])).toBeLessThan(1e-10); // tolerance 1e-10
      expect(relDiff(o.zph.global.chisq, ref.zph.chisq[fx.terms.length])).toBeLessThan(1e-6); // tolerance 1e-6
      expect(Math.abs(o.concordance.c - ref.concordance)).toBeLessThan(1e-9); // tolerance 1e-9
      expect(relDiff(o.concordance.se, ref.concordance_se)).toBeLessThan(1e-6); // tolerance 1e-6
    });
  }

  it("human output names the model", async () => {
    const r = await cli("coxph", csv, "--time", "time", "--event", "event", "--features", "bili,age");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Cox proportional-hazards model (efron ties)");
  });

  it("clear errors: negative time, missing time, no events, unknown ties", async () => {
    const neg = writeCsv("neg.csv", ["time", "event", "x"], [[5, 1, 1], [-1, 0, 2], [7, 1, 3]]);
    let r = await cli("coxph", neg, "--time", "time", "--event", "event", "--features", "x");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("negative follow-up time");
    const miss = writeCsv("miss.csv", ["time", "event", "x"], [[5, 1, 1], ["", 0, 2], [7, 1, 3]]);
    r = await cli("coxph", miss, "--time", "time", "--event", "event", "--features", "x");
    expect(r.stderr).toContain("missing follow-up time");
    const none = writeCsv("none.csv", ["time", "event", "x"], [[5, 0, 1], [6, 0, 2], [7, 0, 3]]);
    r = await cli("coxph", none, "--time", "time", "--event", "event", "--features", "x");
    expect(r.stderr).toContain("no events");
    r = await cli("coxph", csv, "--time", "time", "--event", "event", "--features", "bili", "--ties", "exact");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("unknown ties method");
  });
});
