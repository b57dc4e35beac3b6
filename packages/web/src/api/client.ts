import type { ErrorDto } from '@ssj/server/api-types';
import { ApiError, clientErrorCodes } from './api-error.ts';

/**
 * Calls the API on the same origin and returns its JSON body (or `undefined` for an empty/204 answer).
 * Throws `ApiError` for a non-2xx status, a network failure or an unreadable body; an `AbortError` passes through.
 */
export async function fetchJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');

  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    throw new ApiError(0, clientErrorCodes.network, '', { cause });
  }

  const text = await readText(response);
  if (!response.ok) throw toApiError(response.status, text);
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new ApiError(response.status, clientErrorCodes.badResponse, '', { cause });
  }
}

/**
 * Sends a state-changing request with the CSRF token. A body, when given, is sent as JSON; without a body no
 * content-type is set (the server rejects an empty body declared as JSON).
 */
export function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  csrfToken: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers = new Headers({ 'x-csrf-token': csrfToken });
  const init: RequestInit = { method, headers, signal: signal ?? null };
  if (body !== undefined) {
    headers.set('content-type', 'application/json');
    init.body = JSON.stringify(body);
  }
  return fetchJson<T>(path, init);
}

/**
 * Posts a multipart form (file uploads) with the CSRF token. The browser sets the multipart content-type with its
 * boundary, so none is set here.
 */
export function sendForm<T>(
  path: string,
  csrfToken: string,
  form: FormData,
  signal?: AbortSignal,
): Promise<T> {
  const headers = new Headers({ 'x-csrf-token': csrfToken });
  return fetchJson<T>(path, { method: 'POST', headers, body: form, signal: signal ?? null });
}

async function readText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    throw new ApiError(response.status, clientErrorCodes.network, '', { cause });
  }
}

function toApiError(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as unknown;
    if (isErrorDto(body)) return new ApiError(status, body.error.code, body.error.message);
  } catch {
    // Not JSON (a proxy's HTML page, say): fall through to a generic error.
  }
  return new ApiError(status, clientErrorCodes.http, '');
}

function isErrorDto(body: unknown): body is ErrorDto {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error: unknown = body.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
