import type { TableCell } from "../model.js";
import type { ItemStatus } from "../model.js";

/**
 * Formats a table cell: integers as they are; numbers below 1 in magnitude to
 * 4 significant digits (0.009955599… → 0.009956, not 0.01); others with up to
 * 4 decimals; very large or tiny numbers in exponent form; null as "—".
 */
export function cellText(cell: TableCell): string {
  if (cell === null) return "—";
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return String(cell);
    if (Number.isInteger(cell)) return String(cell);
    const abs = Math.abs(cell);
    if (abs < 1e-4 || abs >= 1e6) return cell.toPrecision(4);
    return String(Number(abs < 1 ? cell.toPrecision(4) : cell.toFixed(4)) + 0);
  }
  return cell;
}

/** Human label of an item status. */
export const STATUS_LABEL: Readonly<Record<ItemStatus, string>> = {
  filled: "filled",
  partial: "partly filled",
  author: "author (from config)",
  missing: "missing (author to write)",
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
