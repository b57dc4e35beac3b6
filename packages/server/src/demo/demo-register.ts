import type { Kysely } from 'kysely';
import { CITY_REGION_CODE, collectNamedObjects, generateDemoRegister } from '@ssj/core';
import { SYSTEM_ACTOR, type AuditActor } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import {
  countObjects,
  insertInspectors,
  insertRegisterObjects,
} from '../features/registers/register-store.ts';
import {
  confirmStoredPopulations,
  listTaskLines,
  suggestMissingPopulations,
  suggestRuleForLine,
} from '../features/registers/population-store.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { DEMO_PLAN_YEAR } from './demo-plan.ts';

export const DEMO_REGISTER_SEED = 'jincheng-2023';

export interface DemoRegisterOptions {
  readonly objectCount: number;
  readonly inspectorCount?: number;
  readonly onProgress?: (phase: string, done: number, total: number) => void;
}

/**
 * The demo clerk who confirms the population rule of a task of `regionCode` (issue #4: in the demo every rule is
 * confirmed): the county's department admin where the demo has one (泽州, 阳城), else the office, which confirms for
 * every region. Without the demo accounts (a database that had users before), the system confirms.
 */
async function loadDemoClerks(db: Kysely<Database>): Promise<(regionCode: string) => AuditActor> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'department_id', 'region_code'])
    .where(
      'username',
      'in',
      DEMO_ACCOUNTS.map((a) => a.username),
    )
    .execute();
  let office: AuditActor = SYSTEM_ACTOR;
  const byRegion = new Map<string, AuditActor>();
  for (const user of users) {
    const actor: AuditActor = {
      userId: user.id,
      role: user.role,
      departmentId: user.department_id,
      requestId: null,
    };
    if (user.role === 'office_admin') office = actor;
    else if (user.role === 'department_admin' && user.region_code !== CITY_REGION_CODE) {
      byRegion.set(user.region_code, actor);
    }
  }
  return (regionCode) => byRegion.get(regionCode) ?? office;
}

/**
 * On a database with no objects: generate the deterministic 晋城 demo register (core registry/demo-register.ts) —
 * objects, licences, risk-class history, inspectors with conflicts — in one transaction, then give every line of
 * the 2023 plan its suggested population rule and frame size, confirmed by the demo clerks (audited like any
 * confirmation). Returns the number of objects loaded (0: skipped).
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
  if (plan !== undefined) {
    await suggestMissingPopulations(db, plan.id);
    const clerkOf = await loadDemoClerks(db);
    await confirmStoredPopulations(
      db,
      lines.map((l) => ({ taskLineId: l.taskLineId, actor: clerkOf(l.regionCode) })),
    );
  }
  return register.objectCount;
}
