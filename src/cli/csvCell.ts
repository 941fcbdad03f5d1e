/** A CSV field, quoted when it holds a comma, quote, carriage return or newline (RFC 4180). */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
