import type { PublicResultDto } from '../../api-types.ts';

function quoteCell(value: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet: prefix it (CSV injection).
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Published results as UTF-8 CSV with a BOM (so Excel opens the Chinese correctly), one row per task result. */
export function formatResultsCsv(results: readonly PublicResultDto[]): Uint8Array {
  const header = [
    '检查对象名称',
    '统一社会信用代码/注册号',
    '地区',
    '任务编号',
    '任务名称',
    '批次',
    '实施部门',
    '检查事项及结果',
    '检查方式',
    '检查日期',
    '公示日期',
    '公示期限',
    '逾期公示',
  ];
  const lines = [header.join(',')];
  for (const r of results) {
    const matters = r.matters
      .map((m) => `${m.matter}：${m.codeNames.join('、')}${m.recognised ? '（采信）' : ''}`)
      .join('；');
    lines.push(
      [
        r.objectName,
        r.canonicalId,
        r.regionName,
        r.taskCode,
        r.taskName,
        String(r.batch),
        r.departmentName,
        matters,
        r.method ?? '',
        r.inspectedOn ?? '',
        r.publishedOn,
        r.deadline,
        r.late ? '是' : '否',
      ]
        .map(quoteCell)
        .join(','),
    );
  }
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
