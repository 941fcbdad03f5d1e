import { RadvalError, type RadvalWarning } from "../core/errors.js";
import { gatherColumns } from "../core/matrix.js";
import { type FeatureClustering, type FeatureClusteringOptions, clusterFeatures, resolveClusteringOptions } from "../cluster/featureClusters.js";
import type { CorrelationMethod } from "../cluster/correlation.js";
import type { Linkage } from "../cluster/hclust.js";
import type { RepresentativeRule } from "../cluster/representative.js";
import type { FeatureFrame, FittedStep, StepFitContext, StepLog, StepSpec } from "./types.js";

/** Spec of the redundancy step: frozen plain data. */
export interface RedundancySpec extends StepSpec {
  readonly type: "redundancy";
  readonly correlation: CorrelationMethod;
  readonly linkage: Linkage;
  /** |r| at which features count as redundant (tree cut at 1 − threshold). */
  readonly threshold: number;
  readonly representative: RepresentativeRule;
}

/**
 * Redundancy-reduction step spec (defaults: Pearson, average linkage,
 * threshold 0.90, representative by `variance`). Options are checked here,
 * so a bad spec fails before any resampling starts.
 */
export function redundancyStep(options: Omit<FeatureClusteringOptions, "y"> = {}): RedundancySpec {
  const o = resolveClusteringOptions(options);
  return Object.freeze({ type: "redundancy", correlation: o.correlation, linkage: o.linkage, threshold: o.threshold, representative: o.representative });
}

/** A fitted redundancy step: the clustering learnt on the analysis rows, and the kept representatives. */
export interface FittedRedundancy extends FittedStep {
  readonly type: "redundancy";
  readonly spec: RedundancySpec;
  readonly clustering: FeatureClustering;
  /** Features removed (non-representative members), input order. */
  readonly removed: readonly string[];
}

function columnsByName(frame: FeatureFrame, wanted: readonly string[], step: string): number[] {
  const index = new Map(frame.names.map((name, j) => [name, j]));
  return wanted.map((name) => {
    const j = index.get(name);
    if (j === undefined) {
      throw new RadvalError("UNKNOWN_COLUMN", `the ${step} step was fitted with feature "${name}", which is not in the data to transform`, {
        where: { feature: name },
        hint: "Transform data with the same feature columns the step was fitted on.",
      });
    }
    return j;
  });
}

/**
 * Fits the redundancy step on `frame` — the analysis rows only — with
 * {@link clusterFeatures}: correlation clustering, cut at |r| ≥ threshold,
 * one representative per cluster (`variance`, `auc` with `context.y`, or
 * `medoid`). `transform` then keeps the representatives (in input order) of
 * any rows without refitting. Missing values are rejected (`MISSING_VALUES`:
 * put an impute step first), not handled pairwise, so every correlation uses
 * the same rows. Never mutates its inputs. Cost: see {@link clusterFeatures}.
 */
export function fitRedundancy(spec: RedundancySpec, frame: FeatureFrame, context: StepFitContext): FittedRedundancy {
  const clustering = clusterFeatures(frame.x, frame.names, {
    correlation: spec.correlation,
    linkage: spec.linkage,
    threshold: spec.threshold,
    representative: spec.representative,
    ...(context.y !== undefined ? { y: context.y } : {}),
  });
  const keep = new Set(clustering.clusters.map((c) => c.representative));
  const outputNames = frame.names.filter((name) => keep.has(name));
  const removed = frame.names.filter((name) => !keep.has(name));
  const inputNames = Object.freeze([...frame.names]);
  const warnings: readonly RadvalWarning[] = clustering.warnings;
  const log: StepLog = Object.freeze({
    type: "redundancy",
    inputFeatures: inputNames.length,
    outputFeatures: outputNames.length,
    details: Object.freeze({
      correlation: spec.correlation,
      linkage: spec.linkage,
      threshold: spec.threshold,
      representative: spec.representative,
      clusters: clustering.clusters,
      removed,
      merges: clustering.merges,
      order: clustering.order,
    }),
  });
  return Object.freeze({
    type: "redundancy" as const,
    spec,
    clustering,
    removed: Object.freeze(removed),
    inputNames,
    outputNames: Object.freeze(outputNames),
    warnings,
    transform(input: FeatureFrame): FeatureFrame {
      const cols = columnsByName(input, outputNames, "redundancy");
      return Object.freeze({ names: Object.freeze([...outputNames]), x: gatherColumns(input.x, cols) });
    },
    describe: () => log,
    toJSON: () => ({ type: "select" as const, step: "redundancy", keep: [...outputNames] }),
  });
}
