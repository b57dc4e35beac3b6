import { assert, err, ok } from '../result.ts';
import type { Result } from '../result.ts';

/**
 * Organisation code (组织机构代码), GB 11714-1997: 8 body characters (digits or upper-case letters)
 * and one check character. In a USCC it is characters 9–17 (主体标识码).
 */
const ORG_CODE_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

/** Value of a body character: digits 0–9, letters A=10 … Z=35 (GB 11714-1997 §4); -1 if not allowed. */
function valueOfOrgCodeChar(char: string): number {
  const code = char.charCodeAt(0);
  if (char.length !== 1) return -1;
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

export type OrgCodeProblem =
  | { readonly kind: 'length'; readonly length: number }
  | { readonly kind: 'bad-char'; readonly position: number; readonly char: string }
  | { readonly kind: 'wrong-check-char'; readonly expected: string; readonly found: string };

/**
 * Check character of an 8-character organisation-code body, GB 11714-1997:
 * C9 = 11 − (Σ value_i × W_i mod 11), weights 3 7 9 10 5 8 4 2; 10 → 'X', 11 → '0'.
 */
export function computeOrgCodeCheckChar(body: string): Result<string, OrgCodeProblem> {
  if (body.length !== 8) return err({ kind: 'length', length: body.length });
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const char = body.charAt(i);
    const value = valueOfOrgCodeChar(char);
    if (value < 0) return err({ kind: 'bad-char', position: i + 1, char });
    sum += value * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  return ok(c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

/** Validates a 9-character organisation code (GB 11714-1997). */
export function checkOrgCode(code: string): Result<string, OrgCodeProblem> {
  if (code.length !== 9) return err({ kind: 'length', length: code.length });
  const expected = computeOrgCodeCheckChar(code.slice(0, 8));
  if (!expected.ok) return expected;
  const found = code.charAt(8);
  if (found !== expected.value) return err({ kind: 'wrong-check-char', expected: expected.value, found });
  return ok(code);
}

/**
 * Builds a valid organisation code from an 8-character body by appending its GB 11714 check character.
 * The body must be 8 digits or upper-case letters (a programming error otherwise); inside a USCC it
 * must also avoid I, O, S, V and Z (the USCC charset).
 */
export function makeOrgCode(body: string): string {
  const check = computeOrgCodeCheckChar(body);
  assert(check.ok, `makeOrgCode: invalid body ${JSON.stringify(body)}`);
  return body + check.value;
}
