/**
 * The text of a progress bulletin (工作进展通报): title, document number (文号), recipients, body, issuer, date,
 * and the two annex tables (progress by department, ranking by 完成率). Pure: the server renders it to .docx.
 * The wording follows the usual layout of a leadership office's 通报: an opening sentence, 一、总体进展,
 * 二、各部门进展情况 (best and worst by 完成率, red and yellow warnings by name), 三、工作要求, the annex list.
 */
import {
  PROGRESS_COUNT_TITLES,
  computeClosureRate,
  computeCompletionRate,
  formatRate,
  rankByScore,
} from './progress-figures.ts';
import type { ProgressCounts } from './progress-figures.ts';

export interface BulletinDepartmentRow {
  readonly name: string;
  readonly regionName: string;
  readonly counts: ProgressCounts;
}

export interface BulletinInput {
  /** The issuing office, e.g. 晋城市部门联合双随机抽查工作领导小组办公室. */
  readonly issuer: string;
  /** The number's prefix, e.g. 晋城市双随机办; the number reads `{prefix}〔{year}〕{seq}号`. */
  readonly numberPrefix: string;
  readonly year: number;
  readonly seq: number;
  /** YYYY-MM-DD */
  readonly issuedOn: string;
  /** The figures stand at the end of this day (YYYY-MM-DD). */
  readonly asOf: string;
  readonly totals: ProgressCounts;
  /** Every department in scope, with zero rows too. */
  readonly departments: readonly BulletinDepartmentRow[];
}

export interface BulletinParagraph {
  readonly kind: 'heading' | 'text';
  readonly text: string;
}

export interface BulletinTable {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Per row: `red` / `yellow` to highlight, or null. */
  readonly highlight: readonly ('red' | 'yellow' | null)[];
}

export interface BulletinText {
  readonly title: string;
  readonly number: string;
  readonly recipients: string;
  readonly body: readonly BulletinParagraph[];
  readonly issuer: string;
  readonly dateText: string;
  readonly tables: readonly BulletinTable[];
}

/** `2023-11-30` → `2023年11月30日`. */
export function formatChineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y ?? ''}年${String(Number(m))}月${String(Number(d))}日`;
}

/** The document number (文号): `晋城市双随机办〔2023〕3号`. */
export function formatBulletinNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${String(year)}〕${String(seq)}号`;
}

function listNames(rows: readonly { name: string; detail: string }[]): string {
  return rows.map((r) => `${r.name}（${r.detail}）`).join('、');
}

interface RankedRow {
  readonly d: BulletinDepartmentRow;
  readonly rate: number;
  readonly rank: number;
}

/**
 * The best (or worst) of the ranking in a sentence: up to three names with their rates; when more departments share
 * the extreme rate, how many do, and the first three of them.
 */
function describeEnd(ranked: readonly RankedRow[], end: 'top' | 'bottom'): string {
  const edge = end === 'top' ? ranked[0] : ranked[ranked.length - 1];
  if (edge === undefined) return '';
  const tied = ranked.filter((x) => Math.abs(x.rate - edge.rate) < 1e-12);
  const words = end === 'top' ? '靠前' : '靠后';
  if (tied.length > 3) {
    const names = tied
      .slice(0, 3)
      .map((x) => x.d.name)
      .join('、');
    return `完成率为${formatRate(edge.rate)}的部门有${String(tied.length)}个，包括${names}等。`;
  }
  const rows = end === 'top' ? ranked.slice(0, 3) : ranked.slice(-Math.min(3, ranked.length - 3));
  return `完成率排名${words}的部门：${listNames(rows.map((x) => ({ name: x.d.name, detail: formatRate(x.rate) })))}。`;
}

/** Composes the bulletin (see the module comment). Departments are ranked by 完成率; those with nothing due are not. */
export function composeProgressBulletin(input: BulletinInput): BulletinText {
  const asOfText = formatChineseDate(input.asOf);
  const t = input.totals;
  const completion = computeCompletionRate(t);
  const closure = computeClosureRate(t);
  const rates = input.departments.map((d) => computeCompletionRate(d.counts));
  const ranks = rankByScore(rates);
  const ranked = input.departments
    .map((d, i) => ({ d, rate: rates[i] ?? null, rank: ranks[i] ?? null, index: i }))
    .filter((x): x is RankedRow & { index: number } => x.rank !== null && x.rate !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  const idle = input.departments.filter((d) => d.counts.due === 0);
  const red = input.departments
    .filter((d) => d.counts.overdue > 0)
    .sort((a, b) => b.counts.overdue - a.counts.overdue);
  const yellow = input.departments.filter((d) => d.counts.overdue === 0 && d.counts.dueToday > 0);

  const body: BulletinParagraph[] = [
    {
      kind: 'text',
      text: `为推进${String(input.year)}年度部门联合“双随机、一公开”监管工作按计划落实，现将截至${asOfText}的工作进展情况通报如下：`,
    },
    { kind: 'heading', text: '一、总体进展' },
    {
      kind: 'text',
      text:
        `截至${asOfText}，各部门应检查${String(t.due)}户次，已检查${String(t.inspected)}户次，` +
        `已录入${String(t.entered)}户次，已公示${String(t.published)}户次，完结${String(t.closed)}户次；` +
        `完成率（已公示/应检查）${formatRate(completion)}，完结率（完结/已公示）${formatRate(closure)}。` +
        `逾期未公示${String(t.overdue)}户次，逾期公示${String(t.late)}户次；已公示结果中发现问题${String(t.problems)}户次。`,
    },
    { kind: 'heading', text: '二、各部门进展情况' },
  ];
  if (ranked.length > 0) {
    body.push({ kind: 'text', text: describeEnd(ranked, 'top') });
    if (ranked.length > 3) body.push({ kind: 'text', text: describeEnd(ranked, 'bottom') });
  } else {
    body.push({ kind: 'text', text: '截至目前尚无已抽取的检查任务。' });
  }
  body.push({
    kind: 'text',
    text:
      red.length > 0
        ? `以下${String(red.length)}个部门存在超过公示期限仍未公示的检查结果（红色预警）：${listNames(
            red.map((d) => ({ name: d.name, detail: `${String(d.counts.overdue)}户次` })),
          )}。`
        : '各部门均无超过公示期限未公示的检查结果。',
  });
  if (yellow.length > 0) {
    body.push({
      kind: 'text',
      text: `以下部门有检查结果今日到期（黄色预警）：${listNames(
        yellow.map((d) => ({ name: d.name, detail: `${String(d.counts.dueToday)}户次` })),
      )}。`,
    });
  }
  if (idle.length > 0) {
    body.push({
      kind: 'text',
      text: `另有${String(idle.length)}个部门截至目前没有应检查的任务，列入附件备查。`,
    });
  }
  body.push(
    { kind: 'heading', text: '三、工作要求' },
    {
      kind: 'text',
      text: '（一）有逾期未公示结果的部门要立即组织审核，自本通报印发之日起5个工作日内完成公示，并说明逾期原因。',
    },
    {
      kind: 'text',
      text: '（二）各部门要按照批次时间安排组织检查，检查结果自批次结束之日起20个工作日内通过平台公示；发现问题的，依法做好后续处置并及时公开处置结果。',
    },
    {
      kind: 'text',
      text: `（三）各部门须于${String(input.year)}年12月15日前完成全部抽查任务，并报送年度工作总结。`,
    },
    { kind: 'text', text: '附件：1. 各部门抽查工作进展情况表　2. 各部门完成率排名' },
  );

  const countKeys = ['due', 'inspected', 'entered', 'published', 'closed', 'overdue', 'late'] as const;
  const progressTable: BulletinTable = {
    title: '附件1  各部门抽查工作进展情况表',
    header: ['序号', '地区', '部门', ...countKeys.map((k) => PROGRESS_COUNT_TITLES[k]), '完成率', '完结率'],
    rows: input.departments.map((d, i) => [
      String(i + 1),
      d.regionName,
      d.name,
      ...countKeys.map((k) => String(d.counts[k])),
      formatRate(computeCompletionRate(d.counts)),
      formatRate(computeClosureRate(d.counts)),
    ]),
    highlight: input.departments.map((d) =>
      d.counts.overdue > 0 ? 'red' : d.counts.dueToday > 0 ? 'yellow' : null,
    ),
  };
  const rankingTable: BulletinTable = {
    title: '附件2  各部门完成率排名',
    header: ['名次', '部门', '地区', '应检查', '已公示', '完成率', '逾期未公示'],
    rows: [
      ...ranked.map((x) => [
        String(x.rank),
        x.d.name,
        x.d.regionName,
        String(x.d.counts.due),
        String(x.d.counts.published),
        formatRate(x.rate),
        String(x.d.counts.overdue),
      ]),
      ...idle.map((d) => ['—', d.name, d.regionName, '0', '0', '—', '0']),
    ],
    highlight: [
      ...ranked.map((x) => (x.d.counts.overdue > 0 ? ('red' as const) : null)),
      ...idle.map(() => null),
    ],
  };
  return {
    title: `关于${String(input.year)}年度部门联合双随机抽查工作进展情况的通报`,
    number: formatBulletinNumber(input.numberPrefix, input.year, input.seq),
    recipients: '各县（市、区）双随机抽查工作领导小组办公室，市直各有关部门：',
    body,
    issuer: input.issuer,
    dateText: formatChineseDate(input.issuedOn),
    tables: [progressTable, rankingTable],
  };
}
