/**
 * The December assessment report (年度考评情况通报): title, body and the ranking table, composed from the scores
 * (assessment.ts). Pure; the server renders it to .docx and the same rows to .xlsx.
 */
import {
  ASSESSMENT_CRITERIA,
  ASSESSMENT_CRITERION_TITLES,
  gradeAssessment,
  type AssessmentRules,
  type AssessmentScore,
} from './assessment.ts';
import { formatChineseDate, type BulletinParagraph, type BulletinTable } from './bulletin-text.ts';

export interface AssessmentReportRow {
  readonly name: string;
  readonly regionName: string;
  readonly score: AssessmentScore;
  readonly rank: number | null;
}

export interface AssessmentReportInput {
  readonly issuer: string;
  readonly year: number;
  readonly issuedOn: string;
  readonly asOf: string;
  readonly rules: AssessmentRules;
  readonly rows: readonly AssessmentReportRow[];
}

export interface AssessmentReportText {
  readonly title: string;
  readonly recipients: string;
  readonly body: readonly BulletinParagraph[];
  readonly issuer: string;
  readonly dateText: string;
  readonly table: BulletinTable;
}

function formatScore(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}

/**
 * Composes the report; rows are printed in rank order, departments not assessed last; each criterion column shows
 * the points earned (share × weight), so a row's columns add up to its total.
 */
export function composeAssessmentReport(input: AssessmentReportInput): AssessmentReportText {
  const ordered = [...input.rows].sort(
    (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER),
  );
  const assessed = ordered.filter((r) => r.score.total !== null);
  const grades = new Map<string, string[]>();
  for (const r of assessed) {
    const g = gradeAssessment(r.score.total);
    grades.set(g, [...(grades.get(g) ?? []), r.name]);
  }
  const weights = ASSESSMENT_CRITERIA.map(
    (c) => `${ASSESSMENT_CRITERION_TITLES[c]}${String(input.rules.weights[c])}分`,
  ).join('、');
  const body: BulletinParagraph[] = [
    {
      kind: 'text',
      text:
        `根据${String(input.year)}年度部门联合“双随机、一公开”监管工作计划和考评细则，领导小组办公室依据平台记录，` +
        `对各部门截至${formatChineseDate(input.asOf)}的抽查工作进行了考评。现将考评结果通报如下：`,
    },
    { kind: 'heading', text: '一、考评办法' },
    {
      kind: 'text',
      text:
        `考评满分100分，其中${weights}。按期完成以${formatChineseDate(input.rules.completionDeadline)}前公示的检查结果计算；` +
        '及时公示以批次结束后20个工作日内公示的结果计算；全覆盖以计划内每项任务和每个抽查事项均有公示结果计算；' +
        '后续处置以发现问题案件的完结情况计算；数据质量以检查结果一次通过审核的比例计算。',
    },
    { kind: 'heading', text: '二、考评结果' },
  ];
  if (assessed.length === 0) {
    body.push({ kind: 'text', text: '本年度尚无可考评的部门。' });
  } else {
    const summary = ['优秀', '良好', '合格', '不合格']
      .filter((g) => (grades.get(g) ?? []).length > 0)
      .map((g) => `${g}${String(grades.get(g)?.length ?? 0)}个`)
      .join('，');
    body.push({
      kind: 'text',
      text: `参加考评的部门${String(assessed.length)}个，其中${summary}。`,
    });
    const best = assessed[0]?.score.total ?? null;
    const tied = assessed.filter((r) => r.score.total === best);
    if (tied.length > 3) {
      body.push({
        kind: 'text',
        text: `考评得分${formatScore(best)}分的部门有${String(tied.length)}个，包括${tied
          .slice(0, 3)
          .map((r) => r.name)
          .join('、')}等。`,
      });
    } else {
      const top = assessed.slice(0, 3).map((r) => `${r.name}（${formatScore(r.score.total)}分）`);
      body.push({ kind: 'text', text: `考评得分居前的部门：${top.join('、')}。` });
    }
    const failing = grades.get('不合格') ?? [];
    if (failing.length > 0) {
      body.push({
        kind: 'text',
        text: `考评不合格的部门：${failing.join('、')}。请上述部门认真分析原因，于次年1月15日前向领导小组办公室报送整改报告。`,
      });
    }
  }
  const idle = ordered.length - assessed.length;
  if (idle > 0) {
    body.push({ kind: 'text', text: `另有${String(idle)}个部门本年度没有抽查任务，未参加考评。` });
  }
  body.push(
    { kind: 'heading', text: '三、工作要求' },
    {
      kind: 'text',
      text: '各部门要对照考评结果查找差距，完善随机抽查事项清单和“两库”，严格落实20个工作日内公示的要求，做好发现问题的后续处置，切实提高双随机抽查工作质量。',
    },
    { kind: 'text', text: '附件：各部门双随机抽查工作考评结果' },
  );
  const table: BulletinTable = {
    title: `附件  ${String(input.year)}年度各部门双随机抽查工作考评结果`,
    header: [
      '名次',
      '部门',
      '地区',
      ...ASSESSMENT_CRITERIA.map(
        (c) => `${ASSESSMENT_CRITERION_TITLES[c]}（${String(input.rules.weights[c])}分）`,
      ),
      '总分',
      '等次',
    ],
    rows: ordered.map((r) => [
      r.rank === null ? '—' : String(r.rank),
      r.name,
      r.regionName,
      ...ASSESSMENT_CRITERIA.map((c) => {
        const share = r.score.criteria[c];
        return formatScore(share === null ? null : (share * input.rules.weights[c]) / 100);
      }),
      formatScore(r.score.total),
      gradeAssessment(r.score.total),
    ]),
    highlight: ordered.map((r) => (r.score.total !== null && r.score.total < 60 ? ('red' as const) : null)),
  };
  return {
    title: `关于${String(input.year)}年度部门联合双随机抽查工作考评结果的通报`,
    recipients: '各县（市、区）双随机抽查工作领导小组办公室，市直各有关部门：',
    body,
    issuer: input.issuer,
    dateText: formatChineseDate(input.issuedOn),
    table,
  };
}
