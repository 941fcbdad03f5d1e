import type { Dataset } from "../../core/dataset.js";
import type { Rng } from "../../core/rng.js";
import { nullDeviance } from "../../metrics/calibration/logistic.js";
import type { FoldResult, InternalModelValidation, OptimismDistribution, OptimismRow, PerformanceMetrics, SelectionStability } from "../../report/results.js";
import { bootstrap } from "../../resample/bootstrap.js";
import { repeatedStratifiedKFold } from "../../resample/repeatedStratifiedKFold.js";
import type { StudyConfig } from "../config.js";
import { type SplitPredictions, poolByRepeat, resampleWorkflows } from "../crossValidation.js";
import { calibrationPoints, decisionCurveRows, rocPoints } from "../curves.js";
import { OPTIMISM_METRICS, type OptimismResult, type OriginalFit, optimismBootstrap } from "../optimismBootstrap.js";
import { performanceMetrics, pointEstimate } from "../performance.js";
import { type PermutationTestResult, permutationTest } from "../permutation.js";
import type { TaskExecutor, ValidationJob } from "../tasks.js";

/** What the internal validation of a study produced, per workflow. */
export interface InternalRun {
  readonly scheme: string;
  readonly description: string;
  readonly folds: number | null;
  readonly repeats: number | null;
  readonly bootstraps: number | null;
  readonly models: InternalModelValidation[];
  /** Pooled out-of-fold predictions per workflow (first repeat), when CV ran: for thresholds and curves. */
  readonly pooled: Map<string, { rows: Int32Array; y: Float64Array; prob: Float64Array }>;
  /** Every CV split's predictions (all repeats), empty without CV. */
  readonly splitPredictions: readonly SplitPredictions[];
}

const METRIC_NAME: Partial<Record<(typeof OPTIMISM_METRICS)[number], OptimismDistribution["metric"]>> = {
  auc: "auc",
  brier: "brier",
  citl: "calibrationIntercept",
  slope: "calibrationSlope",
  r2Nagelkerke: "r2Nagelkerke",
};

function correctedMetrics(result: OptimismResult, yDev: Float64Array): PerformanceMetrics {
  const n = yDev.length;
  const maxCoxSnell = 1 - Math.exp(-nullDeviance(yDev) / n);
  const r2 = result.corrected.r2Nagelkerke;
  return {
    auc: pointEstimate(result.corrected.auc),
    brier: pointEstimate(result.corrected.brier),
    calibrationIntercept: pointEstimate(result.corrected.citl),
    calibrationSlope: pointEstimate(result.corrected.slope),
    eavg: null,
    e90: null,
    emax: null,
    r2Nagelkerke: pointEstimate(r2),
    r2CoxSnell: pointEstimate(r2 === null ? null : r2 * maxCoxSnell),
  };
}

function optimismTable(result: OptimismResult): OptimismRow[] {
  const rows: OptimismRow[] = OPTIMISM_METRICS.map((index) => {
    const train = result.replicates.map((r) => r.apparent[index]).filter((v): v is number => v !== null);
    const test = result.replicates.map((r) => r.test[index]).filter((v): v is number => v !== null);
    const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);
    return { index, apparent: result.original[index], training: mean(train), test: mean(test), optimism: result.meanOptimism[index], corrected: result.corrected[index], n: result.used[index] };
  });
  rows.push({ index: "emax", apparent: 0, training: 0, test: null, optimism: result.correctedEmax, corrected: result.correctedEmax, n: result.used.slope });
  return rows;
}

function dotPlusRows(result: OptimismResult) {
  const out = [];
  if (result.dotPlus.auc) out.push({ measure: "auc", ...result.dotPlus.auc });
  out.push({ measure: "brier", ...result.dotPlus.brier });
  out.push({ measure: "errorRate", ...result.dotPlus.errorRate });
  return out;
}

function foldResults(result: SplitPredictions, y: Float64Array): FoldResult[] {
  return result.splits.map((s) => ({
    split: s.id,
    nAnalysis: s.analysis.length,
    eventsAnalysis: s.eventsAnalysis,
    nAssessment: s.assessment.length,
    eventsAssessment: Array.from(s.assessment).reduce((a, r) => a + y[r]!, 0),
    auc: s.indexes.auc,
    calibrationSlope: s.indexes.slope,
    brier: s.indexes.brier,
  }));
}

/**
 * Selection frequencies over the refits of a linear model (each refit's
 * features with a non-zero coefficient); null when the model has no
 * coefficients or nothing was refit.
 */
export function selectionStability(refits: ReadonlyArray<readonly string[] | null>, final: readonly string[] | null): SelectionStability | null {
  if (!final || refits.length === 0 || refits.some((r) => r === null)) return null;
  const counts = new Map<string, number>(final.map((f) => [f, 0]));
  let interceptOnly = 0;
  for (const selected of refits as ReadonlyArray<readonly string[]>) {
    if (selected.length === 0) interceptOnly++;
    for (const f of selected) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const inFinal = new Set(final);
  const features = [...counts]
    .map(([feature, count]) => ({ feature, frequency: count / refits.length, inFinal: inFinal.has(feature) }))
    .sort((a, b) => b.frequency - a.frequency || Number(b.inFinal) - Number(a.inFinal) || (a.feature < b.feature ? -1 : 1));
  return { refits: refits.length, interceptOnly, features };
}

/** Mean of the per-repeat pooled PerformanceMetrics point estimates (CI bounds averaged too). */
function meanMetrics(list: PerformanceMetrics[]): PerformanceMetrics {
  if (list.length === 1) return list[0]!;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(list[0]!) as (keyof PerformanceMetrics)[]) {
    const values = list.map((m) => m[key]).filter((e): e is NonNullable<typeof e> => e !== null && e.estimate !== null);
    if (values.length === 0) {
      out[key] = null;
      continue;
    }
    const avg = (f: (e: (typeof values)[number]) => number | null) => {
      const v = values.map(f).filter((x): x is number => x !== null);
      return v.length === values.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
    };
    out[key] = { estimate: avg((e) => e.estimate), lower: avg((e) => e.lower), upper: avg((e) => e.upper), level: values[0]!.level, method: values[0]!.method ? `${values[0]!.method}, mean over ${list.length} repeats` : null };
  }
  return out as unknown as PerformanceMetrics;
}

/**
 * Runs the internal validation a study config asks for on the development
 * rows: repeated stratified k-fold CV (pooled out-of-fold metrics, per-fold
 * values, curves), Harrell's optimism bootstrap with .632/.632+ from the same
 * fits — correcting the study's final fits (`finalFits`: their predictions on
 * the development rows), not a second fit — and a label-permutation test. Default when nothing is configured:
 * 10-fold CV. Each procedure draws from its own child of `rng`.
 */
export async function runInternalValidation(
  config: StudyConfig,
  job: ValidationJob,
  devRows: Int32Array,
  apparent: Map<string, PerformanceMetrics>,
  finalFits: Map<string, OriginalFit>,
  finalSelected: Map<string, readonly string[] | null>,
  rng: Rng,
  curveRng: Rng,
  executor: TaskExecutor,
  progress: (stage: string, done: number, total: number) => void,
  thresholds?: ArrayLike<number>,
): Promise<InternalRun> {
  const [cvRng, bootRng, permRng] = rng.splitMany(3) as [Rng, Rng, Rng];
  const data: Dataset = job.data;
  const y = data.outcome!.values;
  const yDev = Float64Array.from(devRows, (r) => y[r]!);
  const internal = config.internal ?? {};
  const cvConfig = internal.cv ?? (internal.bootstrap ? undefined : { folds: 10 });
  const folds = cvConfig?.folds ?? 10;
  const repeats = cvConfig?.repeats ?? 1;

  let cv: SplitPredictions[] | null = null;
  if (cvConfig) {
    const partition = repeatedStratifiedKFold(yDev, folds, repeats, cvRng.split());
    const mapped = {
      ...partition,
      n: data.x.nRows,
      splits: partition.splits.map((s) => ({ ...s, analysis: Int32Array.from(s.analysis, (k) => devRows[k]!), assessment: Int32Array.from(s.assessment, (k) => devRows[k]!) })),
    };
    cv = await resampleWorkflows(job, mapped, cvRng, { executor, onProgress: (d, t) => progress("cross-validation", d, t) });
  }
  let boot: OptimismResult[] | null = null;
  const replicates = internal.bootstrap ? (internal.bootstrap.replicates ?? 200) : 0;
  if (replicates > 0) {
    const samples = bootstrap(devRows.length, replicates, bootRng.split());
    const original = job.workflows.map((w) => finalFits.get(w.id)!);
    boot = await optimismBootstrap(job, devRows, samples, bootRng, { executor, original, onProgress: (d, t) => progress("optimism bootstrap", d, t) });
  }
  let perm: PermutationTestResult[] | null = null;
  if ((internal.permutations ?? 0) > 0) {
    perm = await permutationTest(job, devRows, internal.permutations!, Math.min(folds, 5), permRng, { executor, onProgress: (d, t) => progress("permutation test", d, t) });
  }

  const pooled = new Map<string, { rows: Int32Array; y: Float64Array; prob: Float64Array }>();
  const models: InternalModelValidation[] = job.workflows.map((w, k) => {
    const cvResult = cv?.[k] ?? null;
    const repeatsPooled = cvResult ? poolByRepeat(cvResult, folds, y) : [];
    const cvMetrics = repeatsPooled.length ? meanMetrics(repeatsPooled.map((p) => performanceMetrics(p.y, p.prob, 0.95, p.logit))) : null;
    const bootResult = boot?.[k] ?? null;
    // Curves and the classification threshold need one out-of-sample prediction per case: the first CV repeat's,
    // else the bootstrap's leave-one-out (out-of-bag mean) predictions.
    let first = repeatsPooled[0];
    if (!first && bootResult) {
      const keep = Array.from(devRows.keys()).filter((i) => !Number.isNaN(bootResult.outOfBagMean[i]!));
      first = { rows: Int32Array.from(keep, (i) => devRows[i]!), y: Float64Array.from(keep, (i) => yDev[i]!), prob: Float64Array.from(keep, (i) => bootResult.outOfBagMean[i]!), logit: null };
    }
    if (first) pooled.set(w.id, first);
    const permResult = perm?.[k] ?? null;
    return {
      model: w.id,
      apparent: apparent.get(w.id)!,
      corrected: bootResult ? correctedMetrics(bootResult, yDev) : cvMetrics!,
      optimism: bootResult
        ? OPTIMISM_METRICS.filter((m) => METRIC_NAME[m]).map((m) => ({
            metric: METRIC_NAME[m]!,
            mean: bootResult.meanOptimism[m] ?? NaN,
            values: bootResult.replicates.map((r) => r.optimism[m]).filter((v): v is number => v !== null),
          })).filter((d) => d.values.length > 0) // indexes no replicate could estimate are left out, not drawn as a mean of 0
        : [],
      folds: cvResult ? foldResults(cvResult, y) : [],
      roc: first ? rocPoints(first.y, first.prob, { rng: curveRng.split() }) : null,
      calibration: first ? calibrationPoints(first.y, first.prob, { rng: curveRng.split() }) : null,
      decisionCurve: first ? decisionCurveRows(first.y, first.prob, thresholds) : [],
      optimismTable: bootResult ? optimismTable(bootResult) : [],
      dotPlus: bootResult ? dotPlusRows(bootResult) : [],
      crossValidated: bootResult && cvMetrics ? cvMetrics : null,
      selection: selectionStability([...(bootResult?.replicates ?? []).map((r) => r.selected), ...(cvResult?.splits ?? []).map((s) => s.selected)], finalSelected.get(w.id) ?? null),
      permutationTest: permResult
        ? {
            permutations: permResult.permutedAucs.length,
            folds: permResult.folds,
            observedAuc: permResult.observedAuc,
            meanPermutedAuc: permResult.permutedAucs.reduce((a, b) => a + b, 0) / permResult.permutedAucs.length,
            pValue: permResult.pValue,
          }
        : null,
    };
  });
  const scheme = boot ? "bootstrap-optimism" : repeats > 1 ? "repeated-cv" : "cv";
  const parts: string[] = [];
  if (boot) parts.push(`Harrell's optimism bootstrap with ${replicates} replicates (.632/.632+ from the same fits)`);
  if (cv) parts.push(`${repeats > 1 ? `${repeats} × ` : ""}stratified ${folds}-fold cross-validation`);
  if (perm) parts.push(`label-permutation test (${internal.permutations} permutations)`);
  if (boot && !cv) parts.push("curves from the out-of-bag predictions (each case's mean prediction by the fits whose sample left it out)");
  return {
    scheme,
    description: `${parts.join("; ")}; the whole pipeline (every recipe step, tuning and the model) refit inside every split`,
    folds: cv ? folds : null,
    repeats: cv ? repeats : null,
    bootstraps: boot ? replicates : null,
    models,
    pooled,
    splitPredictions: cv ?? [],
  };
}
