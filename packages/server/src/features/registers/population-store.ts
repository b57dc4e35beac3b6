import { sql, type Kysely } from 'kysely';
import {
  splitPopulationRule,
  suggestPopulationRule,
  type PopulationGroupKey,
  type PopulationRule,
  type RiskClass,
} from '@ssj/core';
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

/** The members of one rule's frame: canonical ids (distinct, in no particular order) and their sealed risk classes. */
export interface FrameMembers {
  readonly ids: string[];
  readonly riskClasses: (RiskClass | null)[];
}

/** Objects alike for every population rule (core PopulationGroupKey), with their members. */
interface RegisterGroup extends PopulationGroupKey {
  readonly ids: string[];
  readonly riskClasses: (RiskClass | null)[];
  /** 注册资本 of each member, when a rule filters on it. */
  readonly capitals: (number | null)[];
}

const RISK_CLASSES: ReadonlySet<string> = new Set(['A', 'B', 'C', 'D']);

/**
 * Reads the register text of {@link selectFrames}: one line per object, `region TAB status TAB kind TAB categories
 * TAB flags TAB risk TAB capital TAB id`, grouped by the first five fields (what a rule decides as a whole). Lists
 * are jsonb text (`["catering", "prepaid-card"]`), parsed once per group.
 */
function groupRegisterText(text: string, groupsByRegion: Map<string, RegisterGroup[]>): void {
  const groups = new Map<string, RegisterGroup>();
  let start = 0;
  // Neighbouring lines mostly share their group (objects are stored much as they were registered): the previous
  // line's group is tried first, without cutting out the key.
  let previousKey = '\n';
  let previous: RegisterGroup | undefined;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let tab: number;
    let group: RegisterGroup | undefined;
    if (
      previous !== undefined &&
      text.startsWith(previousKey, start) &&
      text.charCodeAt(start + previousKey.length) === 9
    ) {
      tab = start + previousKey.length;
      group = previous;
    } else {
      tab = start - 1;
      for (let field = 0; field < 5; field++) tab = text.indexOf('\t', tab + 1);
    }
    const riskAt = tab + 1;
    const capitalAt = text.indexOf('\t', riskAt) + 1;
    const idAt = text.indexOf('\t', capitalAt) + 1;
    const key = group === undefined ? text.slice(start, tab) : previousKey;
    group ??= groups.get(key);
    if (group === undefined) {
      const [regionCode = '', status = '', kind = '', categories = '[]', flags = '[]'] = key.split('\t');
      group = {
        regionCode,
        status,
        kind,
        categoryCodes: JSON.parse(categories) as string[],
        flags: JSON.parse(flags) as string[],
        ids: [],
        riskClasses: [],
        capitals: [],
      };
      groups.set(key, group);
      const inRegion = groupsByRegion.get(regionCode);
      if (inRegion === undefined) groupsByRegion.set(regionCode, [group]);
      else inRegion.push(group);
    }
    previous = group;
    previousKey = key;
    const risk = text.slice(riskAt, capitalAt - 1);
    const capital = text.slice(capitalAt, idAt - 1);
    group.ids.push(text.slice(idAt, end));
    group.riskClasses.push(RISK_CLASSES.has(risk) ? (risk as RiskClass) : null);
    group.capitals.push(capital === '' ? null : Number(capital));
    start = end + 1;
  }
}

/** {@link selectFrames} one rule at a time, each with {@link selectFrame}. */
async function selectFramesRuleByRule(
  db: Kysely<Database>,
  rules: readonly PopulationRule[],
): Promise<FrameMembers[]> {
  const frames: FrameMembers[] = [];
  for (const rule of rules) {
    const members = await selectFrame(db, rule);
    frames.push({ ids: members.map((m) => m.canonicalId), riskClasses: members.map((m) => m.riskClass) });
  }
  return frames;
}

/**
 * The frames of many rules at once (a draw session's freeze), from one read of the register: the objects of the
 * rules' regions and statuses come as one text value (a row per object costs far more than its bytes on PGlite),
 * grouped here by what a rule looks at as a whole (region, status, kind, categories, flags), and core's
 * splitPopulationRule decides each rule group by group; only the capital and licence filters, and the names
 * of explicit rules, look at single objects. The frames are those of {@link buildPopulationCondition} (the same rule
 * as SQL). `frames[i]` is the frame of `rules[i]`, sealed risk classes included: callers must not publish them.
 */
export async function selectFrames(
  db: Kysely<Database>,
  rules: readonly PopulationRule[],
): Promise<FrameMembers[]> {
  const splits = rules.map(splitPopulationRule);
  const general = rules.filter((r) => !r.explicit);
  const regions = [...new Set(general.flatMap((r) => r.regionCodes))];
  const statuses = [...new Set(general.flatMap((r) => r.filters.statuses))];
  const groupsByRegion = new Map<string, RegisterGroup[]>();
  if (regions.length > 0 && statuses.length > 0) {
    // One text value for all of it: PGlite pays for every row it returns, and grouping in SQL costs more than here.
    // Each object's line is stored by the database (objects.register_line, NULL for an unreadable code).
    const register = await sql<{ objects: string | null; unreadable: boolean | null }>`
      select string_agg(o.register_line, chr(10)) as objects, bool_or(o.register_line is null) as unreadable
      from objects o
      where o.region_code = any(${regions}::text[]) and o.status = any(${statuses}::text[])`.execute(db);
    // An id with TAB, LF or CR cannot be in a frame (the freeze refuses it); rule by rule in SQL, as ever.
    if (register.rows[0]?.unreadable === true) return selectFramesRuleByRule(db, rules);
    groupRegisterText(register.rows[0]?.objects ?? '', groupsByRegion);
  }
  // Licence holders, for the rules that filter on a licence.
  const licences = [
    ...new Set(general.flatMap((r) => (r.filters.licence === null ? [] : [r.filters.licence]))),
  ];
  const holders = new Map<string, string[]>();
  if (licences.length > 0) {
    const rows = await sql<{ name: string; ids: string }>`
      select l.name, string_agg(o.canonical_id, chr(10)) as ids
      from object_licences l join objects o on o.id = l.object_id
      where l.name = any(${licences}::text[])
      group by l.name`.execute(db);
    for (const r of rows.rows) {
      for (const id of r.ids.split('\n')) {
        const held = holders.get(id);
        if (held === undefined) holders.set(id, [r.name]);
        else held.push(r.name);
      }
    }
  }
  // The named objects of explicit rules.
  const names = [...new Set(splits.flatMap((s) => (s.names === null ? [] : [...s.names])))];
  const named =
    names.length === 0
      ? []
      : await db
          .selectFrom('objects')
          .select(['canonical_id', 'risk_class', 'region_code', 'status', 'name_key'])
          .where('name_key', '=', sql<string>`any(${names}::text[])`)
          .execute();
  return splits.map((split): FrameMembers => {
    const frame: FrameMembers = { ids: [], riskClasses: [] };
    if (split.names !== null) {
      for (const o of named) {
        if (
          split.regionCodes.has(o.region_code) &&
          split.statuses.has(o.status) &&
          split.names.has(o.name_key)
        ) {
          frame.ids.push(o.canonical_id);
          frame.riskClasses.push(o.risk_class);
        }
      }
      return frame;
    }
    for (const region of split.regionCodes) {
      for (const group of groupsByRegion.get(region) ?? []) {
        if (!split.matchesGroup(group)) continue;
        const members = group;
        for (let i = 0; i < members.ids.length; i++) {
          const id = members.ids[i] as string;
          if (
            split.hasObjectFilters &&
            !split.matchesObject({
              registeredCapital: members.capitals[i] ?? null,
              licenceNames: holders.get(id) ?? [],
            })
          ) {
            continue;
          }
          frame.ids.push(id);
          frame.riskClasses.push(members.riskClasses[i] ?? null);
        }
      }
    }
    return frame;
  });
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

/**
 * Clerks accept the stored (suggested) rules of these lines as they stand, in one transaction: each line is marked
 * confirmed by its clerk and audited exactly as {@link confirmPopulation} audits a confirmation (`population.confirm`,
 * the rule before and after, the frame size). The frame sizes stored with the suggestions are kept: nothing changed
 * between the count and the confirmation. Lines without a stored rule are skipped. Returns the number confirmed.
 */
export async function confirmStoredPopulations(
  db: Kysely<Database>,
  confirmations: readonly { readonly taskLineId: number; readonly actor: AuditActor }[],
): Promise<number> {
  if (confirmations.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    const stored = await trx
      .selectFrom('task_line_populations')
      .select(['task_line_id', 'rule', 'frame_size'])
      .where(
        'task_line_id',
        'in',
        confirmations.map((c) => c.taskLineId),
      )
      .execute();
    const byLine = new Map(stored.map((s) => [s.task_line_id, s]));
    let confirmed = 0;
    for (const { taskLineId, actor } of confirmations) {
      const row = byLine.get(taskLineId);
      if (row === undefined) continue;
      const now = new Date();
      await trx
        .updateTable('task_line_populations')
        .set({ confirmed_by: actor.userId, confirmed_at: now, updated_at: now })
        .where('task_line_id', '=', taskLineId)
        .execute();
      await appendAudit(trx, actor, {
        action: 'population.confirm',
        entity: 'task_line',
        entityId: String(taskLineId),
        before: row.rule,
        after: { rule: row.rule, frameSize: row.frame_size },
      });
      confirmed++;
    }
    return confirmed;
  });
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
