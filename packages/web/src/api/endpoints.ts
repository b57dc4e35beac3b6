import type { PublicOverviewDto, SessionDto } from '@ssj/server/api-types';
import { fetchJson, sendJson } from './client.ts';

/** The current session; rejects with a 401 ApiError when nobody is signed in. */
export function getSession(signal?: AbortSignal): Promise<SessionDto> {
  return fetchJson<SessionDto>('/api/auth/session', { signal: signal ?? null });
}

/** Signs in; rejects with 401 `invalid_credentials` or 429 `rate_limited`. */
export function postLogin(username: string, password: string): Promise<SessionDto> {
  return fetchJson<SessionDto>('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

/** Signs out (204). */
export async function postLogout(csrfToken: string): Promise<void> {
  await sendJson<unknown>('POST', '/api/auth/logout', csrfToken);
}

/** The public overview: regions, department count, latest published plan. No login. */
export function getPublicOverview(signal?: AbortSignal): Promise<PublicOverviewDto> {
  return fetchJson<PublicOverviewDto>('/api/public/overview', { signal: signal ?? null });
}
