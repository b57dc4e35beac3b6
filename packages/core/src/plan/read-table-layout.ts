/** The annex table's header row (repeated on every page, with or without a 序号 column). */
import type { PlanRow } from './plan-types.ts';

export type ColumnKind =
  | 'region'
  | 'seq'
  | 'name'
  | 'matters'
  | 'scope'
  | 'ratio'
  | 'risk'
  | 'window'
  | 'initiator'
  | 'cooperator'
  | 'other';

export interface TableLayout {
  /** Source line of the header. */
  readonly line: number;
  readonly columns: readonly ColumnKind[];
}

function kindOf(header: string): ColumnKind {
  const h = header.normalize('NFKC').replace(/\s+/g, '');
  if (h === '') return 'other';
  if (h.includes('序号')) return 'seq';
  if (h.includes('名称')) return 'name';
  if (h.includes('事项')) return 'matters';
  if (/智慧|信用|风险/.test(h)) return 'risk';
  if (/比例|频次/.test(h)) return 'ratio';
  if (/范围|对象/.test(h)) return 'scope';
  if (h.includes('时间')) return 'window';
  if (h.includes('发起')) return 'initiator';
  if (h.includes('配合')) return 'cooperator';
  if (/地市|地区|区域|县区|区县/.test(h)) return 'region';
  return 'other';
}

/** Reads a header row; undefined when the row is not the annex header. */
export function readTableLayout(row: PlanRow): TableLayout | undefined {
  const columns = row.cells.map(kindOf);
  const has = (k: ColumnKind): boolean => columns.includes(k);
  const known = new Set(columns.filter((k) => k !== 'other')).size;
  if (!has('name') || !has('ratio') || known < 5) return undefined;
  return { line: row.line, columns };
}
