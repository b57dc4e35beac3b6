import { describe, expect, it } from 'vitest';
import { makeOrgCode } from '../uscc/org-code.ts';
import { makeUscc } from '../uscc/make-uscc.ts';
import { computeMod1110CheckDigit } from '../uscc/registration-number.ts';
import { suggestColumnMapping } from './suggest-column-mapping.ts';
import { validateObjectRow } from './validate-object-row.ts';

const headers = ['名称', '统一社会信用代码', '注册号', '登记状态', '住所', '成立日期', '类型'];
const { mapping } = suggestColumnMapping(headers, 'objects');
const context = { seen: new Map<string, number>(), defaultRegionCode: null };
const zezhou = makeUscc('91140525' + makeOrgCode('MA0K1234'));
const hainan = makeUscc('92469006' + makeOrgCode('MA5RJQT1'));
const regNo = '14052560000123' + computeMod1110CheckDigit('14052560000123');

describe('validateObjectRow', () => {
  it('accepts a valid USCC, normalises status and date, places the object by the division code', () => {
    const r = validateObjectRow(
      ['甲公司', zezhou, '', '在营', '', '41789', '有限责任公司'],
      mapping,
      context,
    );
    expect(r.issues).toEqual([]);
    expect(r.value).toMatchObject({
      id: zezhou,
      status: '存续',
      establishedOn: '2014-05-30',
      regionCode: '140525',
      kind: 'enterprise',
    });
  });

  it('makes a valid 注册号 the canonical id when there is no USCC, warning-free', () => {
    const r = validateObjectRow(['乙店', '', regNo, '存续', '', '', '个体工商户'], mapping, context);
    expect(r.issues).toEqual([]);
    expect(r.value).toMatchObject({ id: regNo, uscc: null, regNo, kind: 'individual', regionCode: '140525' });
  });

  it('refuses a code a spreadsheet stored as a number, even with a valid 注册号 beside it', () => {
    for (const damaged of ['9.1469E+17', '914690062012665000']) {
      const r = validateObjectRow(['丙店', damaged, regNo, '存续', '', '', ''], mapping, context);
      expect(r.value).toBeUndefined();
      expect(r.issues).toEqual([
        expect.objectContaining({ column: '统一社会信用代码', severity: 'error', value: damaged }),
      ]);
      expect(r.issues[0]?.message).toContain('重新导出');
    }
  });

  it('refuses an invalid 注册号 without USCC, a duplicate, an unknown status', () => {
    expect(
      validateObjectRow(['丁', '', '140525600001230', '', '', '', ''], mapping, context).issues[0],
    ).toMatchObject({
      column: '注册号',
      severity: 'error',
    });
    const seen = new Map([[zezhou, 2]]);
    const dup = validateObjectRow(['甲公司', zezhou, '', '', '', '', ''], mapping, { ...context, seen });
    expect(dup.issues.find((i) => i.severity === 'error')?.message).toContain('与第 2 行重复');
    const status = validateObjectRow(['甲公司', zezhou, '', '神秘', '', '', ''], mapping, context);
    expect(status.issues[0]).toMatchObject({ column: '登记状态', severity: 'error' });
  });

  it('refuses an object outside the city unless a default region is given; finds a county in the address', () => {
    const outside = validateObjectRow(['戊店', hainan, '', '', '海南省万宁市', '', ''], mapping, context);
    expect(outside.issues.find((i) => i.severity === 'error')?.message).toContain('不属于本市辖区');
    const kept = validateObjectRow(['戊店', hainan, '', '', '海南省万宁市', '', ''], mapping, {
      ...context,
      defaultRegionCode: '140500',
    });
    expect(kept.value).toMatchObject({ regionCode: '140500', regionSource: 'default' });
    const byAddress = validateObjectRow(
      ['己店', hainan, '', '', '山西省晋城市陵川县礼义镇', '', ''],
      mapping,
      context,
    );
    expect(byAddress.value).toMatchObject({ regionCode: '140524', regionSource: 'address' });
  });
});
