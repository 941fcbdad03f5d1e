import type { Command } from "commander";
import { RadvalError } from "../../core/errors.js";
import { type FeatureClustering, clusterFeatures } from "../../cluster/featureClusters.js";
import type { CorrelationMethod } from "../../cluster/correlation.js";
import type { Linkage } from "../../cluster/hclust.js";
import type { RepresentativeRule } from "../../cluster/representative.js";
import { readFeatureTable } from "../../io/readTable.js";
import { formatNumber, formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { type RoleOptions, addCommonOptions, addRoleOptions, numberOption, parseOptionsFrom, rolesFromOptions } from "../options.js";
import { printJson, printWarnings } from "../output.js";

interface ClusterCliOptions extends RoleOptions {
  method?: string;
  correlation?: string;
  threshold?: string;
  representative?: string;
}

/** The public `radval cluster --json` shape: {"clusters":[{representative, members, meanAbsR, …}], "merges":[…], …}. */
export function clusterJson(result: FeatureClustering, rows: number): Record<string, unknown> {
  return {
    rows,
    features: result.features,
    correlation: result.correlation,
    method: result.linkage,
    threshold: result.threshold,
    cutHeight: result.cutHeight,
    representativeRule: result.representativeRule,
    clusters: result.clusters.map((c) => ({
      id: c.id,
      representative: c.representative,
      members: c.members,
      meanAbsR: c.meanAbsR,
      rule: c.rule,
      scores: c.scores,
    })),
    merges: result.merges,
    order: result.order,
    constantFeatures: result.constantFeatures,
  };
}

function humanCluster(result: FeatureClustering, file: string, rows: number): string {
  const multi = result.clusters.filter((c) => c.members.length > 1);
  const lines = [
    `${file}: ${result.features.length} features, ${rows} rows; ${result.correlation} |r| ≥ ${result.threshold}, ${result.linkage} linkage → ` +
      `${result.clusters.length} clusters (${multi.length} with several members), keeping one representative each (by ${result.representativeRule})`,
  ];
  if (multi.length > 0) {
    lines.push(
      formatTable(
        ["cluster", "size", "representative", "mean |r|", "members"],
        multi.map((c) => [String(c.id), String(c.members.length), c.representative, formatNumber(c.meanAbsR, 3), c.members.filter((m) => m !== c.representative).join(", ")]),
      ).trimEnd(),
    );
  }
  lines.push(`Singletons (kept): ${result.clusters.length - multi.length}. Use --json for the merge tree (dendrogram).`);
  return `${lines.join("\n")}\n`;
}

function choice<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new RadvalError("INVALID_OPTION", `expected one of ${allowed.join(", ")}, got "${value}"`, { where: { option }, hint: `Example: ${option} ${fallback}` });
  }
  return value as T;
}

/** `radval cluster <wide.csv>`: correlation clustering of the features, cut at |r| ≥ threshold, one representative per cluster. */
export function registerCluster(program: Command, io: CliIo): void {
  const command = program
    .command("cluster")
    .description("redundancy clustering of features: correlation, 1 − |r| distance, hierarchical clustering cut at |r| ≥ threshold, one representative per cluster")
    .argument("<file>", "wide CSV, one row per case");
  addCommonOptions(command);
  addRoleOptions(command, { site: false });
  command
    .option("--method <linkage>", "average, complete or single linkage (default average)")
    .option("--correlation <kind>", "pearson or spearman (default pearson)")
    .option("--threshold <r>", "features with |r| ≥ threshold share a cluster (default 0.9)")
    .option("--representative <rule>", "variance (highest coefficient of variation), auc (highest univariate AUC; needs --outcome) or medoid; default auc with --outcome, else variance");
  command.action((file: string, options: ClusterCliOptions) => {
    const threshold = numberOption("--threshold", options.threshold, { min: 0, max: 1, default: 0.9 })!;
    const linkage = choice<Linkage>("--method", options.method, ["average", "complete", "single"], "average");
    const correlation = choice<CorrelationMethod>("--correlation", options.correlation, ["pearson", "spearman"], "pearson");
    const representative = choice<RepresentativeRule>("--representative", options.representative, ["variance", "auc", "medoid"], options.outcome ? "auc" : "variance");
    const data = readFeatureTable(file, rolesFromOptions(options), parseOptionsFrom(options));
    printWarnings(io, data.warnings, options.quiet);
    if (representative === "auc" && !data.outcome) {
      throw new RadvalError("MISSING_ROLE", "--representative auc needs the outcome", { where: { file, option: "--representative" }, hint: "Add --outcome COL, or use --representative variance or medoid." });
    }
    const { nRows: n, nCols: p } = data.x;
    for (let j = 0; j < p; j++) {
      for (let i = 0; i < n; i++) {
        if (Number.isNaN(data.x.data[j * n + i]!)) {
          const line = data.lineOfRow?.[i];
          throw new RadvalError("MISSING_VALUES", `missing value: correlation clustering needs complete data`, {
            where: { file, ...(line !== undefined ? { line } : {}), row: i + 1, column: data.featureNames[j]! },
            hint: "Impute first, drop the rows, or leave the feature out (--exclude COL).",
          });
        }
      }
    }
    const result = clusterFeatures(data.x, data.featureNames, {
      correlation,
      linkage,
      threshold,
      representative,
      ...(data.outcome ? { y: data.outcome.values } : {}),
    });
    printWarnings(io, result.warnings, options.quiet);
    if (options.json) printJson(io, clusterJson(result, n));
    else io.stdout(humanCluster(result, file, n));
  });
}
