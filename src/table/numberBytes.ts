/** Exact powers of ten 10^0 … 10^22 (every one is a double without rounding). */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * True when the last {@link bytesNumber} that returned a number read a cell whose text is exactly
 * `String(value)` (an integer without sign `+`, leading zeros, mark or exponent, at most 15 digits):
 * such a cell's text need not be kept, it can be written back from the number.
 */
export let lastNumberCanonical = false;

/**
 * The value of the ASCII bytes `buf[start, end)` when they are a plain decimal number —
 * `[+-]digits[.digits][e[+-]digits]` (also `.5` and `5.`), "," accepted as the decimal mark when
 * `comma` — else NaN; also NaN when the number overflows to ±Infinity (`1e400`). The same grammar
 * and the same double as `plainNumber` in cells.ts (`Number(text)`), read without making a string:
 * up to 15 significant digits and |exponent| ≤ 22 the value is one correctly rounded product or
 * quotient of exact doubles (Clinger 1990, "How to read floating point numbers accurately", the
 * fast path); longer numbers go through `Number`. O(end − start), no allocation on the fast path.
 */
export function bytesNumber(buf: Uint8Array, start: number, end: number, comma: boolean): number {
  let i = start;
  let c = i < end ? buf[i]! : 0;
  let negative = false;
  let canonical = c !== 43;
  if (c === 43 || c === 45) {
    negative = c === 45;
    i++;
  }
  const first = i;
  let mantissa = 0;
  let significant = 0;
  let digits = 0;
  let exponent = 0;
  let mark = false;
  let slow = false;
  for (; i < end; i++) {
    c = buf[i]!;
    if (c >= 48 && c <= 57) {
      digits++;
      if (mantissa === 0 && c === 48) {
        if (mark) exponent--;
        continue;
      }
      if (significant < 15) {
        mantissa = mantissa * 10 + (c - 48);
        significant++;
        if (mark) exponent--;
      } else {
        slow = true;
      }
    } else if (!mark && (c === 46 || (c === 44 && comma))) {
      mark = true;
      canonical = false;
    } else break;
  }
  if (digits === 0) return NaN;
  if (i < end) {
    if (c !== 101 && c !== 69) return NaN; // e / E
    i++;
    let negativeExponent = false;
    if (i < end && (buf[i] === 43 || buf[i] === 45)) {
      negativeExponent = buf[i] === 45;
      i++;
    }
    const exponentStart = i;
    let e10 = 0;
    for (; i < end; i++) {
      c = buf[i]!;
      if (c < 48 || c > 57) return NaN;
      if (e10 < 1e6) e10 = e10 * 10 + (c - 48);
    }
    if (i === exponentStart) return NaN;
    exponent += negativeExponent ? -e10 : e10;
    canonical = false;
  }
  if (canonical && (digits > 15 || (buf[first] === 48 && (digits > 1 || negative)))) canonical = false;
  let value: number;
  if (mantissa === 0 && !slow) value = 0;
  else if (!slow && exponent >= -22 && exponent <= 22) value = exponent >= 0 ? mantissa * POW10[exponent]! : mantissa / POW10[-exponent]!;
  else {
    let text = "";
    for (let k = first; k < end; k++) text += String.fromCharCode(buf[k] === 44 ? 46 : buf[k]!);
    value = Number(text);
    if (!Number.isFinite(value)) return NaN;
  }
  lastNumberCanonical = canonical;
  return negative ? -value : value;
}
