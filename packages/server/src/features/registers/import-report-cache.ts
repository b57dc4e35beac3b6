/**
 * The rejected-rows reports of recent imports, kept in memory for 30 minutes and handed back only to the user who
 * ran the import (issue "The registers"). A report names rows of a file the user uploaded; it is never stored.
 */
import { randomBytes } from 'node:crypto';

export const REPORT_TTL_MS = 30 * 60 * 1000;

interface CachedReport {
  readonly userId: number;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly expiresAt: number;
}

const reports = new Map<string, CachedReport>();

function dropExpired(now: number): void {
  for (const [id, r] of reports) if (r.expiresAt <= now) reports.delete(id);
}

/** Keeps a report for `userId`; returns its random id (128 bits, URL-safe). */
export function keepImportReport(
  userId: number,
  fileName: string,
  bytes: Uint8Array,
  now: number = Date.now(),
): string {
  dropExpired(now);
  const id = randomBytes(16).toString('hex');
  reports.set(id, { userId, fileName, bytes, expiresAt: now + REPORT_TTL_MS });
  return id;
}

/** The report `id` if it exists, has not expired and belongs to `userId`; null otherwise. */
export function findImportReport(
  id: string,
  userId: number,
  now: number = Date.now(),
): { fileName: string; bytes: Uint8Array } | null {
  dropExpired(now);
  const r = reports.get(id);
  if (r === undefined || r.userId !== userId) return null;
  return { fileName: r.fileName, bytes: r.bytes };
}
