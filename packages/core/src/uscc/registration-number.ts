import { assert, err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { isPlausibleDivisionCode } from './division-code.ts';

/**
 * The 15-digit business registration number (工商注册号) that preceded the USCC (GB 32100-2015 replaced
 * it; 工商总局 《工商行政管理市场主体注册号编制规则》 GS15-2006): digits 1–6 the registering authority's
 * division code, 7–14 a sequence number, 15 a check digit by ISO 7064 MOD 11,10 (GB/T 17710).
 */
export type RegistrationNumberInfo = {
  readonly number: string;
  readonly divisionCode: string;
};

export type RegistrationNumberProblem =
  | { readonly kind: 'length'; readonly length: number }
  | { readonly kind: 'bad-char'; readonly position: number; readonly char: string }
  | { readonly kind: 'wrong-check-digit'; readonly expected: string; readonly found: string }
  | { readonly kind: 'bad-division'; readonly divisionCode: string };

/**
 * ISO 7064 MOD 11,10 check digit (GB/T 17710-2008 hybrid system) of a string of decimal digits:
 * P₁ = 10; for each digit d: S = (P + d) mod 10, with 0 read as 10; P = 2S mod 11.
 * The check digit c makes (P + c) mod 10 = 1, i.e. c = (11 − P) mod 10.
 * The input must be digits only (a programming error otherwise).
 */
export function computeMod1110CheckDigit(digits: string): string {
  let p = 10;
  for (const char of digits) {
    const d = char.charCodeAt(0) - 48;
    assert(d >= 0 && d <= 9, `computeMod1110CheckDigit: not a digit ${JSON.stringify(char)}`);
    const s = (p + d) % 10 || 10;
    p = (2 * s) % 11;
  }
  return String((11 - p) % 10);
}

/** Validates a 15-digit registration number (注册号): length, digits, division code, MOD 11,10 check. */
export function checkRegistrationNumber(
  number: string,
): Result<RegistrationNumberInfo, RegistrationNumberProblem> {
  if (number.length !== 15) return err({ kind: 'length', length: number.length });
  for (let i = 0; i < 15; i++) {
    const char = number.charAt(i);
    if (char < '0' || char > '9') return err({ kind: 'bad-char', position: i + 1, char });
  }
  const expected = computeMod1110CheckDigit(number.slice(0, 14));
  const found = number.charAt(14);
  if (found !== expected) return err({ kind: 'wrong-check-digit', expected, found });
  const divisionCode = number.slice(0, 6);
  if (!isPlausibleDivisionCode(divisionCode)) return err({ kind: 'bad-division', divisionCode });
  return ok({ number, divisionCode });
}

/** A short English phrase for a registration-number problem. */
export function describeRegistrationNumberProblem(problem: RegistrationNumberProblem): string {
  switch (problem.kind) {
    case 'length':
      return `length ${problem.length}, expected 15`;
    case 'bad-char':
      return `character ${JSON.stringify(problem.char)} at position ${problem.position} is not a digit`;
    case 'wrong-check-digit':
      return `wrong check digit ${problem.found} (expected ${problem.expected})`;
    case 'bad-division':
      return `digits 1-6 ${problem.divisionCode} are not a plausible GB/T 2260 division code`;
  }
}
