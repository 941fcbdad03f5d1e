import { MAX_REPLICATES } from "../../validate/limits.js";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import { RadvalError } from "../../core/errors.js";
import { createRng } from "../../core/rng.js";
import { readNiftiFile } from "../../io/niftiFile.js";
import { compareSegmentationPairs } from "../../io/niftiPairs.js";
import { niftiMask } from "../../io/niftiVolume.js";
import { loadVegaScripts } from "../../io/vegaAssets.js";
import { type SegmentationMetrics, segmentationMetrics } from "../../segmentation/metrics.js";
import { renderSegmentationHtml } from "../../segmentation/report.js";
import { type MetricSummary, type SegmentationSummary, summarizeSegmentation } from "../../segmentation/summary.js";
import { RADVAL_VERSION } from "../../version.js";
import { formatNumber, formatTable } from "../format.js";
import type { CliIo } from "../io.js";
import { numberOption } from "../options.js";
import { printJson, printWarnings } from "../output.js";

interface SegCliOptions {
  pairs?: string;
  label?: string;
  tolerance?: string;
  seed?: string;
  replicates?: string;
  worst?: string;
  out?: string;
  json?: boolean;
  quiet?: boolean;
}

/** The public `radval seg REF PRED --json` shape (volumes in ml, distances in mm, null where undefined), plus details. */
export function segJson(m: SegmentationMetrics, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    dice: m.dice,
    jaccard: m.jaccard,
    sensitivity: m.sensitivity,
    precision: m.precision,
    volumeReference: m.volumeReference,
    volumePrediction: m.volumePrediction,
    relativeVolumeDifference: m.relativeVolumeDifference,
    hausdorff: m.hausdorff,
    hd95: m.hd95,
    assd: m.assd,
    surfaceDice: m.surfaceDice,
    tolerance: m.tolerance,
    ...extra,
    voxels: { reference: m.nVoxelsReference, prediction: m.nVoxelsPrediction, intersection: m.nIntersection, union: m.nUnion },
    surfaceVoxels: { reference: m.nSurfaceReference, prediction: m.nSurfacePrediction },
    spacing: m.spacing,
    voxelVolumeMm3: m.voxelVolumeMm3,
    assdMeanOfDirected: m.assdMeanOfDirected,
    hd95MaxOfDirected: m.hd95MaxOfDirected,
    directed: m.directed,
  };
}

function humanPair(m: SegmentationMetrics, ref: string, pred: string, grid: string): string {
  const d = (x: number | null, digits = 4) => (x === null ? "undefined" : formatNumber(x, digits));
  const rows = [
    ["Dice", d(m.dice)],
    ["Jaccard", d(m.jaccard)],
    ["sensitivity", d(m.sensitivity)],
    ["precision", d(m.precision)],
    ["volume reference (ml)", d(m.volumeReference)],
    ["volume prediction (ml)", d(m.volumePrediction)],
    ["relative volume difference", d(m.relativeVolumeDifference)],
    ["Hausdorff (mm)", d(m.hausdorff)],
    ["HD95 (mm), pooled", d(m.hd95)],
    ["ASSD (mm), pooled", d(m.assd)],
    [`surface Dice at ${m.tolerance} mm`, d(m.surfaceDice)],
  ];
  const note = m.hausdorff === null ? "Surface distances are undefined because a mask is empty.\n" : "";
  return `reference ${ref}\nprediction ${pred}\ngrid ${grid}\n${formatTable(["metric", "value"], rows)}${note}`;
}

function summaryJson(s: SegmentationSummary): Record<string, unknown> {
  const metrics = (list: readonly MetricSummary[]) => Object.fromEntries(list.map((m) => [m.metric, m]));
  return {
    cases: s.cases.map((c) => ({ caseId: c.caseId, reader: c.reader, reference: c.reference, prediction: c.prediction, ...segJson(c.metrics) })),
    readers: s.readers.map((r) => ({ reader: r.reader, nCases: r.nCases, metrics: metrics(r.metrics), volumeAgreement: r.volumeAgreement })),
    readerAgreement: s.readerAgreement.map((a) => ({ readerA: a.readerA, readerB: a.readerB, nCases: a.nCases, metrics: metrics(a.metrics), volumeAgreement: a.volumeAgreement })),
    worstCases: s.worstCases.map((c) => ({ caseId: c.caseId, reader: c.reader, dice: c.metrics.dice, hd95: c.metrics.hd95 })),
    replicates: s.replicates,
    level: s.level,
  };
}

function humanSummary(s: SegmentationSummary, htmlPath: string): string {
  const ci = (m: MetricSummary, which: "mean" | "median") => {
    const e = m[which];
    if (!e || e.estimate === null) return "—";
    return e.lower === null || e.upper === null ? formatNumber(e.estimate, 4) : `${formatNumber(e.estimate, 4)} [${formatNumber(e.lower, 4)}, ${formatNumber(e.upper, 4)}]`;
  };
  let out = "";
  for (const r of s.readers) {
    out += `${r.reader ?? "all cases"}: ${r.nCases} cases\n`;
    out += formatTable(["metric", "n", "mean [95% CI]", "median [95% CI]"], r.metrics.map((m) => [m.metric, String(m.n), ci(m, "mean"), ci(m, "median")]));
    const ba = r.volumeAgreement;
    if (ba) out += `volumes (prediction − reference, ml): bias ${formatNumber(ba.bias, 3)} [${formatNumber(ba.biasCi[0], 3)}, ${formatNumber(ba.biasCi[1], 3)}], limits of agreement ${formatNumber(ba.lowerLimit, 3)} to ${formatNumber(ba.upperLimit, 3)}\n`;
  }
  for (const a of s.readerAgreement) {
    const dice = a.metrics.find((m) => m.metric === "dice")!;
    out += `readers ${a.readerA} vs ${a.readerB}: ${a.nCases} cases, mean Dice ${ci(dice, "mean")}\n`;
  }
  out += `worst cases: ${s.worstCases.map((c) => `${c.caseId}${c.reader ? ` (${c.reader})` : ""} Dice ${formatNumber(c.metrics.dice, 3)}`).join("; ")}\n`;
  out += `report: ${htmlPath}\n`;
  return out;
}

/**
 * `radval seg REF PRED [--label L] [--tolerance MM]`: agreement of two NIfTI masks;
 * `radval seg --pairs pairs.csv [--out DIR]`: a batch with summaries and an HTML report.
 */
export function registerSeg(program: Command, io: CliIo): void {
  program
    .command("seg")
    .description("segmentation agreement of NIfTI masks (Dice, Jaccard, volumes, Hausdorff, HD95, ASSD, surface Dice); one pair or a batch (--pairs) with an HTML report")
    .argument("[reference]", "reference mask (.nii or .nii.gz)")
    .argument("[prediction]", "predicted mask on the same grid")
    .option("--pairs <csv>", "batch: CSV with columns case_id, reference, prediction[, reader] (paths relative to the CSV)")
    .option("--label <n>", "voxels equal to this label form the mask (default: ≠ 0; > 0.5 for real-valued images)")
    .option("--tolerance <mm>", "surface-Dice tolerance in mm (default 2)")
    .option("--seed <n>", "batch: bootstrap seed (default 1)")
    .option("--replicates <n>", "batch: bootstrap resamples of cases (default 2000)")
    .option("--worst <n>", "batch: worst cases listed per reader (default 5)")
    .option("--out <dir>", "batch: directory of segmentation.html (default: report)")
    .option("--json", "print one JSON object on stdout")
    .option("--quiet", "no warnings or progress on stderr")
    .action((reference: string | undefined, prediction: string | undefined, options: SegCliOptions) => {
      const label = numberOption("--label", options.label);
      const tolerance = numberOption("--tolerance", options.tolerance, { min: 0, default: 2 })!;
      if (options.pairs !== undefined) {
        if (reference !== undefined) {
          throw new RadvalError("INVALID_ARGUMENT", "give either two mask files or --pairs, not both", { hint: "radval seg --pairs pairs.csv, or radval seg ref.nii.gz pred.nii.gz" });
        }
        runBatch(io, options.pairs, { label, tolerance, options });
        return;
      }
      if (reference === undefined || prediction === undefined) {
        throw new RadvalError("INVALID_ARGUMENT", "radval seg needs a reference and a prediction mask, or --pairs pairs.csv", { hint: "radval seg ref.nii.gz pred.nii.gz --json" });
      }
      const a = readNiftiFile(reference);
      const b = readNiftiFile(prediction);
      const maskOptions = label === undefined ? {} : { label };
      const m = segmentationMetrics(niftiMask(a, maskOptions), niftiMask(b, maskOptions), { tolerance });
      const warnings: string[] = [];
      if (label !== undefined && m.nVoxelsReference === 0 && m.nVoxelsPrediction === 0) warnings.push(`no voxel of either mask has label ${label}`);
      if (a.orientation !== b.orientation) warnings.push(`orientations differ: ${a.orientation} vs ${b.orientation}`);
      printWarnings(io, warnings, options.quiet);
      const grid = `${a.dims.join(" × ")} voxels, spacing ${a.spacing.map((s) => formatNumber(s, 6)).join(" × ")} mm, ${a.orientation}`;
      if (options.json) {
        printJson(io, segJson(m, { reference, prediction, label: label ?? null, dims: a.dims, orientation: a.orientation }));
      } else io.stdout(humanPair(m, reference, prediction, grid));
    });
}

function runBatch(io: CliIo, csv: string, args: { label: number | undefined; tolerance: number; options: SegCliOptions }): void {
  const { options } = args;
  const seed = numberOption("--seed", options.seed, { min: 0, integer: true, default: 1 })!;
  const replicates = numberOption("--replicates", options.replicates, { min: 1, max: MAX_REPLICATES, integer: true, default: 2000 })!;
  const worst = numberOption("--worst", options.worst, { min: 0, integer: true, default: 5 })!;
  const { cases, readerPairs } = compareSegmentationPairs(csv, { ...(args.label === undefined ? {} : { label: args.label }), tolerance: args.tolerance });
  const summary = summarizeSegmentation(cases, readerPairs, { rng: createRng(seed), replicates, worst });
  const html = renderSegmentationHtml(summary, loadVegaScripts(), { radvalVersion: RADVAL_VERSION, source: csv, seed, tolerance: args.tolerance, ...(args.label === undefined ? {} : { label: args.label }) });
  const path = resolve(options.out ?? "report", "segmentation.html");
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, html);
  } catch (e) {
    throw new RadvalError("WRITE_FAILED", `cannot write the report (${(e as Error).message})`, { where: { file: path }, hint: "Check that the output directory is writable (--out DIR)." });
  }
  if (options.json) printJson(io, { ...summaryJson(summary), seed, tolerance: args.tolerance, label: args.label ?? null, report: path });
  else io.stdout(humanSummary(summary, path));
}
