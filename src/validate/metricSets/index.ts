import type { Response } from "../../core/response.js";
import { binaryMetricSet } from "./binary.js";
import { nominalMetricSet, ordinalMetricSet } from "./levels.js";
import { survivalMetricSet } from "./survival.js";
import type { MetricSet } from "./types.js";

export type { MetricDefinition, MetricSet, MetricValues } from "./types.js";
export { binaryMetricSet } from "./binary.js";
export { survivalMetricSet } from "./survival.js";
export { ordinalMetricSet, nominalMetricSet, expectedLevel, cutoffMetricName } from "./levels.js";

/** The metric set of a response's kind (ordinal: one AUC per named cut-off). The one place that maps a kind to its metrics. */
export function metricSetFor(response: Response): MetricSet {
  switch (response.kind) {
    case "binary":
      return binaryMetricSet;
    case "survival":
      return survivalMetricSet;
    case "ordinal":
      return ordinalMetricSet(response.cutoffs.map((c) => c.label));
    case "nominal":
      return nominalMetricSet();
  }
}
