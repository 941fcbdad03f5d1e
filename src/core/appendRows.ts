import { type CategoricalRole, type Dataset, freezeDataset, previewList } from "./dataset.js";
import { RadvalError } from "./errors.js";

function appendCategorical(a: CategoricalRole | undefined, b: CategoricalRole | undefined): CategoricalRole | undefined {
  if (!a || !b) return undefined;
  const levels = [...a.levels, ...b.levels.filter((l) => !a.levels.includes(l))];
  return { name: a.name, values: [...a.values, ...b.values], levels };
}

/**
 * Appends the rows of `other` (e.g. an external cohort read from another
 * file with the same roles) below `base`. The features must be the same set
 * (columns are matched by name); outcome labels must agree; ids must stay
 * unique. Text columns present in both are kept. Returns a new frozen
 * dataset; `base` is unchanged. O(n p).
 */
export function appendRows(base: Dataset, other: Dataset): Dataset {
  const missing = base.featureNames.filter((f) => !other.featureNames.includes(f));
  const extra = other.featureNames.filter((f) => !base.featureNames.includes(f));
  if (missing.length || extra.length) {
    throw new RadvalError("DIMENSION_MISMATCH", `${other.source} does not have the same feature columns as ${base.source}`, {
      where: { file: other.source },
      hint: `${missing.length ? `Missing: ${previewList(missing, 5)}. ` : ""}${extra.length ? `Extra: ${previewList(extra, 5)}. ` : ""}List the features explicitly (data.features) or exclude the extra ones.`,
    });
  }
  if (base.outcome && other.outcome && (base.outcome.positiveLabel !== other.outcome.positiveLabel || base.outcome.name !== other.outcome.name)) {
    throw new RadvalError("INVALID_ARGUMENT", `the outcome of ${other.source} (${other.outcome.name}, positive "${other.outcome.positiveLabel}") differs from ${base.source}'s`, {
      where: { file: other.source },
      hint: "Use the same outcome column and positive label in every file.",
    });
  }
  if (base.idColumn === undefined || other.idColumn === undefined) {
    // Without an id column rows are numbered 1, 2, … in each file: the numbers collide and say nothing about overlap.
    const which = base.idColumn === undefined && other.idColumn === undefined ? `neither ${base.source} nor ${other.source} has an id column` : `${base.idColumn === undefined ? base.source : other.source} has no id column`;
    throw new RadvalError("MISSING_ID", `${which}: rows of two files cannot be told apart (each file's rows are numbered from 1)`, {
      where: { file: base.idColumn === undefined ? base.source : other.source },
      hint: "Add a case id column to every file and name it with data.id (ids must be unique across the files).",
    });
  }
  const seen = new Set(base.ids);
  other.ids.forEach((id, i) => {
    if (seen.has(id)) {
      throw new RadvalError("DUPLICATE_ID", `case id "${id}" of ${other.source} is also in ${base.source}`, {
        where: { file: other.source, row: i + 1 },
        hint: "Case ids must be unique across the development and validation files.",
      });
    }
  });
  const n1 = base.x.nRows;
  const n2 = other.x.nRows;
  const n = n1 + n2;
  const p = base.featureNames.length;
  const x = new Float64Array(n * p);
  base.featureNames.forEach((name, j) => {
    const k = other.featureNames.indexOf(name);
    x.set(base.x.data.subarray(j * n1, (j + 1) * n1), j * n);
    x.set(other.x.data.subarray(k * n2, (k + 1) * n2), j * n + n1);
  });
  const concat = (a: Float64Array, b: Float64Array) => {
    const out = new Float64Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  return freezeDataset({
    source: base.source,
    ids: [...base.ids, ...other.ids],
    idColumn: base.idColumn,
    featureNames: base.featureNames,
    x: { nRows: n, nCols: p, data: x },
    outcome: base.outcome && other.outcome ? { ...base.outcome, values: concat(base.outcome.values, other.outcome.values) } : undefined,
    site: appendCategorical(base.site, other.site),
    group: appendCategorical(base.group, other.group),
    levelOutcome: appendCategorical(base.levelOutcome, other.levelOutcome),
    date: base.date && other.date ? { name: base.date.name, days: concat(base.date.days, other.date.days), text: [...base.date.text, ...other.date.text] } : undefined,
    time: base.time && other.time ? { name: base.time.name, values: concat(base.time.values, other.time.values) } : undefined,
    event: base.event && other.event ? { name: base.event.name, values: concat(base.event.values, other.event.values) } : undefined,
    textColumns: base.textColumns
      .filter((c) => other.textColumns.some((o) => o.name === c.name))
      .map((c) => ({ name: c.name, values: [...c.values, ...other.textColumns.find((o) => o.name === c.name)!.values] })),
    lineOfRow: undefined,
    warnings: [...base.warnings, ...other.warnings],
  });
}
