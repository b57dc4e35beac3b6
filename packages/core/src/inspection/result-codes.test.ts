import { describe, expect, it } from 'vitest';
import { checkResultCodes, isNonCompliant, needsFollowUp, RESULT_CODES } from './result-codes.ts';

describe('result codes', () => {
  it('lists the 18 codes of the national disclosure system once each', () => {
    expect(RESULT_CODES).toHaveLength(18);
    expect(new Set(RESULT_CODES.map((c) => c.code)).size).toBe(18);
  });

  it('accepts a multi-select and returns it in table order', () => {
    expect(checkResultCodes(['D', 'A'])).toEqual({ ok: true, value: ['A', 'D'] });
    expect(checkResultCodes(['7', 'B'])).toEqual({ ok: true, value: ['B', '7'] });
  });

  it('refuses empty, unknown, repeated and contradictory selections', () => {
    expect(checkResultCodes([])).toEqual({ ok: false, error: { kind: 'empty' } });
    expect(checkResultCodes(['Z'])).toEqual({ ok: false, error: { kind: 'unknown', code: 'Z' } });
    expect(checkResultCodes(['A', 'A'])).toEqual({ ok: false, error: { kind: 'duplicate', code: 'A' } });
    const alone = checkResultCodes(['1', 'A']);
    expect(alone.ok).toBe(false);
    const inactive = checkResultCodes(['F', '3']);
    expect(!inactive.ok && inactive.error.kind).toBe('contradiction');
    expect(checkResultCodes(['F', '7']).ok).toBe(true);
  });

  it('counts a result as non-compliant only when a problem was found', () => {
    expect(isNonCompliant(['1'])).toBe(false);
    expect(isNonCompliant(['F'])).toBe(false);
    expect(isNonCompliant(['9'])).toBe(false);
    expect(isNonCompliant(['E'])).toBe(true);
    expect(isNonCompliant(['6', '7'])).toBe(true);
    expect(needsFollowUp(['A'])).toBe(true);
    expect(needsFollowUp(['1'])).toBe(false);
  });
});
