import { describe, expect, it } from "vitest";
import { renderSvg } from "../../../src/report/render/svg.js";

const base = { $schema: "https://vega.github.io/schema/vega-lite/v6.json", data: { values: [{ a: "x", b: 1 }, { a: "y", b: 3 }] } };

describe("renderSvg (vega headless, no canvas)", () => {
  it("renders a spec to SVG with its marks", async () => {
    const svg = await renderSvg({ ...base, mark: "bar", encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } } });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<path /g)!.length).toBeGreaterThanOrEqual(2);
    expect(svg).toContain("mark-rect");
  });

  it("hands Vega-Lite warnings to onWarning instead of printing them", async () => {
    const warnings: string[] = [];
    await renderSvg({ ...base, mark: "point", encoding: { x: { field: "a", type: "nominal" }, size: { field: "a", type: "nominal" } } }, { onWarning: (w) => warnings.push(w) });
    expect(warnings.some((w) => w.includes("size"))).toBe(true);
  });

  it("turns an invalid spec into a RENDER_FAILED error naming the chart", async () => {
    await expect(renderSvg({ ...base, title: { text: "Broken" }, mark: "no-such-mark" })).rejects.toMatchObject({ code: "RENDER_FAILED", message: expect.stringContaining('"Broken"') });
  });
});
