import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { examplePath } from "../../src/io/examples.js";
import { cli } from "./runCli.js";

// `radval predict model.json new.csv` applies a study's final model (issue 13): on the development table it reproduces the
// final model's predictions in predictions.csv bit for bit; bad inputs are clear errors.
function readCsv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, "utf8").trim().split("\n");
  const names = head!.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, j) => [names[j]!, v])));
}

describe("radval predict", async () => {
  const dir = mkdtempSync(join(tmpdir(), "radval-predict-"));
  copyFileSync(examplePath("pbc"), join(dir, "pbc.csv"));
  writeFileSync(
    join(dir, "study.yaml"),
    [
      "seed: 5",
      "data: {file: pbc.csv, outcome: cirrhosis, positive: 1, missingOutcome: drop, features: [bili, albumin, platelet, protime, age], development: {column: cohort, value: trial}}",
      "models:",
      "  - {name: Logistic, model: logistic}",
      "  - {name: Forest, model: rf, params: {trees: 40}}",
      "internal: {cv: {folds: 3}}",
    ].join("\n"),
  );
  const out = join(dir, "out");
  const run = await cli("validate", join(dir, "study.yaml"), "--out", out, "--quiet", "--workers", "1");

  it("the study writes model.json next to results.json", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "model.json"), "utf8")).format).toBe("radval-study-model");
  });

  it.each(["logistic", "forest"])("on the development table it reproduces the %s model's apparent predictions bitwise", async (id) => {
    const target = join(dir, `pred-${id}.csv`);
    const r = await cli("predict", join(out, "model.json"), join(dir, "pbc.csv"), "--model", id, "--out", target, "--quiet");
    expect(r.code, r.stderr).toBe(0);
    const mine = new Map(readCsv(target).map((row) => [row["id"], row["prob"]]));
    const apparent = readCsv(join(out, "predictions.csv")).filter((row) => row["scheme"] === "apparent" && row["model"] === id);
    expect(apparent.length).toBe(312);
    for (const row of apparent) expect(mine.get(row["id"])).toBe(row["prob"]); // same shortest round-trip text = same double
    expect(readCsv(target)[0]).toEqual({ id: "1", model: id, prob: expect.any(String) });
  });

  it("defaults to the primary model and prints CSV on stdout", async () => {
    const r = await cli("predict", join(out, "model.json"), join(dir, "pbc.csv"), "--quiet");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("id,model,prob");
    expect(r.stdout.split("\n")[1]).toMatch(/^1,logistic,0\.\d+/);
  });

  it("missing columns are an error naming them; an unknown --model lists the ids; a non-model file is refused", async () => {
    const wdbc = await cli("predict", join(out, "model.json"), examplePath("wdbc"));
    expect(wdbc.code).not.toBe(0);
    expect(wdbc.stderr).toMatch(/MISSING_COLUMNS.*bili, albumin, platelet, protime, age/);
    expect(wdbc.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const unknown = await cli("predict", join(out, "model.json"), join(dir, "pbc.csv"), "--model", "cox");
    expect(unknown.stderr).toMatch(/no model "cox"[\s\S]*logistic, forest/);
    const notModel = await cli("predict", join(out, "results.json"), join(dir, "pbc.csv"));
    expect(notModel.stderr).toMatch(/not a radval model file/);
  });

  it("warns about values outside the development range", async () => {
    const rows = readFileSync(join(dir, "pbc.csv"), "utf8").trim().split("\n");
    const header = rows[0]!.split(",");
    const cells = rows[1]!.split(",");
    cells[header.indexOf("albumin")] = "9.5";
    writeFileSync(join(dir, "odd.csv"), `${rows[0]}\n${cells.join(",")}\n`);
    const r = await cli("predict", join(out, "model.json"), join(dir, "odd.csv"));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/outside the development range[^\n]*albumin \(1 row outside 1\.96–4\.64\)/);
  });

  it("--points: each patient's points per predictor, total points and risk; the risk is the model's probability (1e-12)", async () => {
    const r = await cli("predict", join(out, "model.json"), join(dir, "pbc.csv"), "--points", "--json", "--quiet");
    expect(r.code, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout);
    const nom = JSON.parse((await cli("nomogram", join(out, "model.json"), "--json")).stdout);
    const fill = JSON.parse(readFileSync(join(out, "model.json"), "utf8")).models[0].formula.imputation;
    const table = readCsv(join(dir, "pbc.csv"));
    const byId = new Map(table.map((row) => [row["id"], row]));
    expect(o.predictions.length).toBe(418);
    for (const p of o.predictions) {
      expect(Math.abs(p.risk - p.prob)).toBeLessThan(1e-12); // the nomogram's risk = the model's prediction
      let total = 0;
      for (const [f, pts] of Object.entries(p.points) as [string, number][]) {
        // the nomogram's scale: points are linear in the value through the axis ticks (missing values imputed first)
        const cell = byId.get(p.id)![f]!;
        const v = cell === "NA" || cell === "" ? fill[f] : Number(cell);
        const axis = nom.predictors[f];
        expect(Math.abs(pts - (axis.points[0] + (v - axis.values[0]) * axis.pointsPerUnit))).toBeLessThan(1e-9);
        total += pts;
      }
      expect(Math.abs(p.totalPoints - total)).toBeLessThan(1e-9);
      expect(Math.abs(nom.lpAtZero + p.totalPoints / nom.scale - Math.log(p.risk / (1 - p.risk)))).toBeLessThan(1e-9);
    }
    const csv = await cli("predict", join(out, "model.json"), join(dir, "pbc.csv"), "--points", "--quiet");
    expect(csv.stdout.split("\n")[0]).toBe("id,model,prob,points_bili,points_albumin,points_platelet,points_protime,points_age,total_points,risk");
  });

  it("--points refuses a model without a linear predictor, naming it and why", async () => {
    const r = await cli("predict", join(out, "model.json"), join(dir, "pbc.csv"), "--points", "--model", "forest");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/"forest" \(Forest\) cannot be drawn as a nomogram: a random forest has no linear predictor/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
