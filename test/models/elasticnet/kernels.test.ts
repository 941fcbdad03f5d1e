import { describe, expect, it } from "vitest";
import { leaseKernels, simdAvailable } from "../../../src/models/elasticnet/simd/kernels.js";
import { GramWorkspace } from "../../../src/models/elasticnet/simd/gramLoop.js";

describe("kernel heaps leased across fits", () => {
  it("a released heap is reused zeroed (grown when needed); a lease while another is held gets its own heap", () => {
    const a = leaseKernels(100);
    a.heap.fill(7);
    const nested = leaseKernels(50);
    expect(nested.heap.buffer).not.toBe(a.heap.buffer);
    expect(nested.heap.every((v) => v === 0)).toBe(true);
    nested.release();
    a.release();
    const b = leaseKernels(20000);
    expect(b.heap.length).toBe(20000);
    expect(b.heap.every((v) => v === 0)).toBe(true);
    expect(b.dot(0, 100, 50)).toBe(0);
    b.release();
    const c = leaseKernels(10);
    const d = leaseKernels(10); // the spare is held by c
    expect(d.heap.buffer).not.toBe(c.heap.buffer);
    d.release();
    c.release();
  });

  it("Gram workspaces: the released one comes back", () => {
    const w = GramWorkspace.lease(true);
    const other = GramWorkspace.lease(true);
    expect(other).not.toBe(w);
    other.release();
    w.release();
    const again = GramWorkspace.lease(true);
    again.release();
    if (simdAvailable()) expect([w, other]).toContain(again);
  });
});
