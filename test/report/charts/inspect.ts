import { compile } from "vega-lite";
import type { VegaLiteSpec } from "../../../src/report/charts/common.js";

interface VgMark {
  type: string;
  marks?: VgMark[];
}

/** Mark types of the compiled Vega spec (recursively, groups excluded), and vega-lite's warnings. */
export function compiledMarks(spec: VegaLiteSpec): { marks: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...a: unknown[]) => void warnings.push(`error ${a.join(" ")}`),
    warn: (...a: unknown[]) => void warnings.push(a.join(" ")),
    info: () => logger,
    debug: () => logger,
  };
  const vg = compile(spec as never, { logger: logger as never }).spec as { marks?: VgMark[] };
  const marks: string[] = [];
  const walk = (list: VgMark[] | undefined) => {
    for (const m of list ?? []) {
      if (m.type === "group") walk(m.marks);
      else marks.push(m.type);
    }
  };
  walk(vg.marks);
  return { marks, warnings };
}

/** All inline data rows of a spec (top-level and nested layers / concatenations). */
export function dataRows(spec: unknown): Record<string, unknown>[][] {
  const out: Record<string, unknown>[][] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    const data = o["data"] as { values?: Record<string, unknown>[] } | undefined;
    if (data?.values) out.push(data.values);
    for (const k of ["layer", "hconcat", "vconcat", "spec"]) if (k in o) walk(o[k]);
  };
  walk(spec);
  return out;
}
