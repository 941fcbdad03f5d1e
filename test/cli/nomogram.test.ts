// References: test/fixtures/nomogram_pbc.json from ../shared/fixtures/fx_nomogram_pbc.R (rms 6.5.0):
// lrm(cirrhosis ~ bili + albumin + protime + age + sex) on the PBC trial cohort (n = 312), nomogram(f, fun = plogis);
// cph(Surv(time, status == 2) ~ bili + albumin + protime + age), nomogram(f, fun = function(x) surv(1825, x)).
// radval fits the model itself (glm; lrm agrees to ~1e-7). Tolerances (fixtures README): scale, lp at 0 points, points,
// total points 1e-5 relative; risk 1e-6; axis values exact.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readRawTable } from "../../src/io/readTable.js";
import { loadFixture, relDiff } from "../helpers.js";
import { cli } from "./runCli.js";

const ref = loadFixture("nomogram_pbc.json").logistic;
const pbc = readRawTable(new URL("../../examples/pbc.csv", import.meta.url).pathname);
const col = (name: string) => pbc.header.indexOf(name);
const byId = new Map(pbc.rows.map((r) => [Number(r[col("id")]), r]));
const feats = Object.keys(ref.predictors);
const dir = mkdtempSync(join(tmpdir(), "radval-nomogram-"));
const write = (name: string, code: (f: string, v: string) => string): string => {
  const path = join(dir, name);
  const rows = (ref.patients.ids as number[]).map((id) => {
    const r = byId.get(id)!;
    return [id, r[col("cirrhosis")], ...feats.map((f) => code(f, r[col(f)]!))].join(",");
  });
  writeFileSync(path, `id,cirrhosis,${feats.join(",")}\n${rows.join("\n")}\n`);
  return path;
};
const text = write("pbc_text.csv", (_f, v) => v);
const coded = write("pbc_coded.csv", (f, v) => (f === "sex" ? (v === "m" ? "1" : "0") : v));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("radval nomogram (logistic)", () => {
  it.each([
    ["sex as text f/m (a factor)", text, ["f", "m"]],
    ["sex coded 0/1 (two distinct values)", coded, [0, 1]],
  ])("%s: rms's scale, axes, points, total points and risk", async (_label, file, sexValues) => {
    const { code, stdout, stderr } = await cli("nomogram", file, "--outcome", "cirrhosis", "--features", feats.join(","), "--json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const o = JSON.parse(stdout);
    expect(relDiff(o.scale, ref.sc)).toBeLessThan(1e-5); // 1e-5 relative
    expect(relDiff(o.lpAtZero, ref.intercept_lp_at_zero_points)).toBeLessThan(1e-5);
    for (const f of feats) {
      expect(o.predictors[f].values).toEqual(f === "sex" ? sexValues : ref.predictors[f].values); // exact
      o.predictors[f].points.forEach((p: number, k: number) => expect(Math.abs(p - ref.predictors[f].points[k])).toBeLessThan(1e-5 * Math.max(1, ref.predictors[f].points[k])));
    }
    expect(o.totalPointsAxis).toEqual(ref.total_points_axis);
    expect(o.lpAxis.values).toEqual(ref.lp_axis.lp_at);
    expect(o.riskAxis.ticks).toEqual(ref.fun_axis.ticks);
    o.riskAxis.positions.forEach((p: number, k: number) => expect(relDiff(p, ref.fun_axis.position[k])).toBeLessThan(1e-5));
    expect(o.totalPoints.length).toBe(312);
    o.totalPoints.forEach((t: number, i: number) => expect(relDiff(t, ref.patients.total_points[i])).toBeLessThan(1e-5));
    o.risk.forEach((p: number, i: number) => expect(Math.abs(p - ref.patients.risk[i])).toBeLessThan(1e-6)); // 1e-6
    expect(o.ids.slice(0, 3)).toEqual(["1", "2", "3"]);
  });

  it("prints the points table by default", async () => {
    const { code, stdout } = await cli("nomogram", text, "--outcome", "cirrhosis", "--features", feats.join(","));
    expect(code).toBe(0);
    expect(stdout).toMatch(/points per unit of the linear predictor/);
    expect(stdout).toMatch(/Risk of cirrhosis/);
    expect(stdout).toMatch(/albumin\s+1\.8\s+100/);
  });

  it.each([
    [["--features", "bili,nope"], /"nope" is not in the file/],
    [["--features", ""], /no predictors/],
    [[], /no predictors/],
  ])("rejects bad --features %j", async (args, message) => {
    const { code, stderr } = await cli("nomogram", text, "--outcome", "cirrhosis", ...args);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(message);
  });

  it("--drop-missing leaves out incomplete rows with a warning (rms's complete-case fit)", async () => {
    const path = join(dir, "with_gaps.csv");
    writeFileSync(path, `${readFileSync(text, "utf8")}9001,1,2.1,,10.2,50,f\n9002,0,1.1,3.5,11,61,NA\n9003,,1.1,3.5,11,61,m\n`);
    const { code, stdout, stderr } = await cli("nomogram", path, "--outcome", "cirrhosis", "--features", feats.join(","), "--drop-missing", "--json");
    expect(code).toBe(0);
    expect(stderr).toMatch(/left out 2 row\(s\) with a missing predictor \(lines 314, 315\)/);
    const o = JSON.parse(stdout);
    expect(o.n).toBe(312);
    expect(relDiff(o.scale, ref.sc)).toBeLessThan(1e-5); // 1e-5 relative
    o.risk.forEach((p: number, i: number) => expect(Math.abs(p - ref.patients.risk[i])).toBeLessThan(1e-6)); // 1e-6
    const without = await cli("nomogram", path, "--outcome", "cirrhosis", "--features", feats.join(","), "--drop-missing-outcome");
    expect(without.stderr).toMatch(/--drop-missing/);
  });

  it("rejects a missing predictor value, naming the line and column", async () => {
    const path = join(dir, "missing.csv");
    writeFileSync(path, "id,y,a,s\n1,0,1.5,f\n2,1,NA,m\n3,0,2.5,f\n4,1,3.1,m\n5,0,0.2,m\n6,1,2.2,f\n");
    const { code, stderr } = await cli("nomogram", path, "--outcome", "y", "--features", "a,s");
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/missing value of the predictor "a"/);
    expect(stderr).toMatch(/line 3/);
    const path2 = join(dir, "missing2.csv");
    writeFileSync(path2, "id,y,a,s\n1,0,1.5,f\n2,1,2,\n3,0,2.5,f\n4,1,3.1,m\n5,0,0.2,m\n6,1,2.2,f\n");
    const second = await cli("nomogram", path2, "--outcome", "y", "--features", "a,s");
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(/categorical predictor "s"/);
  });
});

describe("radval nomogram --time --event --horizon (Cox)", () => {
  const cox = loadFixture("nomogram_pbc.json").cox;
  const coxFeats = Object.keys(cox.predictors);
  const coxFile = join(dir, "pbc_cox.csv");
  writeFileSync(
    coxFile,
    `id,time,death,${coxFeats.join(",")}\n${(cox.patients.ids as number[])
      .map((id) => {
        const r = byId.get(id)!;
        return [id, r[col("time")], r[col("status")] === "2" ? 1 : 0, ...coxFeats.map((f) => r[col(f)])].join(",");
      })
      .join("\n")}\n`,
  );
  const args = ["nomogram", coxFile, "--time", "time", "--event", "death", "--horizon", "1825", "--features", coxFeats.join(",")];

  it("equals rms::nomogram(cph, fun = surv(1825, lp)): centre, S0(1825), scale, axes, points, survival", async () => {
    const { code, stdout, stderr } = await cli(...args, "--json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const o = JSON.parse(stdout);
    expect(o.model).toBe("cox");
    expect(o.nEvents).toBe(cox.n_events);
    for (const [k, t] of cox.terms.entries()) expect(relDiff(o.coefficients[t], cox.coefficients[k])).toBeLessThan(1e-6); // 1e-6 relative (cph vs coxph ~1.5e-7)
    expect(relDiff(o.center, cox.center)).toBeLessThan(1e-5); // Σβ·mean: inherits the 1.5e-7 coefficient gap
    expect(Math.abs(o.baselineSurvival - cox.baseline_survival_at_horizons[0])).toBeLessThan(1e-6); // survival 1e-6
    expect(relDiff(o.scale, cox.sc)).toBeLessThan(1e-5); // 1e-5 relative
    expect(relDiff(o.lpAtZero, cox.intercept_lp_at_zero_points)).toBeLessThan(1e-5);
    for (const f of coxFeats) {
      expect(o.predictors[f].values).toEqual(cox.predictors[f].values); // exact
      o.predictors[f].points.forEach((p: number, k: number) => expect(Math.abs(p - cox.predictors[f].points[k])).toBeLessThan(1e-5 * Math.max(1, cox.predictors[f].points[k])));
    }
    expect(o.totalPointsAxis).toEqual(cox.total_points_axis); // exact
    expect(o.lpAxis.values).toEqual(cox.lp_axis.lp_at);
    expect(o.survivalAxis.ticks).toEqual(cox.fun_axes[0].ticks);
    o.survivalAxis.positions.forEach((p: number, k: number) => expect(relDiff(p, cox.fun_axes[0].position[k])).toBeLessThan(1e-5));
    expect(o.ids.slice(0, 2)).toEqual(["1", "2"]);
    o.totalPoints.forEach((t: number, i: number) => expect(relDiff(t, cox.patients.total_points[i])).toBeLessThan(1e-5));
    o.lp.forEach((v: number, i: number) => expect(Math.abs(v - cox.patients.lp[i])).toBeLessThan(1e-5 * Math.max(1, Math.abs(cox.patients.lp[i]))));
    o.survival.forEach((s: number, i: number) => {
      expect(Math.abs(s - cox.patients.survival_at_horizons[0][i])).toBeLessThan(1e-6); // 1e-6
      expect(o.risk[i]).toBe(1 - s); // risk = 1 − S(t | x)
    });
  });

  it("prints the points table with the survival axis", async () => {
    const { code, stdout } = await cli(...args);
    expect(code).toBe(0);
    expect(stdout).toMatch(/S₀\(1825\) = 0\.76556/);
    expect(stdout).toMatch(/Survival at 1825/);
  });

  it.each([
    [["--horizon", "1825"], ["--horizon", "0"], /expected a number/],
    [["--horizon", "1825"], ["--horizon", "1"], /no event occurs by the horizon 1/],
    [["--horizon", "1825"], [], /needs the time horizon/],
    [["--event", "death"], ["--event", "nope"], /"nope" is not in the file/],
  ])("rejects a bad horizon or column (%j → %j)", async (from, to, message) => {
    const i = args.indexOf(from[0]!);
    const bad = [...args.slice(0, i), ...to, ...args.slice(i + 2)];
    const { code, stderr } = await cli(...bad);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/at .*\.ts/);
  });

  it("rejects --outcome and --drop-missing with --time; warns about a horizon beyond follow-up", async () => {
    const { code, stderr } = await cli(...args, "--outcome", "death");
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--outcome is for the logistic nomogram/);
    expect((await cli(...args, "--drop-missing")).stderr).toMatch(/the Cox nomogram needs complete rows/);
    const i = args.indexOf("--horizon");
    const late = await cli(...args.slice(0, i), "--horizon", "99999", ...args.slice(i + 2), "--json");
    expect(late.code).toBe(0);
    expect(late.stderr).toMatch(/the horizon 99999 is beyond the last follow-up time 4556/);
  });
});

describe("radval nomogram model.json (a study's final model)", async () => {
  // A study on the trial cohort with four complete predictors: its logistic model is glm on the same rows, so its
  // nomogram must equal the CSV command's (itself checked against rms above) up to rounding of the folded scaling.
  const sdir = mkdtempSync(join(tmpdir(), "radval-nomogram-study-"));
  const four = ["bili", "albumin", "protime", "age"];
  const trial = pbc.rows.filter((r) => r[col("cohort")] === "trial");
  writeFileSync(join(sdir, "pbc.csv"), `${pbc.header.join(",")}\n${pbc.rows.map((r) => r.join(",")).join("\n")}\n`);
  writeFileSync(join(sdir, "trial.csv"), `id,cirrhosis,${four.join(",")}\n${trial.map((r) => [r[col("id")], r[col("cirrhosis")], ...four.map((f) => r[col(f)])].join(",")).join("\n")}\n`);
  writeFileSync(
    join(sdir, "study.yaml"),
    [
      "seed: 5",
      `data: {file: pbc.csv, outcome: cirrhosis, positive: 1, missingOutcome: drop, features: [${four.join(", ")}], development: {column: cohort, value: trial}}`,
      "models:",
      "  - {name: Logistic, model: logistic}",
      "  - {name: LASSO, model: lasso, params: {lambdaRule: min, lambdaMinRatio: 0.01, innerFolds: 3}}",
      "  - {name: Forest, model: rf, params: {trees: 20}}",
      "internal: {cv: {folds: 3}}",
    ].join("\n"),
  );
  const out = join(sdir, "out");
  const run = await cli("validate", join(sdir, "study.yaml"), "--out", out, "--quiet", "--workers", "1");
  const modelJson = join(out, "model.json");
  afterAll(() => rmSync(sdir, { recursive: true, force: true }));

  it("the logistic model's nomogram equals the CSV command's on the development rows (1e-9)", async () => {
    expect(run.code, run.stderr).toBe(0);
    const a = JSON.parse((await cli("nomogram", join(sdir, "trial.csv"), "--outcome", "cirrhosis", "--features", four.join(","), "--json")).stdout);
    const r = await cli("nomogram", modelJson, "--json");
    expect(r.stderr).toBe("");
    const b = JSON.parse(r.stdout);
    expect(b.modelId).toBe("logistic");
    expect(relDiff(b.scale, a.scale)).toBeLessThan(1e-9); // same glm, folded through the recipe's scaling
    expect(Math.abs(b.lpAtZero - a.lpAtZero)).toBeLessThan(1e-9);
    for (const f of four) {
      expect(b.predictors[f].values).toEqual(a.predictors[f].values); // exact: same development range
      b.predictors[f].points.forEach((p: number, k: number) => expect(Math.abs(p - a.predictors[f].points[k])).toBeLessThan(1e-9));
    }
    expect(b.lpAxis.values).toEqual(a.lpAxis.values); // from nomogramBasis.linearPredictorRange
    expect(b.totalPointsAxis).toEqual(a.totalPointsAxis);
    expect(b.riskAxis.ticks).toEqual(a.riskAxis.ticks);
    b.riskAxis.positions.forEach((p: number, k: number) => expect(Math.abs(p - a.riskAxis.positions[k])).toBeLessThan(1e-9));
  });

  it("draws the penalised model's non-zero coefficients, prints the points table, and refuses a forest by name", async () => {
    const lasso = JSON.parse((await cli("nomogram", modelJson, "--model", "lasso", "--json")).stdout);
    const used = Object.entries(lasso.coefficients).filter(([, v]) => v !== 0).map(([k]) => k);
    expect(Object.keys(lasso.predictors)).toEqual(used);
    expect(Math.max(...Object.values(lasso.predictors).flatMap((p: any) => p.points))).toBeCloseTo(100, 9);
    const text = await cli("nomogram", modelJson);
    expect(text.stdout).toMatch(/nomogram of logistic \(Logistic\), 4 predictors, Risk of cirrhosis/);
    const forest = await cli("nomogram", modelJson, "--model", "forest");
    expect(forest.code).not.toBe(0);
    expect(forest.stderr).toMatch(/"forest" \(Forest\) cannot be drawn as a nomogram: a random forest has no linear predictor/);
    expect(forest.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects --features with a model file, --model with a CSV, and a file that is not a model file", async () => {
    expect((await cli("nomogram", modelJson, "--features", "bili")).stderr).toMatch(/--features does not apply to a model file/);
    expect((await cli("nomogram", join(sdir, "trial.csv"), "--model", "lasso", "--outcome", "cirrhosis", "--features", "bili")).stderr).toMatch(/--model chooses a model of a study's model.json/);
    expect((await cli("nomogram", join(out, "results.json"))).stderr).toMatch(/not a radval model file/);
  });

  it("refuses a linear model whose recipe harmonises per site (ComBat), saying why", async () => {
    const file = JSON.parse(readFileSync(modelJson, "utf8"));
    const lasso = file.models.find((m: any) => m.id === "lasso");
    lasso.formula = null; // as exportWorkflow writes it when the recipe is not affine
    lasso.recipe = [{ type: "combat" }, ...lasso.recipe];
    const path = join(sdir, "combat-model.json");
    writeFileSync(path, JSON.stringify(file));
    const r = await cli("nomogram", path, "--model", "lasso");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/"lasso" \(LASSO\) cannot be drawn as a nomogram: its recipe harmonises the features per site \(ComBat\)/);
  });

  it("reads a model file written before nomogramBasis, with a warning", async () => {
    const file = JSON.parse(readFileSync(modelJson, "utf8"));
    for (const m of file.models) delete m.nomogramBasis;
    const old = join(sdir, "old-model.json");
    writeFileSync(old, JSON.stringify(file));
    const r = await cli("nomogram", old, "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: the model file has no nomogramBasis/);
    expect(JSON.parse(r.stdout).predictors.albumin.points.length).toBeGreaterThan(0);
  });
});
