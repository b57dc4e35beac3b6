import type { Kysely } from 'kysely';
import { combineSessionSeed, err, MIN_SEED_DIGITS, ok, type Result } from '@ssj/core';
import { appendAudit, type AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import type { DrawError } from './draw-errors.ts';

export interface SeedInput {
  /** ≥ 20 decimal digits from dice rolled by the witnesses (DOMAIN.md §4.2). */
  readonly digits: string;
  /** A pre-announced public beacon value, or null. */
  readonly beacon: string | null;
  /** Names of at least two witnesses. */
  readonly witnesses: readonly string[];
}

/**
 * The seed ceremony: entered once, after the frames are frozen, and never editable (a trigger refuses any change).
 */
export async function enterSessionSeed(
  db: Kysely<Database>,
  actor: AuditActor,
  sessionId: number,
  input: SeedInput,
): Promise<Result<{ seed: string }, DrawError>> {
  const witnesses = input.witnesses.map((w) => w.trim()).filter((w) => w !== '');
  if (new Set(witnesses).size < 2) {
    return err({ kind: 'witnesses', message: '随机种子须由至少两名不同的见证人共同产生并登记姓名' });
  }
  const combined = combineSessionSeed(input.digits, input.beacon);
  if (!combined.ok) {
    return err({
      kind: 'bad_seed',
      message:
        combined.error.part === 'digits'
          ? `须为至少 ${MIN_SEED_DIGITS} 位十进制数字（掷骰子产生）`
          : `公共信标值无效：${combined.error.message}`,
    });
  }
  return db.transaction().execute(async (trx): Promise<Result<{ seed: string }, DrawError>> => {
    const session = await trx
      .selectFrom('draw_sessions')
      .select(['id', 'status'])
      .where('id', '=', sessionId)
      .forUpdate()
      .executeTakeFirst();
    if (session === undefined) return err({ kind: 'session_not_found', id: sessionId });
    if (session.status !== 'frozen') {
      return err({ kind: 'wrong_state', id: sessionId, status: session.status, expected: 'frozen' });
    }
    await trx
      .updateTable('draw_sessions')
      .set({
        status: 'seeded',
        seed_digits: input.digits,
        beacon: input.beacon,
        witnesses: JSON.stringify(witnesses),
        seed_at: new Date(),
      })
      .where('id', '=', sessionId)
      .execute();
    await appendAudit(trx, actor, {
      action: 'draw.seed',
      entity: 'draw_session',
      entityId: String(sessionId),
      after: { digits: input.digits, beacon: input.beacon, witnesses },
    });
    return ok({ seed: combined.value });
  });
}
