import { normalCdf } from "../stats/normal.js";
import type { ReportTable, TableCell } from "./model.js";
import type { KindCohortEvaluation, StudyResults } from "./results.js";

const table = (id: string, title: string, columns: string[], rows: TableCell[][], note: string | null = null): ReportTable => ({ id, title, columns, rows, note });
const ci = (lower: number | null | undefined, upper: number | null | undefined): string | null =>
  lower === null || lower === undefined || upper === null || upper === undefined ? null : `${lower.toPrecision(3)}–${upper.toPrecision(3)}`;

/**
 * The tables of an ordinal, nominal or survival study, read from
 * `results.outcomeValidation`: the metric set's indexes per model (apparent,
 * cross-validated, optimism, corrected, external — corrected = apparent −
 * optimism), then the detailed evaluation of each cohort (survival: C with
 * SE, AUC and Brier at the horizon with CIs, risk groups; ordinal: cut-off
 * AUCs with DeLong CIs, Obuchowski, kappa). Empty for binary studies.
 */
export function outcomeKindTables(results: StudyResults): ReportTable[] {
  const v = results.outcomeValidation;
  if (!v) return [];
  const label = (id: string) => results.models.find((m) => m.id === id)?.label ?? id;
  const cohorts = v.models[0] ? Object.keys(v.models[0].metrics[0]?.external ?? {}) : [];
  const tables: ReportTable[] = [];
  tables.push(
    table(
      "performance",
      "Performance: apparent, cross-validated, optimism-corrected and external",
      ["Model", "Index", "Apparent", ...(v.folds !== null ? ["CV (pooled)", "CV fold mean", "CV fold SD"] : []), ...(v.bootstraps !== null ? ["Optimism", "Corrected"] : []), ...cohorts.map((c) => `External: ${c}`)],
      v.models.flatMap((m) =>
        m.metrics.map((r): TableCell[] => [
          label(m.model),
          r.label,
          r.apparent,
          ...(v.folds !== null ? [r.cvPooled, r.cvMean, r.cvSd] : []),
          ...(v.bootstraps !== null ? [r.optimism, r.corrected] : []),
          ...cohorts.map((c) => r.external[c] ?? null),
        ]),
      ),
      `${v.description}. Apparent: the final model on the ${v.cohort} rows. CV (pooled): the index of the out-of-fold predictions pooled over the folds (mean over repeats); fold mean and SD: per fold. Corrected = apparent − optimism (Harrell's bootstrap, every step refit in every replicate). External: the final model applied unchanged.`,
    ),
  );
  const loso = v.leaveOneSiteOut ?? [];
  if (loso.length) {
    const metricRows = v.models[0]?.metrics ?? [];
    tables.push(
      table(
        "site-performance",
        "Leave-one-site-out: each site held out in turn",
        ["Model", "Held-out site", "Patients", ...metricRows.map((r) => r.label)],
        loso.flatMap((m) => [
          ...m.sites.map((s): TableCell[] => [label(m.model), s.site, s.n, ...metricRows.map((r) => s.values[r.metric] ?? null)]),
          [label(m.model), "all sites, held-out predictions pooled", m.sites.reduce((a, s) => a + s.n, 0), ...metricRows.map((r) => m.pooled[r.metric] ?? null)],
        ]),
        loso
          .filter((m) => m.meta)
          .map((m) => `${label(m.model)}: ${m.meta!.metric} pooled ${m.meta!.estimate.toPrecision(3)} (95% CI ${ci(m.meta!.lower, m.meta!.upper)}; prediction interval ${ci(m.meta!.predictionLower, m.meta!.predictionUpper)}; τ² ${m.meta!.tau2.toPrecision(3)}, I² ${(100 * m.meta!.i2).toFixed(0)}%; ${m.meta!.method}, ${m.meta!.sites} sites).`)
          .join(" ") || null,
      ),
    );
  }
  const evaluations = v.models.flatMap((m) => [...m.cohorts, ...(m.crossValidated ? [m.crossValidated] : [])].map((e) => ({ model: label(m.model), e })));
  const skipped = evaluations.filter(({ e }) => e.notEstimable !== null);
  const skippedNote = skipped.length ? ` Not estimable: ${skipped.map(({ model, e }) => `${model} in ${e.cohort} (${e.notEstimable})`).join("; ")}.` : "";
  if (v.kind === "survival") {
    const hrRows: TableCell[][] = [];
    for (const m of results.models) {
      const f = m.final;
      if (!f.stdErrors || !f.coefficients) continue;
      for (const c of f.coefficients) {
        const se = f.stdErrors.find((s) => s.feature === c.feature)?.value;
        if (se === undefined) continue;
        const raw = f.rawScale?.coefficients.find((r) => r.feature === c.feature)?.value;
        const ratio = raw !== undefined && c.value !== 0 ? raw / c.value : null; // per raw unit = per model-input unit × (raw / input)
        const z = c.value / se;
        const p = 2 * (1 - normalCdf(Math.abs(z)));
        hrRows.push([
          m.label,
          c.feature,
          Math.exp(c.value),
          ci(Math.exp(c.value - 1.959963984540054 * se), Math.exp(c.value + 1.959963984540054 * se)),
          ratio === null ? null : Math.exp(raw!),
          ratio === null ? null : ci(Math.exp((c.value - 1.959963984540054 * se) * ratio), Math.exp((c.value + 1.959963984540054 * se) * ratio)),
          p,
        ]);
      }
    }
    if (hrRows.length) {
      tables.push(
        table(
          "hazard-ratios",
          "Hazard ratios of the Cox models (95% Wald CI)",
          ["Model", "Predictor", "HR per model-input unit", "95% CI", "HR per raw unit", "95% CI", "p (Wald)"],
          hrRows,
          "Model-input unit: the predictor after the recipe (one SD when the recipe standardises); raw unit: as measured (the same coefficient rescaled, so the same p). Penalised models have no standard errors.",
        ),
      );
    }
    const horizon = results.outcomeKind?.horizon;
    tables.push(
      table(
        "survival-performance",
        `Discrimination and accuracy at the horizon (t = ${horizon ?? "?"})`,
        ["Model", "Cohort", "Patients", "Events", "Harrell's C", "SE", "Uno's C", "SE", "AUC(t)", "95% CI", "Brier(t)", "95% CI", "Brier (null model)", "IPA"],
        evaluations.filter(({ e }) => e.survival).map(({ model, e }) => {
          const s = e.survival!;
          const h = s.horizon;
          return [model, e.cohort, e.n, e.events, s.concordance.harrell.c, s.concordance.harrell.se, s.concordance.uno.c, s.concordance.uno.se, h?.auc.estimate ?? null, ci(h?.auc.lower, h?.auc.upper), h?.brier?.estimate ?? null, ci(h?.brier?.lower, h?.brier?.upper), h?.brierNull.estimate ?? null, h?.ipa ?? null];
        }),
        `C: survival::concordance (Harrell: timewt "n"; Uno: "n/G2"), infinitesimal-jackknife SEs. AUC(t) and Brier(t): cumulative/dynamic, inverse probability of censoring weights from the Kaplan–Meier censoring distribution (riskRegression::Score), Wald 95% CIs; IPA = 1 − Brier/Brier(null).${skippedNote}`,
      ),
    );
    tables.push(
      table(
        "risk-groups",
        "Kaplan–Meier risk groups (tertiles of the linear predictor)",
        ["Model", "Cohort", "Group", "Patients", "Events", "Hazard ratio vs group 1", "95% CI", "Log-rank χ²", "p"],
        evaluations.filter(({ e }) => e.survival).flatMap(({ model, e }) => {
          const g = e.survival!.riskGroups;
          return g.groups.map((row, k): TableCell[] => {
            const hr = g.hazardRatios.find((x) => x.group === row.group);
            return [model, e.cohort, row.group, row.n, row.events, hr ? hr.estimate : 1, hr ? ci(hr.lower, hr.upper) : null, k === 0 ? g.logRank.chisq : null, k === 0 ? g.logRank.p : null];
          });
        }),
        "Groups at the tertiles of the cohort's own linear predictor; hazard ratios (95% CI) from a Cox model on the group, vs the lowest-risk group; log-rank test across groups.",
      ),
    );
    const calibration = evaluations.filter(({ e }) => e.survival?.horizon?.calibration);
    if (calibration.length) {
      tables.push(
        table(
          "survival-calibration",
          `Calibration at the horizon (t = ${horizon ?? "?"})`,
          ["Model", "Cohort", "Risk group", "Patients", "Mean predicted risk", "Observed risk (1 − KM)", "Calibration slope (Cox on lp)", "Observed / expected"],
          calibration.flatMap(({ model, e }) => {
            const c = e.survival!.horizon!.calibration!;
            return c.groups.map((g, k): TableCell[] => [model, e.cohort, k + 1, g.n, g.predicted, g.observed, k === 0 ? (c.slope?.estimate ?? null) : null, k === 0 ? c.observedExpectedRatio : null]);
          }),
          "Groups at the deciles of the predicted risk; observed risk: 1 − Kaplan–Meier survival at t in the group; slope: the coefficient of the linear predictor in a Cox model of the cohort (1 = ideal); observed/expected: overall.",
        ),
      );
    }
  } else {
    tables.push(
      table(
        "cutoff-auc",
        "Discrimination at each clinical cut-off",
        ["Model", "Cohort", "Cut-off", "Patients", "Cases", "AUC", "95% CI (DeLong)"],
        evaluations.filter(({ e }) => e.levels).flatMap(({ model, e }) => e.levels!.cutoffs.map((c): TableCell[] => [model, e.cohort, c.cutoff, c.n, c.cases, c.auc, c.ci ? ci(c.ci[0], c.ci[1]) : null])),
        `AUC of the cumulative probability of the case side (P(stage ≥ k)), pROC's DeLong CI.${skippedNote}`,
      ),
    );
    const operating = cutoffOperatingTable(results);
    if (operating) tables.push(operating);
    tables.push(
      table(
        "ordinal-agreement",
        "Ordinal concordance, agreement and accuracy",
        ["Model", "Cohort", "Obuchowski C", "SE", "Hand–Till AUC", "Kappa (linear)", "95% CI", "Kappa (quadratic)", "95% CI", "Multi-class Brier"],
        evaluations.filter(({ e }) => e.levels).map(({ model, e }) => {
          const l = e.levels!;
          return [model, e.cohort, l.obuchowski.estimate, l.obuchowski.se, l.handTill?.auc ?? null, l.kappa?.linear.estimate ?? null, ci(l.kappa?.linear.lower, l.kappa?.linear.upper), l.kappa?.quadratic.estimate ?? null, ci(l.kappa?.quadratic.lower, l.kappa?.quadratic.upper), l.brier ?? null];
        }),
        "Obuchowski's index of the expected level Σ k·P(k); Hand–Till AUC (pROC::multiclass.roc); weighted kappa of the most probable level with Fleiss–Cohen–Everitt SEs (vcd::Kappa); Brier = mean Σ_k (p_k − 1[y = k])².",
      ),
    );
    const confusion = evaluations.filter(({ e }) => e.levels?.confusion);
    if (confusion.length) {
      const levels = confusion[0]!.e.levels!.confusion!.levels;
      tables.push(
        table(
          "confusion",
          "Confusion matrices (observed level × most probable level)",
          ["Model", "Cohort", "Observed", ...levels.map((l) => `Predicted ${l}`)],
          confusion.flatMap(({ model, e }) => e.levels!.confusion!.table.map((row, k): TableCell[] => [model, e.cohort, levels[k]!, ...row])),
        ),
      );
    }
  }
  return tables;
}

/**
 * The ROC chart's companion table of an ordinal or nominal study
 * (`cutoff-operating`): per model, cohort and cut-off the AUC of P(case side)
 * with its DeLong CI and the sensitivity and specificity (Wilson 95% CIs) at
 * the model's threshold. Rule: the Youden-optimal threshold of each cut-off on
 * the cross-validated pooled development predictions when cross-validation
 * ran, else on the apparent ones, applied unchanged in every cohort. Null
 * without curve data.
 */
export function cutoffOperatingTable(results: StudyResults): ReportTable | null {
  const v = results.outcomeValidation;
  if (!v || v.kind === "survival") return null;
  const label = (id: string) => results.models.find((m) => m.id === id)?.label ?? id;
  const pct = (p: { estimate: number | null; lower: number | null; upper: number | null; x: number; n: number }) => (p.estimate === null ? "—" : `${(100 * p.estimate).toFixed(1)}% (${p.x}/${p.n}; ${p.lower === null ? "—" : (100 * p.lower).toFixed(1)}–${p.upper === null ? "—" : (100 * p.upper).toFixed(1)}%)`);
  const rows = v.models.flatMap((m) =>
    [m.cohorts[0], ...(m.crossValidated ? [m.crossValidated] : []), ...m.cohorts.slice(1)].flatMap((e) =>
      (e?.curves?.cutoffRoc ?? []).map((c): TableCell[] => [label(m.model), e!.cohort, c.cutoff, c.roc.auc?.estimate ?? null, ci(c.roc.auc?.lower, c.roc.auc?.upper), c.operating?.threshold ?? null, c.operating ? pct(c.operating.sensitivity) : "—", c.operating ? pct(c.operating.specificity) : "—"]),
    ),
  );
  if (!rows.length) return null;
  const chosenOn = v.models.flatMap((m) => m.cohorts.flatMap((e) => e.curves?.cutoffRoc ?? [])).find((c) => c.operating)?.operating?.chosenOn ?? "Youden";
  return table(
    "cutoff-operating",
    "ROC per cut-off: AUC and the operating point",
    ["Model", "Cohort", "Cut-off", "AUC", "95% CI (DeLong)", "Threshold of P(case side)", "Sensitivity (95% CI)", "Specificity (95% CI)"],
    rows,
    `The AUC of each drawn ROC curve (cutoff-roc charts). Threshold: ${chosenOn} — the Youden-optimal threshold of each cut-off's cumulative probability (pROC coords, best.method "youden") on the cross-validated pooled development predictions when cross-validation ran, else on the apparent ones, applied unchanged in every cohort; a case is called positive when P(case side) ≥ threshold. Wilson 95% CIs.`,
  );
}

/** The detailed evaluations of a study, for text: model label, cohort, evaluation. */
export function kindEvaluations(results: StudyResults): Array<{ model: string; evaluation: KindCohortEvaluation }> {
  const label = (id: string) => results.models.find((m) => m.id === id)?.label ?? id;
  return (results.outcomeValidation?.models ?? []).flatMap((m) => m.cohorts.map((evaluation) => ({ model: label(m.model), evaluation })));
}
