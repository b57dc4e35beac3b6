import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  allocateBatch,
  compareByCodePoint,
  err,
  freezeFrame,
  hashExcludedIds,
  labelStrata,
  ok,
  type BatchAllocation,
  type PopulationRule,
  type Result,
  type RiskClass,
} from '@ssj/core';
import { appendAudit, type AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import { IS_LIVE_DRAW } from './live-draw.ts';
import { selectFrame, suggestRuleForLine } from '../registers/population-store.ts';
import type { DrawError } from './draw-errors.ts';

export interface DrawItem {
  readonly taskCode: string;
  readonly batch: number;
  /**
   * A re-draw of a published task batch (DOMAIN.md §4.4): why. The office admin who freezes it approves it; the new
   * draw names the one it replaces, which stays public, marked superseded. Without it a drawn batch is refused.
   */
  readonly redrawReason?: string | undefined;
}

export interface FrozenFrameSummary {
  readonly taskCode: string;
  readonly batch: number;
  readonly frameHash: string;
  readonly frameSize: number;
  readonly targets: number;
  readonly strata: { name: string; size: number; allocation: number }[];
}

const UNCLASSIFIED = 'unclassified';

interface TaskForDraw {
  readonly id: number;
  readonly code: string;
  readonly riskBased: boolean;
  /** The inspector draw needs an initiating department; checked before anything is frozen. */
  readonly hasInitiator: boolean;
  readonly lines: {
    readonly id: number;
    readonly ratioPercent: number | null;
    readonly ratioBound: 'exact' | 'atLeast' | 'atMost' | null;
    readonly timesPerYear: number | null;
    readonly minCount: number | null;
  }[];
}

async function loadTask(
  trx: Transaction<Database>,
  planId: number,
  code: string,
): Promise<TaskForDraw | null> {
  const task = await trx
    .selectFrom('tasks')
    .select(['id', 'code', 'risk_based', 'initiator_department_ids'])
    .where('plan_id', '=', planId)
    .where('code', '=', code)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (task === undefined) return null;
  const lines = await trx
    .selectFrom('task_lines')
    .select(['id', 'ratio_percent', 'ratio_bound', 'times_per_year', 'min_count'])
    .where('task_id', '=', task.id)
    .orderBy('line_no')
    .execute();
  return {
    id: task.id,
    code: task.code,
    riskBased: task.risk_based,
    hasInitiator: task.initiator_department_ids.length > 0,
    lines: lines.map((l) => ({
      id: l.id,
      ratioPercent: l.ratio_percent,
      ratioBound: l.ratio_bound,
      timesPerYear: l.times_per_year,
      minCount: l.min_count,
    })),
  };
}

/** The population rules of a task's lines (suggested now where none was stored). */
async function loadRules(trx: Transaction<Database>, taskId: number): Promise<PopulationRule[]> {
  const rows = await trx
    .selectFrom('task_lines as l')
    .innerJoin('tasks as t', 't.id', 'l.task_id')
    .leftJoin('task_line_populations as p', 'p.task_line_id', 'l.id')
    .select(['l.id', 't.code', 't.region_code', 't.name', 'l.scope', 'l.matters', 'p.rule'])
    .where('l.task_id', '=', taskId)
    .orderBy('l.line_no')
    .execute();
  return rows.map(
    (r) =>
      r.rule ??
      suggestRuleForLine({
        taskLineId: r.id,
        taskCode: r.code,
        regionCode: r.region_code,
        taskName: r.name,
        scope: r.scope,
        matters: r.matters,
      }),
  );
}

/** Canonical ids drawn by the live (not superseded) draws of earlier batches of this task. */
async function loadEarlierTargets(
  trx: Transaction<Database>,
  taskId: number,
  batch: number,
): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('draw_targets as dt')
    .innerJoin('draws as d', 'd.id', 'dt.draw_id')
    .select('dt.canonical_id')
    .where('d.task_id', '=', taskId)
    .where('d.batch', '<', batch)
    .where(IS_LIVE_DRAW)
    .execute();
  return new Set(rows.map((r) => r.canonical_id));
}

/** The live (not superseded) draw of a task batch, and whether a frozen re-draw of it is already pending. */
async function findLiveDrawOf(
  trx: Transaction<Database>,
  taskId: number,
  batch: number,
): Promise<{ id: number; pendingRedraw: boolean } | null> {
  const row = await trx
    .selectFrom('draws as d')
    .select((eb) => [
      'd.id',
      eb
        .exists(
          eb.selectFrom('draw_frames as f').select('f.id').whereRef('f.supersedes_draw_id', '=', 'd.id'),
        )
        .as('pending'),
    ])
    .where('d.task_id', '=', taskId)
    .where('d.batch', '=', batch)
    .where(IS_LIVE_DRAW)
    .executeTakeFirst();
  return row === undefined ? null : { id: row.id, pendingRedraw: Boolean(row.pending) };
}

/** The line whose ratio governs the task's draw: the one demanding the most (ratio, then 不少于N户). */
function chooseGoverningLine(task: TaskForDraw): TaskForDraw['lines'][number] | undefined {
  const withRatio = task.lines.filter((l) => l.ratioPercent !== null && l.ratioBound !== null);
  return withRatio.sort(
    (a, b) => (b.ratioPercent ?? 0) - (a.ratioPercent ?? 0) || (b.minCount ?? 0) - (a.minCount ?? 0),
  )[0];
}

/**
 * Freeze the frames of a draw session (DOMAIN.md §4.1): for each task batch, compute the eligible population from
 * its lines' population rules, leave out earlier batches' targets, split into credit-risk strata when the task is
 * risk-based, allocate (core allocateBatch), label the strata opaquely and seal their membership, hash the frame.
 * Everything is stored in one transaction, before any seed exists; the hashes are public from this moment.
 */
export async function freezeDrawSession(
  db: Kysely<Database>,
  actor: AuditActor,
  input: { year: number; title: string; items: readonly DrawItem[] },
): Promise<Result<{ sessionId: number; frames: FrozenFrameSummary[] }, DrawError>> {
  const seen = new Set<string>();
  for (const item of input.items) {
    const key = `${item.taskCode}/${String(item.batch)}`;
    if (seen.has(key)) return err({ kind: 'duplicate_item', code: item.taskCode, batch: item.batch });
    seen.add(key);
  }
  return db
    .transaction()
    .execute(async (trx): Promise<Result<{ sessionId: number; frames: FrozenFrameSummary[] }, DrawError>> => {
      const plan = await trx
        .selectFrom('plans')
        .select('id')
        .where('year', '=', input.year)
        .where('status', '=', 'published')
        .executeTakeFirst();
      if (plan === undefined) return err({ kind: 'no_published_plan', year: input.year });
      const session = await trx
        .insertInto('draw_sessions')
        .values({ year: input.year, title: input.title, status: 'frozen', created_by: actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      const frames: FrozenFrameSummary[] = [];
      for (const item of input.items) {
        const task = await loadTask(trx, plan.id, item.taskCode);
        if (task === null) return err({ kind: 'task_not_found', code: item.taskCode });
        if (!task.hasInitiator) return err({ kind: 'no_initiator', code: task.code });
        const line = chooseGoverningLine(task);
        if (line === undefined || line.ratioPercent === null || line.ratioBound === null) {
          return err({ kind: 'no_ratio', code: task.code });
        }
        const times = line.timesPerYear ?? 1;
        if (!Number.isInteger(item.batch) || item.batch < 1 || item.batch > times) {
          return err({ kind: 'bad_batch', code: task.code, batch: item.batch, timesPerYear: times });
        }
        const live = await findLiveDrawOf(trx, task.id, item.batch);
        const redrawReason = item.redrawReason?.trim() ?? '';
        if (live !== null && redrawReason === '') {
          return err({ kind: 'already_drawn', code: task.code, batch: item.batch });
        }
        if (live === null && redrawReason !== '') {
          return err({ kind: 'nothing_to_redraw', code: task.code, batch: item.batch });
        }
        if (live?.pendingRedraw === true) {
          return err({ kind: 'redraw_pending', code: task.code, batch: item.batch });
        }
        const members = new Map<string, RiskClass | null>();
        for (const rule of await loadRules(trx, task.id)) {
          for (const m of await selectFrame(trx, rule)) members.set(m.canonicalId, m.riskClass);
        }
        if (members.size === 0) return err({ kind: 'empty_frame', code: task.code });
        const earlier = await loadEarlierTargets(trx, task.id, item.batch);
        const stratumOf = (riskClass: RiskClass | null): string =>
          task.riskBased ? (riskClass ?? UNCLASSIFIED) : 'all';
        const population = new Map<
          string,
          { riskClass: RiskClass | null; population: number; drawnBefore: number }
        >();
        for (const [id, riskClass] of members) {
          const name = stratumOf(riskClass);
          const entry = population.get(name) ?? {
            riskClass: task.riskBased ? riskClass : null,
            population: 0,
            drawnBefore: 0,
          };
          entry.population++;
          if (earlier.has(id)) entry.drawnBefore++;
          population.set(name, entry);
        }
        const strataInput = [...population.entries()]
          .sort(([a], [b]) => compareByCodePoint(a, b))
          .map(([name, s]) => ({
            name,
            riskClass: s.riskClass,
            population: s.population,
            drawnBefore: s.drawnBefore,
          }));
        const allocated = allocateBatch({
          strata: strataInput,
          ratio: { percent: line.ratioPercent, bound: line.ratioBound },
          minCount: line.minCount,
          timesPerYear: times,
          batch: item.batch,
          riskBased: task.riskBased,
        });
        if (!allocated.ok)
          return err({ kind: 'allocation_failed', code: task.code, message: allocated.error.message });
        const allocation: BatchAllocation = allocated.value;
        // 100% tasks take everyone in every batch; otherwise earlier batches' targets leave the frame.
        const excludedIds = allocation.takesEveryone ? [] : [...earlier].filter((id) => members.has(id));
        const excludedSet = new Set(excludedIds);
        const ids = [...members.keys()].filter((id) => !excludedSet.has(id)).sort(compareByCodePoint);
        const salt = randomBytes(16).toString('hex');
        const names = allocation.strata.map((s) => s.name);
        const labelled = labelStrata(names, salt);
        if (!labelled.ok)
          return err({ kind: 'record_failed', code: task.code, message: labelled.error.kind });
        const labelOf = new Map(labelled.value.map((l) => [l.name, l.label]));
        const strata = allocation.strata
          .map((s) => ({ name: labelOf.get(s.name) ?? s.name, size: 0, allocation: s.count }))
          .sort((a, b) => compareByCodePoint(a.name, b.name));
        const assignments = ids.map((id) => ({
          id,
          stratum: labelOf.get(stratumOf(members.get(id) ?? null)) ?? '',
        }));
        for (const a of assignments) {
          const s = strata.find((x) => x.name === a.stratum);
          if (s !== undefined) s.size++;
        }
        const several = strata.length > 1;
        const frame = freezeFrame({ ids, strata, strataFile: several ? { salt, assignments } : null });
        if (!frame.ok) {
          const message = frame.error.kind === 'invalidInput' ? frame.error.message : 'inconsistent frame';
          return err({ kind: 'record_failed', code: task.code, message });
        }
        const excludedHash = hashExcludedIds(excludedIds);
        if (!excludedHash.ok)
          return err({ kind: 'record_failed', code: task.code, message: 'bad excluded ids' });
        const frameRow = await trx
          .insertInto('draw_frames')
          .values({
            session_id: session.id,
            task_id: task.id,
            task_code: task.code,
            batch: item.batch,
            algorithm: frame.value.algorithm,
            frame_hash: frame.value.hash,
            id_count: ids.length,
            ids: JSON.stringify(frame.value.ids),
            strata: JSON.stringify(strata),
            sealed_hash: frame.value.sealed,
            excluded: JSON.stringify({
              count: excludedIds.length,
              hash: excludedHash.value,
              ids: excludedIds,
            }),
            allocation: JSON.stringify(allocation),
            supersedes_draw_id: live?.id ?? null,
            redraw_reason: live === null ? null : redrawReason,
            redraw_approved_by: live === null ? null : actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('draw_sealed_strata')
          .values({
            frame_id: frameRow.id,
            salt,
            assignments: JSON.stringify(several ? assignments : []),
            labels: JSON.stringify(Object.fromEntries(labelled.value.map((l) => [l.label, l.name]))),
          })
          .execute();
        frames.push({
          taskCode: task.code,
          batch: item.batch,
          frameHash: frame.value.hash,
          frameSize: ids.length,
          targets: allocation.total,
          strata,
        });
      }
      await appendAudit(trx, actor, {
        action: 'draw.freeze',
        entity: 'draw_session',
        entityId: String(session.id),
        after: {
          year: input.year,
          frames: frames.map((f) => ({ task: f.taskCode, batch: f.batch, hash: f.frameHash })),
        },
      });
      return ok({ sessionId: session.id, frames });
    });
}
