import { describe, expect, it } from 'vitest';
import {
  checkAssessmentRules,
  describeAssessmentRulesProblem,
  gradeAssessment,
  makeDefaultAssessmentRules,
  rankAssessments,
  scoreAssessment,
  type AssessmentInput,
} from './assessment.ts';
import { composeAssessmentReport } from './assessment-report-text.ts';
import { composeProgressBulletin, formatChineseDate } from './bulletin-text.ts';
import { estimateDomainShare } from './domain-estimate.ts';
import {
  EMPTY_PROGRESS_COUNTS,
  classifyProgressStatus,
  computeAsOfDate,
  computeClosureRate,
  computeCompletionRate,
  formatRate,
  rankByScore,
  sumProgressCounts,
  type ProgressCounts,
} from './progress-figures.ts';

const counts = (c: Partial<ProgressCounts>): ProgressCounts => ({ ...EMPTY_PROGRESS_COUNTS, ...c });
const EMPTY_INPUT: AssessmentInput = {
  due: 0,
  publishedByDeadline: 0,
  published: 0,
  publishedOnTime: 0,
  tasks: 0,
  tasksCovered: 0,
  matters: 0,
  mattersCovered: 0,
  followUps: 0,
  followUpsClosed: 0,
  entered: 0,
  enteredFirstPass: 0,
};

describe('progress figures (DOMAIN.md §5)', () => {
  it('computes 完成率 = 已公示/应检查 and 完结率 = 完结/已公示, with no rate (not 0%) when nothing is due', () => {
    const c = counts({ due: 40, inspected: 30, entered: 25, published: 20, closed: 15 });
    expect(computeCompletionRate(c)).toBe(0.5);
    expect(computeClosureRate(c)).toBe(0.75);
    expect(computeCompletionRate(EMPTY_PROGRESS_COUNTS)).toBeNull();
    expect(computeClosureRate(counts({ due: 3 }))).toBeNull();
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(null)).toBe('—');
  });

  it('colours a row red when anything is overdue, yellow when due today, and leaves idle departments uncoloured', () => {
    expect(classifyProgressStatus(counts({ due: 5, overdue: 1, dueToday: 2 }))).toBe('red');
    expect(classifyProgressStatus(counts({ due: 5, dueToday: 2 }))).toBe('yellow');
    expect(classifyProgressStatus(counts({ due: 5 }))).toBe('green');
    expect(classifyProgressStatus(EMPTY_PROGRESS_COUNTS)).toBe('none');
  });

  it('stands at yesterday, across month and year ends and leap days', () => {
    expect(computeAsOfDate('2023-12-01')).toBe('2023-11-30');
    expect(computeAsOfDate('2024-01-01')).toBe('2023-12-31');
    expect(computeAsOfDate('2024-03-01')).toBe('2024-02-29');
  });

  it('ranks with ties sharing a place and leaves rows without a score unranked', () => {
    expect(rankByScore([0.5, null, 0.9, 0.5, 0.1])).toEqual([2, null, 1, 2, 4]);
    expect(sumProgressCounts([counts({ due: 1, late: 2 }), counts({ due: 3 })])).toEqual(
      counts({ due: 4, late: 2 }),
    );
  });
});

describe('assessment (考评)', () => {
  const input: AssessmentInput = {
    due: 100,
    publishedByDeadline: 90,
    published: 95,
    publishedOnTime: 76,
    tasks: 4,
    tasksCovered: 4,
    matters: 6,
    mattersCovered: 5,
    followUps: 10,
    followUpsClosed: 7,
    entered: 98,
    enteredFirstPass: 49,
  };

  it('scores each criterion as a share and weights them into 100 points', () => {
    const rules = makeDefaultAssessmentRules(2023);
    const s = scoreAssessment(input, rules);
    expect(s.criteria).toEqual({
      completion: 90,
      timeliness: 80,
      coverage: 90,
      closure: 70,
      dataQuality: 50,
    });
    // 30·0.9 + 25·0.8 + 15·0.9 + 15·0.7 + 15·0.5 = 27 + 20 + 13.5 + 10.5 + 7.5
    expect(s.total).toBe(78.5);
    expect(gradeAssessment(s.total)).toBe('合格');
  });

  it('follows edited weights, and leaves a department with no tasks unscored and unranked', () => {
    const rules = {
      ...makeDefaultAssessmentRules(2023),
      weights: { completion: 100, timeliness: 0, coverage: 0, closure: 0, dataQuality: 0 },
    };
    expect(scoreAssessment(input, rules).total).toBe(90);
    const idle = scoreAssessment({ ...input, due: 0, tasks: 0 }, rules);
    expect(idle.assessed).toBe(false);
    expect(idle.total).toBeNull();
    const nothingDone = scoreAssessment(
      {
        ...input,
        publishedByDeadline: 0,
        published: 0,
        publishedOnTime: 0,
        followUps: 0,
        followUpsClosed: 0,
      },
      makeDefaultAssessmentRules(2023),
    );
    expect(nothingDone.criteria.closure).toBe(0);
    expect(rankAssessments([scoreAssessment(input, rules), idle, scoreAssessment(input, rules)])).toEqual([
      1,
      null,
      1,
    ]);
  });

  it('refuses weights that do not add up to 100, fractional or negative weights and a deadline outside the year', () => {
    const rules = makeDefaultAssessmentRules(2023);
    const bad = checkAssessmentRules({ ...rules, weights: { ...rules.weights, completion: 31 } }, 2023);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(describeAssessmentRulesProblem(bad.error)).toContain('101');
    expect(checkAssessmentRules({ ...rules, weights: { ...rules.weights, closure: -1 } }, 2023).ok).toBe(
      false,
    );
    expect(checkAssessmentRules({ ...rules, weights: { ...rules.weights, closure: 1.5 } }, 2023).ok).toBe(
      false,
    );
    expect(checkAssessmentRules({ ...rules, completionDeadline: '2024-12-15' }, 2023).ok).toBe(false);
    expect(checkAssessmentRules({ ...rules, completionDeadline: '2023-02-30' }, 2023).ok).toBe(false);
    expect(checkAssessmentRules(rules, 2023).ok).toBe(true);
  });
});

describe('bulletin text (通报)', () => {
  it('numbers, dates and names the red departments, ranks by 完成率 and lists idle departments unranked', () => {
    const text = composeProgressBulletin({
      issuer: '晋城市部门联合双随机抽查工作领导小组办公室',
      numberPrefix: '晋城市双随机办',
      year: 2023,
      seq: 3,
      issuedOn: '2023-12-01',
      asOf: '2023-11-30',
      totals: counts({ due: 30, published: 15, overdue: 4 }),
      departments: [
        { name: '甲局', regionName: '晋城市', counts: counts({ due: 10, published: 9 }) },
        { name: '乙局', regionName: '泽州县', counts: counts({ due: 20, published: 6, overdue: 4 }) },
        { name: '丙局', regionName: '泽州县', counts: EMPTY_PROGRESS_COUNTS },
      ],
    });
    expect(text.number).toBe('晋城市双随机办〔2023〕3号');
    expect(text.dateText).toBe('2023年12月1日');
    const body = text.body.map((p) => p.text).join('\n');
    expect(body).toContain('截至2023年11月30日');
    expect(body).toContain('完成率（已公示/应检查）50.0%');
    expect(body).toContain('乙局（4户次）');
    expect(body).toContain('1个部门截至目前没有应检查的任务');
    const [progress, ranking] = text.tables;
    expect(progress?.rows.map((r) => r[2])).toEqual(['甲局', '乙局', '丙局']);
    expect(progress?.highlight).toEqual([null, 'red', null]);
    expect(ranking?.rows.map((r) => [r[0], r[1]])).toEqual([
      ['1', '甲局'],
      ['2', '乙局'],
      ['—', '丙局'],
    ]);
    expect(formatChineseDate('2024-01-09')).toBe('2024年1月9日');
    const many = composeProgressBulletin({
      issuer: '办',
      numberPrefix: '办',
      year: 2023,
      seq: 1,
      issuedOn: '2023-12-01',
      asOf: '2023-11-30',
      totals: counts({ due: 5, published: 5 }),
      departments: ['甲', '乙', '丙', '丁', '戊'].map((name) => ({
        name,
        regionName: '晋城市',
        counts: counts({ due: 1, published: 1 }),
      })),
    });
    expect(many.body.map((p) => p.text)).toContain('完成率为100.0%的部门有5个，包括甲、乙、丙等。');
  });
});

describe('assessment report text', () => {
  it('prints departments in rank order with each criterion’s points adding up to the total, idle ones last', () => {
    const rules = makeDefaultAssessmentRules(2023);
    const good = scoreAssessment(
      {
        due: 10,
        publishedByDeadline: 10,
        published: 10,
        publishedOnTime: 10,
        tasks: 1,
        tasksCovered: 1,
        matters: 1,
        mattersCovered: 1,
        followUps: 0,
        followUpsClosed: 0,
        entered: 10,
        enteredFirstPass: 10,
      },
      rules,
    );
    const poor = scoreAssessment(
      {
        due: 10,
        publishedByDeadline: 2,
        published: 4,
        publishedOnTime: 1,
        tasks: 2,
        tasksCovered: 1,
        matters: 2,
        mattersCovered: 1,
        followUps: 2,
        followUpsClosed: 0,
        entered: 5,
        enteredFirstPass: 2,
      },
      rules,
    );
    const idle = scoreAssessment({ ...EMPTY_INPUT }, rules);
    const text = composeAssessmentReport({
      issuer: '办',
      year: 2023,
      issuedOn: '2023-12-20',
      asOf: '2023-12-19',
      rules,
      rows: [
        { name: '乙局', regionName: '泽州县', score: poor, rank: 2 },
        { name: '丙局', regionName: '泽州县', score: idle, rank: null },
        { name: '甲局', regionName: '晋城市', score: good, rank: 1 },
      ],
    });
    expect(text.table.rows.map((r) => r[1])).toEqual(['甲局', '乙局', '丙局']);
    const poorRow = text.table.rows[1] ?? [];
    const points = poorRow.slice(3, 8).reduce((a, v) => a + Number(v), 0);
    expect(points).toBeCloseTo(Number(poorRow[8]), 0);
    expect(poorRow[9]).toBe('不合格');
    expect(text.table.highlight).toEqual([null, 'red', null]);
    const body = text.body.map((p) => p.text).join('\n');
    expect(body).toContain('考评不合格的部门：乙局');
    expect(body).toContain('另有1个部门本年度没有抽查任务');
  });
});

describe('domain estimates', () => {
  it('uses only strata with results, says how much of the population that covers, never a negative bound', () => {
    const e = estimateDomainShare([
      { N: 1000, n: 50, x: 0 },
      { N: 200, n: 20, x: 2 },
      { N: 300, n: 0, x: 0 },
      { N: 0, n: 0, x: 0 },
    ]);
    expect(e.status).toBe('ok');
    expect(e.strata).toBe(3);
    expect(e.coveredStrata).toBe(2);
    expect(e.population).toBe(1500);
    expect(e.coveredPopulation).toBe(1200);
    expect(e.n).toBe(70);
    expect(e.x).toBe(2);
    expect(e.p).toBeCloseTo((200 / 1200) * 0.1, 10);
    expect(e.low).toBeGreaterThanOrEqual(0);
    expect(e.high).toBeGreaterThan(e.p ?? 1);
    const none = estimateDomainShare([{ N: 10, n: 0, x: 0 }]);
    expect(none.status).toBe('no_sample');
    expect(none.p).toBeNull();
  });
});
