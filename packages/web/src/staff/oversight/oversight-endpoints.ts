import type {
  AssessmentCriterionDto,
  AssessmentDto,
  AssessmentRulesDto,
  BulletinDto,
  BurdenDto,
  EstimateDimensionDto,
  EstimatesDto,
  ProgressMetricDto,
  ProgressReportDto,
  ProgressUnitPageDto,
} from '@ssj/server/api-types';
import { fetchJson, sendJson } from '../../api/client.ts';

/** Whose progress: the whole jurisdiction, a region, or a department. */
export interface ProgressScopeQuery {
  year: number;
  region?: string | undefined;
  department?: number | undefined;
}

export type ProgressTableName = 'departments' | 'regions' | 'tasks' | 'months' | 'units';

function search(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}

function init(signal?: AbortSignal): RequestInit {
  return { signal: signal ?? null };
}

/** Progress as of yesterday: by department, region, task and month. */
export function getProgress(query: ProgressScopeQuery, signal?: AbortSignal): Promise<ProgressReportDto> {
  return fetchJson(`/api/oversight/progress?${search({ ...query })}`, init(signal));
}

export interface DrillQuery extends ProgressScopeQuery {
  metric: ProgressMetricDto;
  task?: string | undefined;
  month?: string | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

/** The task results behind one number. */
export function getProgressUnits(query: DrillQuery, signal?: AbortSignal): Promise<ProgressUnitPageDto> {
  return fetchJson(`/api/oversight/progress/units?${search({ ...query })}`, init(signal));
}

/** A table of the progress report (or the units behind a number) as .xlsx. */
export function progressExportUrl(
  table: ProgressTableName,
  query: ProgressScopeQuery & Partial<Omit<DrillQuery, 'year'>>,
): string {
  return `/api/oversight/progress/export.xlsx?${search({ ...query, table })}`;
}

export function getEstimates(
  year: number,
  by: EstimateDimensionDto,
  signal?: AbortSignal,
): Promise<EstimatesDto> {
  return fetchJson(`/api/oversight/estimates?${search({ year, by })}`, init(signal));
}

export function estimatesExportUrl(year: number, by: EstimateDimensionDto): string {
  return `/api/oversight/estimates/export.xlsx?${search({ year, by })}`;
}

export function getBurden(year: number, signal?: AbortSignal): Promise<BurdenDto> {
  return fetchJson(`/api/oversight/burden?${search({ year })}`, init(signal));
}

export async function getBulletins(signal?: AbortSignal): Promise<BulletinDto[]> {
  return (await fetchJson<{ bulletins: BulletinDto[] }>('/api/oversight/bulletins', init(signal))).bulletins;
}

/** Office: issues a progress bulletin now (figures as of yesterday unless `asOf` is given). */
export function issueBulletin(
  input: { year: number; asOf?: string | undefined },
  csrfToken: string,
): Promise<BulletinDto> {
  return sendJson('POST', '/api/oversight/bulletins', csrfToken, input);
}

export function bulletinDownloadUrl(id: number): string {
  return `/api/oversight/bulletins/${id}/download`;
}

export function getAssessment(year: number, signal?: AbortSignal): Promise<AssessmentDto> {
  return fetchJson(`/api/oversight/assessment/${year}`, init(signal));
}

/** Office: stores the year's rule set (weights adding up to 100, completion deadline). */
export function saveAssessmentRules(
  year: number,
  rules: { weights: Record<AssessmentCriterionDto, number>; completionDeadline: string },
  csrfToken: string,
): Promise<AssessmentRulesDto> {
  return sendJson('PUT', `/api/oversight/assessment/${year}/rules`, csrfToken, rules);
}

export function assessmentReportUrl(year: number, format: 'docx' | 'xlsx'): string {
  return `/api/oversight/assessment/${year}/report.${format}`;
}

export function departmentSummaryUrl(year: number, departmentId: number): string {
  return `/api/oversight/assessment/${year}/departments/${departmentId}/summary.xlsx`;
}
