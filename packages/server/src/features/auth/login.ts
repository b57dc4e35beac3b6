import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { err, ok, type Result } from '@ssj/core';
import { appendAudit } from '../../audit/audit-log.ts';
import { hashPassword, verifyPassword } from '../../auth/passwords.ts';
import { createSession } from '../../auth/sessions.ts';
import type { Database } from '../../db/schema.ts';

/** After this many wrong passwords in a row the account locks for LOCKOUT_MS. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export type LoginError = { kind: 'invalid_credentials' } | { kind: 'locked'; until: Date };

// A real argon2 hash to verify against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | null = null;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

/**
 * Check a username and password; on success start a new session (a fresh id every login, so a cookie planted
 * before login is never promoted). Failures count towards a lockout; every outcome is audited.
 */
export async function logIn(
  db: Kysely<Database>,
  username: string,
  password: string,
  now: Date,
  requestId: string,
): Promise<Result<{ token: string; csrfToken: string; userId: number }, LoginError>> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'active', 'failed_logins', 'locked_until', 'role', 'department_id'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (user === undefined || !user.active) {
    await verifyPassword(await getDummyHash(), password);
    return err({ kind: 'invalid_credentials' });
  }
  const actor = { userId: user.id, role: user.role, departmentId: user.department_id, requestId };
  if (user.locked_until !== null && user.locked_until.getTime() > now.getTime()) {
    return err({ kind: 'locked', until: user.locked_until });
  }
  const good = await verifyPassword(user.password_hash, password);
  if (!good) {
    const failed = user.failed_logins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({
          failed_logins: lock ? 0 : failed,
          locked_until: lock ? new Date(now.getTime() + LOCKOUT_MS) : null,
        })
        .where('id', '=', user.id)
        .execute();
      await appendAudit(trx, actor, {
        action: lock ? 'auth.lockout' : 'auth.login_failed',
        entity: 'user',
        entityId: String(user.id),
      });
    });
    return err({ kind: 'invalid_credentials' });
  }
  const session = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    const created = await createSession(trx, user.id, now);
    await appendAudit(trx, actor, { action: 'auth.login', entity: 'user', entityId: String(user.id) });
    return created;
  });
  return ok({ ...session, userId: user.id });
}
