/**
 * Python's `str()` of the ids and seeds the original consistent sampler hashes (it hashes `str(id)`, so an id 73
 * hashes as `'73'` and a tuple id `('pct 2', 3)` as the text `"('pct 2', 3)"`; see the encoding notes of
 * vectors/consistent_sampler__ron_rivest.json). Enough of Python's `repr` for the values ids are made of: strings,
 * integers, floats and tuples of them.
 */

/** A Python value an id can be made of. A `number` that is an integer is a Python `int`; use `{ float }` for `3.0`. */
export type PythonValue = string | number | bigint | { readonly float: number } | readonly PythonValue[];

/** Python `repr(float)`: shortest round-trip digits; scientific notation when the exponent is < -4 or ≥ 16. */
function formatPythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponentText = '0'] = x.toExponential().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? '.' + digits.slice(1) : '';
    const exponentSign = exponent < 0 ? '-' : '+';
    return `${sign}${digits[0] ?? ''}${fraction}e${exponentSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.padEnd(exponent + 1, '0');
  const integerPart = whole.slice(0, exponent + 1);
  const fractionPart = whole.slice(exponent + 1);
  return `${sign}${integerPart}.${fractionPart === '' ? '0' : fractionPart}`;
}

/** Python `repr(str)`: single quotes unless the text has a `'` and no `"`; escapes `\\`, the quote, and controls. */
function formatPythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\' || char === quote) out += '\\' + char;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += char;
  }
  return out + quote;
}

/** Python `repr(value)`. Non-printable characters beyond Latin-1 controls are kept as they are (Python may escape some). */
export function formatPythonRepr(value: PythonValue): string {
  if (typeof value === 'string') return formatPythonStringRepr(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number')
    return Number.isInteger(value) ? BigInt(value).toString() : formatPythonFloat(value);
  if ('float' in value) return formatPythonFloat(value.float);
  const items = value.map(formatPythonRepr);
  return items.length === 1 ? `(${items[0] ?? ''},)` : `(${items.join(', ')})`;
}

/** Python `str(value)`: a string is itself; anything else is its `repr`. This is what the sampler hashes. */
export function formatPythonStr(value: PythonValue): string {
  return typeof value === 'string' ? value : formatPythonRepr(value);
}
