import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRiskCsvProblem, formatRiskCsv, readRiskCsv } from './read-risk-csv.ts';
import { synthesiseRiskRows } from './synthesise-risk-rows.ts';

describe('readRiskCsv', () => {
  it('reads columns in any order, missing values, quotes, a BOM and CRLF line ends', () => {
    const text =
      '\uFEFFViolation,risk_class,id,category,kind,region,registered_capital,age_years,prior_inspections,' +
      'prior_violations,complaints_12m,abnormal_list,remarks\r\n' +
      '1,D,"A,1",catering,individual,140525,,1.5,3,2,4,1,x\r\n' +
      '0,,B2,,enterprise,NA,120.5,10,0,0,0,否,\r\n' +
      '\r\n' +
      '0,b类,C3,  space-mining ,,-,0,,,,,,\r\n';
    const result = readRiskCsv(text, { label: 'required' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.absentColumns).toEqual([]);
    expect(result.value.ignoredColumns).toEqual(['remarks']);
    expect(result.value.rows).toEqual([
      {
        id: 'A,1',
        kind: 'individual',
        category: 'catering',
        region: '140525',
        registeredCapital: null,
        ageYears: 1.5,
        priorInspections: 3,
        priorViolations: 2,
        complaints12m: 4,
        abnormalList: true,
        riskClass: 'D',
        violation: 1,
      },
      {
        id: 'B2',
        kind: 'enterprise',
        category: null,
        region: null,
        registeredCapital: 120.5,
        ageYears: 10,
        priorInspections: 0,
        priorViolations: 0,
        complaints12m: 0,
        abnormalList: false,
        riskClass: null,
        violation: 0,
      },
      {
        id: 'C3',
        kind: null,
        category: 'space-mining',
        region: null,
        registeredCapital: 0,
        ageYears: null,
        priorInspections: null,
        priorViolations: null,
        complaints12m: null,
        abnormalList: null,
        riskClass: 'B',
        violation: 0,
      },
    ]);
  });

  it('lets scoring data leave out the label and feature columns', () => {
    const result = readRiskCsv('id,prior_violations\nx,2\ny,\n', { label: 'optional' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.rows.map((r) => [r.id, r.priorViolations, r.violation])).toEqual([
      ['x', 2, null],
      ['y', null, null],
    ]);
    expect(result.value.absentColumns).toContain('risk_class');
    expect(result.value.absentColumns).not.toContain('violation');
  });

  it('names the row and the column of every value it cannot read', () => {
    const header = 'id,age_years,prior_violations,abnormal_list,risk_class,violation\n';
    const cases: [string, 'required' | 'optional', string][] = [
      ['a,1,0,0,A,1\nb,abc,0,0,A,0\n', 'required', 'row 3, column age_years: "abc" is not a number ≥ 0'],
      ['a,-1,0,0,A,1\n', 'required', 'row 2, column age_years: "-1" is not a number ≥ 0'],
      ['a,1,1.5,0,A,1\n', 'required', 'row 2, column prior_violations: "1.5" is not a whole number ≥ 0'],
      ['a,1,0,maybe,A,1\n', 'required', 'row 2, column abnormal_list: "maybe" is not 1 or 0 (是/否)'],
      ['a,1,0,0,E,1\n', 'required', 'row 2, column risk_class: "E" is not a credit-risk class A, B, C or D'],
      ['a,1,0,0,A,\n', 'required', 'row 2, column violation: "" is not 0 or 1 (required here)'],
      ['a,1,0,0,A,2\n', 'optional', 'row 2, column violation: "2" is not 0, 1 or empty'],
      [',1,0,0,A,1\n', 'required', 'row 2, column id: "" is not an id (it is empty)'],
      ['a,1,0,0,A\n', 'required', 'row 2: 5 cells, but the header has 6'],
      ['"a,1,0,0,A,1\n', 'required', 'the file ends inside a quoted field (a missing closing ")'],
    ];
    for (const [body, label, message] of cases) {
      const result = readRiskCsv(header + body, { label });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(describeRiskCsvProblem(result.error)).toBe(message);
    }
  });

  it('refuses a header without id, without violation for training, or with a column twice', () => {
    const describe = (text: string, label: 'required' | 'optional'): string => {
      const result = readRiskCsv(text, { label });
      return result.ok ? 'ok' : describeRiskCsvProblem(result.error);
    };
    expect(describe('', 'optional')).toBe('the file has no header line');
    expect(describe('kind,category\n', 'optional')).toMatch(/^row 1 \(header\): column id is missing/);
    expect(describe('id,kind\n', 'required')).toMatch(/column violation is missing/);
    expect(describe('id,kind,Kind\n', 'optional')).toBe('row 1 (header): column kind appears twice');
  });

  it('reads back exactly what formatRiskCsv writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.string(), (rows, seed) => {
        const written = synthesiseRiskRows({ rows, seed, missingShare: 0.2 });
        const read = readRiskCsv(formatRiskCsv(written), { label: 'required' });
        expect(read).toEqual({ ok: true, value: { rows: written, absentColumns: [], ignoredColumns: [] } });
      }),
      { numRuns: 30 },
    );
  });

  it('quotes ids and levels that need it', () => {
    const [row] = synthesiseRiskRows({ rows: 1, seed: 'q' });
    if (row === undefined) throw new Error('no row');
    const odd = { ...row, id: ' "x", y ', category: 'a\nb' };
    const read = readRiskCsv(formatRiskCsv([odd]), { label: 'required' });
    expect(read.ok && read.value.rows[0]).toMatchObject({ id: '"x", y', category: 'a\nb' });
  });
});
