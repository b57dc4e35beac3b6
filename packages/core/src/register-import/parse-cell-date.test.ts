import { describe, expect, it } from 'vitest';
import { parseCellDate } from './parse-cell-date.ts';
import { normaliseObjectStatus, parseCapital, normaliseRiskClass } from './parse-cell-values.ts';

describe('parseCellDate', () => {
  it('reads Excel serial dates (1900 system) as the real export stores them', () => {
    expect(parseCellDate('41789')).toEqual({ ok: true, value: '2014-05-30' });
    expect(parseCellDate('42318')).toEqual({ ok: true, value: '2015-11-10' });
    expect(parseCellDate('61')).toEqual({ ok: true, value: '1900-03-01' });
    expect(parseCellDate('44197.75')).toEqual({ ok: true, value: '2021-01-01' });
  });

  it('reads the text forms clerks type', () => {
    for (const t of [
      '2014-05-30',
      '2014/5/30',
      '2014.5.30',
      '2014年5月30日',
      '20140530',
      '２０１４-０５-３０',
      '2014-05-30 00:00:00',
    ]) {
      expect(parseCellDate(t)).toEqual({ ok: true, value: '2014-05-30' });
    }
  });

  it('refuses what is no date', () => {
    for (const t of ['', '2014-02-30', '不详', '12', '2014-13-01', '99999999'])
      expect(parseCellDate(t).ok).toBe(false);
  });
});

describe('cell values', () => {
  it('normalises 登记状态', () => {
    expect(['存续', '在营', '开业', '正常', '存续（在营、开业、在册）'].map(normaliseObjectStatus)).toEqual(
      Array(5).fill('存续'),
    );
    expect(normaliseObjectStatus('注销')).toBe('注销');
    expect(normaliseObjectStatus('吊销，未注销')).toBe('吊销');
    expect(normaliseObjectStatus('不明')).toBeNull();
  });
  it('reads 注册资本 in 万元', () => {
    expect(parseCapital('100')).toEqual({ amount: 100, currency: null });
    expect(parseCapital('1,000万元人民币')).toEqual({ amount: 1000, currency: null });
    expect(parseCapital('500000元')).toEqual({ amount: 50, currency: null });
    expect(parseCapital('20万美元')).toEqual({ amount: 20, currency: '美元' });
    expect(parseCapital('若干')).toBeNull();
  });
  it('reads risk classes', () => {
    expect(['A', 'b类', '较高风险', '高风险'].map(normaliseRiskClass)).toEqual(['A', 'B', 'C', 'D']);
  });
});
