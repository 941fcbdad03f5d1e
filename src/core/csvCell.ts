/** A number as CSV writes it (optional sign, digits, decimals, exponent): safe in a spreadsheet. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One CSV field, safe to open in a spreadsheet: a text that begins with
 * `=`, `+`, `-`, `@`, tab or carriage return and is not a number gets a
 * leading `'` (OWASP, "CSV Injection": the cell is then shown as text, never
 * evaluated as a formula), and the field is quoted when it holds a comma,
 * quote, newline or was neutralised (RFC 4180 quoting, `"` doubled).
 */
export function csvCell(text: string): string {
  const risky = /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text);
  const value = risky ? `'${text}` : text;
  return risky || /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
