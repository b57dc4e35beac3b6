import type { Kysely } from 'kysely';
import { suggestPopulationRule, type PopulationRule, type RiskClass } from '@ssj/core';
import { appendAudit, type AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import { buildPopulationCondition } from './population-sql.ts';

export interface TaskLineRef {
  readonly taskLineId: number;
  readonly taskCode: string;
  readonly regionCode: string;
  readonly taskName: string;
  readonly scope: string;
  readonly matters: readonly string[];
}

/** Every task line of a plan, with what a population rule is suggested from. */
export async function listTaskLines(db: Kysely<Database>, planId: number): Promise<TaskLineRef[]> {
  const rows = await db
    .selectFrom('task_lines as l')
    .innerJoin('tasks as t', 't.id', 'l.task_id')
    .select(['l.id', 't.code', 't.region_code', 't.name', 'l.scope', 'l.matters'])
    .where('t.plan_id', '=', planId)
    .where('t.status', '=', 'active')
    .orderBy('t.seq')
    .orderBy('l.line_no')
    .execute();
  return rows.map((r) => ({
    taskLineId: r.id,
    taskCode: r.code,
    regionCode: r.region_code,
    taskName: r.name,
    scope: r.scope,
    matters: r.matters,
  }));
}

export function suggestRuleForLine(line: TaskLineRef): PopulationRule {
  return suggestPopulationRule(
    line.scope === '' ? null : line.scope,
    line.regionCode,
    line.taskName,
    line.matters,
  );
}

/** The number of objects a rule puts in the frame (the live count the clerk sees). */
export async function countFrame(db: Kysely<Database>, rule: PopulationRule): Promise<number> {
  const row = await db
    .selectFrom('objects')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where((eb) => buildPopulationCondition(eb, rule))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface FrameMember {
  readonly objectId: number;
  readonly canonicalId: string;
  readonly regionCode: string;
  readonly riskClass: RiskClass | null;
}

/** The frame's members (sealed risk class included: callers must not publish it). */
export async function selectFrame(db: Kysely<Database>, rule: PopulationRule): Promise<FrameMember[]> {
  const rows = await db
    .selectFrom('objects')
    .select(['id', 'canonical_id', 'region_code', 'risk_class'])
    .where((eb) => buildPopulationCondition(eb, rule))
    .execute();
  return rows.map((r) => ({
    objectId: r.id,
    canonicalId: r.canonical_id,
    regionCode: r.region_code,
    riskClass: r.risk_class,
  }));
}

/**
 * Give every task line of the plan that has no population rule yet the suggested one (unconfirmed), with its
 * frame size. Returns the number of lines it set.
 */
export async function suggestMissingPopulations(db: Kysely<Database>, planId: number): Promise<number> {
  const lines = await listTaskLines(db, planId);
  const existing = new Set(
    (await db.selectFrom('task_line_populations').select('task_line_id').execute()).map(
      (r) => r.task_line_id,
    ),
  );
  let set = 0;
  for (const line of lines) {
    if (existing.has(line.taskLineId)) continue;
    const rule = suggestRuleForLine(line);
    const frameSize = await countFrame(db, rule);
    await db
      .insertInto('task_line_populations')
      .values({ task_line_id: line.taskLineId, rule: JSON.stringify(rule), frame_size: frameSize })
      .execute();
    set++;
  }
  return set;
}

/** A clerk confirms (or edits and confirms) a line's rule; the frame size is recounted. Audited. */
export async function confirmPopulation(
  db: Kysely<Database>,
  actor: AuditActor,
  taskLineId: number,
  rule: PopulationRule,
): Promise<{ frameSize: number }> {
  const frameSize = await countFrame(db, rule);
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('task_line_populations')
      .select('rule')
      .where('task_line_id', '=', taskLineId)
      .executeTakeFirst();
    await trx
      .insertInto('task_line_populations')
      .values({
        task_line_id: taskLineId,
        rule: JSON.stringify(rule),
        frame_size: frameSize,
        confirmed_by: actor.userId,
        confirmed_at: new Date(),
      })
      .onConflict((oc) =>
        oc.column('task_line_id').doUpdateSet({
          rule: JSON.stringify(rule),
          frame_size: frameSize,
          confirmed_by: actor.userId,
          confirmed_at: new Date(),
          updated_at: new Date(),
        }),
      )
      .execute();
    await appendAudit(trx, actor, {
      action: 'population.confirm',
      entity: 'task_line',
      entityId: String(taskLineId),
      before: before?.rule,
      after: { rule, frameSize },
    });
  });
  return { frameSize };
}
