import type { TableCell } from "../model.js";
import type { ItemStatus } from "../model.js";

/** Formats a table cell: numbers with up to 4 decimals (integers as is), null as "—". */
export function cellText(cell: TableCell): string {
  if (cell === null) return "—";
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return String(cell);
    if (Number.isInteger(cell)) return String(cell);
    const abs = Math.abs(cell);
    return abs !== 0 && (abs < 0.001 || abs >= 1e6) ? cell.toPrecision(4) : String(Number(cell.toFixed(4)));
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
