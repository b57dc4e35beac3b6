/**
 * Small readers for register cells: 登记状态, 注册资本, 信用风险分类, inspector 状态, 事项类别. Each takes the cell text and
 * returns the normalised value, or null when the text is not one it knows.
 */
import type { InspectorStatus, ObjectStatus, RiskClass } from '../registry/register-types.ts';

function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Results of a pure reader, remembered for up to `limit` distinct texts (then forgotten and collected again). */
export function rememberResults<T>(read: (text: string) => T, limit = 10_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    const value = read(text);
    if (known.size >= limit) known.clear();
    known.set(text, value);
    return value;
  };
}

/**
 * 登记状态 → 存续 / 注销 / 吊销. 存续 covers the words exports use for a live entity (在营, 开业, 正常, 在业, 登记成立,
 * 确立, 迁入); 撤销 (registration revoked) and 迁出 (moved away) are gone from the register: 注销. Checked in order
 * 吊销 before 注销, so `吊销，未注销` is 吊销.
 */
export function normaliseObjectStatus(raw: string): ObjectStatus | null {
  return rememberStatus(raw);
}

/** A register repeats a handful of status texts a million times: each is read once. */
const rememberStatus = rememberResults(readObjectStatus);

function readObjectStatus(raw: string): ObjectStatus | null {
  const s = squeeze(raw);
  if (s === '') return null;
  if (s.includes('吊销')) return '吊销';
  if (/注销|撤销|迁出|歇业|清算完结/.test(s)) return '注销';
  if (/^(存续|在营|开业|正常|在业|登记成立|确立|迁入|设立|营业|存续\(在营、开业、在册\)|在册)/.test(s))
    return '存续';
  return null;
}

/**
 * 注册资本 in 万元: a number, optionally with 万元 / 万 / 万人民币; `元` alone is converted (÷ 10,000).
 * Null when no number can be read. Foreign currencies keep their amount (flagged by the caller).
 */
export function parseCapital(
  raw: string,
): { readonly amount: number; readonly currency: string | null } | null {
  return rememberCapital(raw);
}

const rememberCapital = rememberResults(readCapital);

function readCapital(raw: string): { readonly amount: number; readonly currency: string | null } | null {
  const s = squeeze(raw).replace(/,/g, '');
  const m = /^([0-9]+(?:\.[0-9]+)?)(万?)(元|人民币|美元|港元|港币|欧元|日元)?(人民币)?$/.exec(s);
  if (m === null) return null;
  const value = Number(m[1]);
  const currency = m[3] === undefined || m[3] === '元' || m[3] === '人民币' ? null : m[3];
  const amount = m[2] === '' && m[3] === '元' ? value / 10_000 : value;
  return { amount, currency };
}

/** 信用风险分类: A–D, or 低/一般/较高/高风险 (DOMAIN.md §2). */
export function normaliseRiskClass(raw: string): RiskClass | null {
  const s = squeeze(raw).toUpperCase();
  if (/^[ABCD]类?$/.test(s)) return s.charAt(0) as RiskClass;
  if (/^(A类)?低风险/.test(s)) return 'A';
  if (/^(B类)?一般风险/.test(s)) return 'B';
  if (/^(C类)?较高风险/.test(s)) return 'C';
  if (/^(D类)?高风险/.test(s)) return 'D';
  return null;
}

/** Inspector 状态 → 在岗 / 休假 / 调离; empty is 在岗. */
export function normaliseInspectorStatus(raw: string): InspectorStatus | null {
  const s = squeeze(raw);
  if (s === '' || /^(在岗|在职|正常|有效|在编)$/.test(s)) return '在岗';
  if (/^(休假|请假|病假|产假|借调|培训|暂停)/.test(s)) return '休假';
  if (/^(调离|离职|退休|离岗|注销|停用|无效)/.test(s)) return '调离';
  return null;
}

/** 事项类别 → 一般 / 重点 (一般检查事项, 重点检查事项). */
export function normaliseItemType(raw: string): '一般' | '重点' | null {
  const s = squeeze(raw);
  if (s.startsWith('一般')) return '一般';
  if (s.startsWith('重点')) return '重点';
  return null;
}
