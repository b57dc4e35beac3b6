import { describe, expect, it } from 'vitest';
import {
  FOLLOW_UP_TYPES as CORE_FOLLOW_UP_TYPES,
  INSPECTION_METHODS as CORE_METHODS,
  RESULT_CODES as CORE_RESULT_CODES,
} from '@ssj/core';
import {
  FOLLOW_UP_TYPES,
  INSPECTION_METHODS,
  RECOGNITION_METHOD,
  RESULT_CODES,
  describeResultCode,
  reconcileResultCodes,
} from './inspection-codes.ts';

describe('the web copy of the inspection code tables', () => {
  it('is the same as core’s (the server validates against core)', () => {
    expect(RESULT_CODES).toEqual(CORE_RESULT_CODES);
    expect([...INSPECTION_METHODS, RECOGNITION_METHOD]).toEqual([...CORE_METHODS]);
    expect(FOLLOW_UP_TYPES).toEqual(CORE_FOLLOW_UP_TYPES);
  });

  it('shows a code with its name, an unknown code as it is', () => {
    expect(describeResultCode('A')).toBe('A 发现问题待后续处理');
    expect(describeResultCode('Z')).toBe('Z');
  });
});

describe('reconcileResultCodes', () => {
  it('keeps “1 未发现问题” alone: picking it drops the others, picking another drops it', () => {
    expect(reconcileResultCodes(['A', 'B'], ['A', 'B', '1'])).toEqual(['1']);
    expect(reconcileResultCodes(['1'], ['1', 'A'])).toEqual(['A']);
  });

  it('does not let “F” stand beside a problem found, the newest pick winning', () => {
    expect(reconcileResultCodes(['A', '7'], ['A', '7', 'F'])).toEqual(['F', '7']);
    expect(reconcileResultCodes(['F'], ['F', 'B'])).toEqual(['B']);
  });

  it('allows several problems and status codes together, in the table’s order', () => {
    expect(reconcileResultCodes(['B'], ['B', 'A'])).toEqual(['A', 'B']);
    expect(reconcileResultCodes(['A'], ['A', '9'])).toEqual(['A', '9']);
    expect(reconcileResultCodes(['A', 'B'], ['B'])).toEqual(['B']);
  });
});
