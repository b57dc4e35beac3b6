import { assert, err, ok } from '../result.ts';
import type { Result } from '../result.ts';
import { isPlausibleDivisionCode } from './division-code.ts';
import { checkOrgCode } from './org-code.ts';
import { findRegistrationAuthority } from './registration-authorities.ts';
import { USCC_CHARSET, USCC_WEIGHTS, valueOfUsccChar } from './uscc-charset.ts';

/** What a valid unified social credit code (统一社会信用代码) says about its holder. */
export type UsccInfo = {
  readonly code: string;
  /** 登记管理部门代码 (character 1) */
  readonly authorityCode: string;
  /** 登记管理部门 */
  readonly authority: string;
  /** 机构类别代码 (character 2) */
  readonly typeCode: string;
  /** 机构类别 */
  readonly type: string;
  /** 登记管理机关行政区划码 (characters 3–8, GB/T 2260) */
  readonly divisionCode: string;
  /** 主体标识码 (组织机构代码, characters 9–17) */
  readonly orgCode: string;
};

/** Why a string is not a valid USCC. Positions are 1-based. */
export type UsccProblem =
  | { readonly kind: 'length'; readonly length: number }
  | { readonly kind: 'bad-char'; readonly position: number; readonly char: string }
  | { readonly kind: 'wrong-check-char'; readonly expected: string; readonly found: string }
  | { readonly kind: 'unknown-authority'; readonly authorityCode: string }
  | { readonly kind: 'unknown-type'; readonly authorityCode: string; readonly typeCode: string }
  | { readonly kind: 'bad-division'; readonly divisionCode: string }
  | { readonly kind: 'bad-org-code-check'; readonly orgCode: string; readonly expected: string };

/**
 * Check character of the first 17 characters of a USCC, GB 32100-2015 §5:
 * C18 = 31 − (Σ value_i × W_i mod 31), 31 → '0'. Err with the first character outside the charset.
 */
export function computeUsccCheckChar(prefix17: string): Result<string, UsccProblem> {
  if (prefix17.length !== 17) return err({ kind: 'length', length: prefix17.length });
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const char = prefix17.charAt(i);
    const value = valueOfUsccChar(char);
    if (value < 0) return err({ kind: 'bad-char', position: i + 1, char });
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return ok(USCC_CHARSET.charAt((31 - (sum % 31)) % 31));
}

/**
 * Validates a unified social credit code (GB 32100-2015, DOMAIN.md §2), strictly (no trimming or
 * case folding: see {@link normalizeUscc}). Checks, in order: length 18; charset; the check character;
 * the registration authority and type (Appendix A); the division code (characters 3–8); the GB 11714
 * check of the organisation code (characters 9–17). The first problem found is returned.
 */
export function checkUscc(code: string): Result<UsccInfo, UsccProblem> {
  if (code.length !== 18) return err({ kind: 'length', length: code.length });
  for (let i = 0; i < 18; i++) {
    const char = code.charAt(i);
    if (valueOfUsccChar(char) < 0) return err({ kind: 'bad-char', position: i + 1, char });
  }
  const expected = computeUsccCheckChar(code.slice(0, 17));
  if (!expected.ok) return expected;
  const found = code.charAt(17);
  if (found !== expected.value) return err({ kind: 'wrong-check-char', expected: expected.value, found });

  const authorityCode = code.charAt(0);
  const typeCode = code.charAt(1);
  const authority = findRegistrationAuthority(authorityCode);
  if (authority === undefined) return err({ kind: 'unknown-authority', authorityCode });
  const type = authority.types[typeCode];
  if (type === undefined) return err({ kind: 'unknown-type', authorityCode, typeCode });

  const divisionCode = code.slice(2, 8);
  if (!isPlausibleDivisionCode(divisionCode)) return err({ kind: 'bad-division', divisionCode });

  const orgCode = code.slice(8, 17);
  const org = checkOrgCode(orgCode);
  if (!org.ok) {
    // Characters 9–17 are already known to be 9 charset characters, so only the check can fail.
    assert(org.error.kind === 'wrong-check-char', 'checkUscc: org code of charset characters');
    return err({ kind: 'bad-org-code-check', orgCode, expected: org.error.expected });
  }
  return ok({
    code,
    authorityCode,
    authority: authority.name,
    typeCode,
    type,
    divisionCode,
    orgCode,
  });
}

/**
 * Normalises a USCC as typed or pasted: trims white space (including U+3000), maps full-width
 * ASCII (ＡＢＣ１２３) to ASCII, and upper-cases. Does not validate.
 */
export function normalizeUscc(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
    .toUpperCase();
}

/** A short English phrase for a USCC problem (for CLI output and logs). */
export function describeUsccProblem(problem: UsccProblem): string {
  switch (problem.kind) {
    case 'length':
      return `length ${problem.length}, expected 18`;
    case 'bad-char':
      return `character ${JSON.stringify(problem.char)} at position ${problem.position} is not allowed`;
    case 'wrong-check-char':
      return `wrong check character ${JSON.stringify(problem.found)} (expected ${JSON.stringify(problem.expected)})`;
    case 'unknown-authority':
      return `unknown registration authority code ${JSON.stringify(problem.authorityCode)}`;
    case 'unknown-type':
      return `unknown organisation type ${JSON.stringify(problem.typeCode)} for authority ${JSON.stringify(problem.authorityCode)}`;
    case 'bad-division':
      return `characters 3-8 ${JSON.stringify(problem.divisionCode)} are not a plausible GB/T 2260 division code`;
    case 'bad-org-code-check':
      return `organisation code ${problem.orgCode} (characters 9-17) fails the GB 11714 check (expected last character ${JSON.stringify(problem.expected)})`;
  }
}
