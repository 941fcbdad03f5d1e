/**
 * The HTML report's risk calculator in headless Chromium (src/report/render/calculator.ts): a small PBC study is run
 * (`radval run`, logistic + LASSO with median imputation), values are typed into the calculator, and the risk and
 * points it displays equal `radval predict model.json --points` on the same values, to the displayed precision (risk
 * 0.1 percentage point, points 0.1). With JavaScript off the calculator says it needs JavaScript and the nomogram
 * chart is still there as SVG. No network request.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examplePath } from "../../src/io/examples.js";
import { cli } from "../cli/runCli.js";
// @ts-expect-error: a plain ES module script without type declarations
import { CHROMIUM, launchChecker } from "../../scripts/check-reports.mjs";

const available = existsSync(CHROMIUM);
if (!available && !process.env["CI"]) console.warn(`calculator test skipped: ${CHROMIUM} not found`);

const FEATURES = ["bili", "albumin", "platelet", "protime", "age"];
/** Patients typed into the calculator ("" = left empty: the model's imputation value). */
const PATIENTS: Record<string, string>[] = [
  { bili: "1.2", albumin: "3.4", platelet: "250", protime: "10.5", age: "55" },
  { bili: "7.9", albumin: "5.2", platelet: "", protime: "12.1", age: "38.5" }, // albumin outside 1.96–4.64; platelet imputed
  { bili: "0.6", albumin: "2,9", platelet: "410", protime: "9.8", age: "70" }, // decimal comma
];

describe.skipIf(!available && !process.env["CI"])("risk calculator in the HTML report (Chromium)", () => {
  const dir = mkdtempSync(join(tmpdir(), "radval-calculator-"));
  const out = join(dir, "out");
  let checker: any;

  beforeAll(async () => {
    copyFileSync(examplePath("pbc"), join(dir, "pbc.csv"));
    writeFileSync(
      join(dir, "study.yaml"),
      [
        "seed: 7",
        `data: {file: pbc.csv, outcome: cirrhosis, positive: 1, missingOutcome: drop, features: [${FEATURES.join(", ")}], development: {column: cohort, value: trial}}`,
        "impute: median",
        "models:",
        "  - {name: Logistic, model: logistic}",
        "  - {name: LASSO, model: lasso, params: {lambdaRule: min, lambdaMinRatio: 0.01, innerFolds: 3}}",
        "internal: {cv: {folds: 3}}",
        "report: {formats: [html]}",
      ].join("\n"),
    );
    const run = await cli("run", join(dir, "study.yaml"), "--out", out, "--quiet", "--workers", "1");
    if (run.code !== 0) throw new Error(run.stderr);
    checker = await launchChecker();
  }, 240_000);

  afterAll(async () => {
    await checker?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(["logistic", "lasso"])("the %s calculator shows radval predict's risk and points for typed values", async (model) => {
    const page = await checker.withJs.newPage();
    const errors: string[] = [];
    page.on("console", (m: any) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e: Error) => errors.push(e.message));
    await page.goto(`file://${join(out, "report.html")}`);
    await page.waitForSelector(`[data-radval-calculator="${model}"][data-calculator-ready]`);
    const form = page.locator(`[data-radval-calculator="${model}"]`);
    const features: string[] = await form.locator("label").allTextContents();
    expect(await form.locator("[data-risk]").textContent()).toBe("—"); // nothing entered yet
    const shown: { risk: string; total: string; points: string[]; warning: string }[] = [];
    for (const p of PATIENTS) {
      for (const [k, f] of features.entries()) await form.locator(`[data-input="${k}"]`).fill(p[f]!);
      shown.push({
        risk: (await form.locator("[data-risk]").textContent())!,
        total: (await form.locator("[data-total]").textContent())!,
        points: await form.locator("[data-points]").allTextContents(),
        warning: (await form.locator("[data-warning]").textContent())!,
      });
    }
    await page.close();
    expect(errors).toEqual([]);

    // The same values for radval predict (the decimal comma typed into the calculator written with a point).
    const fixed = join(dir, `typed-${model}-dot.csv`);
    writeFileSync(fixed, `id,${FEATURES.join(",")}\n${PATIENTS.map((p, i) => [i + 1, ...FEATURES.map((f) => p[f]!.replace(",", "."))].join(",")).join("\n")}\n`);
    const pred = await cli("predict", join(out, "model.json"), fixed, "--model", model, "--points", "--json", "--quiet");
    expect(pred.code, pred.stderr).toBe(0);
    const o = JSON.parse(pred.stdout);
    o.predictions.forEach((want: any, i: number) => {
      expect(shown[i]!.risk).toBe(`${(100 * want.prob).toFixed(1)}%`); // the displayed precision
      expect(shown[i]!.total).toBe(want.totalPoints.toFixed(1));
      expect(shown[i]!.points).toEqual(features.map((f) => want.points[f].toFixed(1)));
    });
    expect(shown[0]!.warning).toBe("");
    if (features.includes("albumin")) expect(shown[1]!.warning).toMatch(/albumin 5\.2 is outside the development range 1\.96–4\.64/);
    if (features.includes("platelet")) expect(shown[1]!.warning).toMatch(/platelet is empty: the model's imputation value/);
  });

  it("without JavaScript the calculator says it needs JavaScript and the nomogram is still drawn (SVG)", async () => {
    const page = await checker.withoutJs.newPage();
    await page.goto(`file://${join(out, "report.html")}`);
    const message = page.locator("form.calculator noscript p").first();
    expect(await message.isVisible()).toBe(true); // (Playwright's text search skips <noscript>, so located by element)
    expect(await message.textContent()).toMatch(/^This calculator needs JavaScript/);
    const svg = page.locator("#chart-nomogram-logistic svg").first();
    expect(await svg.isVisible()).toBe(true);
    expect((await svg.boundingBox())!.width).toBeGreaterThan(300);
    await page.close();
    expect(checker.blocked).toEqual([]); // the report made no network request
  });
});
