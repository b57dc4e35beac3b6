import { describe, expect, it } from 'vitest';
import { formatPythonRepr, formatPythonStr } from './python-str.ts';

describe('formatPythonStr', () => {
  it('writes ids the way Python str() does', () => {
    expect(formatPythonStr('AB-130')).toBe('AB-130');
    expect(formatPythonStr(73)).toBe('73');
    expect(formatPythonStr(['pct 2', 3])).toBe("('pct 2', 3)");
    expect(formatPythonStr(['III', { float: 3 }])).toBe("('III', 3.0)");
    expect(formatPythonStr([1, 1, 1, 1])).toBe('(1, 1, 1, 1)');
    expect(formatPythonStr(['x'])).toBe("('x',)");
    expect(formatPythonStr([])).toBe('()');
    expect(formatPythonStr(12345678901234567890n)).toBe('12345678901234567890');
    expect(formatPythonStr(1e21)).toBe('1000000000000000000000');
  });

  it('writes strings and floats the way Python repr() does', () => {
    expect(formatPythonRepr("it's")).toBe(`"it's"`);
    expect(formatPythonRepr(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(formatPythonRepr('a\\b\n\t\x01')).toBe("'a\\\\b\\n\\t\\x01'");
    expect(formatPythonRepr('中文😊')).toBe("'中文😊'");
    const floats: [number, string][] = [
      [0.1, '0.1'],
      [2.5, '2.5'],
      [-1.5, '-1.5'],
      [1e16, '1e+16'],
      [1.5e16, '1.5e+16'],
      [123456789012345.6, '123456789012345.6'],
      [1e-4, '0.0001'],
      [1e-5, '1e-05'],
      [1.234e-7, '1.234e-07'],
      [1e300, '1e+300'],
    ];
    for (const [x, text] of floats) expect(formatPythonRepr({ float: x })).toBe(text);
    expect(formatPythonRepr({ float: 3 })).toBe('3.0');
    expect(formatPythonRepr({ float: -0 })).toBe('-0.0');
    expect(formatPythonRepr({ float: Infinity })).toBe('inf');
  });
});
