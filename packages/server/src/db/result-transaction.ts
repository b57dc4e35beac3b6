import type { Kysely, Transaction } from 'kysely';
import type { Err, Result } from '@ssj/core';
import type { Database } from './schema.ts';

/** Carries an `err` out of a Kysely transaction callback so that the transaction rolls back. */
class RollbackWithResult extends Error {
  override readonly name = 'RollbackWithResult';
  constructor(readonly result: Err<unknown>) {
    super('transaction rolled back: the operation returned an error');
  }
}

/**
 * Run `body` in one transaction that commits only when it returns `ok`. Kysely commits whatever a callback resolves
 * with, so a store that writes a row and then returns `err` (a later item fails its check) would otherwise commit
 * half an operation without its audit entry (docs/CODE_STYLE.md: "a failure leaves nothing half-written"). An
 * `err` here rolls back everything written before it and is returned as is; an exception propagates (and also
 * rolls back).
 */
export async function runResultTransaction<T, E>(
  db: Kysely<Database>,
  body: (trx: Transaction<Database>) => Promise<Result<T, E>>,
): Promise<Result<T, E>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await body(trx);
      if (!result.ok) throw new RollbackWithResult(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RollbackWithResult) return error.result as Err<E>;
    throw error;
  }
}
