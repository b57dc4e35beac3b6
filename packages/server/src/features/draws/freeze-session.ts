import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { err, ok, type PopulationRule, type Result } from '@ssj/core';
import { appendAudit, type AuditActor } from '../../audit/audit-log.ts';
import type { Database } from '../../db/schema.ts';
import { runResultTransaction } from '../../db/result-transaction.ts';
import { IS_LIVE_DRAW } from './live-draw.ts';
import { selectFrames, suggestRuleForLine } from '../registers/population-store.ts';
import type { DrawError } from './draw-errors.ts';
import { loadTiltedTasks, planRiskTilt, type RiskTiltPlan } from '../risk/risk-tilt.ts';
import { groupForOverlap, openDrawComputer, type DrawComputer } from './draw-computer.ts';
import { mergeRuleMembers, type ComputedFrame, type FrameRequest } from './frame-computation.ts';

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

/** Frames inserted per statement (each row binds ~17 parameters; a statement may bind at most 65,535). */
const FRAME_ROWS_PER_INSERT = 500;

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
  /** The population rules of the lines (suggested now where none was stored), in line order. */
  readonly rules: PopulationRule[];
}

/** The active tasks of the plan with these codes, with their lines and population rules, by code. */
async function loadTasks(
  trx: Transaction<Database>,
  planId: number,
  codes: readonly string[],
): Promise<Map<string, TaskForDraw>> {
  const tasks = new Map<string, TaskForDraw>();
  if (codes.length === 0) return tasks;
  const rows = await trx
    .selectFrom('tasks')
    .select(['id', 'code', 'region_code', 'name', 'risk_based', 'initiator_department_ids'])
    .where('plan_id', '=', planId)
    .where('code', 'in', [...new Set(codes)])
    .where('status', '=', 'active')
    .execute();
  if (rows.length === 0) return tasks;
  const lines = await trx
    .selectFrom('task_lines as l')
    .leftJoin('task_line_populations as p', 'p.task_line_id', 'l.id')
    .select([
      'l.id',
      'l.task_id',
      'l.scope',
      'l.matters',
      'l.ratio_percent',
      'l.ratio_bound',
      'l.times_per_year',
      'l.min_count',
      'p.rule',
    ])
    .where(
      'l.task_id',
      'in',
      rows.map((t) => t.id),
    )
    .orderBy('l.task_id')
    .orderBy('l.line_no')
    .execute();
  const byTask = new Map<number, TaskForDraw>();
  const rowOf = new Map(rows.map((t) => [t.id, t]));
  for (const t of rows) {
    const task: TaskForDraw = {
      id: t.id,
      code: t.code,
      riskBased: t.risk_based,
      hasInitiator: t.initiator_department_ids.length > 0,
      lines: [],
      rules: [],
    };
    tasks.set(t.code, task);
    byTask.set(t.id, task);
  }
  for (const l of lines) {
    const task = byTask.get(l.task_id);
    const row = rowOf.get(l.task_id);
    if (task === undefined || row === undefined) continue;
    task.lines.push({
      id: l.id,
      ratioPercent: l.ratio_percent,
      ratioBound: l.ratio_bound,
      timesPerYear: l.times_per_year,
      minCount: l.min_count,
    });
    task.rules.push(
      l.rule ??
        suggestRuleForLine({
          taskLineId: l.id,
          taskCode: row.code,
          regionCode: row.region_code,
          taskName: row.name,
          scope: l.scope,
          matters: l.matters,
        }),
    );
  }
  return tasks;
}

/** The live (not superseded) draws of these tasks by `taskId/batch`, and whether a frozen re-draw is pending. */
async function findLiveDraws(
  trx: Transaction<Database>,
  taskIds: readonly number[],
): Promise<Map<string, { id: number; pendingRedraw: boolean }>> {
  const live = new Map<string, { id: number; pendingRedraw: boolean }>();
  if (taskIds.length === 0) return live;
  const rows = await trx
    .selectFrom('draws as d')
    .select((eb) => [
      'd.id',
      'd.task_id',
      'd.batch',
      eb
        .exists(
          eb.selectFrom('draw_frames as f').select('f.id').whereRef('f.supersedes_draw_id', '=', 'd.id'),
        )
        .as('pending'),
    ])
    .where('d.task_id', 'in', [...new Set(taskIds)])
    .where(IS_LIVE_DRAW)
    .orderBy('d.id')
    .execute();
  for (const r of rows) {
    const key = `${String(r.task_id)}/${String(r.batch)}`;
    if (!live.has(key)) live.set(key, { id: r.id, pendingRedraw: Boolean(r.pending) });
  }
  return live;
}

/** Canonical ids drawn by the live draws of these tasks, with the batch that drew them. */
async function loadEarlierTargets(
  trx: Transaction<Database>,
  taskIds: readonly number[],
): Promise<Map<number, { batch: number; id: string }[]>> {
  const earlier = new Map<number, { batch: number; id: string }[]>();
  if (taskIds.length === 0) return earlier;
  const rows = await trx
    .selectFrom('draw_targets as dt')
    .innerJoin('draws as d', 'd.id', 'dt.draw_id')
    .select(['d.task_id', 'd.batch', 'dt.canonical_id'])
    .where('d.task_id', 'in', [...new Set(taskIds)])
    .where(IS_LIVE_DRAW)
    .execute();
  for (const r of rows) {
    const list = earlier.get(r.task_id) ?? [];
    list.push({ batch: r.batch, id: r.canonical_id });
    earlier.set(r.task_id, list);
  }
  return earlier;
}

/** The line whose ratio governs the task's draw: the one demanding the most (ratio, then 不少于N户). */
function chooseGoverningLine(task: TaskForDraw): TaskForDraw['lines'][number] | undefined {
  const withRatio = task.lines.filter((l) => l.ratioPercent !== null && l.ratioBound !== null);
  return withRatio.sort(
    (a, b) => (b.ratioPercent ?? 0) - (a.ratioPercent ?? 0) || (b.minCount ?? 0) - (a.minCount ?? 0),
  )[0];
}

/** An item that passed the checks: its task, governing line, batch and the draw it re-draws (if any). */
interface CheckedItem {
  readonly task: TaskForDraw;
  readonly batch: number;
  readonly times: number;
  readonly ratioPercent: number;
  readonly ratioBound: 'exact' | 'atLeast' | 'atMost';
  readonly minCount: number | null;
  readonly live: { id: number } | null;
  readonly redrawReason: string;
}

/** Checks an item against its task and the draws so far (DOMAIN.md §4.4 re-draws); nothing is read here. */
function checkItem(
  item: DrawItem,
  tasks: ReadonlyMap<string, TaskForDraw>,
  live: ReadonlyMap<string, { id: number; pendingRedraw: boolean }>,
): Result<CheckedItem, DrawError> {
  const task = tasks.get(item.taskCode);
  if (task === undefined) return err({ kind: 'task_not_found', code: item.taskCode });
  if (!task.hasInitiator) return err({ kind: 'no_initiator', code: task.code });
  const line = chooseGoverningLine(task);
  if (line === undefined || line.ratioPercent === null || line.ratioBound === null) {
    return err({ kind: 'no_ratio', code: task.code });
  }
  const times = line.timesPerYear ?? 1;
  if (!Number.isInteger(item.batch) || item.batch < 1 || item.batch > times) {
    return err({ kind: 'bad_batch', code: task.code, batch: item.batch, timesPerYear: times });
  }
  const drawn = live.get(`${String(task.id)}/${String(item.batch)}`) ?? null;
  const redrawReason = item.redrawReason?.trim() ?? '';
  if (drawn !== null && redrawReason === '') {
    return err({ kind: 'already_drawn', code: task.code, batch: item.batch });
  }
  if (drawn === null && redrawReason !== '') {
    return err({ kind: 'nothing_to_redraw', code: task.code, batch: item.batch });
  }
  if (drawn?.pendingRedraw === true) {
    return err({ kind: 'redraw_pending', code: task.code, batch: item.batch });
  }
  return ok({
    task,
    batch: item.batch,
    times,
    ratioPercent: line.ratioPercent,
    ratioBound: line.ratioBound,
    minCount: line.minCount,
    live: drawn,
    redrawReason,
  });
}

/**
 * Freeze the frames of a draw session (DOMAIN.md §4.1): for each task batch, compute the eligible population from
 * its lines' population rules, leave out earlier batches' targets, split into credit-risk strata when the task is
 * risk-based, allocate (core allocateBatch), label the strata opaquely and seal their membership, hash the frame.
 * Everything is stored in one transaction, before any seed exists; the hashes are public from this moment.
 *
 * Set-based and overlapped: the tasks, the draws so far and earlier targets are read once for the whole session, and
 * every frame comes from one read of the register (population-store selectFrames), so a 350-task session costs a
 * handful of statements, not a few per task; the frames themselves (frame-computation.ts) are computed in the draw
 * worker (draw-computer.ts), group by group, while this thread stores the previous group.
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
  // The worker loads (when it is not running yet) while the register is read.
  const computer = await openDrawComputer();
  try {
    // All or nothing: an item that fails after the session row is written must not leave a half-frozen session.
    return await runResultTransaction(db, (trx) => freezeInTransaction(trx, computer, actor, input));
  } finally {
    computer.release();
  }
}

async function freezeInTransaction(
  trx: Transaction<Database>,
  computer: DrawComputer,
  actor: AuditActor,
  input: { year: number; title: string; items: readonly DrawItem[] },
): Promise<Result<{ sessionId: number; frames: FrozenFrameSummary[] }, DrawError>> {
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
  const tasks = await loadTasks(
    trx,
    plan.id,
    input.items.map((i) => i.taskCode),
  );
  const live = await findLiveDraws(
    trx,
    [...tasks.values()].map((t) => t.id),
  );
  const checked: CheckedItem[] = [];
  for (const item of input.items) {
    const c = checkItem(item, tasks, live);
    if (!c.ok) return c;
    checked.push(c.value);
  }
  const rules = checked.flatMap((c) => c.task.rules);
  const members = await selectFrames(trx, rules);
  const earlier = await loadEarlierTargets(
    trx,
    checked.filter((c) => c.batch > 1).map((c) => c.task.id),
  );
  // Issue #9 (features/risk/risk-tilt.ts): tasks tilted by the risk model, and the tilt of each such frame.
  const tiltedTasks = await loadTiltedTasks(
    trx,
    checked.map((c) => c.task.id),
  );
  const requests: FrameRequest[] = [];
  const tilts: (RiskTiltPlan | null)[] = [];
  let next = 0;
  for (const c of checked) {
    const own = members.slice(next, next + c.task.rules.length);
    next += c.task.rules.length;
    const before =
      c.batch > 1 ? (earlier.get(c.task.id) ?? []).filter((e) => e.batch < c.batch).map((e) => e.id) : [];
    const share = tiltedTasks.get(c.task.id);
    const tilt =
      share === undefined
        ? null
        : await planRiskTilt(trx, {
            taskId: c.task.id,
            members: mergeRuleMembers(own),
            earlier: new Set(before),
            salt: randomBytes(16).toString('hex'),
            ratio: { percent: c.ratioPercent, bound: c.ratioBound },
            minCount: c.minCount,
            timesPerYear: c.times,
            batch: c.batch,
            controlShare: share,
          });
    requests.push({
      taskCode: c.task.code,
      riskBased: c.task.riskBased,
      batch: c.batch,
      times: c.times,
      ratioPercent: c.ratioPercent,
      ratioBound: c.ratioBound,
      minCount: c.minCount,
      rules: own,
      earlier: before,
      tilt,
      salt: tilt?.salt ?? randomBytes(16).toString('hex'),
    });
    tilts.push(tilt);
  }
  // Every group is asked for at once; the worker answers them in order while the frames come back to be stored.
  const groups = groupForOverlap(requests.map((r) => r.rules.reduce((n, rule) => n + rule.ids.length, 1)));
  const answers = groups.map(([start, end]) => computer.freezeFrames(requests.slice(start, end)));
  for (const answer of answers) answer.catch(() => undefined);
  const frames: FrozenFrameSummary[] = [];
  for (let g = 0; g < groups.length; g++) {
    const [start] = groups[g] as [number, number];
    const done = await (answers[g] as Promise<Result<ComputedFrame[], DrawError>>);
    if (!done.ok) return done;
    const stored = done.value.map((frame, i) => ({
      item: checked[start + i] as CheckedItem,
      tilt: tilts[start + i] ?? null,
      frame,
    }));
    await storeFrames(trx, session.id, actor, stored);
    for (const { item, frame } of stored) {
      frames.push({
        taskCode: item.task.code,
        batch: item.batch,
        frameHash: frame.frameHash,
        frameSize: frame.frameSize,
        targets: frame.targets,
        strata: frame.strata,
      });
    }
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
}

/** Stores computed frames and their sealed strata, with a few bulk statements. */
async function storeFrames(
  trx: Transaction<Database>,
  sessionId: number,
  actor: AuditActor,
  stored: readonly { item: CheckedItem; tilt: RiskTiltPlan | null; frame: ComputedFrame }[],
): Promise<void> {
  for (let i = 0; i < stored.length; i += FRAME_ROWS_PER_INSERT) {
    const chunk = stored.slice(i, i + FRAME_ROWS_PER_INSERT);
    const rows = await trx
      .insertInto('draw_frames')
      .values(
        chunk.map(({ item, tilt, frame }) => ({
          session_id: sessionId,
          task_id: item.task.id,
          task_code: item.task.code,
          batch: item.batch,
          algorithm: frame.algorithm,
          frame_hash: frame.frameHash,
          id_count: frame.frameSize,
          ids: frame.idsText,
          strata: JSON.stringify(frame.strata),
          sealed_hash: frame.sealed,
          excluded: frame.excludedText,
          allocation: frame.allocationText,
          supersedes_draw_id: item.live?.id ?? null,
          redraw_reason: item.live === null ? null : item.redrawReason,
          redraw_approved_by: item.live === null ? null : actor.userId,
          risk_model_id: tilt?.modelId ?? null,
          risk_control_share: tilt?.controlShare ?? null,
        })),
      )
      .returning(['id', 'task_id', 'batch'])
      .execute();
    const frameIds = new Map(rows.map((r) => [`${String(r.task_id)}/${String(r.batch)}`, r.id]));
    await trx
      .insertInto('draw_sealed_strata')
      .values(
        chunk.map(({ item, frame }) => ({
          frame_id: frameIds.get(`${String(item.task.id)}/${String(item.batch)}`) ?? -1,
          salt: frame.salt,
          id_strata: frame.idStrataText,
          labels: frame.labelsText,
        })),
      )
      .execute();
  }
}
