/**
 * Follow-up (后续处置, DOMAIN.md §5): the types of action on a problem result, and the outcomes serious enough to
 * raise the object's risk for later draws (联合惩戒: a serious violation feeds the credit record).
 */
export const FOLLOW_UP_TYPES = [
  '无需后续处置',
  '责令改正',
  '立案调查/行政处罚',
  '移送其他行政机关',
  '移送司法机关',
  '抄告相关部门',
  '列入经营异常名录',
] as const;
export type FollowUpType = (typeof FOLLOW_UP_TYPES)[number];

export function isFollowUpType(value: string): value is FollowUpType {
  return (FOLLOW_UP_TYPES as readonly string[]).includes(value);
}

/** Outcomes (free text or the type) that mark a serious violation; matched as substrings of type + outcome. */
export const SERIOUS_OUTCOME_MARKS = ['吊销', '移送司法机关', '列入经营异常名录', '严重违法失信'] as const;

/**
 * Whether a closed case is serious (issue "Inspections, results and publication": 吊销, 移送司法机关,
 * 列入经营异常名录, 严重违法失信) and which marks matched: the reason recorded on the object.
 */
export function findSeriousMarks(type: string, outcome: string): string[] {
  const text = `${type} ${outcome}`;
  return SERIOUS_OUTCOME_MARKS.filter((m) => text.includes(m));
}
