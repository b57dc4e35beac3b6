import { describe, expect, it } from 'vitest';
import { makeOrgCode } from '../uscc/org-code.ts';
import { makeUscc } from '../uscc/make-uscc.ts';
import { computeMod1110CheckDigit } from '../uscc/registration-number.ts';
import { suggestColumnMapping } from './suggest-column-mapping.ts';
import { validateRiskRow } from './validate-risk-row.ts';

const { mapping } = suggestColumnMapping(['USCC', 'class', 'date'], 'risk-history');
const context = { today: '2026-11-27' };
const code = makeUscc('91140525' + makeOrgCode('MA0K1234'));
const regNo = '14052560000123' + computeMod1110CheckDigit('14052560000123');

describe('validateRiskRow', () => {
  it('maps the columns of a USCC,class,date export', () => {
    expect(Object.keys(mapping).sort()).toEqual(['class', 'date', 'uscc']);
    const zh = suggestColumnMapping(['统一社会信用代码', '信用风险分类', '分类日期'], 'risk-history').mapping;
    expect(zh['class']?.column).toBe(1);
  });

  it('reads A–D and the Chinese class names, ISO and Excel dates, a USCC or a 15-digit 注册号', () => {
    for (const [text, riskClass] of [
      ['A', 'A'],
      ['b', 'B'],
      ['较高风险', 'C'],
      ['D类', 'D'],
      ['高风险', 'D'],
    ] as const) {
      expect(validateRiskRow([code, text, '2023-03-01'], mapping, context).value).toEqual({
        id: code,
        isUscc: true,
        riskClass,
        on: '2023-03-01',
      });
    }
    expect(validateRiskRow([regNo, 'A', '44986'], mapping, context).value).toEqual({
      id: regNo,
      isUscc: false,
      riskClass: 'A',
      on: '2023-03-01',
    });
  });

  it('names the column of every error: damaged or invalid code, unknown class, bad or future date, empty cells', () => {
    const columns = (cells: string[]): string[] =>
      validateRiskRow(cells, mapping, context).issues.map((i) => `${i.column}:${i.severity}`);
    expect(columns(['9.1469E+17', 'A', '2023-03-01'])).toEqual(['USCC:error']);
    expect(columns([code.slice(0, 17) + (code.endsWith('0') ? '1' : '0'), 'A', '2023-03-01'])).toEqual([
      'USCC:error',
    ]);
    expect(columns([code, 'E', '2023-02-30'])).toEqual(['class:error', 'date:error']);
    expect(columns([code, 'A', '2027-01-01'])).toEqual(['date:error']);
    expect(columns(['', '', ''])).toEqual(['USCC:error', 'class:error', 'date:error']);
    const invalid = validateRiskRow([code, 'E', '2023-03-01'], mapping, context);
    expect(invalid.value).toBeUndefined();
    expect(invalid.identity).toEqual({ id: code, isUscc: true });
  });
});
