import type { Kysely } from 'kysely';
import { collectNamedObjects, generateDemoRegister } from '@ssj/core';
import type { Database } from '../db/schema.ts';
import {
  countObjects,
  insertInspectors,
  insertRegisterObjects,
} from '../features/registers/register-store.ts';
import {
  listTaskLines,
  suggestMissingPopulations,
  suggestRuleForLine,
} from '../features/registers/population-store.ts';
import { DEMO_PLAN_YEAR } from './demo-plan.ts';

export const DEMO_REGISTER_SEED = 'jincheng-2023';

export interface DemoRegisterOptions {
  readonly objectCount: number;
  readonly inspectorCount?: number;
  readonly onProgress?: (phase: string, done: number, total: number) => void;
}

/**
 * On a database with no objects: generate the deterministic 晋城 demo register (core registry/demo-register.ts) —
 * objects, licences, risk-class history, inspectors with conflicts — in one transaction, then give every line of
 * the 2023 plan its suggested population rule and frame size. Returns the number of objects loaded (0: skipped).
 */
export async function seedDemoRegister(db: Kysely<Database>, options: DemoRegisterOptions): Promise<number> {
  if ((await countObjects(db)) > 0) return 0;
  const plan = await db
    .selectFrom('plans')
    .select('id')
    .where('year', '=', DEMO_PLAN_YEAR)
    .executeTakeFirst();
  const lines = plan === undefined ? [] : await listTaskLines(db, plan.id);
  const named = collectNamedObjects(lines.map(suggestRuleForLine));
  const generated = generateDemoRegister({
    seed: DEMO_REGISTER_SEED,
    objectCount: options.objectCount,
    ...(options.inspectorCount === undefined ? {} : { inspectorCount: options.inspectorCount }),
    namedObjects: named,
  });
  if (!generated.ok) throw new Error(`demo register: ${JSON.stringify(generated.error)}`);
  const register = generated.value;
  await db.transaction().execute(async (trx) => {
    await insertRegisterObjects(trx, register.iterateObjectChunks(5000), 'demo', (done) =>
      options.onProgress?.('objects', done, register.objectCount),
    );
    await insertInspectors(trx, register.inspectors, 'demo');
    options.onProgress?.('inspectors', register.inspectors.length, register.inspectors.length);
  });
  if (plan !== undefined) await suggestMissingPopulations(db, plan.id);
  return register.objectCount;
}
