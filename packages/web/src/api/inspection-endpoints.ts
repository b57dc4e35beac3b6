import type {
  FollowUpDto,
  InspectionDto,
  InspectionListDto,
  InspectionSaveInput,
  InspectionStateDto,
  PublicResultPageDto,
} from '@ssj/server/api-types';
import { fetchJson, sendForm, sendJson } from './client.ts';

/** Filters of the staff inspection list (GET /api/inspections). */
export interface InspectionQuery {
  year?: number | undefined;
  status?: InspectionStateDto | undefined;
  urgency?: 'overdue' | 'due' | undefined;
  region?: string | undefined;
  department?: number | undefined;
  task?: string | undefined;
  q?: string | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

/** Filters of the published results (GET /api/public/results and its downloads). */
export interface PublicResultQuery {
  year?: number | undefined;
  q?: string | undefined;
  department?: number | undefined;
  region?: string | undefined;
  code?: string | undefined;
  task?: string | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

/** The reviewer's decision: return with a reason (审核退回) or approve, which publishes (已公示). */
export type ReviewInput = { action: 'return'; reason: string } | { action: 'approve' };

/** What a department admin (or the office) changes on a follow-up case; `closedOn` closes it. */
export interface FollowUpUpdate {
  type?: string;
  outcome?: string;
  closedOn?: string;
}

function withParams(path: string, params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params) as [string, unknown][]) {
    if (typeof value === 'number' || (typeof value === 'string' && value !== '')) {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

function init(signal?: AbortSignal): RequestInit {
  return { signal: signal ?? null };
}

/** Staff: the inspections the user sees (an inspector: its team's visits), unpublished ones due soonest first. */
export function getInspections(query: InspectionQuery, signal?: AbortSignal): Promise<InspectionListDto> {
  return fetchJson<InspectionListDto>(withParams('/api/inspections', query), init(signal));
}

/** Staff: one inspection with object, tasks, team, results, evidence, reviews and recognition offers. */
export function getInspection(id: number, signal?: AbortSignal): Promise<InspectionDto> {
  return fetchJson<InspectionDto>(`/api/inspections/${id}`, init(signal));
}

/** The team: saves the entry as a draft (may be incomplete). */
export function saveInspectionDraft(
  id: number,
  input: InspectionSaveInput,
  csrfToken: string,
): Promise<InspectionDto> {
  return sendJson('PUT', `/api/inspections/${id}`, csrfToken, input);
}

/** The team: saves and submits for review (→ 待审核); the server says what is missing. */
export function submitInspection(
  id: number,
  input: InspectionSaveInput,
  csrfToken: string,
): Promise<InspectionDto> {
  return sendJson('POST', `/api/inspections/${id}/submit`, csrfToken, input);
}

/** The responsible department: returns with a reason or approves (publishes). */
export function reviewInspection(id: number, input: ReviewInput, csrfToken: string): Promise<InspectionDto> {
  return sendJson('POST', `/api/inspections/${id}/review`, csrfToken, input);
}

/** The team: uploads a photo or PDF (JPEG, PNG, PDF by content; ≤ 10 MB). */
export function uploadEvidence(
  id: number,
  file: File,
  caption: string,
  csrfToken: string,
): Promise<InspectionDto> {
  const form = new FormData();
  if (caption.trim() !== '') form.append('caption', caption.trim());
  form.append('file', file);
  return sendForm<InspectionDto>(`/api/inspections/${id}/evidence`, csrfToken, form);
}

/** The evidence file as stored (opened inline). */
export function evidenceUrl(inspectionId: number, evidenceId: number): string {
  return `/api/inspections/${inspectionId}/evidence/${evidenceId}`;
}

/** Office, department admins, auditors: follow-up cases (后续处置). */
export async function getFollowUps(
  query: { year?: number | undefined; state?: 'open' | 'closed' | undefined },
  signal?: AbortSignal,
): Promise<FollowUpDto[]> {
  const path = withParams('/api/follow-ups', query);
  return (await fetchJson<{ followUps: FollowUpDto[] }>(path, init(signal))).followUps;
}

/** Sets the type and outcome of a case, or closes it with a date (then it is public). */
export function updateFollowUp(id: number, update: FollowUpUpdate, csrfToken: string): Promise<FollowUpDto> {
  return sendJson('PATCH', `/api/follow-ups/${id}`, csrfToken, update);
}

/** Public: a page of published results. */
export function getPublicResults(
  query: PublicResultQuery,
  signal?: AbortSignal,
): Promise<PublicResultPageDto> {
  return fetchJson<PublicResultPageDto>(withParams('/api/public/results', query), init(signal));
}

/** Public: the same query as open data (CSV or JSON, up to 50,000 rows from `offset`). */
export function publicResultsDownloadUrl(format: 'csv' | 'json', query: PublicResultQuery): string {
  const { limit: _limit, offset: _offset, ...rest } = query;
  return withParams(`/api/public/results/download.${format}`, rest);
}

/** Public: closed follow-up cases with their outcomes (后续处置结果). */
export async function getPublicFollowUps(
  query: { year?: number | undefined; q?: string | undefined; offset?: number; limit?: number },
  signal?: AbortSignal,
): Promise<FollowUpDto[]> {
  const path = withParams('/api/public/follow-ups', query);
  return (await fetchJson<{ followUps: FollowUpDto[] }>(path, init(signal))).followUps;
}
