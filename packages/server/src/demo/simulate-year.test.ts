import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit-log.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { prepareDatabase } from '../start-server.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { loadAssessment } from '../features/oversight/assessment-store.ts';
import { issueBulletin } from '../features/oversight/bulletin-store.ts';
import { loadProgressReport } from '../features/oversight/progress-report.ts';
import { simulateYear, type SimulationSummary } from './simulate-year.ts';

const ACTOR = { userId: null, role: 'simulation', departmentId: null, requestId: null };

describe('ssj demo --simulate-year 2023', () => {
  let h: DatabaseHandle;
  let summary: SimulationSummary;

  beforeAll(async () => {
    h = await createTestDatabase();
    await prepareDatabase(h, { demo: true, demoObjects: 3000 });
    summary = await simulateYear(h.db, { year: 2023, actor: ACTOR });
  }, 600_000);
  afterAll(async () => {
    await h.close();
  });

  it('draws every window of the plan in monthly sessions and dispatches every target', async () => {
    expect(summary.sessions).toBeGreaterThan(1);
    expect(summary.draws).toBeGreaterThan(300);
    const undispatched = await sql<{ n: string }>`
      select count(*) as n from draw_targets x
      where not exists (select 1 from inspection_tasks it where it.draw_id = x.draw_id and it.object_id = x.object_id)`.execute(
      h.db,
    );
    expect(Number(undispatched.rows[0]?.n)).toBe(0);
  });

  it('leaves a year with published results, some late, some never done, and follow-ups', async () => {
    const counts = await h.db
      .selectFrom('inspections')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('status')
      .execute();
    const by = new Map(counts.map((c) => [c.status, Number(c.n)]));
    expect(by.get('published')).toBe(summary.published);
    expect(summary.published).toBeGreaterThan(summary.inspections * 0.8);
    expect(summary.late).toBeGreaterThan(0);
    expect(summary.unfinished).toBeGreaterThan(0);
    const late = await h.db
      .selectFrom('inspections')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('late', '=', true)
      .executeTakeFirstOrThrow();
    expect(Number(late.n)).toBe(summary.late);
    // Every published inspection has a result for every matter of every task it served.
    const missing = await sql<{ n: string }>`
      select count(*) as n from inspections i join inspection_tasks it on it.inspection_id = i.id,
        jsonb_array_elements_text(it.matters) m(matter)
      where i.status = 'published' and not exists (select 1 from inspection_results r
        where r.inspection_id = i.id and r.task_id = it.task_id and r.matter = m.matter)`.execute(h.db);
    expect(Number(missing.rows[0]?.n)).toBe(0);
    expect(summary.followUps).toBeGreaterThan(0);
    expect(summary.closedFollowUps).toBeGreaterThan(0);
    const problems = await sql<{ n: string }>`
      select count(distinct (r.inspection_id, r.task_id)) as n from inspection_results r
      join inspections i on i.id = r.inspection_id where i.status = 'published' and r.non_compliant`.execute(
      h.db,
    );
    expect(Number(problems.rows[0]?.n)).toBe(summary.followUps);
    // The portal's read model, written by the database's triggers, holds exactly the published task results.
    const model = await sql<{ rows: string; differ: string }>`
      select (select count(*) from public_results) as rows,
        (select count(*) from (
          (select inspection_id, draw_id, codes, published_on from public_result_sources
           except select inspection_id, draw_id, codes, published_on from public_results)
          union all
          (select inspection_id, draw_id, codes, published_on from public_results
           except select inspection_id, draw_id, codes, published_on from public_result_sources)) d) as differ`.execute(
      h.db,
    );
    expect(Number(model.rows[0]?.rows)).toBeGreaterThan(0);
    expect(Number(model.rows[0]?.differ)).toBe(0);
  });

  it('finds more non-compliance among class D objects than class A (the hidden rule)', async () => {
    const rates = await sql<{ risk_class: string; rate: number }>`
      select o.risk_class, avg(case when r.non_compliant then 1.0 else 0.0 end)::float8 as rate
      from inspection_results r join inspections i on i.id = r.inspection_id join objects o on o.id = i.object_id
      where o.risk_class in ('A', 'D') group by o.risk_class`.execute(h.db);
    const of = new Map(rates.rows.map((r) => [r.risk_class, r.rate]));
    expect(of.get('D') ?? 0).toBeGreaterThan(of.get('A') ?? 1);
  });

  it('populates the dashboards, a bulletin and the assessment, consistent with the rows (issue "Oversight")', async () => {
    const when = { year: 2023, asOf: '2023-12-31', today: '2024-01-01' };
    const city = { regionCode: null, departmentId: null };
    const report = await loadProgressReport(h.db, when, city);
    const due = await sql<{ n: number }>`
      select count(*)::integer as n from draw_targets x join draws d on d.id = x.draw_id
      where d.id not in (select supersedes_draw_id from draws where supersedes_draw_id is not null)`.execute(
      h.db,
    );
    const published = await sql<{ n: number; late: number }>`
      select count(*)::integer as n, (count(*) filter (where i.published_on > it.deadline))::integer as late
      from inspection_tasks it join inspections i on i.id = it.inspection_id where i.status = 'published'`.execute(
      h.db,
    );
    expect(report.totals.counts.due).toBe(due.rows[0]?.n);
    expect(report.totals.counts.published).toBe(published.rows[0]?.n);
    expect(report.totals.counts.late).toBe(published.rows[0]?.late);
    expect(report.totals.counts.overdue).toBeGreaterThan(0);
    expect(report.totals.completionRate).toBeGreaterThan(0.8);
    expect(report.departments.filter((d) => d.counts.due > 0).length).toBeGreaterThan(50);
    const bulletin = await issueBulletin(h.db, ACTOR, {
      year: 2023,
      asOf: '2023-12-31',
      issuedOn: '2024-01-02',
      kind: 'on_demand',
      period: null,
    });
    expect(bulletin.ok && bulletin.value.totals).toEqual(report.totals.counts);
    const assessment = await loadAssessment(h.db, 2023, '2023-12-31', city);
    const ranked = assessment.rows.filter((r) => r.rank !== null);
    expect(ranked.length).toBeGreaterThan(50);
    expect(ranked.some((r) => r.grade === '优秀' || r.grade === '良好' || r.grade === '合格')).toBe(true);
  });

  it('keeps the audit chain intact and refuses a second simulation of the same year', async () => {
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
    await expect(simulateYear(h.db, { year: 2023, actor: ACTOR })).rejects.toThrow(/already has draws/);
  });
});
