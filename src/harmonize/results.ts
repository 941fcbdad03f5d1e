import type { Dataset } from "../core/dataset.js";
import { frameOfRows } from "../preprocess/frame.js";
import type { FittedWorkflow } from "../validate/workflow.js";
import type { FittedCombatStep } from "./combatStep.js";
import { type SiteDistribution, siteDiagnostics } from "./diagnostics.js";

/** Site diagnostics of one stage (before or after harmonisation), as stored in results.json. */
export interface HarmonizationStage {
  /** Features with a Kruskal–Wallis p < alpha across sites. */
  readonly separating: number;
  readonly separatingBonferroni: number;
  readonly tests: ReadonlyArray<{ readonly feature: string; readonly statistic: number | null; readonly p: number | null }>;
  readonly pca: { readonly explained: readonly number[]; readonly points: ReadonlyArray<{ readonly site: string; readonly pc1: number; readonly pc2: number }> };
  readonly distributions: readonly SiteDistribution[];
}

/** The harmonisation block of results.json: what ComBat did on the development rows, and whether sites still separate. */
export interface HarmonizationResult {
  readonly method: "combat";
  readonly batchColumn: string;
  readonly batches: readonly string[];
  readonly rowsPerBatch: readonly number[];
  readonly referenceBatch: string | null;
  /** "parametric", "non-parametric" or "none". */
  readonly empiricalBayes: string;
  readonly meanOnly: boolean;
  readonly covariates: readonly string[];
  /** Policy for rows from sites the fit never saw. */
  readonly unseen: "refuse" | "reference" | "self";
  /** One sentence on that policy for the report (says when the step is transductive). */
  readonly policy: string;
  readonly test: string;
  readonly alpha: number;
  readonly nFeatures: number;
  readonly before: HarmonizationStage;
  readonly after: HarmonizationStage;
}

const POLICY_TEXT = {
  refuse: "Rows from a site not seen when fitting are refused (error).",
  reference: "Rows from a site not seen when fitting are treated as the reference site: left unchanged.",
  self: "Rows from a site not seen when fitting (leave-one-site-out, external sites) are harmonised with batch effects estimated from that site's own features only, never its outcome: a transductive step, applied to the whole new site at once.",
} as const;

const finite = (v: number) => (Number.isFinite(v) ? v : null);

/**
 * The harmonisation block of the results from the final fit on the
 * development rows: ComBat's settings and the site diagnostics of the
 * features entering ComBat (after the steps before it) and leaving it.
 * Null when the workflow has no ComBat step. Inside every resampling split
 * ComBat is refit on that split's analysis rows; these diagnostics describe
 * the final fit only.
 */
export function harmonizationResult(final: FittedWorkflow | undefined, data: Dataset, devRows: Int32Array): HarmonizationResult | null {
  const steps = final?.recipe.steps ?? [];
  const k = steps.findIndex((s) => s.type === "combat");
  if (k < 0) return null;
  const step = steps[k] as FittedCombatStep;
  const frame0 = frameOfRows(data, devRows);
  let input = frame0;
  for (const s of steps.slice(0, k)) input = { ...s.transform(input), context: frame0.context! };
  const output = step.transform(input);
  const batchColumn = step.spec.batch ?? data.site?.name ?? "";
  const site = Array.from(frame0.context!.column(batchColumn) as ArrayLike<string | number>, String);
  const pick = (x: typeof input.x) => {
    const idx = step.harmonized.map((name) => input.names.indexOf(name));
    const n = x.nRows;
    const out = new Float64Array(n * idx.length);
    idx.forEach((j, c) => out.set(x.data.subarray(j * n, (j + 1) * n), c * n));
    return { nRows: n, nCols: idx.length, data: out };
  };
  const before = siteDiagnostics(pick(input.x), step.harmonized, site);
  const after = siteDiagnostics(pick(output.x), step.harmonized, site, { distributionFeatures: [...new Set(before.distributions.map((d) => d.feature))] });
  const stage = (d: typeof before): HarmonizationStage => ({
    separating: d.separating,
    separatingBonferroni: d.separatingBonferroni,
    tests: d.tests.map((t) => ({ feature: t.feature, statistic: finite(t.statistic), p: finite(t.p) })),
    pca: d.pca,
    distributions: d.distributions,
  });
  const fit = step.fit;
  return {
    method: "combat",
    batchColumn,
    batches: [...fit.batches],
    rowsPerBatch: [...fit.nPerBatch],
    referenceBatch: fit.refBatch,
    empiricalBayes: fit.eb ? (fit.parametric ? "parametric" : "non-parametric") : "none",
    meanOnly: fit.meanOnly,
    covariates: step.spec.covariates.map((c) => c.name),
    unseen: step.spec.unseen,
    policy: POLICY_TEXT[step.spec.unseen],
    test: "Kruskal–Wallis",
    alpha: before.alpha,
    nFeatures: step.harmonized.length,
    before: stage(before),
    after: stage(after),
  };
}
