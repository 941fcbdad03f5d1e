// The WebAssembly SIMD kernels of svm/radval against their plain-JavaScript twins (bit for bit), and the
// exponential against Math.exp. Inputs are random but seeded; ties and odd lengths are built in on purpose.
import { describe, expect, it } from "vitest";
import { createRng } from "../../../../src/core/rng.js";
import { EXP, expKernel } from "../../../../src/models/svm/radval/exp.js";
import { assembleModule } from "../../../../src/models/elasticnet/simd/assemble.js";
import { PANEL, type SvmKernels, createSvmKernels, svmWasmFunctions } from "../../../../src/models/svm/radval/kernels.js";

const BYTES = 1 << 20;

/** Runs `body` on a SIMD and a JS heap filled with the same bytes; returns both results. */
function both<T>(fill: (f64: Float64Array, i32: Int32Array, f32: Float32Array) => void, body: (k: SvmKernels, f64: Float64Array, f32: Float32Array) => T): [T, T] {
  const out: T[] = [];
  for (const prefer of ["simd", "js"] as const) {
    const k = createSvmKernels(BYTES, prefer);
    expect(k.simd).toBe(prefer === "simd");
    const f64 = new Float64Array(k.heap, 0, BYTES / 8);
    const f32 = new Float32Array(k.heap, 0, BYTES / 4);
    const i32 = new Int32Array(k.heap, 0, BYTES / 4);
    f64.fill(0);
    fill(f64, i32, f32);
    try {
      out.push(body(k, f64, f32));
    } finally {
      k.release();
    }
  }
  return [out[0]!, out[1]!];
}

describe("svm/radval kernels: SIMD = JavaScript, bit for bit", () => {
  const rng = createRng(20261127);

  it("panelDots: every lane a sequential dot product (p = 1, 7, 30)", () => {
    for (const p of [1, 7, 30]) {
      const count = 3;
      const values = Float64Array.from({ length: count * PANEL * p + p }, () => rng.normal());
      const [a, b] = both(
        (f64) => f64.set(values),
        (k, f64) => {
          k.panelDots(count * PANEL * p * 8, 0, 60000 * 8, p, count);
          return f64.slice(60000, 60000 + count * PANEL);
        },
      );
      expect(a).toEqual(b);
      // lane 5 of panel 1 is row PANEL + 5: feature t at (1·p + t)·PANEL + 5; sequential sum
      let sum = 0;
      for (let t = 0; t < p; t++) sum += values[count * PANEL * p + t]! * values[(p + t) * PANEL + 5]!;
      expect(a[PANEL + 5]).toBe(sum);
    }
  });

  it("updateGradientSelectUp = libsvm's gradient update then selectUp, and leaves g[n] (an inactive position) untouched", () => {
    for (let n = 1; n < 12; n++) {
      const g = Float64Array.from({ length: 14 }, () => rng.normal());
      const q = Float32Array.from({ length: 40 }, () => rng.normal());
      const y = Float64Array.from({ length: 14 }, () => (rng.uniform() < 0.5 ? 1 : -1));
      const pen = Float64Array.from({ length: 14 }, () => (rng.uniform() < 0.7 ? 0 : NaN));
      const [a, b] = both(
        (f64, _, f32) => {
          f64.set(g, 0);
          f64.set(y, 100);
          f64.set(pen, 200);
          f32.set(q, 64);
        },
        (k, f64) => {
          const i = k.updateGradientSelectUp(0, 64 * 4, 84 * 4, 0.37, -1.21, n, 800, 1600);
          return [i, ...f64.slice(0, 14)];
        },
      );
      expect(a).toEqual(b);
      expect(a.slice(1 + n)).toEqual(Array.from(g.slice(n)));
      for (let t = 0; t < n; t++) expect(a[1 + t]).toBe(g[t]! + (q[t]! * 0.37 + q[20 + t]! * -1.21));
    }
  });

  it("selectUp / selectLow: same index (ties → last index), same Gmax2, odd and even n, empty sets (penalties 0 / NaN)", () => {
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + (trial % 13);
      // G values from a small set so that ties are frequent; masks random; sometimes all off.
      const G = Float64Array.from({ length: n + 2 }, () => [-1, -0.5, 0, 0.5, 1][rng.integer(5)]!);
      const y = Float64Array.from({ length: n + 2 }, () => (rng.uniform() < 0.5 ? 1 : -1));
      const qd = Float64Array.from({ length: n + 2 }, () => 1 + rng.uniform());
      const qi = Float32Array.from({ length: n + 2 }, () => [0.25, 0.5, -0.5][rng.integer(3)]!);
      const off = trial % 10 === 0;
      const up = Array.from({ length: n + 2 }, () => !off && rng.uniform() < 0.7);
      const low = Array.from({ length: n + 2 }, () => !off && rng.uniform() < 0.7);
      const [a, b] = both(
        (f64, _, f32) => {
          f64.set(G, 0);
          f64.set(y, 100);
          f64.set(qd, 200);
          f32.set(qi, 600);
          up.forEach((on, k) => (f64[400 + k] = on ? 0 : NaN));
          low.forEach((on, k) => (f64[500 + k] = on ? 0 : NaN));
        },
        (k, f64) => {
          const i = k.selectUp(0, 800, 800 * 4, n);
          const gmax = i >= 0 ? -(y[i]! * G[i]!) : -Infinity;
          const j = k.selectLow(0, 800, 1000 * 4, 1600, 2400, n, gmax, 1.5, 2 * (i >= 0 ? y[i]! : 1), 4000 * 8, 5000 * 8);
          return [i, j, f64[4000]!];
        },
      );
      expect(a).toEqual(b);
      // selectUp is argmax of −y·G over the eligible, last index on ties
      let best = -Infinity;
      let idx = -1;
      for (let k = 0; k < n; k++) if (up[k] && -(y[k]! * G[k]!) >= best) [best, idx] = [-(y[k]! * G[k]!), k];
      expect(a[0]).toBe(idx);
      // selectLow is libsvm's loop: min of −b²/a over I_low with b = Gmax + y·G > 0 (≤: last index), Gmax2 = max y·G
      if (idx >= 0) {
        let gmax2 = -Infinity;
        let objMin = Infinity;
        let j = -1;
        for (let k = 0; k < n; k++) {
          if (!low[k]) continue;
          const yg = y[k]! * G[k]!;
          if (yg >= gmax2) gmax2 = yg;
          const gd = best + yg;
          if (gd > 0) {
            const quad = 1.5 + qd[k]! - 2 * y[idx]! * y[k]! * Math.fround(qi[k]!);
            const obj = -(gd * gd) / (quad > 0 ? quad : 1e-12);
            if (obj <= objMin) [objMin, j] = [obj, k];
          }
        }
        expect(a[1]).toBe(j);
        // equal as numbers: the sign of a zero Gmax2 may differ (libsvm keeps the later of −0/+0), which the stopping test cannot see
        expect(a[2] === gmax2).toBe(true);
      }
    }
  });

  it("rbfRow: the same single-precision kernel entries (n odd and even, offsets unaligned)", () => {
    for (const n of [1, 2, 7, 16]) {
      const dots = Float64Array.from({ length: 20 }, () => rng.normal() * 3);
      const xsq = Float64Array.from({ length: 20 }, () => 5 + rng.uniform() * 10);
      const y = Float64Array.from({ length: 20 }, () => (rng.uniform() < 0.5 ? 1 : -1));
      const [a, b] = both(
        (f64) => {
          f64.set(dots, 0);
          f64.set(xsq, 32);
          f64.set(y, 64);
        },
        (k, _, f32) => {
          k.rbfRow(8, 33 * 8, 65 * 8, 1001 * 4, n, 7.5, -0.3, -1);
          return f32.slice(1001, 1001 + n);
        },
      );
      expect(a).toEqual(b);
      // and each entry is libsvm's (Qfloat)(yᵢ yⱼ exp(−γ(‖xᵢ‖² + ‖xⱼ‖² − 2 xᵢ·xⱼ))) with Math.exp (1 single-precision ulp)
      for (let k = 0; k < n; k++) {
        const exact = Math.fround(-1 * y[k + 1]! * Math.exp(-0.3 * (7.5 + xsq[k + 1]! - 2 * dots[k + 1]!)));
        expect(Math.abs(a[k]! - exact)).toBeLessThanOrEqual(Math.abs(exact) * 2 ** -23);
      }
    }
  });
});

describe("svm/radval kernels: linearRow and addScaledRow", () => {
  const rng = createRng(11);
  it("linearRow = f32((yᵢ yₖ) dotₖ) and addScaledRow = dst + c·q, as the JavaScript twins; addScaledRow leaves dst[n]", () => {
    for (const n of [1, 2, 5, 8]) {
      const dots = Float64Array.from({ length: 10 }, () => rng.normal() * 5);
      const y = Float64Array.from({ length: 10 }, () => (rng.uniform() < 0.5 ? 1 : -1));
      const dst = Float64Array.from({ length: 10 }, () => rng.normal());
      const q = Float32Array.from({ length: 10 }, () => rng.normal());
      const [a, b] = both(
        (f64, _, f32) => {
          f64.set(dots, 0);
          f64.set(y, 16);
          f64.set(dst, 32);
          f32.set(q, 128);
        },
        (k, f64, f32) => {
          k.linearRow(8, 17 * 8, 201 * 4, n, -1);
          k.addScaledRow(32 * 8, 128 * 4, -0.75, n);
          return [...f32.slice(201, 201 + n), ...f64.slice(32, 42)];
        },
      );
      expect(a).toEqual(b);
      for (let k = 0; k < n; k++) expect(a[k]).toBe(Math.fround(-1 * y[k + 1]! * dots[k + 1]!));
      for (let k = 0; k < 10; k++) expect(a[n + k]).toBe(k < n ? dst[k]! + -0.75 * q[k]! : dst[k]);
    }
  });
});

describe("svm/radval exponential (fdlibm's method, shifter rounding)", () => {
  it("agrees with Math.exp to 1 ulp on [−110, 1] and is exact at 0", () => {
    const rng = createRng(7);
    let worst = 0;
    for (let k = 0; k < 20000; k++) {
      const x = k < 10 ? [0, -1e-300, 1e-17, -0.5, 0.5, -1, 1, -0.34657359027997264, -100, -110][k]! : -110 * rng.uniform() ** 2 + 1e-3;
      const e = Math.exp(x);
      worst = Math.max(worst, Math.abs(expKernel(x) - e) / e);
    }
    expect(expKernel(0)).toBe(1);
    // tolerance 2.3e-16 relative (~1 ulp; Math.exp's own error is below 1 ulp too)
    expect(worst).toBeLessThan(2.3e-16);
  });

  it("below the floor it returns e^floor, which is 0 in single precision (where kernel rows are stored)", () => {
    expect(expKernel(-1000)).toBe(expKernel(EXP.floor));
    expect(Math.fround(expKernel(EXP.floor))).toBe(0);
  });
});

describe("svm/radval kernels: edge cases", () => {
  it("the WebAssembly module stays under 4 KB (browsers' limit for synchronous compilation on the main thread)", () => {
    expect(assembleModule(svmWasmFunctions()).length).toBeLessThan(4096);
  });

  it("panelDots / panelSqDist with p = 0 give zeros (no feature is read)", () => {
    const [a, b] = both(
      (f64) => f64.fill(7, 0, 200),
      (k, f64) => {
        k.panelDots(0, 0, 300 * 8, 0, 2);
        k.panelSqDist(0, 0, 400 * 8, 0, 2);
        return [...f64.slice(300, 300 + 2 * PANEL), ...f64.slice(400, 400 + 2 * PANEL)];
      },
    );
    expect(a).toEqual(b);
    expect(a.every((v) => v === 0)).toBe(true);
  });
});
