import type { NomogramBasis } from "../nomogram/basis.js";
import { formulaNomogram } from "../nomogram/formula.js";
import type { Nomogram } from "../nomogram/types.js";
import { nomogramChart } from "./charts/nomogram.js";
import { nomogramTable } from "./charts/nomogramTable.js";
import { slug } from "./format.js";
import type { ReportCalculator, ReportChart, ReportTable } from "./model.js";
import type { StudyResults } from "./results.js";

/** A final model with more non-zero predictors than this gets no nomogram or calculator (a chart nobody could read). */
export const NOMOGRAM_MAX_PREDICTORS = 12;

/** One final model drawn as a nomogram. */
interface StudyNomogram {
  readonly model: string;
  readonly label: string;
  readonly riskLabel: string;
  readonly nomogram: Nomogram;
  readonly intercept: number;
  readonly coefficients: Readonly<Record<string, number>>;
  readonly ranges: Readonly<Record<string, readonly [number, number]>>;
  readonly imputation: Readonly<Record<string, number>>;
}

/**
 * The final models that have a linear predictor on raw inputs (a raw-scale
 * formula with 1–{@link NOMOGRAM_MAX_PREDICTORS} non-zero coefficients and
 * the nomogram basis), each with its rms::nomogram. Pure.
 */
function studyNomograms(results: StudyResults): StudyNomogram[] {
  const out: StudyNomogram[] = [];
  const { column, positive } = results.outcome;
  const riskLabel = /^(1|yes|true)$/i.test(positive) ? `Risk of ${column}` : `Risk of ${column} = ${positive}`;
  for (const m of results.models) {
    const raw = m.final.rawScale;
    const b = m.final.nomogramBasis;
    if (!raw || !b || raw.scale === "log-hazard") continue; // Cox study models: not drawn here yet (radval nomogram --time/--event draws a Cox nomogram)
    const used = raw.coefficients.filter((c) => c.value !== 0);
    if (used.length === 0 || used.length > NOMOGRAM_MAX_PREDICTORS) continue;
    const ranges = Object.fromEntries(b.ranges.map((r) => [r.feature, [r.min, r.max] as const]));
    if (used.some((c) => !ranges[c.feature] || !Number.isFinite(ranges[c.feature]![0]) || !Number.isFinite(ranges[c.feature]![1]))) continue;
    const basis: NomogramBasis = { version: 1, discrete: Object.fromEntries(b.discrete.map((d) => [d.feature, d.values])), linearPredictorRange: b.linearPredictorRange };
    const formula = { intercept: raw.intercept, coefficients: Object.fromEntries(used.map((c) => [c.feature, c.value])) };
    const { nomogram } = formulaNomogram(formula, ranges, basis, { label: riskLabel });
    out.push({ model: m.id, label: m.label, riskLabel, nomogram, intercept: raw.intercept, coefficients: formula.coefficients, ranges, imputation: Object.fromEntries((raw.imputation ?? []).map((c) => [c.feature, c.value])) });
  }
  return out;
}

/**
 * The nomogram charts (`nomogram-<model>`), points tables
 * (`nomogram-points-<model>`) and risk calculators of a study's final
 * models with a linear predictor on raw inputs. Pure.
 */
export function buildNomograms(results: StudyResults): { charts: ReportChart[]; tables: ReportTable[]; calculators: ReportCalculator[] } {
  const charts: ReportChart[] = [];
  const tables: ReportTable[] = [];
  const calculators: ReportCalculator[] = [];
  for (const s of studyNomograms(results)) {
    const id = slug(s.model);
    const nom = s.nomogram;
    charts.push({
      id: `nomogram-${id}`,
      title: `Nomogram: ${s.label}`,
      caption: `Nomogram of the final ${s.label} model (rms::nomogram scaling): read each predictor's points on the Points axis, add them, and read the ${s.riskLabel.toLowerCase()} below the Total Points. Axes span the development data (values outside are extrapolation). For research use only; see the validation results before any clinical use.`,
      spec: nomogramChart(nom, { title: `Nomogram: ${s.label}` }),
    });
    tables.push(nomogramTable(nom, { id: `nomogram-points-${id}`, title: `Nomogram points: ${s.label}` }));
    calculators.push({
      id,
      model: s.model,
      title: s.label,
      riskLabel: s.riskLabel,
      intercept: s.intercept,
      scale: nom.scale,
      lpAtZero: nom.lpAtZero,
      inputs: nom.predictors.map((p) => ({
        feature: p.name,
        coefficient: s.coefficients[p.name]!,
        minXbeta: p.minXbeta,
        min: s.ranges[p.name]![0],
        max: s.ranges[p.name]![1],
        imputation: s.imputation[p.name] ?? null,
      })),
    });
  }
  return { charts, tables, calculators };
}
