import { describe, expect, it } from 'vitest';
import { INSPECTION_STATES, nextInspectionState } from './inspection-state.ts';

describe('inspection states', () => {
  it('walks 未录入 → 待审核 → 审核退回 → 待审核 → 已公示', () => {
    expect(nextInspectionState('draft', 'save')).toBe('draft');
    expect(nextInspectionState('draft', 'submit')).toBe('submitted');
    expect(nextInspectionState('submitted', 'return')).toBe('returned');
    expect(nextInspectionState('returned', 'save')).toBe('returned');
    expect(nextInspectionState('returned', 'submit')).toBe('submitted');
    expect(nextInspectionState('submitted', 'approve')).toBe('published');
  });

  it('lets nothing change a published result and nobody review what is not submitted', () => {
    for (const action of ['save', 'submit', 'return', 'approve'] as const) {
      expect(nextInspectionState('published', action)).toBeNull();
    }
    for (const state of INSPECTION_STATES.filter((s) => s !== 'submitted')) {
      expect(nextInspectionState(state, 'approve')).toBeNull();
      expect(nextInspectionState(state, 'return')).toBeNull();
    }
    expect(nextInspectionState('submitted', 'save')).toBeNull();
  });
});
