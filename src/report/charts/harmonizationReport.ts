import type { ReportChart, ReportTable } from "../model.js";
import type { StudyResults } from "../results.js";
import { harmonizationDistributionChart, harmonizationPcaChart, harmonizationSeparationChart } from "./harmonization.js";

/** Chart ids of the harmonisation block, in report order. */
export const HARMONIZATION_CHART_IDS = ["harmonization-separation", "harmonization-pca", "harmonization-distributions"] as const;

/** One sentence describing the harmonisation and its effect, for the data-preparation item. */
export function harmonizationSentence(results: StudyResults): string | null {
  const h = results.harmonization;
  if (!h) return null;
  return `Site harmonisation: ComBat (${h.empiricalBayes === "none" ? "no empirical Bayes" : `${h.empiricalBayes} empirical Bayes`}${h.meanOnly ? ", location only" : ""}${h.referenceBatch ? `, reference site ${h.referenceBatch} unchanged` : ""}${h.covariates.length ? `, preserving ${h.covariates.join(", ")}` : ""}) over ${h.batchColumn} (${h.batches.join(", ")}), refit on the analysis rows of every split. ${h.policy} Features separating sites (${h.test} p < ${h.alpha}): ${h.before.separating} of ${h.nFeatures} before, ${h.after.separating} after.`;
}

/** The harmonisation charts (site separation, PCA by site, per-site distributions); none without harmonisation. */
export function harmonizationCharts(results: StudyResults): ReportChart[] {
  const h = results.harmonization;
  if (!h) return [];
  return [
    { id: HARMONIZATION_CHART_IDS[0], title: "Site separation before and after ComBat", caption: `−log10 ${h.test} p-value across sites of each harmonised feature; ${h.before.separating} of ${h.nFeatures} features separate sites (p < ${h.alpha}) before ComBat and ${h.after.separating} after.`, spec: harmonizationSeparationChart(h) },
    { id: HARMONIZATION_CHART_IDS[1], title: "PCA by site before and after ComBat", caption: "First two principal components of the standardised features on the development rows, coloured by site; site clusters that disappear after harmonisation are batch effects removed.", spec: harmonizationPcaChart(h) },
    { id: HARMONIZATION_CHART_IDS[2], title: "Per-site distributions before and after ComBat", caption: "Per-site box plots of the features that separated sites most before harmonisation.", spec: harmonizationDistributionChart(h) },
  ];
}

/** The harmonisation table (settings and separation counts); none without harmonisation. */
export function harmonizationTables(results: StudyResults): ReportTable[] {
  const h = results.harmonization;
  if (!h) return [];
  const rows = [
    ["before ComBat", h.before.separating, h.before.separatingBonferroni, h.before.pca.explained[0] ?? null, h.before.pca.explained[1] ?? null],
    ["after ComBat", h.after.separating, h.after.separatingBonferroni, h.after.pca.explained[0] ?? null, h.after.pca.explained[1] ?? null],
  ];
  return [
    {
      id: "harmonization",
      title: `Site harmonisation (ComBat over ${h.batchColumn}: ${h.batches.map((b, k) => `${b} ${h.rowsPerBatch[k]}`).join(", ")})`,
      columns: ["Stage", `Features separating sites (p < ${h.alpha})`, "Bonferroni", "PC1 variance", "PC2 variance"],
      rows,
      note: `${h.nFeatures} features; ${h.test} test across sites on the development rows (final fit). ${h.policy}`,
    },
  ];
}
