import type { ProgressCountsDto, ProgressStatusDto } from '@ssj/server/api-types';

/** A rate in [0, 1] as a percentage with one decimal, or `—` when there is none. */
export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** The counts in the order the tables show them (DOMAIN.md §5). */
export const COUNT_KEYS = [
  'due',
  'inspected',
  'entered',
  'published',
  'closed',
  'overdue',
  'dueToday',
  'late',
  'problems',
] as const satisfies readonly (keyof ProgressCountsDto)[];

/** Chart and row colours of the warnings: red overdue, yellow due today. */
export const STATUS_COLOURS: Readonly<Record<ProgressStatusDto, string>> = {
  red: '#cf1322',
  yellow: '#faad14',
  green: '#389e0d',
  none: '#bfbfbf',
};

export const STATUS_BACKGROUNDS: Readonly<Record<ProgressStatusDto, string | undefined>> = {
  red: '#fff1f0',
  yellow: '#fffbe6',
  green: undefined,
  none: undefined,
};

/** Where the dashboard drills to: the inspections page filtered to a department's overdue visits. */
export function overdueInspectionsPath(year: number, departmentId: number, overdue: boolean): string {
  const params = new URLSearchParams({ year: String(year), department: String(departmentId) });
  if (overdue) params.set('urgency', 'overdue');
  return `/app/inspections?${params.toString()}`;
}
