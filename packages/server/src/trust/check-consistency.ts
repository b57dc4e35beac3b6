/**
 * Invariants that hold in every database this platform wrote, whatever happened to the process that wrote it
 * (issue "Trust": crash safety). Each operation is one transaction (or a few, each leaving a state the platform
 * shows as such), so after a crash anything found here is a bug: a plan without its tasks, a draw without all its
 * targets, a session that says published without its draws, a change without its audit entry, a broken chain.
 *
 * The crash harness (packages/cli/src/trust/crash-harness.ts) runs these after every kill. **Extension point**: a
 * new multi-step operation adds a check to {@link CONSISTENCY_CHECKS} — e.g. the publication of inspection results
 * (公示): every result marked published has its publication record and audit entry, and nothing is half-published.
 */
import { sql, type Kysely } from 'kysely';
import { verifyDrawRecord } from '@ssj/core';
import { verifyAuditChain } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { loadDrawRecord } from '../features/draws/draw-queries.ts';
import { hashPlanTasks, loadPlanTasks } from '../features/plans/plan-store.ts';

export interface ConsistencyCheck {
  readonly name: string;
  /** Problems found, for people; empty when the invariant holds. */
  run(db: Kysely<Database>): Promise<string[]>;
}

export interface ConsistencyProblem {
  readonly check: string;
  readonly message: string;
}

async function auditedEntityIds(db: Kysely<Database>, action: string): Promise<Set<string>> {
  const rows = await db.selectFrom('audit_log').select('entity_id').where('action', '=', action).execute();
  return new Set(rows.map((r) => r.entity_id ?? ''));
}

/** `ssj audit verify`: the hash chain is intact. */
const auditChain: ConsistencyCheck = {
  name: 'audit chain',
  run: async (db) => {
    const chain = await verifyAuditChain(db);
    return chain.ok ? [] : [`audit chain broken at entry ${String(chain.entryId)}: ${chain.reason}`];
  },
};

/**
 * A plan exists whole or not at all: a draft holds tasks, every task its lines, its import is audited; a published
 * plan has every version up to the current one, its publication is audited, and its tasks are the current version's
 * snapshot (changes and their versions are written together).
 */
const plansWhole: ConsistencyCheck = {
  name: 'plans whole',
  run: async (db) => {
    const problems: string[] = [];
    const imported = await auditedEntityIds(db, 'plan.import_draft');
    const published = await auditedEntityIds(db, 'plan.publish');
    const plans = await db.selectFrom('plans').selectAll().orderBy('year').execute();
    for (const plan of plans) {
      const label = `plan ${String(plan.year)} (id ${String(plan.id)}, ${plan.status})`;
      const counts = await sql<{ tasks: string; lineless: string }>`
        select count(*) as tasks,
          count(*) filter (where not exists (select 1 from task_lines l where l.task_id = t.id)) as lineless
        from tasks t where t.plan_id = ${plan.id}`.execute(db);
      const tasks = Number(counts.rows[0]?.tasks ?? 0);
      if (tasks === 0) problems.push(`${label} has no tasks`);
      if (Number(counts.rows[0]?.lineless ?? 0) > 0) problems.push(`${label} has tasks without lines`);
      if (!imported.has(String(plan.id))) problems.push(`${label} has no plan.import_draft audit entry`);
      if (plan.status === 'draft') continue;
      if (!published.has(String(plan.id))) problems.push(`${label} has no plan.publish audit entry`);
      if (plan.published_at === null) problems.push(`${label} is published without a publication time`);
      const versions = await db
        .selectFrom('plan_versions')
        .select(['version', 'snapshot_sha256'])
        .where('plan_id', '=', plan.id)
        .orderBy('version')
        .execute();
      const numbers = versions.map((v) => v.version).join(',');
      const expected = Array.from({ length: plan.current_version }, (_, i) => i + 1).join(',');
      if (numbers !== expected) problems.push(`${label}: versions ${numbers}, expected ${expected}`);
      const current = versions.at(-1);
      if (
        current !== undefined &&
        current.snapshot_sha256 !== hashPlanTasks(await loadPlanTasks(db, plan.id))
      ) {
        problems.push(`${label}: its tasks differ from the snapshot of version ${String(current.version)}`);
      }
    }
    return problems;
  },
};

/**
 * A draw session is in one of its three states, whole (DOMAIN.md §4): frozen (frames, sealed strata, no seed, no
 * draws), seeded (the seed written once, no draws) or published (one draw per frame); each step audited. Every draw
 * has all its targets and team members, and its record recomputes (the public verifier's check).
 */
const drawSessionsWhole: ConsistencyCheck = {
  name: 'draw sessions whole',
  run: async (db) => {
    const problems: string[] = [];
    const audited = {
      frozen: await auditedEntityIds(db, 'draw.freeze'),
      seeded: await auditedEntityIds(db, 'draw.seed'),
      published: await auditedEntityIds(db, 'draw.publish'),
    };
    const sessions = await db.selectFrom('draw_sessions').selectAll().orderBy('id').execute();
    for (const session of sessions) {
      const label = `draw session ${String(session.id)} (${session.status})`;
      const frames = await sql<{ id: number; draws: string; sealed: string }>`
        select f.id,
          (select count(*) from draws d where d.frame_id = f.id) as draws,
          (select count(*) from draw_sealed_strata s where s.frame_id = f.id) as sealed
        from draw_frames f where f.session_id = ${session.id}`.execute(db);
      if (frames.rows.length === 0) problems.push(`${label} has no frames`);
      for (const f of frames.rows) {
        if (Number(f.sealed) !== 1) problems.push(`${label}: frame ${String(f.id)} has no sealed strata row`);
        const draws = Number(f.draws);
        const wanted = session.status === 'published' ? 1 : 0;
        if (draws !== wanted) {
          problems.push(
            `${label}: frame ${String(f.id)} has ${String(draws)} draws, expected ${String(wanted)}`,
          );
        }
      }
      const hasSeed = session.seed_digits !== null && session.seed_at !== null;
      if (session.status === 'frozen' && hasSeed) problems.push(`${label} has a seed`);
      if (session.status !== 'frozen' && !hasSeed) problems.push(`${label} has no seed`);
      if ((session.status === 'published') !== (session.published_at !== null)) {
        problems.push(`${label}: status and publication time disagree`);
      }
      const id = String(session.id);
      if (!audited.frozen.has(id)) problems.push(`${label} has no draw.freeze audit entry`);
      if (session.status !== 'frozen' && !audited.seeded.has(id))
        problems.push(`${label} has no draw.seed audit entry`);
      if (session.status === 'published' && !audited.published.has(id)) {
        problems.push(`${label} has no draw.publish audit entry`);
      }
    }
    const draws = await sql<{ id: number; targets: string; members: string }>`
      select d.id,
        (select count(*) from draw_targets t where t.draw_id = d.id) as targets,
        (select count(*) from draw_team_members m where m.draw_id = d.id) as members
      from draws d order by d.id`.execute(db);
    for (const d of draws.rows) {
      const record = await loadDrawRecord(db, d.id);
      if (record === null) {
        problems.push(`draw ${String(d.id)} has no record`);
        continue;
      }
      const members = (record.inspectors?.teams ?? []).reduce((n, team) => n + team.members.length, 0);
      if (Number(d.targets) !== record.targets.length) {
        problems.push(
          `draw ${String(d.id)}: ${d.targets} targets stored, the record has ${String(record.targets.length)}`,
        );
      }
      if (Number(d.members) !== members) {
        problems.push(
          `draw ${String(d.id)}: ${d.members} team members stored, the record has ${String(members)}`,
        );
      }
      const verified = verifyDrawRecord(record);
      if (!verified.ok)
        problems.push(
          `draw ${String(d.id)}: the record does not recompute: ${JSON.stringify(verified.error)}`,
        );
    }
    return problems;
  },
};

/** The checks run after every crash. Add one here for each new multi-step operation (see the file comment). */
export const CONSISTENCY_CHECKS: ConsistencyCheck[] = [auditChain, plansWhole, drawSessionsWhole];

/** Run every check; the problems found (none: consistent). */
export async function checkConsistency(
  db: Kysely<Database>,
  checks: readonly ConsistencyCheck[] = CONSISTENCY_CHECKS,
): Promise<ConsistencyProblem[]> {
  const problems: ConsistencyProblem[] = [];
  for (const check of checks) {
    for (const message of await check.run(db)) problems.push({ check: check.name, message });
  }
  return problems;
}
