import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "./runCli.js";
import { loadFixture } from "../helpers.js";
import { pbcRows } from "../ordinal/pbcData.js";

// References: ../shared/fixtures/fx_multiclass_pbc.R → test/fixtures/multiclass_pbc.json (glmnet 4.1-6 multinomial lasso path)
// and test/fixtures/fx_multinomial_extra.R → test/fixtures/multinomial_extra.json (grouped path, cv.glmnet with fixed folds).
const fx = loadFixture("multiclass_pbc.json");
const extra = loadFixture("multinomial_extra.json");
const rows = pbcRows(fx.ids);
const sd = fx.features.map((f: string) => {
  const c = rows.map((r) => Number(r[f]));
  const m = c.reduce((s, v) => s + v, 0) / c.length;
  return Math.sqrt(c.reduce((s, v) => s + (v - m) ** 2, 0) / c.length);
});
const dir = mkdtempSync(join(tmpdir(), "radval-glmnet-multinomial-"));
const file = join(dir, "pbc9.csv");
writeFileSync(file, `id,stage,fold,${fx.features.join(",")}\n${rows.map((r, i) => [r["id"], `F${r["stage"]}`, extra.foldid[i], ...fx.features.map((f: string) => r[f])].join(",")).join("\n")}\n`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = ["glmnet", file, "--family", "multinomial", "--outcome", "stage", "--features", fx.features.join(",")];

function worst(o: any, ref: any, classesRef: readonly string[]): number {
  let w = 0;
  o.classes.forEach((cls: string, c: number) => {
    o.lambda.forEach((_: number, l: number) => {
      w = Math.max(w, Math.abs(o.a0[cls][l] - ref.a0[c][l]));
      fx.features.forEach((f: string, j: number) => (w = Math.max(w, Math.abs(o.beta[cls][f][l] - ref.beta[classesRef[c]!][j][l]) * sd[j])));
    });
  });
  return w;
}

describe("radval glmnet --family multinomial", () => {
  it("--json: the lasso path equals glmnet's (classes F1..F4 in stage order)", async () => {
    const r = await cli(...base, "--alpha", "1", "--nlambda", "50", "--json", "--quiet");
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.classes).toEqual(["F1", "F2", "F3", "F4"]);
    expect(o.lambda.length).toBe(fx.path.lambda.length);
    o.lambda.forEach((l: number, k: number) => expect(Math.abs(l / fx.path.lambda[k] - 1)).toBeLessThan(1e-10));
    o.devRatio.forEach((d: number, k: number) => expect(Math.abs(d - fx.path.dev_ratio[k])).toBeLessThan(1e-6)); // 1e-6
    expect(worst(o, fx.path, fx.classes)).toBeLessThan(1e-5); // tolerance 1e-5 standardised (fixtures README)
  });

  it("--grouped --foldid: grouped path and cv.glmnet's deviance curve", async () => {
    const r = await cli(...base, "--grouped", "--nlambda", "30", "--lambda-min-ratio", "0.05", "--foldid", "fold", "--json", "--quiet");
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.grouped).toBe(true);
    const ref = extra.cv_grouped;
    o.cv.cvm.forEach((v: number, l: number) => expect(Math.abs(v - ref.cvm[l])).toBeLessThan(1e-6)); // tolerance 1e-6
    expect(o.cv.lambdaMin).toBeCloseTo(ref.lambda_min, 12);
    expect(o.cv.lambda1se).toBeCloseTo(ref.lambda_1se, 12);
    expect(o.cv.nFolds).toBe(5);
  });

  it("human output, --folds/--seed, and errors (bad family, bad measure, a class with one row)", async () => {
    const h = await cli(...base, "--nlambda", "10", "--folds", "3", "--seed", "1", "--measure", "class", "--quiet");
    expect(h.code).toBe(0);
    expect(h.stdout).toContain("Misclassification Error");
    expect(h.stdout).toContain("F4");
    expect((await cli(...base, "--family", "gaussian")).stderr).toContain('unknown family "gaussian"');
    expect((await cli(...base, "--measure", "auc")).stderr).toContain('unknown measure "auc"');
    const one = join(dir, "one.csv");
    writeFileSync(one, `id,stage,bili\n1,a,1\n2,a,2\n3,b,3\n4,b,4\n5,c,5\n`);
    const e = await cli("glmnet", one, "--family", "multinomial", "--outcome", "stage");
    expect(e.code).not.toBe(0);
    expect(e.stderr).toContain('class "c" has 1 row(s)');
  });
});
