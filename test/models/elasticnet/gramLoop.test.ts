import { describe, expect, it } from "vitest";
import { GramWorkspace, Slot, gramLayout } from "../../../src/models/elasticnet/simd/gramLoop.js";

/** A small active-set problem: G = AᵀVA from a deterministic design, gradients, coefficients and penalties. */
function load(ws: GramWorkspace, nin: number, cap: number): void {
  const L = gramLayout(cap);
  ws.ensure(L.size);
  const h = ws.heap;
  const n = 40;
  const col = (a: number, i: number) => Math.sin(1.3 * (a + 1) * (i + 1)) + 0.2 * Math.cos(0.7 * i + a);
  const v = (i: number) => 0.05 + 0.2 * Math.abs(Math.sin(i));
  for (let a = 0; a < nin; a++) {
    let sv = 0;
    for (let i = 0; i < n; i++) sv += v(i) * col(a, i);
    h[L.sv + a] = sv;
    for (let c = 0; c < nin; c++) {
      let g = 0;
      for (let i = 0; i < n; i++) g += col(a, i) * v(i) * col(c, i);
      h[L.g + a * cap + c] = g;
    }
    h[L.grad + a] = 0.3 * Math.sin(a + 0.5);
    h[L.delta + a] = 0;
    h[L.b + a] = a % 3 === 0 ? 0 : 0.01 * a;
    h[L.xv + a] = h[L.g + a * cap + a]!;
    h[L.thr + a] = 0.02;
    h[L.den + a] = h[L.xv + a]! + 0.5;
  }
  h[Slot.B0] = -0.4;
  h[Slot.Rsum] = 0.05;
  h[Slot.Xmz] = 4.1;
  h[Slot.Delta0] = 0;
}

describe("Gram active-set loop (WebAssembly vs JavaScript)", () => {
  it.each([[1, 2], [7, 8], [13, 16], [30, 31]])("nin %i, cap %i: bit-identical passes and state", (nin, cap) => {
    const js = new GramWorkspace(false);
    const wasm = new GramWorkspace(true);
    for (const intercept of [true, false]) {
      for (const maxPasses of [1, 3, 1000]) {
        load(js, nin, cap);
        load(wasm, nin, cap);
        const a = js.loop(nin, cap, maxPasses, 1e-10, intercept);
        const b = wasm.loop(nin, cap, maxPasses, 1e-10, intercept);
        expect(b).toBe(a);
        if (maxPasses === 1000) expect(a).toBeGreaterThan(1); // converged, after several passes
        const size = gramLayout(cap).size;
        expect(Array.from(wasm.heap.subarray(0, size))).toEqual(Array.from(js.heap.subarray(0, size)));
      }
    }
  });
});
