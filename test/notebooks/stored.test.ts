/**
 * The Jupyter notebooks are stored without outputs (small diffs; outputs come
 * from `npm run notebooks`, which executes them on the tslab kernel) and name
 * the tslab kernel. Clear outputs with
 * `jupyter nbconvert --clear-output --inplace notebooks/*.ipynb`.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

const dir = new URL("../../notebooks/", import.meta.url);
const notebooks = readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort();

interface Notebook {
  nbformat: number;
  metadata: { kernelspec?: { name?: string } };
  cells: { cell_type: string; source: string | string[]; outputs?: unknown[]; execution_count?: number | null }[];
}

describe("stored Jupyter notebooks", () => {
  it("there is at least one", () => {
    expect(notebooks.length).toBeGreaterThan(0);
  });

  it.each(notebooks.map((n) => [n]))("%s: tslab kernel, no outputs, imports radval from ../dist", (name) => {
    const nb = JSON.parse(readFileSync(new URL(name, dir), "utf8")) as Notebook;
    expect(nb.nbformat).toBe(4);
    expect(nb.metadata.kernelspec?.name).toBe("tslab");
    const code = nb.cells.filter((c) => c.cell_type === "code");
    expect(code.length).toBeGreaterThan(0);
    for (const cell of code) {
      expect(cell.outputs).toEqual([]);
      expect(cell.execution_count ?? null).toBeNull();
    }
    const source = code.map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source)).join("\n");
    expect(source).toMatch(/from "\.\.\/dist\/node\.js"/);
  });
});
