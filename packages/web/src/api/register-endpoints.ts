import type {
  ImportKind,
  ImportPreviewDto,
  ImportResultDto,
  InspectorDto,
  ItemDto,
  ObjectCategoryDto,
  ObjectPageDto,
  PopulationRule,
  PopulationsDto,
} from '@ssj/server/api-types';
import { fetchJson, sendForm, sendJson } from './client.ts';

/** Filters of the object register page. */
export interface ObjectQuery {
  region?: string | undefined;
  kind?: string | undefined;
  category?: string | undefined;
  q?: string | undefined;
  page: number;
}

function withParams(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

function init(signal?: AbortSignal): RequestInit {
  return { signal: signal ?? null };
}

/** Staff: one page (50) of the object register; a county user gets its own region by default. */
export function getObjects(query: ObjectQuery, signal?: AbortSignal): Promise<ObjectPageDto> {
  return fetchJson<ObjectPageDto>(withParams('/api/objects', { ...query }), init(signal));
}

/** Admins and auditors: the inspector register, optionally one department. */
export async function getInspectors(department?: number, signal?: AbortSignal): Promise<InspectorDto[]> {
  const path = withParams('/api/inspectors', { department });
  return (await fetchJson<{ inspectors: InspectorDto[] }>(path, init(signal))).inspectors;
}

/** The published item list 随机抽查事项清单. */
export async function getItems(signal?: AbortSignal): Promise<ItemDto[]> {
  return (await fetchJson<{ items: ItemDto[] }>('/api/items', init(signal))).items;
}

/** The categories of the object register. */
export async function getObjectCategories(signal?: AbortSignal): Promise<ObjectCategoryDto[]> {
  return (await fetchJson<{ categories: ObjectCategoryDto[] }>('/api/object-categories', init(signal)))
    .categories;
}

/** Admins: the header, suggested mapping and first rows of a register file; nothing is stored. */
export function previewImport(kind: ImportKind, file: File, csrfToken: string): Promise<ImportPreviewDto> {
  const form = new FormData();
  form.append('file', file);
  return sendForm<ImportPreviewDto>(`/api/imports/${kind}/preview`, csrfToken, form);
}

export interface ImportRequest {
  /** Field key → 1-based column number, or `-` for no column. */
  mapping: Record<string, string>;
  dryRun: boolean;
  skipInvalid: boolean;
  region: string | null;
}

/** Admins: imports (or dry-runs) a register file. */
export function runImport(
  kind: ImportKind,
  file: File,
  request: ImportRequest,
  csrfToken: string,
): Promise<ImportResultDto> {
  const form = new FormData();
  form.append('mapping', JSON.stringify(request.mapping));
  form.append('dryRun', String(request.dryRun));
  form.append('skipInvalid', String(request.skipInvalid));
  if (request.region !== null) form.append('region', request.region);
  form.append('file', file);
  return sendForm<ImportResultDto>(`/api/imports/${kind}`, csrfToken, form);
}

/** The rejected-rows report of an import (same user, 30 minutes). */
export function importReportUrl(reportId: string): string {
  return `/api/imports/reports/${reportId}.xlsx`;
}

/** Staff: the population of every line of a year's plan. */
export function getPopulations(year: number, signal?: AbortSignal): Promise<PopulationsDto> {
  return fetchJson<PopulationsDto>(`/api/plans/${year}/populations`, init(signal));
}

/** Admins: the live frame size of a rule; nothing is stored. */
export function countPopulation(
  taskLineId: number,
  rule: PopulationRule,
  csrfToken: string,
  signal?: AbortSignal,
): Promise<{ frameSize: number }> {
  return sendJson('POST', `/api/populations/${taskLineId}/count`, csrfToken, rule, signal);
}

/** Admins: confirms a line's rule (audited). */
export function confirmPopulation(
  taskLineId: number,
  rule: PopulationRule,
  csrfToken: string,
): Promise<{ frameSize: number }> {
  return sendJson('PUT', `/api/populations/${taskLineId}`, csrfToken, rule);
}
