import type { HarmonizationResult, HarmonizationStage } from "../../harmonize/results.js";
import { type VegaLiteSpec, round, topLevel } from "./common.js";

const STAGES = ["before ComBat", "after ComBat"] as const;

function stages(h: HarmonizationResult): ReadonlyArray<readonly [string, HarmonizationStage]> {
  return [
    [STAGES[0], h.before],
    [STAGES[1], h.after],
  ];
}

const siteColor = (h: HarmonizationResult) => ({ field: "site", type: "nominal", title: h.batchColumn, scale: { scheme: "category10" }, sort: [...h.batches] });

/**
 * PCA scatter of the harmonised features coloured by site, before and after
 * ComBat (two panels): site clusters that vanish after harmonisation show the
 * batch effect was removed. Axis titles give the variance explained. Pure.
 */
export function harmonizationPcaChart(h: HarmonizationResult, options: { title?: string } = {}): VegaLiteSpec {
  const panels = stages(h).map(([stage, s]) => ({
    title: stage,
    width: 260,
    height: 240,
    data: { values: s.pca.points.map((p) => ({ site: p.site, pc1: round(p.pc1), pc2: round(p.pc2) })) },
    mark: { type: "circle", size: 18, opacity: 0.6 },
    encoding: {
      x: { field: "pc1", type: "quantitative", title: `PC1 (${(100 * (s.pca.explained[0] ?? 0)).toFixed(1)}%)` },
      y: { field: "pc2", type: "quantitative", title: `PC2 (${(100 * (s.pca.explained[1] ?? 0)).toFixed(1)}%)` },
      color: siteColor(h),
      tooltip: [{ field: "site" }, { field: "pc1", format: ".2f" }, { field: "pc2", format: ".2f" }],
    },
  }));
  return topLevel(options.title ?? "Principal components by site", { hconcat: panels, resolve: { scale: { color: "shared" } } }, `${h.nFeatures} features, standardised; development rows (final fit)`);
}

/**
 * Site separation per feature: −log10 Kruskal–Wallis p-value across sites
 * before and after ComBat (one dot per feature), with the α line; dots to the
 * right of it are features that still separate sites. Pure.
 */
export function harmonizationSeparationChart(h: HarmonizationResult, options: { title?: string } = {}): VegaLiteSpec {
  const values = stages(h).flatMap(([stage, s]) =>
    s.tests.filter((t) => t.p !== null).map((t) => ({ stage, feature: t.feature, p: t.p!, score: round(-Math.log10(Math.max(t.p!, 1e-300))) })),
  );
  return topLevel(
    options.title ?? "Do features still separate sites?",
    {
      width: 420,
      height: 110,
      layer: [
        {
          data: { values },
          mark: { type: "tick", thickness: 1.5, opacity: 0.7 },
          encoding: {
            x: { field: "score", type: "quantitative", title: `−log10 p (${h.test} across sites)` },
            y: { field: "stage", type: "nominal", sort: [...STAGES], title: null },
            color: { field: "stage", type: "nominal", sort: [...STAGES], scale: { domain: [...STAGES], range: ["#e45756", "#4c78a8"] }, legend: null },
            tooltip: [{ field: "feature" }, { field: "p", format: ".3g" }],
          },
        },
        {
          data: { values: [{ cut: round(-Math.log10(h.alpha)), label: `p = ${h.alpha}` }] },
          layer: [
            { mark: { type: "rule", color: "#333333", strokeDash: [4, 4] }, encoding: { x: { field: "cut", type: "quantitative" } } },
            { mark: { type: "text", align: "left", dx: 4, dy: -4, baseline: "bottom", color: "#333333" }, encoding: { x: { field: "cut", type: "quantitative" }, y: { value: 0 }, text: { field: "label" } } },
          ],
        },
      ],
    },
    `${h.before.separating} of ${h.nFeatures} features with p < ${h.alpha} before, ${h.after.separating} after (Bonferroni: ${h.before.separatingBonferroni} → ${h.after.separatingBonferroni})`,
  );
}

/**
 * Per-site distributions (box plots from five-number summaries: whiskers
 * min–max, box Q1–Q3, median tick) of the features that separated sites most
 * before ComBat, before and after; one row per feature, shared x per row. Pure.
 */
export function harmonizationDistributionChart(h: HarmonizationResult, options: { title?: string } = {}): VegaLiteSpec {
  const features = [...new Set(h.before.distributions.map((d) => d.feature))];
  const values = stages(h).flatMap(([stage, s]) =>
    s.distributions.map((d) => ({ stage, feature: d.feature, site: d.site, n: d.n, min: round(d.min), q1: round(d.q1), median: round(d.median), q3: round(d.q3), max: round(d.max) })),
  );
  const y = { field: "site", type: "nominal", title: null, sort: [...h.batches] };
  const x = (field: string) => ({ field, type: "quantitative", title: null, scale: { zero: false } });
  const rows = features.map((feature) => ({
    title: { text: feature, fontSize: 12 },
    hconcat: STAGES.map((stage) => ({
      title: { text: stage, fontSize: 11, fontWeight: "normal" },
      width: 200,
      height: 16 * h.batches.length,
      data: { values: values.filter((v) => v.feature === feature && v.stage === stage) },
      layer: [
        { mark: { type: "rule" }, encoding: { y, x: x("min"), x2: { field: "max" } } },
        { mark: { type: "bar", size: 10 }, encoding: { y, x: x("q1"), x2: { field: "q3" }, color: siteColor(h), tooltip: [{ field: "site" }, { field: "n" }, { field: "median", format: ".4g" }, { field: "q1", format: ".4g" }, { field: "q3", format: ".4g" }] } },
        { mark: { type: "tick", color: "white", size: 10, thickness: 2 }, encoding: { y, x: x("median") } },
      ],
    })),
    resolve: { scale: { x: "shared" } },
  }));
  return topLevel(options.title ?? "Per-site distributions of the most site-dependent features", { vconcat: rows, resolve: { scale: { color: "shared" } } }, "Whiskers min–max, box Q1–Q3, white tick median; development rows (final fit)");
}
