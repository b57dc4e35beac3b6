/**
 * `ssj demo --simulate-year YEAR` (issue "Inspections, results and publication"): plays a whole year on the demo
 * data so every page has something real to show. For each month, the task batches whose window opens that month are
 * drawn in one draw session (the real freeze → seed → publish path, seed digits from the simulation's generator),
 * dispatched as inspections, then each visit gets plausible results and a timeline (core simulateTimeline: some
 * returned once, some published late, a few never done) written in bulk, one audited transaction per month.
 * Follow-up cases are opened for problems and most are closed; serious outcomes raise the object to class D.
 * Deterministic from the seed; the draws and their records are real and verifiable.
 */
import { sql, type Kysely } from 'kysely';
import {
  computeBatchWindow,
  createSeededRandom,
  computeViolationProbability,
  findSeriousMarks,
  hashTextToState,
  isNonCompliant,
  simulateResultCodes,
  simulateTimeline,
  type RiskClass,
  type WorkCalendar,
} from '@ssj/core';
import { appendAudit, type AuditActor } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { loadWorkCalendar } from '../features/calendar/calendar-store.ts';
import { dispatchPublishedDraws } from '../features/inspections/dispatch-inspections.ts';
import { freezeDrawSession, type DrawItem } from '../features/draws/freeze-session.ts';
import { publishDrawSession } from '../features/draws/publish-session.ts';
import { enterSessionSeed } from '../features/draws/seed-session.ts';
import { describeDrawError } from '../features/draws/draw-errors.ts';

export interface SimulationSummary {
  readonly sessions: number;
  readonly draws: number;
  readonly skipped: { code: string; batch: number; reason: string }[];
  readonly inspections: number;
  readonly published: number;
  readonly late: number;
  readonly unfinished: number;
  readonly followUps: number;
  readonly closedFollowUps: number;
}

export interface SimulationOptions {
  readonly year: number;
  readonly seed?: string;
  /** The simulated "today": work dated after it is not done (default: December 31 of the year). */
  readonly asOf?: string;
  readonly actor: AuditActor;
  readonly onProgress?: (step: string) => void;
  /**
   * Continue a year simulated up to an earlier `asOf` (issue #9: train the risk model on the first half, then tilt
   * the second half): draw only the windows opening in this month or later; earlier draws stay as they are.
   */
  readonly fromMonth?: number;
}

const HIGH_HAZARD = /危险|食品|药品|特种设备|燃气|消防|安全生产|医疗|疫苗|化学/;
const NEVER_DONE_SHARE = 0.03;
const LATE_SHARE = 0.07;

interface Batch {
  readonly code: string;
  readonly batch: number;
  readonly month: number;
}

async function listBatches(db: Kysely<Database>, year: number): Promise<Batch[]> {
  const tasks = await db
    .selectFrom('tasks as t')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .select(['t.id', 't.code'])
    .where('p.year', '=', year)
    .where('p.status', '=', 'published')
    .where('t.status', '=', 'active')
    .orderBy('t.seq')
    .execute();
  const lines = await db
    .selectFrom('task_lines as l')
    .innerJoin('tasks as t', 't.id', 'l.task_id')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .select(['l.task_id', 'l.window_from_month', 'l.window_to_month', 'l.times_per_year'])
    .where('p.year', '=', year)
    .execute();
  const batches: Batch[] = [];
  for (const task of tasks) {
    const mine = lines.filter((l) => l.task_id === task.id);
    const froms = mine.map((l) => l.window_from_month).filter((m): m is number => m !== null);
    const tos = mine.map((l) => l.window_to_month).filter((m): m is number => m !== null);
    const times = Math.max(1, ...mine.map((l) => l.times_per_year ?? 1));
    for (let b = 1; b <= Math.min(times, 12); b++) {
      const window = computeBatchWindow({
        year,
        fromMonth: froms.length > 0 ? Math.min(...froms) : null,
        toMonth: tos.length > 0 ? Math.max(...tos) : null,
        timesPerYear: times,
        batch: b,
      });
      batches.push({ code: task.code, batch: b, month: Number(window.from.slice(5, 7)) });
    }
  }
  return batches;
}

/** Holds one draw session for `items`, leaving out the task batches that cannot be drawn (named in `skipped`). */
async function holdSession(
  db: Kysely<Database>,
  actor: AuditActor,
  year: number,
  month: number,
  items: DrawItem[],
  digits: string,
  skipped: SimulationSummary['skipped'],
): Promise<number> {
  let pending = [...items];
  while (pending.length > 0) {
    const frozen = await freezeDrawSession(db, actor, {
      year,
      title: `${String(year)}年${String(month)}月抽取会（模拟）`,
      items: pending,
    });
    if (!frozen.ok) {
      const e = frozen.error;
      const code = 'code' in e ? e.code : null;
      if (code === null) throw new Error(`simulation: cannot freeze: ${describeDrawError(e)}`);
      const batch = 'batch' in e && typeof e.batch === 'number' ? e.batch : null;
      skipped.push({ code, batch: batch ?? 0, reason: describeDrawError(e) });
      pending = pending.filter((i) => !(i.taskCode === code && (batch === null || i.batch === batch)));
      continue;
    }
    const seeded = await enterSessionSeed(db, actor, frozen.value.sessionId, {
      digits,
      beacon: null,
      witnesses: ['模拟见证人甲', '模拟见证人乙'],
    });
    if (!seeded.ok) throw new Error(`simulation: cannot seed: ${JSON.stringify(seeded.error)}`);
    const published = await publishDrawSession(db, actor, frozen.value.sessionId);
    if (published.ok) return published.value.draws.length;
    const e = published.error;
    const code = 'code' in e ? e.code : null;
    if (code === null) throw new Error(`simulation: cannot publish: ${describeDrawError(e)}`);
    // The seeded session stays on record (seeds are never deleted); the next session leaves the task out.
    skipped.push({ code, batch: 0, reason: describeDrawError(e) });
    pending = pending.filter((i) => i.taskCode !== code);
  }
  return 0;
}

interface VisitRow {
  id: number;
  object_id: number;
  window_from: string;
  window_to: string;
  deadline: string;
  risk_class: RiskClass | null;
  kind: string;
  established_on: string | null;
  registered_capital: number | null;
  responsible_department_id: number;
}

function ageInYears(establishedOn: string | null, on: string): number | null {
  if (establishedOn === null) return null;
  return Math.max(0, Number(on.slice(0, 4)) - Number(establishedOn.slice(0, 4)));
}

/** China noon of a date, for the timestamps of simulated actions. */
function atNoon(date: string): string {
  return `${date}T04:00:00Z`;
}

async function simulateVisits(
  db: Kysely<Database>,
  cal: WorkCalendar,
  actor: AuditActor,
  year: number,
  asOf: string,
  seed: string,
): Promise<{
  inspections: number;
  published: number;
  late: number;
  unfinished: number;
  followUps: number;
  closed: number;
}> {
  const visits: VisitRow[] = await db
    .selectFrom('inspections as i')
    .innerJoin('objects as o', 'o.id', 'i.object_id')
    .select([
      'i.id',
      'i.object_id',
      'i.window_from',
      'i.window_to',
      'i.deadline',
      'o.risk_class',
      'o.kind',
      'o.established_on',
      'o.registered_capital',
      'i.responsible_department_id',
    ])
    .where('i.year', '=', year)
    .where('i.status', '=', 'draft')
    .where('i.submitted_at', 'is', null)
    .orderBy('i.id')
    .execute();
  if (visits.length === 0)
    return { inspections: 0, published: 0, late: 0, unfinished: 0, followUps: 0, closed: 0 };
  const tasks = await db
    .selectFrom('inspection_tasks as it')
    .innerJoin('tasks as t', 't.id', 'it.task_id')
    .select(['it.inspection_id', 'it.task_id', 'it.matters', 't.name', 'it.department_id'])
    .where(
      'it.inspection_id',
      'in',
      sql<number>`(select (jsonb_array_elements_text(${JSON.stringify(visits.map((v) => v.id))}::jsonb))::integer)`,
    )
    .execute();
  const prior = await db
    .selectFrom('follow_ups')
    .select((eb) => ['object_id', eb.fn.countAll<string>().as('n')])
    .groupBy('object_id')
    .execute();
  const priorOf = new Map(prior.map((p) => [p.object_id, Number(p.n)]));
  const results: {
    inspection_id: number;
    task_id: number;
    matter: string;
    result_codes: string;
    non_compliant: boolean;
  }[] = [];
  const updates: Record<string, unknown>[] = [];
  const reviews: { inspection_id: number; action: string; reason: string | null; at: string }[] = [];
  const followUps: {
    inspection_id: number;
    task_id: number;
    object_id: number;
    department_id: number;
    type: string | null;
    state: string;
    closed_on: string | null;
    outcome: string;
    serious: string[];
  }[] = [];
  let published = 0;
  let late = 0;
  let unfinished = 0;
  for (const v of visits) {
    const random = createSeededRandom(hashTextToState(`${seed}/visit/${String(v.id)}`));
    const served = tasks.filter((t) => t.inspection_id === v.id);
    const window = { from: v.window_from, to: v.window_to, deadline: v.deadline };
    if (v.window_from > asOf) continue;
    if (random.chance(NEVER_DONE_SHARE)) {
      unfinished++;
      continue;
    }
    const timeline = simulateTimeline(random, cal, window, LATE_SHARE);
    if (timeline.inspectedOn > asOf) continue;
    const p = computeViolationProbability({
      riskClass: v.risk_class,
      kind: v.kind,
      ageYears: ageInYears(v.established_on, timeline.inspectedOn),
      registeredCapital: v.registered_capital,
      priorViolations: priorOf.get(v.object_id) ?? 0,
      highHazard: served.some((t) => HIGH_HAZARD.test(t.name)),
    });
    const problemTasks: typeof served = [];
    for (const t of served) {
      let problem = false;
      for (const matter of t.matters) {
        const codes = simulateResultCodes(random, p);
        const bad = isNonCompliant(codes);
        problem ||= bad;
        results.push({
          inspection_id: v.id,
          task_id: t.task_id,
          matter,
          result_codes: JSON.stringify(codes),
          non_compliant: bad,
        });
      }
      if (problem) problemTasks.push(t);
    }
    const method = random.chance(0.85) ? '实地检查' : random.pick(['书面检查', '网络监测', '检验检测']);
    const findings =
      problemTasks.length > 0 ? '检查发现问题，已告知当事人并依法处理。' : '现场检查未发现问题。';
    const submitted = timeline.submittedOn <= asOf;
    const returned = timeline.returned !== null && timeline.returned.returnedOn <= asOf;
    const resubmitted = timeline.returned !== null && timeline.returned.resubmittedOn <= asOf;
    const approved = timeline.approvedOn <= asOf;
    if (submitted)
      reviews.push({ inspection_id: v.id, action: 'submit', reason: null, at: atNoon(timeline.submittedOn) });
    if (returned) {
      reviews.push({
        inspection_id: v.id,
        action: 'return',
        reason: '请补充检查记录和现场照片',
        at: atNoon(timeline.returned.returnedOn),
      });
      if (resubmitted)
        reviews.push({
          inspection_id: v.id,
          action: 'submit',
          reason: null,
          at: atNoon(timeline.returned.resubmittedOn),
        });
    }
    const status = !submitted
      ? 'draft'
      : returned && !resubmitted
        ? 'returned'
        : approved
          ? 'published'
          : 'submitted';
    if (status === 'published') {
      reviews.push({ inspection_id: v.id, action: 'approve', reason: null, at: atNoon(timeline.approvedOn) });
      published++;
      if (timeline.approvedOn > v.deadline) late++;
      for (const t of problemTasks) {
        const closedOn = addDays(timeline.approvedOn, random.nextInt(7, 60));
        const close = random.chance(0.8) && closedOn <= asOf;
        const type = random.pickWeighted(
          ['责令改正', '立案调查/行政处罚', '列入经营异常名录', '移送其他行政机关', '抄告相关部门'],
          [60, 20, 8, 6, 6],
        );
        const outcome = !close
          ? ''
          : type === '立案调查/行政处罚' && random.chance(0.15)
            ? '依法吊销营业执照'
            : type === '责令改正'
              ? '已按期整改到位'
              : type === '列入经营异常名录'
                ? '已列入经营异常名录'
                : '已办结';
        followUps.push({
          inspection_id: v.id,
          task_id: t.task_id,
          object_id: v.object_id,
          department_id: t.department_id,
          type: close ? type : null,
          state: close ? 'closed' : 'open',
          closed_on: close ? closedOn : null,
          outcome,
          serious: close ? findSeriousMarks(type, outcome) : [],
        });
      }
    } else if (status === 'draft') {
      unfinished++;
    }
    updates.push({
      id: v.id,
      status,
      method,
      inspected_on: timeline.inspectedOn,
      findings,
      submitted_at: submitted
        ? atNoon(
            timeline.returned !== null && resubmitted
              ? timeline.returned.resubmittedOn
              : timeline.submittedOn,
          )
        : null,
      return_reason: status === 'returned' ? '请补充检查记录和现场照片' : null,
      published_at: status === 'published' ? atNoon(timeline.approvedOn) : null,
      published_on: status === 'published' ? timeline.approvedOn : null,
      late: status === 'published' ? timeline.approvedOn > v.deadline : null,
    });
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < results.length; i += 5000) {
      await sql`
        insert into inspection_results (inspection_id, task_id, matter, result_codes, non_compliant)
        select r.inspection_id, r.task_id, r.matter, r.result_codes::jsonb, r.non_compliant
        from jsonb_to_recordset(${JSON.stringify(results.slice(i, i + 5000))}::jsonb)
          as r(inspection_id integer, task_id integer, matter text, result_codes text, non_compliant boolean)
        on conflict do nothing`.execute(trx); // a visit entered but not submitted by an earlier asOf (fromMonth)
    }
    for (let i = 0; i < reviews.length; i += 5000) {
      await sql`
        insert into inspection_reviews (inspection_id, action, reason, at)
        select r.inspection_id, r.action, r.reason, r.at::timestamptz
        from jsonb_to_recordset(${JSON.stringify(reviews.slice(i, i + 5000))}::jsonb)
          as r(inspection_id integer, action text, reason text, at text)`.execute(trx);
    }
    // Follow-ups first: a published inspection row is final.
    for (let i = 0; i < followUps.length; i += 5000) {
      await sql`
        insert into follow_ups (inspection_id, task_id, object_id, responsible_department_id, type, state, closed_on,
          outcome, serious_marks)
        select r.inspection_id, r.task_id, r.object_id, r.department_id, r.type, r.state, r.closed_on, r.outcome,
          r.serious
        from jsonb_to_recordset(${JSON.stringify(followUps.slice(i, i + 5000))}::jsonb)
          as r(inspection_id integer, task_id integer, object_id integer, department_id integer, type text,
            state text, closed_on text, outcome text, serious jsonb)`.execute(trx);
    }
    const serious = followUps.filter((f) => f.serious.length > 0);
    if (serious.length > 0) {
      await sql`
        insert into object_risk_history (object_id, class, "on", source, reason)
        select r.object_id, 'D', r.closed_on, 'follow-up:simulation', r.reason
        from jsonb_to_recordset(${JSON.stringify(serious.map((f) => ({ object_id: f.object_id, closed_on: f.closed_on, reason: `后续处置：${f.serious.join('、')}` })))}::jsonb)
          as r(object_id integer, closed_on text, reason text)`.execute(trx);
      await sql`update objects set risk_class = 'D' where id in (select (jsonb_array_elements_text(${JSON.stringify(serious.map((f) => f.object_id))}::jsonb))::integer)`.execute(
        trx,
      );
    }
    for (let i = 0; i < updates.length; i += 5000) {
      await sql`
        update inspections i set status = r.status, method = r.method, inspected_on = r.inspected_on,
          findings = r.findings, submitted_at = r.submitted_at::timestamptz, return_reason = r.return_reason,
          published_at = r.published_at::timestamptz, published_on = r.published_on, late = r.late,
          reviewed_by = null
        from jsonb_to_recordset(${JSON.stringify(updates.slice(i, i + 5000))}::jsonb)
          as r(id integer, status text, method text, inspected_on text, findings text, submitted_at text,
            return_reason text, published_at text, published_on text, late boolean)
        where i.id = r.id`.execute(trx);
    }
    await appendAudit(trx, actor, {
      action: 'simulation.results',
      entity: 'simulation',
      entityId: String(year),
      after: {
        asOf,
        inspections: updates.length,
        published,
        late,
        followUps: followUps.length,
        results: results.length,
      },
    });
  });
  return {
    inspections: visits.length,
    published,
    late,
    unfinished,
    followUps: followUps.length,
    closed: followUps.filter((f) => f.state === 'closed').length,
  };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Plays `year` on the demo data (see the module comment). Refuses when the year already has draws. */
export async function simulateYear(
  db: Kysely<Database>,
  options: SimulationOptions,
): Promise<SimulationSummary> {
  const { year, actor } = options;
  const seed = options.seed ?? `ssj-simulation-${String(year)}`;
  const asOf = options.asOf ?? `${String(year)}-12-31`;
  const existing = await db
    .selectFrom('draws as d')
    .innerJoin('tasks as t', 't.id', 'd.task_id')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .select('d.id')
    .where('p.year', '=', year)
    .executeTakeFirst();
  if (existing !== undefined && options.fromMonth === undefined)
    throw new Error(`simulation: ${String(year)} already has draws; simulate on a fresh demo database`);
  const cal = await loadWorkCalendar(db);
  const batches = await listBatches(db, year);
  const months = [...new Set(batches.map((b) => b.month))].sort((a, b) => a - b);
  const random = createSeededRandom(hashTextToState(`${seed}/sessions`));
  const skipped: SimulationSummary['skipped'] = [];
  let sessions = 0;
  let draws = 0;
  const totals = { inspections: 0, published: 0, late: 0, unfinished: 0, followUps: 0, closed: 0 };
  for (const month of months) {
    if (`${String(year)}-${String(month).padStart(2, '0')}-01` > asOf) break;
    if (options.fromMonth !== undefined && month < options.fromMonth) continue;
    const items = batches.filter((b) => b.month === month).map((b) => ({ taskCode: b.code, batch: b.batch }));
    const digits = Array.from({ length: 30 }, () => String(random.nextInt(0, 9))).join('');
    options.onProgress?.(`${String(month)}月：抽取 ${String(items.length)} 个任务批次`);
    const drawn = await holdSession(db, actor, year, month, items, digits, skipped);
    if (drawn > 0) sessions++;
    draws += drawn;
    await dispatchPublishedDraws(db, actor, year);
  }
  options.onProgress?.('录入检查结果、审核、公示和后续处置');
  const visits = await simulateVisits(db, cal, actor, year, asOf, seed);
  totals.inspections += visits.inspections;
  totals.published += visits.published;
  totals.late += visits.late;
  totals.unfinished += visits.unfinished;
  totals.followUps += visits.followUps;
  totals.closed += visits.closed;
  return {
    sessions,
    draws,
    skipped,
    inspections: totals.inspections,
    published: totals.published,
    late: totals.late,
    unfinished: totals.unfinished,
    followUps: totals.followUps,
    closedFollowUps: totals.closed,
  };
}
