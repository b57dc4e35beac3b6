/**
 * The .xlsx export and its round trip: writePlanXlsx then readPlanSpreadsheet gives back the same tasks, for
 * the whole 350-task seed notice (skipped when ../shared is absent), hand-built tasks and generated ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseDepartment } from '../plan/normalise-department.ts';
import { parsePlanText } from '../plan/parse-plan-text.ts';
import { PLAN_REGIONS } from '../plan/plan-regions.ts';
import type { PlanLine, PlanTask } from '../plan/plan-types.ts';
import { readPlanSpreadsheet } from './read-plan-spreadsheet.ts';
import { RISK_BASED_TEXT, writePlanXlsx } from './write-plan-xlsx.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const seedPath = `${repoRoot}../shared/seed/000_bcb4b9be9ee0f30f.txt`;
const OPTIONS = { year: 2023, title: '晋城市2023年度部门联合双随机抽查工作计划' };

async function roundTrip(tasks: readonly PlanTask[]): Promise<readonly PlanTask[]> {
  const bytes = await writePlanXlsx(tasks, OPTIONS);
  const read = await readPlanSpreadsheet(bytes, 'xlsx', 'plan.xlsx');
  if (!read.ok) throw new Error(read.error.message);
  return read.value.tasks;
}

/** Rewrites a written annex with its columns permuted (new column j holds old column order[j]), merges kept. */
async function shuffleColumns(bytes: Uint8Array, order: readonly number[]): Promise<Uint8Array> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.load(bytes as unknown as Parameters<typeof source.xlsx.load>[0]);
  const sheet = source.worksheets[0];
  if (sheet === undefined) throw new Error('no sheet');
  const target = new ExcelJS.Workbook();
  const out = target.addWorksheet('附件');
  const newColumn = (old: number): number => order.indexOf(old) + 1;
  for (let r = 1; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= order.length; c++) {
      const cell = sheet.getCell(r, c);
      if (cell.master.address === cell.address && cell.value !== null) {
        out.getCell(r, newColumn(c)).value = cell.value;
      }
    }
  }
  const merges = (sheet.model as unknown as { merges: string[] }).merges;
  for (const range of merges) {
    const [from = '', to = ''] = range.split(':');
    const a = sheet.getCell(from);
    const b = sheet.getCell(to);
    if (a.col === b.col)
      out.mergeCells(Number(a.row), newColumn(Number(a.col)), Number(b.row), newColumn(Number(a.col)));
    else out.mergeCells(Number(a.row), 1, Number(b.row), order.length);
  }
  return new Uint8Array(await target.xlsx.writeBuffer());
}

const SHUFFLE = [4, 9, 1, 7, 3, 10, 2, 6, 8, 5];

function canonical(names: readonly string[], region: string): string[] {
  const out: string[] = [];
  for (const name of names) {
    const found = normaliseDepartment(name, region).canonical;
    if (found !== null && !out.includes(found)) out.push(found);
  }
  return out;
}

type TaskInput = Omit<PlanTask, 'initiatorDepartments' | 'cooperatorDepartments'>;

function makeTask(input: TaskInput): PlanTask {
  return {
    ...input,
    initiatorDepartments: canonical(input.initiators, input.region),
    cooperatorDepartments: canonical(input.cooperators, input.region),
  };
}

function makeLine(partial: Partial<PlanLine>): PlanLine {
  return {
    matters: [],
    scope: null,
    ratio: null,
    timesPerYear: null,
    minCount: null,
    approxCount: null,
    window: null,
    ...partial,
  };
}

const HAND_TASKS: PlanTask[] = [
  makeTask({
    seq: 1,
    seqPrinted: '1',
    region: '晋城市本级',
    name: '对特种设备生产单位的双随机抽查',
    lines: [
      makeLine({
        matters: ['特种设备生产单位许可条件检查', '特种设备制造质量检查'],
        scope: '特种设备生产单位',
        ratio: { percent: 20, bound: 'atLeast' },
        timesPerYear: 1,
        minCount: 4,
        approxCount: 6,
        window: { fromMonth: 3, toMonth: 12 },
      }),
      makeLine({
        matters: ['气瓶充装单位检查'],
        scope: '气瓶充装单位',
        ratio: { percent: 100, bound: 'exact' },
        timesPerYear: 2,
        window: null,
      }),
    ],
    riskBased: true,
    initiators: ['市市场监管局'],
    cooperators: ['市应急局', '市消防救援支队'],
  }),
  makeTask({
    seq: 2,
    seqPrinted: null,
    region: '晋城市本级',
    name: '对医疗机构的联合抽查',
    lines: [
      makeLine({
        matters: ['医疗机构依法执业情况检查'],
        scope: '医疗机构',
        ratio: { percent: 5, bound: 'exact' },
        timesPerYear: 1,
        window: { fromMonth: 6, toMonth: 6 },
      }),
    ],
    riskBased: false,
    initiators: ['市卫健委', '市市场监管局'],
    cooperators: [],
  }),
  makeTask({
    seq: 3,
    seqPrinted: '3',
    region: '城区',
    name: '对燃气经营企业的抽查',
    lines: [makeLine({ scope: '燃气经营企业', ratio: { percent: 10, bound: 'atMost' } })],
    riskBased: false,
    initiators: [],
    cooperators: ['区住建局'],
  }),
];

describe('writePlanXlsx', () => {
  it('lays the annex out as a real one: title, frozen header, region headings, merged task cells', async () => {
    const bytes = await writePlanXlsx(HAND_TASKS, OPTIONS);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    if (sheet === undefined) throw new Error('no sheet');
    expect(sheet.getCell('A1').text).toBe(OPTIONS.title);
    expect(sheet.getCell('J1').master.address).toBe('A1');
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '地区',
      '序号',
      '抽查任务名称',
      '抽查事项',
      '抽查对象范围',
      '抽查比例及频次',
      '智慧监管(信用风险)分类要求',
      '抽查检查起止时间',
      '发起部门',
      '配合部门',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getCell('A3').text).toBe('晋城市本级 (2)');
    // Task 1 spans rows 4–5: name, 序号, 智慧监管 and departments merged; lines apart.
    expect(sheet.getCell('C5').master.address).toBe('C4');
    expect(sheet.getCell('I5').master.address).toBe('I4');
    expect(sheet.getCell('G4').text).toBe(RISK_BASED_TEXT);
    expect(sheet.getCell('F4').text).toBe('不低于20%；不少于4户；1次/年（约6家）');
    expect(sheet.getCell('F5').text).toBe('100%；2次/年');
    expect(sheet.getCell('D4').text).toBe('1. 特种设备生产单位许可条件检查\n2. 特种设备制造质量检查');
    expect(sheet.getCell('A6').master.address).toBe('A4');
    expect(sheet.getCell('A7').text).toBe('城区 (1)');
    expect(sheet.getColumn(4).width).toBeGreaterThan(sheet.getColumn(2).width ?? 0);
    expect(sheet.getCell('D4').alignment.wrapText).toBe(true);
  });

  it('round-trips hand-built tasks exactly (several 发起部门, only a 配合部门, sub-lines)', async () => {
    expect(await roundTrip(HAND_TASKS)).toEqual(HAND_TASKS);
  });

  it('reads the annex back with its columns in another order', async () => {
    const shuffled = await shuffleColumns(await writePlanXlsx(HAND_TASKS, OPTIONS), SHUFFLE);
    const read = await readPlanSpreadsheet(shuffled, 'xlsx', 'shuffled.xlsx');
    expect(read.ok && read.value.tasks).toEqual(HAND_TASKS);
  });

  it('round-trips generated tasks (printed fields exactly; a second trip changes nothing)', async () => {
    const word = fc
      .array(
        fc.constantFrom(
          ...Array.from('食品药品生产经营企业单位特种设备安全消防检查抽查情况产品质量学校医院'),
        ),
        {
          minLength: 2,
          maxLength: 10,
        },
      )
      .map((cs) => cs.join(''));
    const department = fc.constantFrom(
      '市场监管局',
      '公安局',
      '生态环境局',
      '卫健委',
      '应急管理局',
      '消防救援大队',
      '文旅局',
      '住建局',
    );
    const line = fc.record({
      matters: fc.array(word, { maxLength: 3 }),
      scope: fc.option(word),
      ratio: fc.option(
        fc.record({
          percent: fc.constantFrom(2.5, 5, 10, 20, 30, 100),
          bound: fc.constantFrom('exact' as const, 'atLeast' as const, 'atMost' as const),
        }),
      ),
      timesPerYear: fc.option(fc.integer({ min: 1, max: 4 })),
      minCount: fc.option(fc.integer({ min: 1, max: 30 })),
      approxCount: fc.option(fc.integer({ min: 1, max: 200 })),
      window: fc.option(
        fc
          .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }))
          .map(([a, b]) => ({ fromMonth: Math.min(a, b), toMonth: Math.max(a, b) })),
      ),
    });
    const task = fc.record({
      region: fc.integer({ min: 0, max: PLAN_REGIONS.length - 1 }),
      printSeq: fc.boolean(),
      name: word,
      lines: fc.array(line, { minLength: 1, maxLength: 3 }),
      riskBased: fc.boolean(),
      initiators: fc.array(department, { maxLength: 2 }),
      cooperators: fc.array(department, { maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(task, { minLength: 1, maxLength: 8, selector: (t) => t.name }),
        async (drafts) => {
          const sorted = [...drafts].sort((a, b) => a.region - b.region);
          const tasks = sorted.map((d, i) => {
            const region = PLAN_REGIONS[d.region];
            if (region === undefined) throw new Error('region');
            const prefix = region.departmentPrefixes[0] ?? '';
            return makeTask({
              seq: i + 1,
              seqPrinted: d.printSeq ? String(i + 1) : null,
              region: region.label,
              name: d.name,
              lines: d.lines,
              riskBased: d.riskBased,
              initiators: d.initiators.map((n) => prefix + n),
              cooperators: d.cooperators.map((n) => prefix + n),
            });
          });
          const once = await roundTrip(tasks);
          const printed = (t: PlanTask): Omit<PlanTask, 'initiatorDepartments' | 'cooperatorDepartments'> => {
            const { initiatorDepartments: _i, cooperatorDepartments: _c, ...rest } = t;
            return rest;
          };
          expect(once.map(printed)).toEqual(tasks.map(printed));
          expect(await roundTrip(once)).toEqual(once);
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);

  describe.skipIf(!existsSync(seedPath))('the seed notice (晋城 2023, 350 tasks)', () => {
    it('round-trips every task deep-equal', async () => {
      const parsed = parsePlanText(readFileSync(seedPath, 'utf8'));
      expect(parsed.tasks).toHaveLength(350);
      const bytes = await writePlanXlsx(parsed.tasks, OPTIONS);
      const read = await readPlanSpreadsheet(bytes, 'xlsx', 'jincheng-2023.xlsx');
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.value.tasks).toEqual(parsed.tasks);
      expect(read.value.warnings.filter((w) => /split across rows|region header/.test(w.message))).toEqual(
        [],
      );
    }, 30_000);
  });
});
