/**
 * Result states (DOMAIN.md §5): 未录入 → 待审核 → 审核退回 → 已公示; only approved results are published.
 * `draft` is 未录入 (nothing submitted yet, a draft may be saved), `submitted` 待审核, `returned` 审核退回
 * (back with the inspectors, with a reason), `published` 已公示 (approved; final).
 */
export const INSPECTION_STATES = ['draft', 'submitted', 'returned', 'published'] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];

export const INSPECTION_STATE_NAMES: Readonly<Record<InspectionState, string>> = {
  draft: '未录入',
  submitted: '待审核',
  returned: '审核退回',
  published: '已公示',
};

export type InspectionAction = 'save' | 'submit' | 'return' | 'approve';

/** Who may take an action: the team (inspectors) saves and submits, the reviewer returns and approves. */
export const ACTION_ACTORS: Readonly<Record<InspectionAction, 'team' | 'reviewer'>> = {
  save: 'team',
  submit: 'team',
  return: 'reviewer',
  approve: 'reviewer',
};

/**
 * The state after an action, or null when the action is not allowed in that state: the team edits and submits
 * while the inspection is 未录入 or 审核退回; the reviewer returns or approves only what is 待审核; nothing changes a
 * published result.
 */
export function nextInspectionState(
  state: InspectionState,
  action: InspectionAction,
): InspectionState | null {
  switch (action) {
    case 'save':
      return state === 'draft' || state === 'returned' ? state : null;
    case 'submit':
      return state === 'draft' || state === 'returned' ? 'submitted' : null;
    case 'return':
      return state === 'submitted' ? 'returned' : null;
    case 'approve':
      return state === 'submitted' ? 'published' : null;
  }
}
