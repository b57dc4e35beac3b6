import type {
  ChangeKind,
  ChangeRequestDto,
  DepartmentDto,
  PlanChangeDto,
  PlanDraftInput,
  PlanPreviewDto,
  PlanSummaryDto,
  PlanTaskInput,
  PlanTasksDto,
  RegionDto,
} from '@ssj/server/api-types';
import { fetchJson, sendForm, sendJson } from './client.ts';

/** Narrows a plan's task list: one region (GB/T 2260 code), one department, an earlier version (public only). */
export interface PlanQuery {
  region?: string | undefined;
  department?: number | undefined;
  version?: number | undefined;
}

function withQuery(path: string, query: PlanQuery): string {
  const params = new URLSearchParams();
  if (query.region !== undefined) params.set('region', query.region);
  if (query.department !== undefined) params.set('department', String(query.department));
  if (query.version !== undefined) params.set('version', String(query.version));
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

function init(signal?: AbortSignal): RequestInit {
  return { signal: signal ?? null };
}

/** The regions (city, counties, development zone). */
export async function getRegions(signal?: AbortSignal): Promise<RegionDto[]> {
  return (await fetchJson<{ regions: RegionDto[] }>('/api/regions', init(signal))).regions;
}

/** The departments, of one region or all. */
export async function getDepartments(region?: string, signal?: AbortSignal): Promise<DepartmentDto[]> {
  const path = region === undefined ? '/api/departments' : `/api/departments?region=${region}`;
  return (await fetchJson<{ departments: DepartmentDto[] }>(path, init(signal))).departments;
}

/** Staff: the years with a plan, drafts included. */
export async function getPlanYears(signal?: AbortSignal): Promise<number[]> {
  return (await fetchJson<{ years: number[] }>('/api/plans', init(signal))).years;
}

/** Staff: one year's plan (draft or published) and its tasks; a county user gets its own region by default. */
export function getPlan(year: number, query: PlanQuery = {}, signal?: AbortSignal): Promise<PlanTasksDto> {
  return fetchJson<PlanTasksDto>(withQuery(`/api/plans/${year}`, query), init(signal));
}

/** Office: parses a notice file (.txt, .xlsx, .xls, .docx) and returns the tasks with warnings; nothing is stored. */
export function previewPlanFile(
  file: File,
  csrfToken: string,
  signal?: AbortSignal,
): Promise<PlanPreviewDto> {
  const form = new FormData();
  form.append('file', file, file.name);
  return sendForm<PlanPreviewDto>('/api/plans/preview', csrfToken, form, signal);
}

/** Office: stores the (edited) tasks as the year's draft; 409 `conflict` when that year is already published. */
export function savePlanDraft(
  year: number,
  input: PlanDraftInput,
  csrfToken: string,
): Promise<{ year: number; taskCount: number }> {
  return sendJson('POST', `/api/plans/${year}/draft`, csrfToken, input);
}

/** Office: publishes the year's draft. */
export function publishPlan(year: number, csrfToken: string): Promise<PlanSummaryDto> {
  return sendJson('POST', `/api/plans/${year}/publish`, csrfToken);
}

/** The annex as .xlsx (staff: draft or published). */
export function planExportUrl(year: number): string {
  return `/api/plans/${year}/export.xlsx`;
}

/** Staff: the year's change requests (a department admin sees its own department's). */
export async function getChangeRequests(year: number, signal?: AbortSignal): Promise<ChangeRequestDto[]> {
  const path = `/api/plans/${year}/change-requests`;
  return (await fetchJson<{ changeRequests: ChangeRequestDto[] }>(path, init(signal))).changeRequests;
}

export interface ChangeRequestSubmission {
  kind: ChangeKind;
  taskCode: string | null;
  task: PlanTaskInput | null;
  reason: string;
  letter: File;
}

/** Department admin: asks to add, adjust or withdraw a task, with the stamped letter (PDF, PNG, JPEG). */
export function submitChangeRequest(
  year: number,
  submission: ChangeRequestSubmission,
  csrfToken: string,
): Promise<ChangeRequestDto> {
  const form = new FormData();
  form.append('kind', submission.kind);
  if (submission.taskCode !== null) form.append('taskCode', submission.taskCode);
  if (submission.task !== null) form.append('task', JSON.stringify(submission.task));
  form.append('reason', submission.reason);
  form.append('letter', submission.letter, submission.letter.name);
  return sendForm<ChangeRequestDto>(`/api/plans/${year}/change-requests`, csrfToken, form);
}

/** The stamped letter of a change request. */
export function changeRequestLetterUrl(id: number): string {
  return `/api/change-requests/${id}/letter`;
}

/** Office: approves a change request; the plan gets a new version. */
export function approveChangeRequest(
  id: number,
  reason: string,
  csrfToken: string,
): Promise<ChangeRequestDto> {
  const body = reason === '' ? {} : { reason };
  return sendJson('POST', `/api/change-requests/${id}/approve`, csrfToken, body);
}

/** Office: rejects a change request; the reason is required. */
export function rejectChangeRequest(
  id: number,
  reason: string,
  csrfToken: string,
): Promise<ChangeRequestDto> {
  return sendJson('POST', `/api/change-requests/${id}/reject`, csrfToken, { reason });
}

/** Public: the years with a published plan. */
export async function getPublicPlanYears(signal?: AbortSignal): Promise<number[]> {
  return (await fetchJson<{ years: number[] }>('/api/public/plans', init(signal))).years;
}

/** Public: a published plan (current version, or `version`) and its tasks. */
export function getPublicPlan(
  year: number,
  query: PlanQuery = {},
  signal?: AbortSignal,
): Promise<PlanTasksDto> {
  return fetchJson<PlanTasksDto>(withQuery(`/api/public/plans/${year}`, query), init(signal));
}

/** Public: every change of a published plan, version by version. */
export async function getPublicPlanChanges(year: number, signal?: AbortSignal): Promise<PlanChangeDto[]> {
  const path = `/api/public/plans/${year}/changes`;
  return (await fetchJson<{ changes: PlanChangeDto[] }>(path, init(signal))).changes;
}

/** Public: the published annex as .xlsx. */
export function publicPlanExportUrl(year: number): string {
  return `/api/public/plans/${year}/export.xlsx`;
}
