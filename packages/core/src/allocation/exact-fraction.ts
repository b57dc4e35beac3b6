/**
 * Exact non-negative rationals for allocation arithmetic, so that `10% of 30` is 3 and not 3.0000000000000004
 * (a float ceil would give 4). Numbers from the plan (percent 12.5, multiplier 0.5) are read as the decimals they print as.
 */

/** num / den with den > 0. Not reduced. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * The exact decimal value a finite non-negative number prints as (JavaScript's shortest round-trip form), e.g.
 * 12.5 → 125/10, 0.1 → 1/10, 1e-7 → 1/10^7. Undefined for negative, infinite or NaN input.
 */
export function toExactFraction(x: number): Fraction | undefined {
  if (!Number.isFinite(x) || x < 0) return undefined;
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (match === null) return undefined;
  const [, whole = '0', fraction = '', exponentText = '0'] = match;
  const scale = fraction.length - Number(exponentText);
  const digits = BigInt(whole + fraction);
  return scale >= 0
    ? { num: digits, den: 10n ** BigInt(scale) }
    : { num: digits * 10n ** BigInt(-scale), den: 1n };
}

/** a × b. */
export function multiplyFractions(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.num, den: a.den * b.den };
}

/** a + b. */
export function addFractions(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

/** min(a, b). */
export function minFraction(a: Fraction, b: Fraction): Fraction {
  return a.num * b.den <= b.num * a.den ? a : b;
}

/** ⌈f⌉ as a number (f must be below 2^53). */
export function ceilFraction(f: Fraction): number {
  return Number((f.num + f.den - 1n) / f.den);
}

/** ⌊f⌋ as a number (f must be below 2^53). */
export function floorFraction(f: Fraction): number {
  return Number(f.num / f.den);
}

/** The fraction n/1 of a whole number. */
export function fromInteger(n: number): Fraction {
  return { num: BigInt(n), den: 1n };
}
