import type { Dataset } from "../../core/dataset.js";
import { RadvalError } from "../../core/errors.js";
import { closestName } from "../../core/suggest.js";

/**
 * The values of a column of the dataset as text, whatever its role: case id,
 * site, group, date, outcome, a text column, or a numeric feature (numbers written as
 * JavaScript prints them). Used to select cohorts by a column value.
 */
export function columnText(data: Dataset, name: string, key: string): string[] {
  if (data.idColumn !== undefined && data.idColumn === name) return [...data.ids];
  if (data.site?.name === name) return [...data.site.values];
  if (data.group?.name === name) return [...data.group.values];
  if (data.date?.name === name) return [...data.date.text];
  if (data.outcome?.name === name) return Array.from(data.outcome.values, (v) => (v === 1 ? data.outcome!.positiveLabel : data.outcome!.negativeLabel));
  if (data.levelOutcome?.name === name) return [...data.levelOutcome.values];
  if (data.time?.name === name) return Array.from(data.time.values, (v) => (Number.isNaN(v) ? "" : String(v)));
  if (data.event?.name === name) return Array.from(data.event.values, (v) => (Number.isNaN(v) ? "" : String(v)));
  const text = data.textColumns.find((c) => c.name === name);
  if (text) return [...text.values];
  const j = data.featureNames.indexOf(name);
  if (j >= 0) return Array.from(data.x.data.subarray(j * data.x.nRows, (j + 1) * data.x.nRows), (v) => (Number.isNaN(v) ? "" : String(v)));
  const known = [data.site?.name, data.group?.name, data.date?.name, ...data.textColumns.map((c) => c.name), ...data.featureNames].filter((n): n is string => !!n);
  const guess = closestName(name, known);
  throw new RadvalError("UNKNOWN_COLUMN", `column "${name}" is not in the data`, {
    where: { file: data.source, column: name, key },
    hint: `${guess ? `Did you mean "${guess}"? ` : ""}A cohort column must be a column of the data file (not excluded).`,
  });
}

/** Rows whose column value is one of `values` (compared as text; numbers also numerically). */
export function rowsWhere(data: Dataset, column: string, values: ReadonlyArray<string | number>, key: string): Int32Array {
  const text = columnText(data, column, key);
  const wanted = new Set(values.map(String));
  const wantedNumbers = new Set(values.map(Number).filter((v) => Number.isFinite(v)));
  const rows: number[] = [];
  text.forEach((v, i) => {
    if (wanted.has(v) || (v !== "" && wantedNumbers.has(Number(v)))) rows.push(i);
  });
  if (rows.length === 0) {
    const seen = [...new Set(text)].filter((v) => v !== "").slice(0, 8);
    throw new RadvalError("EMPTY_SPLIT", `no row has ${column} = ${values.join(" or ")}`, {
      where: { file: data.source, column, key },
      hint: `Values of "${column}": ${seen.join(", ")}.`,
    });
  }
  return Int32Array.from(rows);
}
