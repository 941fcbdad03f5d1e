// The nomogram chart of the rms::nomogram reference (test/fixtures/nomogram_pbc.json, ../shared/fixtures/fx_nomogram_pbc.R):
// positions on the drawing are the fixture's points (fractions of maxscale / of the total-points axis).
import { describe, expect, it } from "vitest";
import { readRawTable } from "../../../src/io/readTable.js";
import { logisticNomogram } from "../../../src/nomogram/models.js";
import type { NomogramTerm } from "../../../src/nomogram/types.js";
import { nomogramChart } from "../../../src/report/charts/nomogram.js";
import { nomogramTable } from "../../../src/report/charts/nomogramTable.js";
import { renderSvg } from "../../../src/report/render/svg.js";
import { loadFixture } from "../../helpers.js";
import { compiledMarks } from "./inspect.js";

const b = loadFixture("nomogram_pbc.json").logistic;
const pbc = readRawTable(new URL("../../../examples/pbc.csv", import.meta.url).pathname);
const col = (name: string) => pbc.header.indexOf(name);
const byId = new Map(pbc.rows.map((r) => [Number(r[col("id")]), r]));
const rows = (b.patients.ids as number[]).map((id) => byId.get(id)!);
const terms: NomogramTerm[] = Object.entries(b.predictors).map(([name, p]: [string, any]) =>
  p.type === "factor"
    ? { name, type: "factor", levels: p.values, coefficients: p.values.map((l: string) => p.coefficients_by_level[l]), values: rows.map((r) => p.values.indexOf(r[col(name)])) }
    : { name, type: "linear", coefficient: p.coefficient, values: rows.map((r) => Number(r[col(name)])) },
);
const nom = logisticNomogram({ intercept: b.coefficients[0], terms, label: b.fun_axis.label });

describe("nomogramChart", () => {
  const spec = nomogramChart(nom, { title: "Nomogram for cirrhosis" });
  const layers = spec["layer"] as Array<Record<string, any>>;

  it("has one axis row per predictor between Points and the total-points, lp and risk axes", () => {
    const order = layers[0]!["encoding"].y.sort;
    expect(order).toEqual(["Points", "bili", "albumin", "protime", "age", "sex", "Total Points", "Linear Predictor", "Risk of cirrhosis"]);
    const ticks = layers[1]!["data"].values as { axis: string; x: number; label: string }[];
    // albumin 1.8 at 100 points = the right end of the 0–100 points row; risk 0.5 at 82.06 of 160 total points (rms position)
    expect(ticks.find((t) => t.axis === "albumin" && t.label === "1.8")!.x).toBeCloseTo(1, 9);
    const half = ticks.filter((t) => t.axis === "Risk of cirrhosis")[4]!;
    expect(half.x).toBeCloseTo(b.fun_axis.position[4] / 160, 6);
    expect(ticks.filter((t) => t.axis === "sex").map((t) => t.label)).toEqual(["f", "m"]);
    // crowded bili ticks (15 values over 6.7 points) keep their ticks but not all labels
    const bili = ticks.filter((t) => t.axis === "bili");
    expect(bili.length).toBe(15);
    expect(bili.filter((t) => t.label !== "").length).toBeLessThan(15);
  });

  it("compiles without warnings and renders to SVG", async () => {
    const { marks, warnings } = compiledMarks(spec);
    expect(warnings).toEqual([]);
    expect(marks).toEqual(expect.arrayContaining(["rule", "text"]));
    const svg = await renderSvg(spec);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("Risk of cirrhosis");
  });

  it("points table: every predictor value and the total points at each risk tick", () => {
    const t = nomogramTable(nom);
    expect(t.columns).toEqual(["Axis", "Value", "Points"]);
    expect(t.rows.filter((r) => r[0] === "albumin").length).toBe(b.predictors.albumin.values.length);
    expect(t.rows.find((r) => r[0] === "sex" && r[1] === "m")![2]).toBeCloseTo(b.predictors.sex.points[1], 2);
    expect(t.rows.filter((r) => r[0] === "Risk of cirrhosis").map((r) => r[1])).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
  });
});
