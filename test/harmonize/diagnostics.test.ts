// References: test/fixtures/combat_sva.json, made by test/fixtures/scripts/fx_combat_sva.R — stats::kruskal.test across
// sites per feature (raw and after sva::ComBat parametric) and prcomp(X, center = TRUE, scale. = TRUE) scores, on the
// first 12 features of examples/multisite.csv.
import { describe, expect, it } from "vitest";
import { combat } from "../../src/harmonize/combat.js";
import { kruskalWallis, pcaScores, siteDiagnostics } from "../../src/harmonize/diagnostics.js";
import { readFeatureTable } from "../../src/io/readTable.js";
import { loadFixture, relDiff } from "../helpers.js";

const sva = loadFixture("combat_sva.json");
const data = readFeatureTable(new URL("../../examples/multisite.csv", import.meta.url).pathname, { outcome: "outcome", site: "site", date: "scan_date", features: sva.features });
const site = data.site!.values;
const n = data.x.nRows;

describe("site diagnostics", () => {
  it("Kruskal–Wallis equals R's kruskal.test, before and after ComBat", () => {
    const after = combat(data.x, site).harmonized;
    sva.features.forEach((_: string, j: number) => {
      const raw = kruskalWallis(data.x.data.subarray(j * n, (j + 1) * n), site);
      expect(relDiff(raw.statistic, sva.kruskal.raw.statistic[j])).toBeLessThan(1e-10); // tolerance 1e-10 relative (same ranks, same formula)
      expect(relDiff(raw.p, sva.kruskal.raw.p[j])).toBeLessThan(1e-8); // tolerance 1e-8 relative (chi-square tail)
      const adj = kruskalWallis(after.data.subarray(j * n, (j + 1) * n), site);
      expect(relDiff(adj.p, sva.kruskal.parametric.p[j])).toBeLessThan(1e-6); // tolerance 1e-6 relative (harmonised data agree to 1e-13)
    });
  });

  it("ties use the tie correction; fewer than two groups give NaN", () => {
    const t = kruskalWallis([1, 1, 2, 2, 3, 3, 3], ["a", "a", "a", "b", "b", "b", "b"]);
    // R: kruskal.test(c(1,1,2,2,3,3,3), factor(c("a","a","a","b","b","b","b"))) → chi-squared = 4.235, p = 0.0395986235887438
    expect(t.statistic).toBeCloseTo(4.235, 10); // tolerance 1e-10 (R value above)
    expect(t.p).toBeCloseTo(0.0395986235887438, 10); // tolerance 1e-10 (R value above)
    expect(Number.isNaN(kruskalWallis([1, 2, 3], ["a", "a", "a"]).p)).toBe(true);
  });

  it("PCA scores equal prcomp's up to sign", () => {
    const pca = pcaScores(data.x, 2);
    for (let c = 0; c < 2; c++) {
      const sign = Math.sign(pca.scores[c]![0]!) === Math.sign(sva.pca.scores[0][c]) ? 1 : -1;
      let worst = 0;
      for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(sign * pca.scores[c]![i]! - sva.pca.scores[i][c]));
      expect(worst).toBeLessThan(1e-8); // tolerance 1e-8 absolute (Jacobi vs LAPACK SVD)
      const total = sva.pca.sdev.reduce((s: number, v: number) => s + v * v, 0);
      expect(pca.explained[c]).toBeCloseTo(sva.pca.sdev[c] ** 2 / total, 10); // tolerance 1e-10
    }
  });

  it("counts separating features and summarises the top ones per site; fewer after ComBat", () => {
    const before = siteDiagnostics(data.x, data.featureNames, site);
    const after = siteDiagnostics(combat(data.x, site).harmonized, data.featureNames, site, { distributionFeatures: before.distributions.map((d) => d.feature) });
    expect(before.separating).toBe(sva.kruskal.raw.p.filter((p: number) => p < 0.05).length);
    expect(after.separating).toBe(sva.kruskal.parametric.p.filter((p: number) => p < 0.05).length);
    expect(after.separating).toBeLessThan(before.separating);
    expect(before.distributions.length).toBe(16); // 4 features × 4 sites
    expect(before.pca.points.length).toBe(600);
    const d0 = before.distributions[0]!;
    const j = data.featureNames.indexOf(d0.feature);
    const values = Array.from(data.x.data.subarray(j * n, (j + 1) * n)).filter((_, i) => site[i] === d0.site).sort((a, b) => a - b);
    expect(d0.min).toBe(values[0]);
    expect(d0.max).toBe(values[values.length - 1]);
  });
});
