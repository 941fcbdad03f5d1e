/** Formats a number for human output: integers as is, others with `digits` significant digits. */
export function formatNumber(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  if (Number.isInteger(value)) return String(value);
  if (!Number.isFinite(value)) return value > 0 ? "Inf" : "-Inf";
  return Number(value.toPrecision(digits)).toString();
}

/** Formats a proportion as a percentage with one decimal. */
export function formatPercent(value: number): string {
  return `${(100 * value).toFixed(1)}%`;
}

/**
 * A plain-text table: a header row, a rule, then rows; columns padded to the
 * widest cell; columns whose cells all look numeric are right-aligned.
 */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? "").length)));
  const numeric = header.map((_, j) => rows.length > 0 && rows.every((r) => /^[-+]?[\d.,%e—]+$|^—$/i.test(r[j] ?? "")));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, j) => (numeric[j] ? c.padStart(widths[j]!) : c.padEnd(widths[j]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n") + "\n";
}
