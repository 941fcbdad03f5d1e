import { describe, expect, it } from "vitest";
import { loadFixture, relDiff } from "../helpers.js";
import { cli } from "./runCli.js";
import { writeCsv } from "./survivalCsv.js";

// Reference: test/fixtures/scripts/fx_survival_pbc.R (glmnet 4.1-6 family = "cox", cv.glmnet with the stored foldid).
const pbc = loadFixture("survival_pbc.json");
const fx = loadFixture("survival_extra.json");
const csv = writeCsv("dev.csv", ["id", "time", "event", ...pbc.features, "fold"], fx.dev.id.map((id: number, i: number) => [id, fx.dev.time[i], fx.dev.event[i], ...pbc.features.map((f: string) => fx.dev.x[f][i]), pbc.foldid[i]]));
const base = ["glmnet", csv, "--family", "cox", "--time", "time", "--event", "event", "--features", pbc.features.join(","), "--alpha", "1", "--nlambda", "100", "--thresh", "1e-12", "--foldid", "fold"];

describe("radval glmnet --family cox", () => {
  for (const [measure, key] of [["deviance", "cv_deviance"], ["C", "cv_C"]] as const) {
    it(`--measure ${measure} --json: path and cv as glmnet`, async () => {
      const r = await cli(...base, "--measure", measure, "--json");
      expect(r.code).toBe(0);
      const o = JSON.parse(r.stdout);
      expect(o.lambda.length).toBe(pbc.path.lambda.length);
      o.lambda.forEach((l: number, k: number) => expect(relDiff(l, pbc.path.lambda[k])).toBeLessThan(1e-10)); // tolerance 1e-10
      expect(Math.abs(o.devRatio[20] - pbc.path.dev_ratio[20])).toBeLessThan(1e-6); // tolerance 1e-6
      expect(relDiff(o.cv.lambdaMin, pbc[key].lambda_min)).toBeLessThan(1e-10); // tolerance 1e-10
      expect(relDiff(o.cv.lambda1se, pbc[key].lambda_1se)).toBeLessThan(1e-10); // tolerance 1e-10
      o.cv.cvm.forEach((m: number, k: number) => expect(relDiff(m, pbc[key].cvm[k])).toBeLessThan(1e-5)); // tolerance 1e-5
      expect(o.beta.bili.length).toBe(o.lambda.length);
    });
  }

  it("rejects an unknown family and a missing event column", async () => {
    let r = await cli("glmnet", csv, "--family", "poisson", "--time", "time", "--event", "event");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("unknown family");
    r = await cli("glmnet", csv, "--family", "cox", "--time", "time");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("no event column");
  });
});
