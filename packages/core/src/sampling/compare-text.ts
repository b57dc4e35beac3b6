/**
 * Total orders on strings shared by the draw and by its verifiers.
 *
 * JavaScript's `<` compares UTF-16 code units; Python's `<` (and `sorted`) compares code points, which is also the
 * order of the UTF-8 bytes. The two differ only when one string has an astral character (a surrogate pair) where the
 * other has a BMP character at U+E000..U+FFFF. Ids and frame lines use the code-point order so a Python verifier
 * gets it with plain `sorted()`.
 */

/** Maps a UTF-16 code unit so that comparing mapped units gives code-point order. */
function mapCodeUnit(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/** Compares two strings by Unicode code point (Python's string order); returns <0, 0 or >0. */
export function compareByCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return mapCodeUnit(x) - mapCodeUnit(y);
  }
  return a.length - b.length;
}

/** Compares two strings by UTF-16 code unit (JavaScript's `<`); returns <0, 0 or >0. */
export function compareByCodeUnit(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
