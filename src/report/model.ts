import type { VegaLiteSpec } from "./charts/common.js";
import type { ReportCheck, SampleSizeAssessment } from "./flags.js";
import type { RadvalCoverage } from "./tripodItems.js";

/**
 * Status of a checklist item in a report: "filled" (radval filled it from the
 * results, with the author's text where the item needs it), "partial" (radval
 * filled its part; the author's part is missing, or the reverse), "author"
 * (author-only item, text given in the study config), "missing" (nothing
 * available: the author must write it).
 */
export type ItemStatus = "filled" | "partial" | "author" | "missing";

/** A table cell: text, a number (rendered with 3–4 significant decimals) or empty. */
export type TableCell = string | number | null;

/** A table of the report (cohorts, coefficients, performance…). */
export interface ReportTable {
  /** Unique id, used by checklist items and as an HTML anchor. */
  readonly id: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<readonly TableCell[]>;
  readonly note: string | null;
}

/** A chart of the report: a Vega-Lite spec with its title and caption. */
export interface ReportChart {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly spec: VegaLiteSpec;
}

/**
 * An interactive risk calculator of a final model with a linear predictor on
 * raw inputs (HTML report): risk = expit(intercept + Σ coefficient × value),
 * points of each input = (coefficient × value − minXbeta) × scale, as the
 * model's nomogram reads them.
 */
export interface ReportCalculator {
  /** Anchor suffix (slug of the model id). */
  readonly id: string;
  readonly model: string;
  readonly title: string;
  /** E.g. "Risk of cirrhosis". */
  readonly riskLabel: string;
  readonly intercept: number;
  /** Nomogram points per unit of the linear predictor, and the linear predictor at 0 points. */
  readonly scale: number;
  readonly lpAtZero: number;
  readonly inputs: readonly {
    readonly feature: string;
    /** Raw-scale coefficient (log-odds per unit). */
    readonly coefficient: number;
    /** The nomogram's R₁: smallest coefficient × value over the predictor's axis (0 points). */
    readonly minXbeta: number;
    /** Development range (observed values). */
    readonly min: number;
    readonly max: number;
    /** Value used when the input is left empty (the recipe's imputation), null when the model needs it. */
    readonly imputation: number | null;
  }[];
}

/** One TRIPOD+AI item as reported. */
export interface ChecklistEntry {
  readonly id: string;
  readonly section: string;
  readonly topic: string;
  readonly appliesTo: "D" | "E" | "D;E";
  readonly text: string;
  readonly coverage: RadvalCoverage;
  readonly status: ItemStatus;
  /** What radval reports for the item, sentence by sentence. */
  readonly radval: readonly string[];
  /** The author's text from the study config (joined when several fields answer the item). */
  readonly author: string | null;
  /** Study-config fields answering the item. */
  readonly authorFields: readonly string[];
  /** What is still needed, when status is not "filled"/"author". */
  readonly todo: string | null;
  readonly tables: readonly string[];
  readonly charts: readonly string[];
  readonly checks: readonly string[];
}

/** One TRIPOD 2015 item, answered by the TRIPOD+AI items it maps to. */
export interface Tripod2015Entry {
  readonly id: string;
  readonly section: string;
  readonly topic: string;
  readonly appliesTo: "D" | "V" | "D;V";
  readonly mapsTo: readonly string[];
  /** Combined status of the mapped items (missing when unmapped). */
  readonly status: ItemStatus;
}

/** The report: everything the renderers show, as plain data. */
export interface Report {
  readonly format: "radval-report";
  readonly reportVersion: 1;
  readonly title: string;
  readonly radvalVersion: string;
  readonly seed: number | null;
  readonly configHash: string | null;
  readonly createdAt: string | null;
  /** Key numbers, one sentence each. */
  readonly summary: readonly string[];
  /** The "Key results" block at the top: final model, internal and external estimates, net benefit, open flags (see keyResults). */
  readonly keyResults: readonly string[];
  readonly statusCounts: Readonly<Record<ItemStatus, number>>;
  readonly checklist: readonly ChecklistEntry[];
  readonly tripod2015: readonly Tripod2015Entry[];
  readonly checks: readonly ReportCheck[];
  readonly sampleSize: SampleSizeAssessment | null;
  readonly tables: readonly ReportTable[];
  readonly charts: readonly ReportChart[];
  /** Risk calculators (HTML only) of the final models with a linear predictor on raw inputs; absent in older report models. */
  readonly calculators?: readonly ReportCalculator[];
}
