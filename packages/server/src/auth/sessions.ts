import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SessionUserDto } from '../api-types.ts';
import type { Database } from '../db/schema.ts';

/** A session ends after 8 hours without use, and after 7 days in any case. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'ssj_session';

export interface SessionContext {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly user: SessionUserDto;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Create a session for a user; returns the cookie token (only its hash is stored). */
export async function createSession(
  db: Kysely<Database>,
  userId: number,
  now: Date,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + SESSION_IDLE_MS),
    })
    .execute();
  return { token, csrfToken };
}

/** Look a cookie token up; slides the idle expiry; null when unknown, expired or the user is inactive. */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<SessionContext | null> {
  const id = hashToken(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('regions as r', 'r.code', 'u.region_code')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .select([
      's.id as sessionId',
      's.csrf_token as csrfToken',
      's.created_at as createdAt',
      's.expires_at as expiresAt',
      'u.id as userId',
      'u.username',
      'u.display_name as displayName',
      'u.role',
      'u.active',
      'u.department_id as departmentId',
      'd.name as departmentName',
      'u.region_code as regionCode',
      'r.name as regionName',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return null;
  const expired =
    row.expiresAt.getTime() <= now.getTime() || now.getTime() - row.createdAt.getTime() > SESSION_MAX_MS;
  if (expired || !row.active) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: new Date(now.getTime() + SESSION_IDLE_MS) })
    .where('id', '=', id)
    .execute();
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    user: {
      id: row.userId,
      username: row.username,
      displayName: row.displayName,
      role: row.role,
      departmentId: row.departmentId,
      departmentName: row.departmentName,
      regionCode: row.regionCode,
      regionName: row.regionName,
    },
  };
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Housekeeping: remove sessions past their idle expiry. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
