import type { DrawDto, DrawListItemDto, DrawSessionDto, JointVisitDto } from '@ssj/server/api-types';
import { ApiError, clientErrorCodes } from './api-error.ts';
import { fetchJson, sendJson } from './client.ts';

/** One task batch to freeze in a draw session (抽取会). */
export interface DrawItemInput {
  taskCode: string;
  batch: number;
  /** A re-draw of a published batch (DOMAIN.md §4.4): why; the office admin who freezes it approves it. */
  redrawReason?: string;
}

/** The seed made in public (DOMAIN.md §4.2): ≥ 20 dice digits, an optional beacon value, ≥ 2 witnesses. */
export interface DrawSeedInput {
  digits: string;
  beacon: string | null;
  witnesses: string[];
}

function init(signal?: AbortSignal): RequestInit {
  return { signal: signal ?? null };
}

/** Office: freezes the frames of the chosen task batches; their hashes are public from now on. */
export function createDrawSession(
  input: { year: number; title: string; items: DrawItemInput[] },
  csrfToken: string,
): Promise<DrawSessionDto> {
  return sendJson('POST', '/api/draw-sessions', csrfToken, input);
}

/** Office: enters the session's seed; it can never be changed afterwards. */
export function enterDrawSeed(id: number, seed: DrawSeedInput, csrfToken: string): Promise<DrawSessionDto> {
  return sendJson('POST', `/api/draw-sessions/${id}/seed`, csrfToken, seed);
}

/** Office: draws targets and inspectors of every frame of a seeded session and publishes the records. */
export function publishDrawSession(id: number, csrfToken: string): Promise<DrawSessionDto> {
  return sendJson('POST', `/api/draw-sessions/${id}/publish`, csrfToken);
}

/** Public: every draw session with its frame hashes, seed and draws (newest first as the server orders them). */
export async function getDrawSessions(signal?: AbortSignal): Promise<DrawSessionDto[]> {
  return (await fetchJson<{ sessions: DrawSessionDto[] }>('/api/public/draw-sessions', init(signal)))
    .sessions;
}

/** Public: one draw session. */
export function getDrawSession(id: number, signal?: AbortSignal): Promise<DrawSessionDto> {
  return fetchJson<DrawSessionDto>(`/api/public/draw-sessions/${id}`, init(signal));
}

/** Public: the published draws, of one year and/or one task (exact code). */
export async function getDraws(
  query: { year?: number | undefined; task?: string | undefined },
  signal?: AbortSignal,
): Promise<DrawListItemDto[]> {
  const params = new URLSearchParams();
  if (query.year !== undefined) params.set('year', String(query.year));
  if (query.task !== undefined) params.set('task', query.task);
  const search = params.toString();
  const path = search === '' ? '/api/public/draws' : `/api/public/draws?${search}`;
  return (await fetchJson<{ draws: DrawListItemDto[] }>(path, init(signal))).draws;
}

/** Public: one published draw with its drawn list. */
export function getDraw(id: number, signal?: AbortSignal): Promise<DrawDto> {
  return fetchJson<DrawDto>(`/api/public/draws/${id}`, init(signal));
}

/** Public: the published record (`ssj-draw-record-v1`) that every verifier reads. */
export function drawRecordUrl(id: number): string {
  return `/api/public/draws/${id}/record.json`;
}

/** Auditors and the office: the sealed strata file of a stratified draw. */
export function drawStrataUrl(id: number): string {
  return `/api/draws/${id}/strata.json`;
}

/** The record exactly as published, as text (the verifier parses it itself). */
export async function getDrawRecordText(id: number, signal?: AbortSignal): Promise<string> {
  let response: Response;
  try {
    response = await fetch(drawRecordUrl(id), { signal: signal ?? null, credentials: 'same-origin' });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, clientErrorCodes.network, '', { cause });
  }
  if (!response.ok) throw new ApiError(response.status, clientErrorCodes.http, '');
  return response.text();
}

/** Staff: joint-visit proposals (targets drawn by several tasks with overlapping windows) of a year. */
export async function getJointVisits(year: number, signal?: AbortSignal): Promise<JointVisitDto[]> {
  return (await fetchJson<{ visits: JointVisitDto[] }>(`/api/joint-visits?year=${year}`, init(signal)))
    .visits;
}
